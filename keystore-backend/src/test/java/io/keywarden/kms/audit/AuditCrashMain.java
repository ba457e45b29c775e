package io.keywarden.kms.audit;

import io.keywarden.kms.api.CreateKeyRequest;
import io.keywarden.kms.api.Tag;
import io.keywarden.kms.api.TagResourceRequest;
import io.keywarden.kms.engine.KmsEngine;
import io.keywarden.kms.store.RootKeySource;
import io.keywarden.kms.store.SqliteKmsStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * A child process of {@link AuditCrashTest}: opens the store, prints {@code ready}, then forever
 * creates a key (prints {@code created ID}) and tags it (prints {@code tagged ID}), each printed only
 * after the call returned. Arguments: store directory, root key file.
 */
public final class AuditCrashMain {

    private AuditCrashMain() {
    }

    public static void main(String[] args) {
        SqliteKmsStore store = SqliteKmsStore.open(Path.of(args[0]), RootKeySource.keyFile(Path.of(args[1])));
        KmsEngine kms = new KmsEngine(store, Clock.systemUTC(), AuditTrailTest.SETTINGS);
        System.out.println("ready");
        System.out.flush();
        for (int i = 0; ; i++) {
            String id = kms.createKey(CreateKeyRequest.builder().description("crash " + i).build())
                    .keyMetadata().keyId();
            System.out.println("created " + id);
            System.out.flush();
            kms.tagResource(TagResourceRequest.builder().keyId(id).tags(List.of(new Tag("n", "v" + i))).build());
            System.out.println("tagged " + id);
            System.out.flush();
        }
    }
}
