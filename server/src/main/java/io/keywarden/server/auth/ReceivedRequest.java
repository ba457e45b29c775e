package io.keywarden.server.auth;

import java.util.List;
import java.util.Map;

/**
 * What the authenticator needs of a received HTTP request, independent of the HTTP server library.
 *
 * @param method the HTTP method
 * @param scheme {@code http} or {@code https}
 * @param path the raw (encoded) path
 * @param rawQuery the raw query string, or null
 * @param headers every header, names in lower case, values in the order received
 * @param body the complete body
 * @param remoteAddress the client's address
 */
public record ReceivedRequest(
        String method,
        String scheme,
        String path,
        String rawQuery,
        Map<String, List<String>> headers,
        byte[] body,
        String remoteAddress) {

    /** The first value of a header (name in any case), or null. */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
