package io.keywarden.server;

/**
 * An access key the operator configured: the key id a client signs with, its secret, and the ARN of
 * the principal that requests signed with it act as. {@link #toString()} never shows the secret.
 */
public record AccessKey(String accessKeyId, String secretAccessKey, String principalArn) {

    public AccessKey {
        if (accessKeyId == null || !accessKeyId.matches("[A-Z0-9]{16,128}")) {
            throw new IllegalArgumentException("an access key id is 16 to 128 upper-case letters and digits");
        }
        if (secretAccessKey == null || secretAccessKey.length() < 16) {
            throw new IllegalArgumentException("the secret of access key " + accessKeyId + " is shorter than 16 characters");
        }
        if (principalArn == null || !principalArn.startsWith("arn:")) {
            throw new IllegalArgumentException("the principal of access key " + accessKeyId + " is not an ARN");
        }
    }

    @Override
    public String toString() {
        return "AccessKey[" + accessKeyId + " -> " + principalArn + "]";
    }
}
