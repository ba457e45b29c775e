package io.keywarden.samples;

import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.HexFormat;
import javax.crypto.Mac;

/**
 * A plain JCA application: signs a message with a private key and computes an HMAC with a secret
 * key, both taken from the key store of type {@code KMS}, then verifies the signature with the
 * JDK's own provider ({@code SunEC} or {@code SunRsaSign}) and the certificate's public key.
 * Nothing here names Keywarden. Prints {@code SIGNATURE <hex>}, {@code VERIFIED <true|false>} and
 * {@code MAC <hex>}.
 *
 * <p>Usage: {@code SignAndMac <signing key alias> <signature algorithm> <jdk provider> <hmac key alias> <message>}
 */
public final class SignAndMac {

    private SignAndMac() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 5) {
            System.err.println("usage: SignAndMac <signing alias> <algorithm> <jdk provider> <hmac alias> <message>");
            System.exit(2);
        }
        byte[] message = args[4].getBytes(StandardCharsets.UTF_8);
        KeyStore keyStore = KeyStore.getInstance("KMS");
        keyStore.load(null, null);

        PrivateKey signingKey = (PrivateKey) keyStore.getKey(args[0], null);
        Signature signer = Signature.getInstance(args[1]);
        signer.initSign(signingKey);
        signer.update(message);
        byte[] signature = signer.sign();
        System.out.println("SIGNATURE " + HexFormat.of().formatHex(signature));

        PublicKey publicKey = keyStore.getCertificate(args[0]).getPublicKey();
        Signature verifier = Signature.getInstance(args[1], args[2]);
        verifier.initVerify(publicKey);
        verifier.update(message);
        System.out.println("VERIFIED " + verifier.verify(signature));

        Key macKey = keyStore.getKey(args[3], null);
        Mac mac = Mac.getInstance(macKey.getAlgorithm());
        mac.init(macKey);
        System.out.println("MAC " + HexFormat.of().formatHex(mac.doFinal(message)));
    }
}
