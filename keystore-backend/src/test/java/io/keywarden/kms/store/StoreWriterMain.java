package io.keywarden.kms.store;

import java.nio.file.Path;

/**
 * A child process of the durability tests: opens the store, prints {@code ready}, then writes keys
 * {@code PREFIX-0, PREFIX-1, …} (each with a material) and prints each key id only after
 * {@code write} returned. Arguments: store directory, root key file, prefix, count (-1: forever).
 */
public final class StoreWriterMain {

    private StoreWriterMain() {
    }

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        RootKeySource key = RootKeySource.keyFile(Path.of(args[1]));
        String prefix = args[2];
        long count = Long.parseLong(args[3]);
        try (SqliteKmsStore store = SqliteKmsStore.open(dir, key)) {
            System.out.println("ready");
            System.out.flush();
            for (long i = 0; count < 0 || i < count; i++) {
                String id = prefix + "-" + i;
                Fixtures.writeKeyWithMaterial(store, id);
                System.out.println(id);
                System.out.flush();
            }
        }
    }
}
