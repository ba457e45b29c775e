package io.keywarden.kms.api;

/** One entry of ListKeys. */
public record KeyListEntry(
        String keyId,
        String keyArn) {
}
