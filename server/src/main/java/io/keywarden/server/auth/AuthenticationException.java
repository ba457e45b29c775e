package io.keywarden.server.auth;

/**
 * A request failed authentication; it never reaches the engine. {@link #errorType()} is the wire
 * name AWS uses ({@code UnrecognizedClientException}, {@code InvalidSignatureException},
 * {@code IncompleteSignature}, {@code MissingAuthenticationTokenException}). Messages never contain
 * secrets or signatures.
 */
public final class AuthenticationException extends RuntimeException {

    private final String errorType;

    private AuthenticationException(String errorType, String message) {
        super(message, null, false, false);
        this.errorType = errorType;
    }

    public String errorType() {
        return errorType;
    }

    /** The HTTP status: AWS answers authentication failures with 400 (403 for a missing token). */
    public int httpStatus() {
        return errorType.equals("MissingAuthenticationTokenException") ? 403 : 400;
    }

    static AuthenticationException unrecognizedClient() {
        return new AuthenticationException("UnrecognizedClientException",
                "The security token included in the request is invalid.");
    }

    static AuthenticationException invalidSignature(String message) {
        return new AuthenticationException("InvalidSignatureException", message);
    }

    static AuthenticationException incomplete(String message) {
        return new AuthenticationException("IncompleteSignature", message);
    }

    static AuthenticationException missing() {
        return new AuthenticationException("MissingAuthenticationTokenException", "Missing Authentication Token");
    }
}
