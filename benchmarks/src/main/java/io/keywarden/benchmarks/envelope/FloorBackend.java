package io.keywarden.benchmarks.envelope;

import io.keywarden.kms.api.DataKeySpec;
import io.keywarden.kms.api.DecryptRequest;
import io.keywarden.kms.api.DecryptResponse;
import io.keywarden.kms.api.EncryptionAlgorithmSpec;
import io.keywarden.kms.api.GenerateDataKeyRequest;
import io.keywarden.kms.api.GenerateDataKeyResponse;
import io.keywarden.kms.api.KmsBackend;
import io.keywarden.kms.api.errors.InvalidCiphertextException;
import io.keywarden.kms.crypto.LocalCrypto;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * An experiment, not a backend: GenerateDataKey and Decrypt reduced to the floor of an audited call
 * ({@code CallFloorBench}'s steps: 32 random bytes, their AES-256-GCM wrap or unwrap under a key of
 * its own with a fresh IV, and one SHA-256 of a 400-byte text standing for the audit event's chain
 * hash, the size of a stored GenerateDataKey event), with no key read, no authorization, no quota
 * and no event stored. Every other operation goes to the real engine (the handle's DescribeKey).
 * The uncached envelope over it ({@code keywarden-floor}) is the best any audited
 * one-call-per-message design could do on this machine: an upper bound for the uncached rows, never
 * a mode of the product.
 *
 * <p>With an {@link Appender} ({@code keywarden-floor-writer}) each call also queues its event text
 * (400 bytes, or the system property {@code keywarden.bench.floorEventBytes}) to a writer thread
 * that appends the texts to a file and syncs it at most every 10 ms (the audit writer's default
 * commit interval): the floor plus the least a durable trail written by
 * a thread of its own can cost — no rendering, no SQLite, no chain bookkeeping.
 */
final class FloorBackend implements InvocationHandler {

    static final int EVENT_BYTES = Integer.getInteger("keywarden.bench.floorEventBytes", 400);
    private static final byte[] AAD = new byte[46];

    private final KmsBackend engine;
    private final String keyArn;
    private final SecureRandom random = LocalCrypto.secureRandom();
    private final SecretKeySpec material;
    private final byte[] event = "x".repeat(EVENT_BYTES).getBytes(StandardCharsets.UTF_8);
    private final ThreadLocal<Cipher> gcm = ThreadLocal.withInitial(FloorBackend::newGcm);
    private final ThreadLocal<MessageDigest> sha256 = ThreadLocal.withInitial(FloorBackend::newSha256);
    private final Appender appender;

    private FloorBackend(KmsBackend engine, String keyId, Appender appender) {
        this.engine = engine;
        this.appender = appender;
        GenerateDataKeyResponse real = engine.generateDataKey(GenerateDataKeyRequest.builder().keyId(keyId)
                .keySpec(DataKeySpec.AES_256).build());
        Arrays.fill(real.plaintext(), (byte) 0);
        this.keyArn = real.keyId();
        byte[] k = new byte[32];
        random.nextBytes(k);
        this.material = new SecretKeySpec(k, "AES");
        Arrays.fill(k, (byte) 0);
    }

    /** A backend whose data-key calls for {@code keyId} are the floor and whose other calls go to {@code engine}. */
    static KmsBackend over(KmsBackend engine, String keyId) {
        return over(engine, keyId, null);
    }

    /** The same, each call's event text also queued to {@code appender} (null: none). */
    static KmsBackend over(KmsBackend engine, String keyId, Appender appender) {
        return (KmsBackend) Proxy.newProxyInstance(KmsBackend.class.getClassLoader(),
                new Class<?>[] {KmsBackend.class}, new FloorBackend(engine, keyId, appender));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (args != null && args.length == 1 && args[0] instanceof GenerateDataKeyRequest r) {
            return generateDataKey(r);
        }
        if (args != null && args.length == 1 && args[0] instanceof DecryptRequest r) {
            return decrypt(r);
        }
        try {
            return method.invoke(engine, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private GenerateDataKeyResponse generateDataKey(GenerateDataKeyRequest r) throws GeneralSecurityException {
        byte[] dataKey = new byte[32];
        random.nextBytes(dataKey);
        byte[] iv = new byte[12];
        random.nextBytes(iv);
        Cipher c = gcm.get();
        c.init(Cipher.ENCRYPT_MODE, material, new GCMParameterSpec(128, iv));
        c.updateAAD(AAD);
        byte[] blob = Arrays.copyOf(iv, 12 + 32 + 16);
        c.doFinal(dataKey, 0, 32, blob, 12);
        chainHash();
        return new GenerateDataKeyResponse(blob, dataKey, keyArn, null);
    }

    private DecryptResponse decrypt(DecryptRequest r) throws GeneralSecurityException {
        byte[] blob = r.ciphertextBlob();
        if (blob == null || blob.length != 12 + 32 + 16) {
            throw new InvalidCiphertextException("The ciphertext is invalid.");
        }
        Cipher c = gcm.get();
        c.init(Cipher.DECRYPT_MODE, material, new GCMParameterSpec(128, blob, 0, 12));
        c.updateAAD(AAD);
        byte[] dataKey;
        try {
            dataKey = c.doFinal(blob, 12, blob.length - 12);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new InvalidCiphertextException("The ciphertext is invalid.");
        }
        chainHash();
        return new DecryptResponse(keyArn, dataKey, EncryptionAlgorithmSpec.SYMMETRIC_DEFAULT, null);
    }

    private void chainHash() {
        MessageDigest d = sha256.get();
        d.update(event);
        d.digest();
        if (appender != null) {
            appender.append(event);
        }
    }

    /**
     * A writer thread that appends queued texts to a file, one write per drained batch, and syncs the
     * file when 10 ms have passed since its last sync. As the audit writer, it holds a batch until 10 ms
     * after its last write, so that texts queued meanwhile wake no one. Callers wait only for room in
     * the queue.
     */
    static final class Appender implements AutoCloseable {

        private static final long SYNC_INTERVAL_NANOS = 10_000_000L;

        private final java.util.concurrent.ArrayBlockingQueue<byte[]> queue =
                new java.util.concurrent.ArrayBlockingQueue<>(16_384);
        private final java.nio.channels.FileChannel file;
        private final Thread thread;
        private volatile boolean closing;
        /** Why the writer thread stopped, if it failed. */
        private volatile java.io.IOException failure;
        /** Texts written and syncs made (read by the tests). */
        volatile long written;
        volatile long syncs;

        Appender(java.nio.file.Path path) throws java.io.IOException {
            file = java.nio.channels.FileChannel.open(path, java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.WRITE, java.nio.file.StandardOpenOption.APPEND);
            thread = new Thread(this::loop, "floor-appender");
            thread.setDaemon(true);
            thread.start();
        }

        /** Queues {@code text}; an IllegalStateException once the writer thread has failed (never a hang). */
        void append(byte[] text) {
            try {
                while (!queue.offer(text, 100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                    failedOrNot();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            failedOrNot();
        }

        private void failedOrNot() {
            if (failure != null) {
                throw new IllegalStateException("the floor appender could not write its file", failure);
            }
        }

        private void loop() {
            java.util.List<byte[]> batch = new java.util.ArrayList<>(4096);
            java.nio.ByteBuffer out = java.nio.ByteBuffer.allocateDirect(4096 * (EVENT_BYTES + 1));
            long lastSync = System.nanoTime();
            try {
                long lastWrite = System.nanoTime();
                while (!closing || !queue.isEmpty()) {
                    byte[] first = queue.poll(5, java.util.concurrent.TimeUnit.MILLISECONDS);
                    if (first == null) {
                        continue;
                    }
                    batch.add(first);
                    // hold the batch until 10 ms after the last write, as the audit writer does: texts
                    // queued meanwhile wake no one
                    long deadline = lastWrite + SYNC_INTERVAL_NANOS;
                    for (long wait; !closing && queue.size() < 4095 && (wait = deadline - System.nanoTime()) > 0; ) {
                        java.util.concurrent.locks.LockSupport.parkNanos(Math.min(wait, 2_000_000L));
                    }
                    lastWrite = System.nanoTime();
                    queue.drainTo(batch, 4095);
                    out.clear();
                    for (byte[] t : batch) {
                        out.put(t).put((byte) '\n');
                    }
                    out.flip();
                    while (out.hasRemaining()) {
                        file.write(out);
                    }
                    written += batch.size();
                    batch.clear();
                    long now = System.nanoTime();
                    if (now - lastSync >= SYNC_INTERVAL_NANOS) {
                        file.force(false);
                        syncs++;
                        lastSync = now;
                    }
                }
                file.force(false);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (java.io.IOException e) {
                failure = e; // callers see it at their next append
            }
        }

        @Override
        public void close() throws java.io.IOException {
            closing = true;
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            file.close();
        }
    }

    private static Cipher newGcm() {
        try {
            return LocalCrypto.cipher("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
