package io.keywarden.samples;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Key;
import java.security.KeyStore;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.CipherInputStream;
import javax.crypto.CipherOutputStream;
import javax.crypto.spec.GCMParameterSpec;

/**
 * A plain JCE file encryptor: AES/GCM/NoPadding with a key taken from the key store of type
 * {@code KMS}. Nothing here names Keywarden; the provider comes from {@code java.security}.
 * The file holds the IV (length, bytes) then the ciphertext.
 *
 * <p>Usage: {@code FileEncryption encrypt|decrypt <key alias> <in> <out>}
 */
public final class FileEncryption {

    private FileEncryption() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("usage: FileEncryption encrypt|decrypt <key alias> <in> <out>");
            System.exit(2);
        }
        KeyStore keyStore = KeyStore.getInstance("KMS");
        keyStore.load(null, null);
        Key key = keyStore.getKey(args[1], null);
        if (key == null) {
            throw new IllegalArgumentException("no key entry " + args[1]);
        }
        Path in = Path.of(args[2]);
        Path out = Path.of(args[3]);
        if (args[0].equals("encrypt")) {
            encrypt(key, in, out);
        } else {
            decrypt(key, in, out);
        }
        System.out.println(args[0] + "ed " + in + " -> " + out);
    }

    static void encrypt(Key key, Path in, Path out) throws Exception {
        byte[] iv = new byte[12];
        new SecureRandom().nextBytes(iv);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
        try (InputStream src = Files.newInputStream(in);
                DataOutputStream dst = new DataOutputStream(Files.newOutputStream(out))) {
            dst.writeByte(iv.length);
            dst.write(iv);
            try (OutputStream enc = new CipherOutputStream(dst, cipher)) {
                src.transferTo(enc);
            }
        }
    }

    static void decrypt(Key key, Path in, Path out) throws Exception {
        try (DataInputStream src = new DataInputStream(Files.newInputStream(in));
                OutputStream dst = Files.newOutputStream(out)) {
            byte[] iv = new byte[src.readUnsignedByte()];
            src.readFully(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, iv));
            try (InputStream dec = new CipherInputStream(src, cipher)) {
                dec.transferTo(dst);
            }
        }
    }
}
