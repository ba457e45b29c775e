package io.keywarden.benchmarks.sign;

import io.keywarden.benchmarks.KeywardenEnvironment;
import io.keywarden.benchmarks.Payloads;
import io.keywarden.kms.api.KeyUsage;
import io.keywarden.provider.KmsPrivateKey;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Security;
import java.security.Signature;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Signatures per second over a 1 KiB message: "keywarden" signs with a handle of a managed key
 * (one Sign call of the embedded engine, DIGEST message type), "jdk" with SunEC/SunRsaSign and a
 * software key, "bc" with Bouncy Castle and a software key. The {@code Signature} is initialised
 * once per thread ({@code sign()} resets it).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SignBench {

    @Param({"ecdsa-p256", "rsa-pss-2048"})
    public String alg;

    @Param({"keywarden", "jdk", "bc"})
    public String impl;

    public KeywardenEnvironment env;
    byte[] message;
    /** The public key of the signing key, to verify with. */
    public PublicKey publicKey;
    ThreadLocal<Signature> signature;

    @Setup(Level.Trial)
    public void setUp() throws GeneralSecurityException {
        SignAlgorithm a = SignAlgorithm.named(alg);
        message = Payloads.of(1024);
        PrivateKey key;
        Provider provider;
        String name = a.jcaName();
        if (impl.equals("keywarden")) {
            env = KeywardenEnvironment.temporary();
            KmsPrivateKey handle = (KmsPrivateKey) env.handle(env.createKey(a.keySpec(), KeyUsage.SIGN_VERIFY), false);
            key = handle;
            publicKey = handle.publicKey();
            provider = env.provider;
        } else {
            provider = softwareProvider(a);
            if (impl.equals("bc")) {
                name = a.bcName();
            }
            KeyPairGenerator g = KeyPairGenerator.getInstance(a.keyAlgorithm(), provider);
            g.initialize(a.keyGenSpec());
            KeyPair pair = g.generateKeyPair();
            key = pair.getPrivate();
            publicKey = pair.getPublic();
        }
        String signatureName = name;
        signature = ThreadLocal.withInitial(() -> {
            try {
                Signature s = Signature.getInstance(signatureName, provider);
                s.initSign(key);
                if (a.signatureParameters() != null && !impl.equals("bc")) {
                    s.setParameter(a.signatureParameters());
                }
                return s;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private Provider softwareProvider(SignAlgorithm a) {
        if (impl.equals("jdk")) {
            return Security.getProvider(a.jdkProvider());
        }
        if (impl.equals("bc")) {
            return new BouncyCastleProvider();
        }
        throw new IllegalArgumentException("unknown signing implementation " + impl);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        if (env != null) {
            env.close();
        }
    }

    @Benchmark
    public byte[] sign() throws GeneralSecurityException {
        Signature s = signature.get();
        s.update(message);
        return s.sign();
    }
}
