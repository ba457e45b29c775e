package io.keywarden.kms.api;

import java.util.List;

/** Grant tokens are bearer secrets: request records show only how many there are. */
public final class GrantTokens {

    private GrantTokens() {
    }

    /** {@code null}, or {@code <n tokens>}, for toString. */
    public static String redacted(List<String> tokens) {
        return tokens == null ? "null" : "<" + tokens.size() + (tokens.size() == 1 ? " token>" : " tokens>");
    }

    /** {@code null}, or {@code <redacted>}, for one token. */
    public static String redacted(String token) {
        return token == null ? "null" : "<redacted>";
    }
}
