package io.keywarden.conformance.wycheproof;

import java.security.GeneralSecurityException;
import java.security.ProviderException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Judges one operation against a case's expected result: valid must succeed with the exact output,
 * invalid must be rejected (a {@link GeneralSecurityException}, a {@link ProviderException} carrying
 * a backend refusal, or {@code verify} returning false), acceptable may go either way but an accepted
 * output must be right. Any other unchecked exception is a failure (a bug), whatever the expectation.
 * Each method returns null when the outcome is right, or what was wrong.
 */
public final class Judge {

    /** An operation producing bytes. */
    @FunctionalInterface
    public interface Producer {
        /** Runs the operation. */
        byte[] run() throws Exception;
    }

    /** An operation producing a verdict. */
    @FunctionalInterface
    public interface Verifier {
        /** Runs the check. */
        boolean run() throws Exception;
    }

    private Judge() {
    }

    /** An operation whose output must equal {@code expected} when it succeeds. */
    public static String output(TestCase tc, byte[] expected, Producer op) {
        byte[] out;
        try {
            out = op.run();
        } catch (Exception e) {
            return rejected(tc, e);
        }
        boolean right = Arrays.equals(out, expected);
        return switch (tc.expected()) {
            case VALID -> right ? null : "wrong output " + hex(out);
            case INVALID -> "accepted an invalid input (output " + (right ? "equal to the vector's" : hex(out)) + ")";
            case ACCEPTABLE -> right ? null : "accepted with a wrong output " + hex(out);
        };
    }

    /** A check (verify, tag comparison) that must be true exactly for valid cases. */
    public static String verify(TestCase tc, Verifier op) {
        boolean ok;
        try {
            ok = op.run();
        } catch (Exception e) {
            return rejected(tc, e);
        }
        if (ok) {
            return tc.expected() == TestCase.Expected.INVALID ? "accepted an invalid input" : null;
        }
        return tc.expected() == TestCase.Expected.VALID ? "rejected a valid input (false)" : null;
    }

    private static String rejected(TestCase tc, Exception e) {
        boolean proper = e instanceof GeneralSecurityException || e instanceof ProviderException;
        if (!proper) {
            return "wrong exception " + describe(e);
        }
        return tc.expected() == TestCase.Expected.VALID ? "rejected a valid input: " + describe(e) : null;
    }

    /** Joins the failures of several paths ({@code label, failure, label, failure, …}); null if none failed. */
    public static String paths(String... labelsAndFailures) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i + 1 < labelsAndFailures.length; i += 2) {
            if (labelsAndFailures[i + 1] != null) {
                b.append(b.length() == 0 ? "" : "; ").append(labelsAndFailures[i]).append(": ")
                        .append(labelsAndFailures[i + 1]);
            }
        }
        return b.length() == 0 ? null : b.toString();
    }

    static String describe(Throwable e) {
        String s = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")");
        return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }

    private static String hex(byte[] b) {
        String s = b == null ? "null" : HexFormat.of().formatHex(b);
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }
}
