package io.keywarden.provider.signature;

import io.keywarden.kms.api.SigningAlgorithmSpec;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.ProviderException;
import java.security.SignatureException;
import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.List;
import java.util.Locale;

/**
 * RSASSA-PSS with an RSA SIGN_VERIFY handle, in the combinations AWS KMS signs
 * (RSASSA_PSS_SHA_256/384/512): MGF1 with the message digest, salt length = digest length,
 * trailer field 1. Any other {@link PSSParameterSpec} is an {@link InvalidAlgorithmParameterException}.
 *
 * <p>{@code RSASSA-PSS} (alias {@code PSS}) needs a {@link PSSParameterSpec} through
 * {@code setParameter} <em>after</em> {@code initSign}/{@code initVerify} (setting it before
 * {@code init} makes the JCA choose a provider without the key). {@code SHA256withRSA/PSS},
 * {@code SHA384withRSA/PSS} and {@code SHA512withRSA/PSS} have their parameters fixed by the name.
 */
public abstract class RsaPssSignature extends KmsSignatureSpi {

    private final PSSParameterSpec fixed;
    private PSSParameterSpec spec;

    RsaPssSignature(String service, String fixedDigest) {
        super(service);
        this.fixed = fixedDigest == null ? null : spec(fixedDigest);
        this.spec = fixed;
    }

    private static PSSParameterSpec spec(String digest) {
        return new PSSParameterSpec(digest, "MGF1", new MGF1ParameterSpec(digest), hashLength(digest),
                PSSParameterSpec.TRAILER_FIELD_BC);
    }

    private static int hashLength(String digest) {
        return switch (digest) {
            case "SHA-256" -> 32;
            case "SHA-384" -> 48;
            case "SHA-512" -> 64;
            default -> -1;
        };
    }

    /** SHA-256, SHA-384 or SHA-512 for the usual spellings (SHA256, sha-256), else null. */
    private static String normalize(String digest) {
        if (digest == null) {
            return null;
        }
        String d = digest.toUpperCase(Locale.ROOT).replace("-", "");
        return switch (d) {
            case "SHA256" -> "SHA-256";
            case "SHA384" -> "SHA-384";
            case "SHA512" -> "SHA-512";
            default -> null;
        };
    }

    @Override
    protected SigningAlgorithmSpec algorithm() throws SignatureException {
        return switch (digestName()) {
            case "SHA-256" -> SigningAlgorithmSpec.RSASSA_PSS_SHA_256;
            case "SHA-384" -> SigningAlgorithmSpec.RSASSA_PSS_SHA_384;
            default -> SigningAlgorithmSpec.RSASSA_PSS_SHA_512;
        };
    }

    @Override
    protected String digestName() throws SignatureException {
        if (spec == null) {
            throw new SignatureException(service() + " needs a PSSParameterSpec: call setParameter after "
                    + "initSign/initVerify");
        }
        return spec.getDigestAlgorithm();
    }

    @Override
    protected List<SigningAlgorithmSpec> candidates() {
        if (fixed != null) {
            try {
                return List.of(algorithm());
            } catch (SignatureException e) {
                throw new IllegalStateException(e);
            }
        }
        return List.of(SigningAlgorithmSpec.RSASSA_PSS_SHA_256, SigningAlgorithmSpec.RSASSA_PSS_SHA_384,
                SigningAlgorithmSpec.RSASSA_PSS_SHA_512);
    }

    @Override
    protected void engineSetParameter(AlgorithmParameterSpec params) throws InvalidAlgorithmParameterException {
        if (params == null && fixed != null) {
            return;
        }
        if (!(params instanceof PSSParameterSpec p)) {
            throw new InvalidAlgorithmParameterException(service() + " needs a PSSParameterSpec, not "
                    + (params == null ? "null" : params.getClass().getName()));
        }
        String digest = normalize(p.getDigestAlgorithm());
        String mgfDigest = p.getMGFParameters() instanceof MGF1ParameterSpec m ? normalize(m.getDigestAlgorithm()) : null;
        if (digest == null || !"MGF1".equalsIgnoreCase(p.getMGFAlgorithm()) || !digest.equals(mgfDigest)
                || p.getSaltLength() != hashLength(digest) || p.getTrailerField() != PSSParameterSpec.TRAILER_FIELD_BC) {
            throw new InvalidAlgorithmParameterException("AWS KMS signs RSASSA-PSS with SHA-256, SHA-384 or SHA-512, "
                    + "MGF1 with the same digest, a salt as long as the digest and trailer field 1; not "
                    + describe(p));
        }
        if (fixed != null && !digest.equals(fixed.getDigestAlgorithm())) {
            throw new InvalidAlgorithmParameterException(service() + " signs with " + fixed.getDigestAlgorithm()
                    + " only, not " + digest);
        }
        if (started()) {
            throw new InvalidAlgorithmParameterException("The parameters of " + service()
                    + " cannot change while a message is being signed or verified");
        }
        this.spec = spec(digest);
    }

    private static String describe(PSSParameterSpec p) {
        String mgf = p.getMGFParameters() instanceof MGF1ParameterSpec m ? m.getDigestAlgorithm() : "?";
        return p.getDigestAlgorithm() + ", " + p.getMGFAlgorithm() + "(" + mgf + "), salt " + p.getSaltLength()
                + ", trailer " + p.getTrailerField();
    }

    @Override
    protected AlgorithmParameters engineGetParameters() {
        if (spec == null) {
            return null;
        }
        try {
            AlgorithmParameters ap = AlgorithmParameters.getInstance("RSASSA-PSS");
            ap.init(spec);
            return ap;
        } catch (GeneralSecurityException e) {
            throw new ProviderException("Cannot encode the PSS parameters", e);
        }
    }

    /** RSASSA-PSS, with a PSSParameterSpec. */
    public static final class Parameterized extends RsaPssSignature {
        public Parameterized() {
            super("RSASSA-PSS", null);
        }
    }

    /** SHA256withRSA/PSS. */
    public static final class Sha256 extends RsaPssSignature {
        public Sha256() {
            super("SHA256withRSA/PSS", "SHA-256");
        }
    }

    /** SHA384withRSA/PSS. */
    public static final class Sha384 extends RsaPssSignature {
        public Sha384() {
            super("SHA384withRSA/PSS", "SHA-384");
        }
    }

    /** SHA512withRSA/PSS. */
    public static final class Sha512 extends RsaPssSignature {
        public Sha512() {
            super("SHA512withRSA/PSS", "SHA-512");
        }
    }
}
