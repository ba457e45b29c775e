package io.keywarden.server;

import io.keywarden.kms.api.KmsBackend;

/**
 * The one place where an authenticated caller becomes the engine's caller. The server's dispatcher
 * asks this adapter for the backend that acts for each request's caller.
 *
 * <p>The engine does not yet know principals: until {@code KmsEngine.forCaller(Caller)} exists, every
 * caller gets the engine itself (acting as the principal of keywarden.conf). When it appears, this
 * method becomes {@code engine.forCaller(new Caller(caller.principalArn(), caller.sourceAddress()))}
 * and nothing else in the server changes.
 */
public final class CallerAdapter {

    private final KmsBackend engine;

    public CallerAdapter(KmsBackend engine) {
        this.engine = engine;
    }

    /** The backend acting for {@code caller}. */
    public KmsBackend backendFor(AuthenticatedCaller caller) {
        return engine;
    }
}
