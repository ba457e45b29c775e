package io.keywarden.kms.api;

/** A key tag (TagKey 1-128 characters, TagValue 0-256). */
public record Tag(
        String tagKey,
        String tagValue) {
}
