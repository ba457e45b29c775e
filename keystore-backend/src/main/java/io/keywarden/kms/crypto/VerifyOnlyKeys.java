package io.keywarden.kms.crypto;

import io.keywarden.kms.api.KeySpec;
import io.keywarden.kms.api.KeyUsage;
import io.keywarden.kms.api.errors.IncorrectKeyMaterialException;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;

/**
 * <b>Keywarden extension: verify-only imported keys.</b> AWS KMS imports private keys only (PKCS#8);
 * Keywarden also accepts, for an EXTERNAL key with usage SIGN_VERIFY, a DER SubjectPublicKeyInfo.
 * The key then verifies (Verify, GetPublicKey) and refuses Sign with InvalidKeyUsageException.
 * AWS-compatible clients never meet such a key unless they import a public key themselves.
 */
public final class VerifyOnlyKeys {

    private VerifyOnlyKeys() {
    }

    /**
     * Whether imported material is shaped like a SubjectPublicKeyInfo ({@code SEQUENCE { SEQUENCE
     * algorithm, BIT STRING }}) rather than a PKCS#8 PrivateKeyInfo ({@code SEQUENCE { INTEGER
     * version, ... }}). Only the outer shape is looked at; the strategy checks the rest.
     */
    public static boolean isSubjectPublicKeyInfo(byte[] material) {
        if (material == null || material.length == 0 || material[0] != 0x30) {
            return false;
        }
        try {
            ASN1Sequence seq = ASN1Sequence.getInstance(ASN1Primitive.fromByteArray(material));
            return seq.size() == 2 && seq.getObjectAt(0) instanceof ASN1Sequence;
        } catch (java.io.IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Verify-only material for a key of {@code spec} and {@code usage} from a SubjectPublicKeyInfo;
     * IncorrectKeyMaterialException unless the key signs and verifies and the public key fits the spec.
     */
    public static GeneratedMaterial importPublicKey(KeySpec spec, KeyUsage usage, byte[] subjectPublicKeyInfo) {
        if (usage != KeyUsage.SIGN_VERIFY) {
            throw new IncorrectKeyMaterialException("A public key can be imported only into a SIGN_VERIFY key "
                    + "(a Keywarden extension); this key's usage is " + usage + ".");
        }
        return KeySpecStrategies.forSpec(spec).importPublicKey(spec, subjectPublicKeyInfo);
    }
}
