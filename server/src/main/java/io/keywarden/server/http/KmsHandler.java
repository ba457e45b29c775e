package io.keywarden.server.http;

import io.keywarden.kms.api.KmsBackend;
import io.keywarden.kms.api.errors.KmsException;
import io.keywarden.server.AuthenticatedCaller;
import io.keywarden.server.CallerAdapter;
import io.keywarden.server.auth.AuthenticationException;
import io.keywarden.server.auth.ReceivedRequest;
import io.keywarden.server.auth.SigV4Authenticator;
import io.keywarden.server.protocol.JsonProtocol;
import io.keywarden.server.protocol.OperationTable;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The HTTP side of the server: {@code POST /} is an AWS KMS JSON 1.1 call (bounded body, SigV4
 * authentication, {@code X-Amz-Target} dispatch through the {@link OperationTable}),
 * {@code GET /health}, {@code GET /ready} and {@code GET /metrics} are the operational endpoints.
 * Every response carries {@code x-amzn-RequestId}. Nothing of a request body, a secret or a
 * signature is logged.
 */
public final class KmsHandler extends Handler.Abstract {

    private static final Logger LOG = Logger.getLogger(KmsHandler.class.getName());
    private static final String TARGET_PREFIX = "TrentService.";

    private final SigV4Authenticator authenticator;
    private final CallerAdapter callers;
    private final OperationTable operations = new OperationTable();
    private final JsonProtocol protocol = new JsonProtocol();
    private final RequestMetrics metrics;
    private final BooleanSupplier ready;
    private final int maxBodyBytes;
    /** The largest oversized body that is read and dropped before the 413 (see {@link #tooLarge}). */
    private static final long DRAIN_LIMIT = 16L << 20;
    private final int maxHeaders;
    private final Duration bodyTimeout;
    private final Executor executor;

    /**
     * A handler that reads bodies of at most {@code maxBodyBytes} within {@code bodyTimeout}, refuses
     * requests with more than {@code maxHeaders} header fields, and serves requests on {@code executor}.
     */
    public KmsHandler(SigV4Authenticator authenticator, CallerAdapter callers, RequestMetrics metrics,
                      BooleanSupplier ready, int maxBodyBytes, int maxHeaders, Duration bodyTimeout, Executor executor) {
        super(InvocationType.BLOCKING);
        this.bodyTimeout = bodyTimeout;
        this.executor = executor;
        this.authenticator = authenticator;
        this.callers = callers;
        this.metrics = metrics;
        this.ready = ready;
        this.maxBodyBytes = maxBodyBytes;
        this.maxHeaders = maxHeaders;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String requestId = UUID.randomUUID().toString();
        response.getHeaders().put("x-amzn-RequestId", requestId);
        String path = request.getHttpURI().getPath();
        String method = request.getMethod();
        if (method.equals("GET")) {
            switch (path) {
                case "/health" -> text(response, callback, 200, "text/plain; charset=utf-8", "ok\n");
                case "/ready" -> {
                    boolean ok = ready.getAsBoolean();
                    text(response, callback, ok ? 200 : 503, "text/plain; charset=utf-8", ok ? "ready\n" : "not ready\n");
                }
                case "/metrics" -> text(response, callback, 200, "text/plain; version=0.0.4; charset=utf-8", metrics.scrape());
                default -> reject(response, callback, 404, "UnknownOperationException", "No such resource.");
            }
            return true;
        }
        if (!method.equals("POST") || !path.equals("/")) {
            reject(response, callback, 404, "UnknownOperationException", "Requests are POST / with an X-Amz-Target header.");
            return true;
        }
        serveKms(request, response, callback, requestId);
        return true;
    }

    private void serveKms(Request request, Response response, Callback callback, String requestId) {
        if (request.getHeaders().size() > maxHeaders) {
            reject(response, callback, 400, "ValidationException", "The request has more than " + maxHeaders + " headers.");
            return;
        }
        if (request.getLength() > maxBodyBytes) {
            tooLarge(request, response, callback);
            return;
        }
        // The body is read without holding a thread, within a total deadline (a slow client cannot pin a
        // request thread), then the request is served on the server's thread pool.
        Content.Source.asByteArrayAsync(request, maxBodyBytes)
                .orTimeout(bodyTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .whenCompleteAsync((body, failure) -> {
                    try {
                        if (failure == null) {
                            serveKms(request, response, callback, requestId, body);
                        } else if (unwrap(failure) instanceof TimeoutException) {
                            rejectAndClose(response, callback, 408, "RequestTimeoutException",
                                    "The request body did not arrive within " + bodyTimeout.toSeconds() + " seconds.");
                        } else if (unwrap(failure) instanceof IllegalArgumentException) {
                            tooLarge(request, response, callback);
                        } else {
                            reject(response, callback, 400, "SerializationException", "The request body could not be read.");
                        }
                    } catch (Throwable t) {
                        LOG.log(Level.WARNING, "request " + requestId + " could not be answered", t);
                        callback.failed(t);
                    }
                }, executor);
    }

    private static Throwable unwrap(Throwable t) {
        return t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
    }

    private void serveKms(Request request, Response response, Callback callback, String requestId, byte[] body) {
        AuthenticatedCaller caller;
        try {
            caller = authenticator.authenticate(received(request, body));
        } catch (AuthenticationException e) {
            reject(response, callback, e.httpStatus(), e.errorType(), e.getMessage());
            return;
        }
        String target = request.getHeaders().get("X-Amz-Target");
        OperationTable.Operation op = target == null || !target.startsWith(TARGET_PREFIX) ? null
                : operations.find(target.substring(TARGET_PREFIX.length())).orElse(null);
        if (op == null) {
            reject(response, callback, 400, "UnknownOperationException", "The operation is not known to this service.");
            return;
        }
        long start = System.nanoTime();
        // the answer is computed, then recorded in the metrics, then written: a client that reads
        // /metrics after its answer finds its request counted
        int status = 200;
        String errorType = null;
        String message = null;
        byte[] out = null;
        try {
            KmsBackend backend = callers.backendFor(caller);
            Object input = protocol.readRequest(body, op.requestType());
            out = protocol.writeResponse(op.invoke(backend, input));
        } catch (KmsException e) {
            status = e.httpStatus();
            errorType = e.errorType();
            message = e.getMessage();
            if (e.httpStatus() >= 500) {
                LOG.log(Level.WARNING, "request " + requestId + " (" + op.name() + ") failed with " + e.errorType(), e.getCause());
            }
        } catch (RuntimeException e) {
            status = 500;
            errorType = "KMSInternalException";
            message = "An internal error occurred.";
            LOG.log(Level.WARNING, "request " + requestId + " (" + op.name() + ") failed", e);
        }
        metrics.record(op.name(), errorType == null ? "ok" : errorType, System.nanoTime() - start);
        if (errorType == null) {
            write(response, callback, 200, JsonProtocol.CONTENT_TYPE, out);
        } else {
            error(response, callback, status, errorType, message);
        }
    }

    private static ReceivedRequest received(Request request, byte[] body) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (HttpField f : request.getHeaders()) {
            headers.computeIfAbsent(f.getLowerCaseName(), n -> new ArrayList<>()).add(f.getValue());
        }
        if (!headers.containsKey("host") && request.getHttpURI().getAuthority() != null) {
            headers.put("host", List.of(request.getHttpURI().getAuthority()));
        }
        return new ReceivedRequest(request.getMethod(), request.getHttpURI().getScheme(),
                request.getHttpURI().getPath(), request.getHttpURI().getQuery(), headers, body,
                Request.getRemoteAddr(request));
    }

    private void reject(Response response, Callback callback, int status, String type, String message) {
        metrics.rejected(type);
        error(response, callback, status, type, message);
    }

    /**
     * 413 for a body over the limit. A body of a bounded size ({@link #DRAIN_LIMIT}) is first read
     * and dropped, without keeping it and within the body deadline, so that the client, which is
     * still sending it, gets to read the answer; a larger one is answered at once. Either way the
     * connection is then closed.
     */
    private void tooLarge(Request request, Response response, Callback callback) {
        String message = "The request body is larger than " + maxBodyBytes + " bytes.";
        if (request.getLength() > DRAIN_LIMIT) {
            rejectAndClose(response, callback, 413, "ValidationException", message);
            return;
        }
        CompletableFuture<Void> drained = new CompletableFuture<>();
        Content.Source.consumeAll(request, Callback.from(() -> drained.complete(null), drained::completeExceptionally));
        drained.orTimeout(bodyTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .whenCompleteAsync((done, failure) -> rejectAndClose(response, callback, 413, "ValidationException", message),
                        executor);
    }

    /**
     * A rejection that leaves the request body unread: the connection is closed after the answer
     * ("Connection: close"), so no client reuses it with the rest of the body still in it.
     */
    private void rejectAndClose(Response response, Callback callback, int status, String type, String message) {
        response.getHeaders().put(HttpHeader.CONNECTION, "close");
        reject(response, callback, status, type, message);
    }

    private void error(Response response, Callback callback, int status, String type, String message) {
        response.getHeaders().put("X-Amzn-ErrorType", type);
        write(response, callback, status, JsonProtocol.CONTENT_TYPE, protocol.writeError(type, message));
    }

    private static void text(Response response, Callback callback, int status, String contentType, String body) {
        write(response, callback, status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    private static void write(Response response, Callback callback, int status, String contentType, byte[] body) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
    }
}
