package io.keywarden.conformance.testers;

import java.util.Arrays;
import java.util.HexFormat;

/** Assertions for the testers (plain {@link AssertionError}s, so they work under any test framework). */
final class Check {

    private Check() {
    }

    static void equal(String what, byte[] expected, byte[] actual) {
        if (!Arrays.equals(expected, actual)) {
            throw new AssertionError(what + ": expected " + hex(expected) + " but got " + hex(actual));
        }
    }

    static void isTrue(String what, boolean condition) {
        if (!condition) {
            throw new AssertionError(what);
        }
    }

    private static String hex(byte[] b) {
        if (b == null) {
            return "null";
        }
        String s = HexFormat.of().formatHex(b);
        return b.length + " bytes " + (s.length() > 64 ? s.substring(0, 64) + "…" : s);
    }
}
