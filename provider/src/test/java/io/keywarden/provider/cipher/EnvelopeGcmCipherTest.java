package io.keywarden.provider.cipher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keywarden.kms.api.DisableKeyRequest;
import io.keywarden.kms.api.EnableKeyRequest;
import io.keywarden.kms.api.RotateKeyOnDemandRequest;
import io.keywarden.kms.api.errors.DisabledException;
import io.keywarden.provider.KmsEncryptionSpec;
import io.keywarden.provider.KmsSecretKey;
import io.keywarden.provider.envelope.DataKeyCachePolicy;
import io.keywarden.provider.envelope.EnvelopeFormat;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.InvalidKeyException;
import java.security.ProviderException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.CipherInputStream;
import javax.crypto.CipherOutputStream;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EnvelopeGcmCipherTest {

    static final int FRAME = 256;
    static final Map<String, String> CTX = Map.of("tenant", "acme", "purpose", "test");

    @TempDir
    static Path dir;
    static KmsFixture fx;
    static KmsSecretKey key;

    @BeforeAll
    static void open() throws Exception {
        fx = new KmsFixture(dir);
        key = fx.handle(fx.createAesKey());
    }

    @AfterAll
    static void close() {
        fx.close();
    }

    static KmsEncryptionSpec spec() {
        return KmsEncryptionSpec.builder().context(CTX).frameSize(FRAME).build();
    }

    static Cipher cipher(int mode, KmsEncryptionSpec spec) throws Exception {
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding", fx.provider);
        c.init(mode, key, spec);
        return c;
    }

    static byte[] data(int n) {
        byte[] b = new byte[n];
        new SecureRandom().nextBytes(b);
        return b;
    }

    static byte[] encrypt(byte[] pt) throws Exception {
        return cipher(Cipher.ENCRYPT_MODE, spec()).doFinal(pt);
    }

    static byte[] decrypt(byte[] ct) throws Exception {
        return cipher(Cipher.DECRYPT_MODE, spec()).doFinal(ct);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 15, 16, 17, FRAME - 1, FRAME, FRAME + 1, 3 * FRAME, 3 * FRAME + 5, 1 << 20})
    void roundTripsAtEverySize(int size) throws Exception {
        byte[] pt = data(size);
        byte[] ct = encrypt(pt);
        Cipher enc = cipher(Cipher.ENCRYPT_MODE, spec());
        assertThat(ct.length).isLessThanOrEqualTo(enc.getOutputSize(size));
        assertThat(decrypt(ct)).isEqualTo(pt);
    }

    @Test
    void defaultFrameSizeAndNoParameters() throws Exception {
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding", fx.provider);
        c.init(Cipher.ENCRYPT_MODE, key);
        byte[] iv = c.getIV();
        assertThat(iv).hasSize(12);
        byte[] pt = data(200_000);
        byte[] ct = c.doFinal(pt);
        assertThat(c.getIV()).isEqualTo(iv);
        Cipher d = Cipher.getInstance("AES/GCM/NoPadding", fx.provider);
        d.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, iv));
        assertThat(d.doFinal(ct)).isEqualTo(pt);
        // a wrong IV at decryption is a tag failure
        byte[] other = iv.clone();
        other[0] ^= 1;
        d.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, other));
        assertThatThrownBy(() -> d.doFinal(ct)).isInstanceOf(AEADBadTagException.class);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 7, 4096})
    void updateInPieces(int piece) throws Exception {
        byte[] pt = data(3 * FRAME + 77);
        Cipher enc = cipher(Cipher.ENCRYPT_MODE, spec());
        byte[] ct = pieces(enc, pt, piece);
        assertThat(pieces(cipher(Cipher.DECRYPT_MODE, spec()), ct, piece)).isEqualTo(pt);
        assertThat(decrypt(ct)).isEqualTo(pt);
    }

    static byte[] pieces(Cipher c, byte[] in, int piece) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int off = 0; off < in.length; off += piece) {
            int n = Math.min(piece, in.length - off);
            byte[] buf = new byte[c.getOutputSize(n)];
            int w = c.update(in, off, n, buf, 0);
            out.write(buf, 0, w);
        }
        out.write(c.doFinal());
        return out.toByteArray();
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void byteBuffers(boolean direct) throws Exception {
        byte[] pt = data(2 * FRAME + 3);
        Cipher enc = cipher(Cipher.ENCRYPT_MODE, spec());
        ByteBuffer in = buffer(pt, direct);
        ByteBuffer ct = direct ? ByteBuffer.allocateDirect(enc.getOutputSize(pt.length))
                : ByteBuffer.allocate(enc.getOutputSize(pt.length));
        enc.updateAAD(ByteBuffer.wrap("aad".getBytes(StandardCharsets.UTF_8)));
        enc.update(in.slice().limit(10), ct);
        in.position(10);
        enc.doFinal(in, ct);
        ct.flip();
        Cipher dec = cipher(Cipher.DECRYPT_MODE, spec());
        dec.updateAAD("aad".getBytes(StandardCharsets.UTF_8));
        ByteBuffer back = direct ? ByteBuffer.allocateDirect(dec.getOutputSize(ct.remaining()))
                : ByteBuffer.allocate(dec.getOutputSize(ct.remaining()));
        dec.doFinal(ct, back);
        back.flip();
        byte[] got = new byte[back.remaining()];
        back.get(got);
        assertThat(got).isEqualTo(pt);
    }

    static ByteBuffer buffer(byte[] b, boolean direct) {
        ByteBuffer bb = direct ? ByteBuffer.allocateDirect(b.length) : ByteBuffer.allocate(b.length);
        bb.put(b).flip();
        return bb;
    }

    @Test
    void streams() throws Exception {
        byte[] pt = data(10 * FRAME + 9);
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (CipherOutputStream out = new CipherOutputStream(sink, cipher(Cipher.ENCRYPT_MODE, spec()))) {
            for (int off = 0; off < pt.length; off += 100) {
                out.write(pt, off, Math.min(100, pt.length - off));
            }
        }
        byte[] ct = sink.toByteArray();
        try (CipherInputStream in = new CipherInputStream(new ByteArrayInputStream(ct),
                cipher(Cipher.DECRYPT_MODE, spec()))) {
            assertThat(in.readAllBytes()).isEqualTo(pt);
        }
        byte[] truncated = Arrays.copyOf(ct, ct.length - 1);
        try (CipherInputStream in = new CipherInputStream(new ByteArrayInputStream(truncated),
                cipher(Cipher.DECRYPT_MODE, spec()))) {
            assertThatThrownBy(in::readAllBytes).isInstanceOf(IOException.class);
        }
    }

    @Test
    void reuseAfterDoFinalStartsAFreshMessage() throws Exception {
        Cipher enc = cipher(Cipher.ENCRYPT_MODE, spec());
        int before = fx.backend.calls("generateDataKey");
        byte[] a = enc.doFinal(data(10));
        byte[] ivA = enc.getIV();
        byte[] pt = data(300);
        byte[] b = enc.doFinal(pt);
        assertThat(enc.getIV()).isNotEqualTo(ivA);
        assertThat(fx.backend.calls("generateDataKey")).isEqualTo(before + 1);
        Cipher dec = cipher(Cipher.DECRYPT_MODE, spec());
        dec.doFinal(a);
        assertThat(dec.doFinal(b)).isEqualTo(pt);
    }

    @Test
    void appIvIsMixedInAndCannotBeReused() throws Exception {
        byte[] iv = data(12);
        KmsEncryptionSpec s = KmsEncryptionSpec.builder().context(CTX).iv(iv).frameSize(FRAME).build();
        Cipher enc = cipher(Cipher.ENCRYPT_MODE, s);
        assertThat(enc.getIV()).isEqualTo(iv);
        byte[] pt = data(50);
        byte[] ct = enc.doFinal(pt);
        assertThatThrownBy(() -> enc.doFinal(pt)).isInstanceOf(IllegalStateException.class);
        assertThat(cipher(Cipher.DECRYPT_MODE, s).doFinal(ct)).isEqualTo(pt);
        assertThatThrownBy(() -> decrypt(ct)).isInstanceOf(AEADBadTagException.class);
        // plain GCMParameterSpec works the same way (empty context)
        Cipher g = Cipher.getInstance("AES/GCM/NoPadding", fx.provider);
        g.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
        byte[] ct2 = g.doFinal(pt);
        g.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, iv));
        assertThat(g.doFinal(ct2)).isEqualTo(pt);
        assertThatThrownBy(() -> g.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(96, iv)))
                .isInstanceOf(java.security.InvalidAlgorithmParameterException.class);
    }

    @Test
    void decryptsAfterRotations() throws Exception {
        String id = fx.createAesKey();
        KmsSecretKey k = fx.handle(id);
        Cipher enc = Cipher.getInstance("AES/GCM/NoPadding", fx.provider);
        enc.init(Cipher.ENCRYPT_MODE, k, spec());
        byte[] pt = data(1000);
        byte[] ct = enc.doFinal(pt);
        for (int i = 0; i < 3; i++) {
            fx.kms.rotateKeyOnDemand(RotateKeyOnDemandRequest.builder().keyId(id).build());
        }
        Cipher dec = Cipher.getInstance("AES/GCM/NoPadding", fx.provider);
        dec.init(Cipher.DECRYPT_MODE, k, spec());
        assertThat(dec.doFinal(ct)).isEqualTo(pt);
    }

    @Test
    void everySingleByteFlipFails() throws Exception {
        byte[] pt = data(40);
        byte[] ct = encrypt(pt);
        Cipher dec = cipher(Cipher.DECRYPT_MODE, spec());
        for (int i = 0; i < ct.length; i++) {
            for (int bit : new int[] {0x01, 0x80}) {
                byte[] t = ct.clone();
                t[i] ^= (byte) bit;
                int at = i;
                assertThatThrownBy(() -> dec.doFinal(t)).as("flip at %d", at).isInstanceOf(AEADBadTagException.class);
            }
        }
        assertThat(dec.doFinal(ct)).isEqualTo(pt);
    }

    @Test
    void truncationExtensionAndSwapsFail() throws Exception {
        byte[] pt = data(3 * FRAME + 10);
        byte[] ct = encrypt(pt);
        int body = ct.length - (3 * (FRAME + 16) + 10 + 16);
        Cipher dec = cipher(Cipher.DECRYPT_MODE, spec());
        for (int cut = 0; cut < ct.length; cut += (cut < body ? 7 : 1)) {
            byte[] t = Arrays.copyOf(ct, cut);
            assertThatThrownBy(() -> dec.doFinal(t)).isInstanceOf(AEADBadTagException.class);
        }
        for (int k = 1; k <= 3; k++) {
            byte[] t = Arrays.copyOf(ct, body + k * (FRAME + 16));
            assertThatThrownBy(() -> dec.doFinal(t)).as("cut after frame %d", k).isInstanceOf(AEADBadTagException.class);
        }
        byte[] extended = Arrays.copyOf(ct, ct.length + 16);
        assertThatThrownBy(() -> dec.doFinal(extended)).isInstanceOf(AEADBadTagException.class);
        byte[] swapped = ct.clone();
        System.arraycopy(ct, body, swapped, body + FRAME + 16, FRAME + 16);
        System.arraycopy(ct, body + FRAME + 16, swapped, body, FRAME + 16);
        assertThatThrownBy(() -> dec.doFinal(swapped)).isInstanceOf(AEADBadTagException.class);
        // update releases verified frames only; a later bad frame still fails doFinal
        byte[] late = ct.clone();
        late[late.length - 1] ^= 1;
        byte[] released = dec.update(late);
        assertThat(released).isEqualTo(Arrays.copyOf(pt, released.length));
        assertThatThrownBy(dec::doFinal).isInstanceOf(AEADBadTagException.class);
        assertThat(dec.doFinal(ct)).isEqualTo(pt);
    }

    @Test
    void wrongContextOrAadFails() throws Exception {
        byte[] pt = data(100);
        Cipher enc = cipher(Cipher.ENCRYPT_MODE, spec());
        enc.updateAAD("header-1".getBytes(StandardCharsets.UTF_8));
        byte[] ct = enc.doFinal(pt);
        Cipher ok = cipher(Cipher.DECRYPT_MODE, spec());
        ok.updateAAD("header-1".getBytes(StandardCharsets.UTF_8));
        assertThat(ok.doFinal(ct)).isEqualTo(pt);
        Cipher wrongAad = cipher(Cipher.DECRYPT_MODE, spec());
        wrongAad.updateAAD("header-2".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> wrongAad.doFinal(ct)).isInstanceOf(AEADBadTagException.class);
        assertThatThrownBy(() -> decrypt(ct)).isInstanceOf(AEADBadTagException.class);
        Cipher wrongCtx = cipher(Cipher.DECRYPT_MODE,
                KmsEncryptionSpec.builder().context(Map.of("tenant", "evil")).frameSize(FRAME).build());
        wrongCtx.updateAAD("header-1".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> wrongCtx.doFinal(ct)).isInstanceOf(AEADBadTagException.class);
        Cipher late = cipher(Cipher.ENCRYPT_MODE, spec());
        late.update(data(5));
        assertThatThrownBy(() -> late.updateAAD(new byte[1])).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anotherKeysEnvelopeFails() throws Exception {
        KmsSecretKey other = fx.handle(fx.createAesKey());
        byte[] ct = encrypt(data(10));
        Cipher dec = Cipher.getInstance("AES/GCM/NoPadding", fx.provider);
        dec.init(Cipher.DECRYPT_MODE, other, spec());
        assertThatThrownBy(() -> dec.doFinal(ct)).isInstanceOf(AEADBadTagException.class);
        assertThatThrownBy(() -> dec.doFinal(new byte[] {1, 2, 3})).isInstanceOf(AEADBadTagException.class);
        byte[] garbage = data(5000);
        garbage[0] = 0x4B;
        garbage[1] = 0x57;
        garbage[2] = 1;
        assertThatThrownBy(() -> dec.doFinal(garbage)).isInstanceOf(AEADBadTagException.class);
    }

    @Test
    void disabledKey() throws Exception {
        String id = fx.createAesKey();
        KmsSecretKey k = fx.handle(id);
        Cipher enc = Cipher.getInstance("AES/GCM/NoPadding", fx.provider);
        enc.init(Cipher.ENCRYPT_MODE, k, spec());
        byte[] ct = enc.doFinal(data(10));
        fx.kms.disableKey(DisableKeyRequest.builder().keyId(id).build());
        try {
            assertThatThrownBy(() -> enc.init(Cipher.ENCRYPT_MODE, k, spec()))
                    .isInstanceOf(InvalidKeyException.class).hasCauseInstanceOf(DisabledException.class);
            Cipher dec = Cipher.getInstance("AES/GCM/NoPadding", fx.provider);
            dec.init(Cipher.DECRYPT_MODE, k, spec());
            assertThatThrownBy(() -> dec.doFinal(ct)).isInstanceOf(ProviderException.class)
                    .cause().isInstanceOf(InvalidKeyException.class).hasCauseInstanceOf(DisabledException.class);
        } finally {
            fx.kms.enableKey(EnableKeyRequest.builder().keyId(id).build());
        }
    }

    @Test
    void foreignKeyIsInvalid() {
        assertThatThrownBy(() -> Cipher.getInstance("AES/GCM/NoPadding", fx.provider)
                .init(Cipher.ENCRYPT_MODE, new SecretKeySpec(new byte[32], "AES")))
                .isInstanceOf(InvalidKeyException.class);
    }

    @Test
    void wrapAndUnwrapWithTheEnvelope() throws Exception {
        SecretKeySpec secret = new SecretKeySpec(data(32), "HmacSHA256");
        Cipher w = cipher(Cipher.WRAP_MODE, spec());
        byte[] wrapped = w.wrap(secret);
        Cipher u = cipher(Cipher.UNWRAP_MODE, spec());
        assertThat(u.unwrap(wrapped, "HmacSHA256", Cipher.SECRET_KEY)).isEqualTo(secret);
        assertThatThrownBy(() -> u.unwrap(wrapped, "AES", Cipher.SECRET_KEY)).isInstanceOf(InvalidKeyException.class);
        java.security.KeyPair kp = java.security.KeyPairGenerator.getInstance("EC").generateKeyPair();
        byte[] wp = w.wrap(kp.getPrivate());
        assertThat(u.unwrap(wp, "EC", Cipher.PRIVATE_KEY).getEncoded()).isEqualTo(kp.getPrivate().getEncoded());
    }

    /** A spec with the context {"cache": name} and caching under {@code policy}. */
    static KmsEncryptionSpec cached(String name, DataKeyCachePolicy policy) {
        return KmsEncryptionSpec.builder().context(Map.of("cache", name)).frameSize(FRAME).cache(policy).build();
    }

    @Test
    void cachingLimitsBackendCalls() throws Exception {
        DataKeyCachePolicy policy = new DataKeyCachePolicy(Duration.ofMinutes(5), 3, 1 << 20, 10);
        KmsEncryptionSpec s = cached("test", policy);
        int gen = fx.backend.calls("generateDataKey");
        int dec = fx.backend.calls("decrypt");
        byte[][] cts = new byte[7][];
        Cipher enc = cipher(Cipher.ENCRYPT_MODE, s);
        for (int i = 0; i < 7; i++) {
            cts[i] = enc.doFinal(("message " + i).getBytes(StandardCharsets.UTF_8));
        }
        // 3 messages per data key: 7 messages need 3 data keys
        assertThat(fx.backend.calls("generateDataKey") - gen).isEqualTo(3);
        // each message still has its own message id
        assertThat(Arrays.copyOfRange(cts[0], 10, 42)).isNotEqualTo(Arrays.copyOfRange(cts[1], 10, 42));
        Cipher d = cipher(Cipher.DECRYPT_MODE, s);
        for (int i = 0; i < 7; i++) {
            assertThat(new String(d.doFinal(cts[i]), StandardCharsets.UTF_8)).isEqualTo("message " + i);
        }
        assertThat(fx.backend.calls("decrypt") - dec).isEqualTo(3);
        // another context is another cache entry, and the context is still checked
        Cipher other = cipher(Cipher.DECRYPT_MODE, cached("x", policy));
        assertThatThrownBy(() -> other.doFinal(cts[0])).isInstanceOf(AEADBadTagException.class);
        // max bytes: one big message exhausts its data key
        DataKeyCachePolicy small = new DataKeyCachePolicy(Duration.ofMinutes(5), 100, 1000, 10);
        Cipher big = cipher(Cipher.ENCRYPT_MODE, cached("bytes", small));
        gen = fx.backend.calls("generateDataKey");
        big.doFinal(data(2000));
        big.doFinal(data(10));
        assertThat(fx.backend.calls("generateDataKey") - gen).isEqualTo(1);
    }

    @Test
    void cachedEntriesAreRefreshedAheadByOneCallEach() throws Exception {
        KmsEncryptionSpec s = cached("ahead", new DataKeyCachePolicy(Duration.ofMinutes(5), 64, 1 << 30, 10));
        int gen = fx.backend.calls("generateDataKey");
        Cipher enc = cipher(Cipher.ENCRYPT_MODE, s);
        byte[][] cts = new byte[130][];
        for (int i = 0; i < cts.length; i++) {
            cts[i] = enc.doFinal(data(100));
        }
        // data key 1 serves messages 1-64 and is refreshed at 32; key 2 takes over at 65 (refreshed
        // at 96), key 3 at 129: three calls, as without refresh ahead, each made before it was needed
        assertThat(fx.backend.calls("generateDataKey") - gen).isEqualTo(3);
        assertThat(wrappedKey(cts[63])).as("messages 64 and 65 have different data keys")
                .isNotEqualTo(wrappedKey(cts[64])).isNotEqualTo(wrappedKey(cts[128]));
        assertThat(wrappedKey(cts[0])).isEqualTo(wrappedKey(cts[63]));
        int dec = fx.backend.calls("decrypt");
        Cipher d = cipher(Cipher.DECRYPT_MODE, s);
        for (byte[] ct : cts) {
            assertThat(d.doFinal(ct)).hasSize(100);
        }
        assertThat(fx.backend.calls("decrypt") - dec).as("one Decrypt per data key: nothing refreshed ahead")
                .isEqualTo(3);
        // a data key decrypted past its limit (data key 1 served 64 decryptions above): its next
        // entries are refreshed ahead. Message 1 misses; that entry is refreshed at its 17th message
        // (32 counted with the reserved batch), its successor takes over at message 65 and is refreshed
        // at 96, the next at 160: four calls for 192 messages, and no miss after the first
        dec = fx.backend.calls("decrypt");
        for (int i = 0; i < 64 * 3; i++) {
            d.doFinal(cts[0]);
        }
        assertThat(fx.backend.calls("decrypt") - dec).isEqualTo(4);
    }

    /** The header's wrappedKey field (docs/envelope-format.md §1.1). */
    static byte[] wrappedKey(byte[] message) {
        int k = ((message[42] & 0xff) << 8) | (message[43] & 0xff);
        int w = ((message[44 + k] & 0xff) << 8) | (message[45 + k] & 0xff);
        return Arrays.copyOfRange(message, 46 + k, 46 + k + w);
    }

    @Test
    void aRefusedRefreshLeavesTheEntryServingAndTheMissReportsTheRefusal() throws Exception {
        String id = fx.createAesKey();
        KmsSecretKey k = fx.handle(id);
        KmsEncryptionSpec s = KmsEncryptionSpec.builder().frameSize(FRAME)
                .cache(new DataKeyCachePolicy(Duration.ofMinutes(5), 64, 1 << 30, 10)).build();
        Cipher enc = Cipher.getInstance("AES/GCM/NoPadding", fx.provider);
        enc.init(Cipher.ENCRYPT_MODE, k, s);
        enc.doFinal(data(10)); // message 1: the entry's GenerateDataKey
        fx.kms.disableKey(DisableKeyRequest.builder().keyId(id).build());
        try {
            for (int m = 2; m <= 64; m++) { // the refresh at message 32 is refused, silently
                enc.init(Cipher.ENCRYPT_MODE, k, s);
                assertThat(enc.doFinal(data(10))).as("message %d, from the cached data key", m).isNotEmpty();
            }
            assertThatThrownBy(() -> enc.init(Cipher.ENCRYPT_MODE, k, s))
                    .isInstanceOf(InvalidKeyException.class).hasCauseInstanceOf(DisabledException.class);
        } finally {
            fx.kms.enableKey(EnableKeyRequest.builder().keyId(id).build());
        }
    }

    @Test
    void frameSizeIsBounded() {
        assertThatThrownBy(() -> KmsEncryptionSpec.builder().frameSize(EnvelopeFormat.MIN_FRAME_SIZE - 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** docs/envelope-format.md §6: 78 + K + W + 16 bytes for a one-frame message. */
    @Test
    void overheadOfAOneFrameMessage() throws Exception {
        byte[] ct = encrypt(data(FRAME));
        int k = (ct[42] & 0xFF) << 8 | ct[43] & 0xFF;
        int w = (ct[44 + k] & 0xFF) << 8 | ct[45 + k] & 0xFF;
        assertThat(k).isEqualTo(75);
        assertThat(ct.length - FRAME).isEqualTo(78 + k + w + 16);
        System.out.println("wrapped data key: " + w + " bytes; overhead " + (ct.length - FRAME));
    }
}
