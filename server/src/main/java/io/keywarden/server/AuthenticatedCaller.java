package io.keywarden.server;

/**
 * Who made a request, as established by its SigV4 signature: the access key id, the principal ARN it
 * belongs to, and the client's address (the audit trail's {@code sourceIPAddress}).
 */
public record AuthenticatedCaller(String accessKeyId, String principalArn, String sourceAddress) {
}
