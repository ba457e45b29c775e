package io.keywarden.kms.cli;

import io.keywarden.kms.api.KmsBackend;
import io.keywarden.kms.config.KeywardenConfig;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;

/**
 * The only class of the CLI that knows the embedded engine and the store: every other class works
 * against {@link KmsBackend}.
 *
 * <p>TEMPORARY: the engine and store are being written on other branches; until they are merged this
 * class finds them by reflection so that the build stays green. It is replaced by direct calls once
 * they are merged.
 */
final class BackendOpener {

    private BackendOpener() {
    }

    static KmsBackend openBackend(KeywardenConfig config) {
        return (KmsBackend) invokeStatic("io.keywarden.kms.engine.EmbeddedKms", "open",
                new Class<?>[] {KeywardenConfig.class}, config);
    }

    /** Creates the store and its root key if they do not exist yet, by opening the engine once. */
    static void createStore(KeywardenConfig config) {
        openBackend(config).close();
    }

    static void backup(KeywardenConfig config, Path target) {
        throw new CliException.Failed("store backup is not available in this build");
    }

    static void restore(Path backupFile, KeywardenConfig config) {
        throw new CliException.Failed("store restore is not available in this build");
    }

    private static Object invokeStatic(String className, String method, Class<?>[] types, Object... args) {
        try {
            Method m = Class.forName(className).getMethod(method, types);
            return m.invoke(null, args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new CliException.Failed(e.getCause().toString(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new CliException.Failed("the embedded engine is not available in this build (" + className + ")");
        }
    }
}
