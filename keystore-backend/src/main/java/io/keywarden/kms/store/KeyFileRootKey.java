package io.keywarden.kms.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * A root key in a file of exactly 32 random bytes. The file is created (with permissions 0600) only
 * when a new store is created; an existing file readable or writable by group or others, or of
 * another length, is refused.
 */
public final class KeyFileRootKey implements RootKeySource {

    /** The length of the root key in bytes. */
    public static final int KEY_LENGTH = 32;

    private static final Set<PosixFilePermission> GROUP_OR_OTHER = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private final Path file;

    public KeyFileRootKey(Path file) {
        this.file = file.toAbsolutePath().normalize();
    }

    public Path file() {
        return file;
    }

    @Override
    public String kind() {
        return "key-file";
    }

    @Override
    public String describe() {
        return "root key file " + file;
    }

    @Override
    public Map<String, String> newParameters() {
        return Map.of();
    }

    @Override
    public byte[] deriveRootKey(Map<String, String> parameters, boolean creatingStore) {
        if (creatingStore && !Files.exists(file)) {
            try {
                create();
            } catch (FileAlreadyExistsException raced) {
                // another process created it first: read theirs
            } catch (IOException e) {
                throw new RootKeyException("cannot create " + describe() + ": " + e.getMessage(), e);
            }
        }
        return read();
    }

    private void create() throws IOException {
        Files.createDirectories(file.getParent());
        byte[] key = new byte[KEY_LENGTH];
        new SecureRandom().nextBytes(key);
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp" + ProcessHandle.current().pid());
        try (FileChannel ch = FileChannel.open(tmp, EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))) {
            ch.write(ByteBuffer.wrap(key));
            ch.force(true);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
        try {
            // a hard link publishes the complete file atomically and fails if one already exists
            Files.createLink(file, tmp);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private byte[] read() {
        try {
            PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
            if (view != null) {
                Set<PosixFilePermission> perms = view.readAttributes().permissions();
                if (perms.stream().anyMatch(GROUP_OR_OTHER::contains)) {
                    throw new RootKeyException(describe() + " is accessible by group or others (permissions "
                            + PosixFilePermissions.toString(perms) + "); restrict it to its owner (chmod 600)");
                }
            }
            long size = Files.size(file);
            if (size != KEY_LENGTH) {
                throw new RootKeyException(describe() + " has " + size + " bytes; a root key file holds exactly "
                        + KEY_LENGTH + " random bytes");
            }
            byte[] key = Files.readAllBytes(file);
            if (key.length != KEY_LENGTH) {
                Arrays.fill(key, (byte) 0);
                throw new RootKeyException(describe() + " changed while it was read");
            }
            return key;
        } catch (NoSuchFileException e) {
            throw new RootKeyException(describe() + " does not exist; the store cannot be opened without its root key");
        } catch (IOException e) {
            throw new RootKeyException("cannot read " + describe() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "KeyFileRootKey[" + file + "]";
    }
}
