package io.keywarden.kms.store;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * A root key stretched from a passphrase with Argon2id (version 1.3, 32-byte output). A new store
 * records a random 16-byte salt and the cost parameters; opening uses the recorded ones, so the
 * defaults can change without breaking old stores. A wrong passphrase yields a different root key,
 * which the store detects with its verifier.
 */
public final class PassphraseRootKey implements RootKeySource {

    /** Default memory cost: 64 MiB. */
    public static final int DEFAULT_MEMORY_KIB = 64 * 1024;
    /** Default number of passes. */
    public static final int DEFAULT_ITERATIONS = 3;
    /** Default lanes. */
    public static final int DEFAULT_PARALLELISM = 1;

    static final String SALT = "argon2id.salt";
    static final String MEMORY = "argon2id.memoryKiB";
    static final String ITERATIONS = "argon2id.iterations";
    static final String PARALLELISM = "argon2id.parallelism";

    private final char[] passphrase;
    private final int memoryKiB;
    private final int iterations;
    private final int parallelism;

    /** A passphrase source with the default cost for new stores (the array is copied). */
    public PassphraseRootKey(char[] passphrase) {
        this(passphrase, DEFAULT_MEMORY_KIB, DEFAULT_ITERATIONS, DEFAULT_PARALLELISM);
    }

    /** A passphrase source with the given Argon2id cost for new stores (the array is copied). */
    public PassphraseRootKey(char[] passphrase, int memoryKiB, int iterations, int parallelism) {
        if (passphrase == null || passphrase.length == 0) {
            throw new RootKeyException("the root key passphrase is empty");
        }
        if (memoryKiB < 8 * parallelism || iterations < 1 || parallelism < 1) {
            throw new IllegalArgumentException("invalid Argon2id cost parameters");
        }
        this.passphrase = passphrase.clone();
        this.memoryKiB = memoryKiB;
        this.iterations = iterations;
        this.parallelism = parallelism;
    }

    @Override
    public String kind() {
        return "argon2id";
    }

    @Override
    public String describe() {
        return "root key passphrase (Argon2id)";
    }

    @Override
    public Map<String, String> newParameters() {
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        return Map.of(
                SALT, Base64.getEncoder().encodeToString(salt),
                MEMORY, Integer.toString(memoryKiB),
                ITERATIONS, Integer.toString(iterations),
                PARALLELISM, Integer.toString(parallelism));
    }

    @Override
    public byte[] deriveRootKey(Map<String, String> parameters, boolean creatingStore) {
        Argon2Parameters params;
        try {
            params = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                    .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                    .withSalt(Base64.getDecoder().decode(required(parameters, SALT)))
                    .withMemoryAsKB(Integer.parseInt(required(parameters, MEMORY)))
                    .withIterations(Integer.parseInt(required(parameters, ITERATIONS)))
                    .withParallelism(Integer.parseInt(required(parameters, PARALLELISM)))
                    .build();
        } catch (IllegalArgumentException e) {
            throw new RootKeyException("the store's Argon2id parameters are malformed");
        }
        byte[] password = utf8(passphrase);
        byte[] out = new byte[KeyFileRootKey.KEY_LENGTH];
        try {
            Argon2BytesGenerator generator = new Argon2BytesGenerator();
            generator.init(params);
            generator.generateBytes(password, out);
            return out;
        } finally {
            Arrays.fill(password, (byte) 0);
        }
    }

    private static String required(Map<String, String> parameters, String name) {
        String v = parameters.get(name);
        if (v == null) {
            throw new RootKeyException("the store records no " + name + "; it was not created with a passphrase");
        }
        return v;
    }

    private static byte[] utf8(char[] chars) {
        ByteBuffer buf = StandardCharsets.UTF_8.encode(CharBuffer.wrap(chars));
        byte[] bytes = new byte[buf.remaining()];
        buf.get(bytes);
        if (buf.hasArray()) {
            Arrays.fill(buf.array(), (byte) 0);
        }
        return bytes;
    }

    /** Never shows the passphrase. */
    @Override
    public String toString() {
        return "PassphraseRootKey[argon2id]";
    }
}
