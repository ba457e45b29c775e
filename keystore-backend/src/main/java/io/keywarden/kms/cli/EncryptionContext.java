package io.keywarden.kms.cli;

import java.util.Map;

/**
 * The value of an encryption context parameter (see {@link EncryptionContextArgument}). A holder
 * rather than a {@code Map} field, which picocli would read as repeated {@code key=value} options.
 */
record EncryptionContext(Map<String, String> entries) {

    static Map<String, String> map(EncryptionContext context) {
        return context == null ? null : context.entries;
    }
}
