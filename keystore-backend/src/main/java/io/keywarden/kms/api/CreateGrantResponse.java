package io.keywarden.kms.api;

/**
 * The response of CreateGrant: the grant token (a secret that makes the grant usable at once by
 * whoever holds it and is its grantee) and the grant's id.
 */
public record CreateGrantResponse(String grantToken, String grantId) {

    /** The grant token is a secret: not shown. */
    @Override
    public String toString() {
        return "CreateGrantResponse[grantToken=" + GrantTokens.redacted(grantToken) + ", grantId=" + grantId + "]";
    }
}
