package io.keywarden.provider.signature;

import io.keywarden.kms.api.RsaParameters;
import io.keywarden.kms.api.SigningAlgorithmSpec;
import io.keywarden.provider.RsaDigests;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.ProviderException;
import java.security.SignatureException;
import java.security.interfaces.RSAKey;
import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.List;
import java.util.Map;

/**
 * RSASSA-PSS with an RSA SIGN_VERIFY handle. AWS KMS's combinations (RSASSA_PSS_SHA_256/384/512:
 * MGF1 with the message digest, salt length = digest length) are sent as the plain algorithm; any
 * other {@link PSSParameterSpec} with a digest and MGF1 digest of SHA-1, SHA-224, SHA-256, SHA-384,
 * SHA-512, SHA-512/224, SHA-512/256 or SHA3-*, a salt that fits the modulus and trailer field 1 goes
 * through Keywarden's {@code KeywardenRsaParameters} extension (the algorithm sent is the PSS member of
 * the same digest, or RSASSA_PSS_SHA_256 for a digest AWS KMS lacks). Anything else (another MGF,
 * trailer field, digest) is an {@link InvalidAlgorithmParameterException}.
 *
 * <p>{@code RSASSA-PSS} (alias {@code PSS}) needs a {@link PSSParameterSpec} through
 * {@code setParameter} <em>after</em> {@code initSign}/{@code initVerify} (setting it before
 * {@code init} makes the JCA choose a provider without the key). {@code SHA256withRSA/PSS},
 * {@code SHA384withRSA/PSS} and {@code SHA512withRSA/PSS} have their digest fixed by the name.
 */
public abstract class RsaPssSignature extends KmsSignatureSpi {

    private static final Map<String, SigningAlgorithmSpec> KMS = Map.of(
            "SHA-256", SigningAlgorithmSpec.RSASSA_PSS_SHA_256, "SHA-384", SigningAlgorithmSpec.RSASSA_PSS_SHA_384,
            "SHA-512", SigningAlgorithmSpec.RSASSA_PSS_SHA_512);

    private final PSSParameterSpec fixed;
    private PSSParameterSpec spec;

    RsaPssSignature(String service, String fixedDigest) {
        super(service);
        this.fixed = fixedDigest == null ? null : kmsSpec(fixedDigest);
        this.spec = fixed;
    }

    private static PSSParameterSpec kmsSpec(String digest) {
        return new PSSParameterSpec(digest, "MGF1", new MGF1ParameterSpec(digest), RsaDigests.length(digest),
                PSSParameterSpec.TRAILER_FIELD_BC);
    }

    /** Whether the (canonical) spec is one AWS KMS signs as such. */
    private static boolean isKms(PSSParameterSpec p) {
        String d = p.getDigestAlgorithm();
        return RsaDigests.kmsSigning(d) && d.equals(mgfDigest(p)) && p.getSaltLength() == RsaDigests.length(d);
    }

    private static String mgfDigest(PSSParameterSpec p) {
        return ((MGF1ParameterSpec) p.getMGFParameters()).getDigestAlgorithm();
    }

    @Override
    protected SigningAlgorithmSpec algorithm() throws SignatureException {
        return KMS.getOrDefault(digestName(), SigningAlgorithmSpec.RSASSA_PSS_SHA_256);
    }

    @Override
    protected RsaParameters rsaParameters() throws SignatureException {
        digestName();
        return isKms(spec) ? null : RsaParameters.pss(spec.getDigestAlgorithm(), mgfDigest(spec), spec.getSaltLength());
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
            return List.of(KMS.get(fixed.getDigestAlgorithm()));
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
        String digest = RsaDigests.canonical(p.getDigestAlgorithm());
        String mgf = p.getMGFParameters() instanceof MGF1ParameterSpec m ? RsaDigests.canonical(m.getDigestAlgorithm())
                : null;
        if (digest == null || mgf == null || !"MGF1".equalsIgnoreCase(p.getMGFAlgorithm())
                || p.getTrailerField() != PSSParameterSpec.TRAILER_FIELD_BC) {
            throw new InvalidAlgorithmParameterException("Keywarden signs RSASSA-PSS with MGF1, trailer field 1 and "
                    + "digests SHA-1, SHA-224, SHA-256, SHA-384, SHA-512, SHA-512/224, SHA-512/256 or SHA3-*; not "
                    + describe(p));
        }
        if (fixed != null && !digest.equals(fixed.getDigestAlgorithm())) {
            throw new InvalidAlgorithmParameterException(service() + " signs with " + fixed.getDigestAlgorithm()
                    + " only, not " + digest);
        }
        if (publicKey() instanceof RSAKey rsa) {
            int emLen = (rsa.getModulus().bitLength() - 1 + 7) / 8;
            if (emLen < RsaDigests.length(digest) + p.getSaltLength() + 2) {
                throw new InvalidAlgorithmParameterException("A salt of " + p.getSaltLength() + " bytes is too long "
                        + "for this " + rsa.getModulus().bitLength() + "-bit key with " + digest);
            }
        }
        if (started()) {
            throw new InvalidAlgorithmParameterException("The parameters of " + service()
                    + " cannot change while a message is being signed or verified");
        }
        this.spec = new PSSParameterSpec(digest, "MGF1", new MGF1ParameterSpec(mgf), p.getSaltLength(),
                PSSParameterSpec.TRAILER_FIELD_BC);
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
