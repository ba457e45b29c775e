package io.keywarden.conformance.testers;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** The ways the testers split an input into update calls: fixed piece sizes and seeded random splits. */
public final class Pieces {

    /** The fixed piece sizes every tester feeds. */
    public static final int[] SIZES = {1, 2, 3, 7, 16, 17, 4096};

    private Pieces() {
    }

    /** Every split of {@code length} to try: one per fixed size, then three random splits (seeded). */
    public static List<int[]> splits(int length) {
        List<int[]> splits = new ArrayList<>();
        for (int size : SIZES) {
            splits.add(fixed(length, size));
        }
        Random random = new Random(length);
        for (int i = 0; i < 3; i++) {
            List<Integer> parts = new ArrayList<>();
            int left = length;
            while (left > 0) {
                int n = Math.min(left, random.nextInt(Math.max(1, length / 4) + 1));
                parts.add(n);
                left -= n;
            }
            splits.add(parts.stream().mapToInt(Integer::intValue).toArray());
        }
        return splits;
    }

    private static int[] fixed(int length, int size) {
        int count = (length + size - 1) / size;
        int[] parts = new int[count];
        for (int i = 0; i < count; i++) {
            parts[i] = Math.min(size, length - i * size);
        }
        return parts;
    }

    /** A deterministic test message. */
    public static byte[] message(int length) {
        byte[] m = new byte[length];
        new Random(31L * length + 7).nextBytes(m);
        return m;
    }
}
