package io.keywarden.kms.policy;

/**
 * IAM's wildcard matching: {@code *} matches any run of characters (also none), {@code ?} exactly
 * one; every other character matches itself. Linear in practice (greedy with one backtrack point).
 */
public final class Wildcard {

    private Wildcard() {
    }

    /** Whether {@code text} matches {@code pattern}, case-sensitively. */
    public static boolean matches(String pattern, String text) {
        return matches(pattern, text, false);
    }

    /** Whether {@code text} matches {@code pattern}; {@code ignoreCase} compares letters without case. */
    public static boolean matches(String pattern, String text, boolean ignoreCase) {
        int p = 0;
        int t = 0;
        int star = -1;
        int mark = 0;
        while (t < text.length()) {
            if (p < pattern.length() && (pattern.charAt(p) == '?' || same(pattern.charAt(p), text.charAt(t), ignoreCase))) {
                p++;
                t++;
            } else if (p < pattern.length() && pattern.charAt(p) == '*') {
                star = p++;
                mark = t;
            } else if (star >= 0) {
                p = star + 1;
                t = ++mark;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }

    private static boolean same(char a, char b, boolean ignoreCase) {
        return a == b || ignoreCase && Character.toLowerCase(a) == Character.toLowerCase(b);
    }
}
