package io.keywarden.benchmarks;

import java.util.SplittableRandom;

/** Deterministic pseudo-random message bodies (the content does not matter to AES-GCM or HMAC). */
public final class Payloads {

    private Payloads() {
    }

    public static byte[] of(int size) {
        byte[] b = new byte[size];
        SplittableRandom r = new SplittableRandom(size);
        for (int i = 0; i < size; i++) {
            b[i] = (byte) r.nextInt(256);
        }
        return b;
    }
}
