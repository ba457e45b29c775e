package io.keywarden.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keywarden.kms.api.KeySpec;
import io.keywarden.kms.api.KeyUsage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Key;
import java.security.ProviderException;
import java.security.Security;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateKey;
import javax.crypto.Cipher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a handle is and is not: opaque, named by key id only, serializable as a reference. */
class HandleTest {

    @TempDir
    static Path dir;
    static TestKms kms;

    @BeforeAll
    static void open() {
        kms = new TestKms(dir);
    }

    @AfterAll
    static void close() {
        kms.close();
    }

    @Test
    void handlesAreOpaqueAndNameTheKeyOnly() throws Exception {
        String rsaId = kms.create(KeySpec.RSA_2048, KeyUsage.SIGN_VERIFY);
        String ecId = kms.create(KeySpec.ECC_NIST_P256, KeyUsage.SIGN_VERIFY);
        String aesId = kms.create(KeySpec.SYMMETRIC_DEFAULT, KeyUsage.ENCRYPT_DECRYPT);
        for (String id : new String[] {rsaId, ecId, aesId}) {
            Key handle = kms.handle(id);
            assertThat(handle.getFormat()).isNull();
            assertThat(handle.getEncoded()).isNull();
            assertThat(handle.toString()).isEqualTo(handle.getClass().getSimpleName() + "[" + id + "]");
            assertThat(handle).isNotInstanceOf(RSAPrivateKey.class).isNotInstanceOf(ECPrivateKey.class);
        }
        KmsRsaPrivateKey rsa = (KmsRsaPrivateKey) kms.handle(rsaId);
        assertThat(rsa.getModulus().bitLength()).isEqualTo(2048);
        KmsEcPrivateKey ec = (KmsEcPrivateKey) kms.handle(ecId);
        assertThat(ec.getParams().getCurve().getField().getFieldSize()).isEqualTo(256);
    }

    @Test
    void serializationKeepsTheReferenceAndRebindsToTheInstalledProvider() throws Exception {
        KmsKey handle = kms.handle(KeySpec.SYMMETRIC_DEFAULT, KeyUsage.ENCRYPT_DECRYPT);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(handle);
        }
        assertThat(bytes.size()).as("a reference, not material").isLessThan(600);
        Security.addProvider(kms.provider);
        try {
            Key back;
            try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
                back = (Key) in.readObject();
            }
            assertThat(back).isEqualTo(handle);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, back);
            byte[] sealed = c.doFinal("still usable".getBytes(StandardCharsets.UTF_8));
            Cipher d = Cipher.getInstance("AES/GCM/NoPadding");
            d.init(Cipher.DECRYPT_MODE, handle);
            assertThat(new String(d.doFinal(sealed), StandardCharsets.UTF_8)).isEqualTo("still usable");
        } finally {
            Security.removeProvider(KeywardenProvider.NAME);
        }
    }

    @Test
    void misconfigurationIsAProviderExceptionOnFirstUseNamingTheSetting() throws Exception {
        KeywardenProvider missingFile = (KeywardenProvider) new KeywardenProvider()
                .configure(dir.resolve("absent.conf").toString());
        assertThatThrownBy(() -> missingFile.runtime().backend())
                .isInstanceOf(ProviderException.class).hasMessageContaining("absent.conf");

        Path noStore = dir.resolve("nostore.conf");
        Files.writeString(noStore, "principal=arn:aws:iam::111122223333:root\n");
        KeywardenProvider withoutStore = (KeywardenProvider) new KeywardenProvider().configure(noStore.toString());
        assertThatThrownBy(() -> withoutStore.runtime().backend())
                .isInstanceOf(ProviderException.class).hasMessageContaining("'store'");
    }
}
