package io.keywarden.provider.testing;

import io.keywarden.kms.api.KmsBackend;
import io.keywarden.kms.engine.EngineSettings;
import io.keywarden.kms.engine.KmsEngine;
import io.keywarden.kms.store.RootKeySource;
import io.keywarden.kms.store.SqliteKmsStore;
import java.nio.file.Path;
import java.time.Clock;

/** {@code embedded}: an engine in this JVM on a fresh SQLite store in {@code dir/store}. */
public final class EmbeddedTestBackends implements TestBackends {

    public static final String ACCOUNT = "111122223333";
    /** The engine's settings: no request quotas (an engine built in code has none), 100000 keys. */
    public static final EngineSettings SETTINGS =
            new EngineSettings("arn:aws:iam::" + ACCOUNT + ":root", ACCOUNT, "us-east-1", 100_000, 50);

    /** keywarden.conf lines: tests make keys faster than AWS's default request quotas allow. */
    public static final String HIGH_QUOTAS = "quota.rate.symmetric=100000\nquota.rate.rsa=100000\n"
            + "quota.rate.ecc=100000\nquota.rate.ml-dsa=100000\nquota.rate.write=100000\n"
            + "quota.rate.describe=100000\nquota.rate.read=100000\nquota.rate.list=100000\n"
            + "quota.rate.data-key-pair=100000\nquota.rate.import-parameters=100000\n";

    @Override
    public String name() {
        return "embedded";
    }

    @Override
    public TestKmsInstance open(Path dir) {
        Path store = dir.resolve("store").toAbsolutePath();
        KmsEngine engine = new KmsEngine(SqliteKmsStore.open(store, RootKeySource.keyFile(store.resolve("root.key"))),
                Clock.systemUTC(), SETTINGS);
        String configuration = "store=" + store + "\n" + HIGH_QUOTAS;
        return new TestKmsInstance() {
            @Override
            public KmsBackend backend() {
                return engine;
            }

            @Override
            public String configuration() {
                return configuration;
            }

            @Override
            public void close() {
                engine.close();
            }
        };
    }
}
