package io.keywarden.kms.store;

import java.time.Instant;

/** An alias ({@code alias/…}) and the key id it points at. */
public record AliasRecord(String aliasName, String targetKeyId, Instant creationDate, Instant lastUpdatedDate) {
}
