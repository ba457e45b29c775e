package io.keywarden.server;

import io.keywarden.kms.api.Caller;
import io.keywarden.kms.api.KmsBackend;
import io.keywarden.kms.engine.KmsEngine;

/**
 * The one place where an authenticated caller becomes the engine's caller: each request runs on
 * {@link KmsEngine#forCaller(Caller)} for its SigV4-authenticated principal, with the client's
 * address (for {@code aws:SourceIp} and the audit trail's {@code sourceIPAddress}) and whether the
 * connection is TLS ({@code aws:SecureTransport}). Policies, grants, quotas and the audit trail
 * therefore see the server's callers exactly as the embedded engine sees its configured principal.
 */
public final class CallerAdapter {

    private final KmsBackend engine;
    private final boolean secureTransport;

    public CallerAdapter(KmsBackend engine, boolean secureTransport) {
        this.engine = engine;
        this.secureTransport = secureTransport;
    }

    /** The backend acting for {@code caller}. */
    public KmsBackend backendFor(AuthenticatedCaller caller) {
        if (!(io.keywarden.kms.client.RetryingBackend.unwrap(engine) instanceof KmsEngine kms)) {
            return engine;
        }
        Caller c = new Caller(caller.principalArn(), null, caller.sourceAddress(), "keywarden-server",
                secureTransport, null);
        return kms.forCaller(c);
    }
}
