package io.keywarden.kms.cli;

/**
 * The value of a blob parameter (see {@link BlobArgument}). A holder rather than a {@code byte[]}
 * field, which picocli would read as a list of bytes. Its string form never shows the bytes.
 */
record Blob(byte[] value) {

    static byte[] bytes(Blob blob) {
        return blob == null ? null : blob.value;
    }

    @Override
    public String toString() {
        return "Blob[<" + value.length + " bytes>]";
    }
}
