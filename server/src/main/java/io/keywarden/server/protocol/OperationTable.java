package io.keywarden.server.protocol;

import io.keywarden.kms.api.KmsBackend;
import io.keywarden.kms.api.errors.KMSInternalException;
import io.keywarden.kms.api.errors.KmsException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The generic dispatcher: every method of {@link KmsBackend} that takes one request record is the
 * operation of the same name in PascalCase ({@code generateDataKey} is {@code GenerateDataKey}), with
 * that record as its input type and its return type (or nothing, for {@code void}) as its output.
 * Built once by reflection over the interface, so an operation added to the interface is served with
 * no further code.
 *
 * <p>{@code default} methods of the interface are served only when they are AWS KMS operations
 * ({@link #AWS_DEFAULT_OPERATIONS}: key policies and grants, which the engine implements). The other
 * default methods are Keywarden extensions (PutIdentityPolicy/GetIdentityPolicy, the certificate-entry
 * operations, DirectEncrypt/DirectDecrypt/DirectWrapKey/DirectUnwrapKey): they are not served over the
 * wire yet and answer UnknownOperationException (docs/server.md).
 */
public final class OperationTable {

    /**
     * The AWS KMS operations that {@link KmsBackend} declares as {@code default} methods (so that a
     * backend without them still compiles) and that the server serves. An explicit allow-list: every
     * other default method is a Keywarden extension and stays unserved until the wire protocol for the
     * extensions is settled.
     */
    static final Set<String> AWS_DEFAULT_OPERATIONS = Set.of(
            "PutKeyPolicy", "GetKeyPolicy", "ListKeyPolicies",
            "CreateGrant", "ListGrants", "ListRetirableGrants", "RetireGrant", "RevokeGrant");

    private final Map<String, Operation> operations;

    public OperationTable() {
        Map<String, Operation> ops = new TreeMap<>();
        for (Method m : KmsBackend.class.getMethods()) {
            if (Modifier.isStatic(m.getModifiers()) || m.getParameterCount() != 1) {
                continue;
            }
            String name = Character.toUpperCase(m.getName().charAt(0)) + m.getName().substring(1);
            if (m.isDefault() && !AWS_DEFAULT_OPERATIONS.contains(name)) {
                continue; // a Keywarden extension: not served over the wire yet
            }
            ops.put(name, new Operation(name, m));
        }
        this.operations = Collections.unmodifiableMap(ops);
    }

    /** The operation named {@code name} (for example {@code Encrypt}), if the backend has it. */
    public Optional<Operation> find(String name) {
        return Optional.ofNullable(operations.get(name));
    }

    /** Every operation, by name. */
    public Map<String, Operation> all() {
        return operations;
    }

    /** One operation: its wire name, request type and the backend method that serves it. */
    public static final class Operation {
        private final String name;
        private final Method method;

        Operation(String name, Method method) {
            this.name = name;
            this.method = method;
        }

        public String name() {
            return name;
        }

        public Class<?> requestType() {
            return method.getParameterTypes()[0];
        }

        /** Calls the backend; the result is the response record, or null for an operation without output. */
        public Object invoke(KmsBackend backend, Object request) {
            try {
                return method.invoke(backend, request);
            } catch (InvocationTargetException e) {
                Throwable cause = e.getCause();
                if (cause instanceof KmsException k) {
                    throw k;
                }
                if (cause instanceof Error err) {
                    throw err;
                }
                throw new KMSInternalException("An internal error occurred.", cause);
            } catch (IllegalAccessException e) {
                throw new KMSInternalException("An internal error occurred.", e);
            }
        }

        @Override
        public String toString() {
            return name;
        }
    }
}
