package io.keywarden.benchmarks.envelope;

import io.keywarden.benchmarks.KeywardenEnvironment;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/** The envelope implementations by benchmark name; {@code env} is used by Keywarden's only. */
public final class EnvelopeSubjects {

    private static final Map<String, Function<KeywardenEnvironment, EnvelopeSubject>> TABLE = new LinkedHashMap<>();

    static {
        TABLE.put("keywarden", env -> new KeywardenEnvelope(env, false));
        TABLE.put("keywarden-cached", env -> new KeywardenEnvelope(env, true));
        TABLE.put("jdk", env -> PlainGcm.jdk());
        TABLE.put("local-gcm", env -> PlainGcm.local());
        TABLE.put("esdk", env -> new EsdkEnvelope(false));
        TABLE.put("esdk-cached", env -> new EsdkEnvelope(true));
        TABLE.put("tink", env -> new TinkEnvelope());
        // Experiments, not in EnvelopeBench's default list (-p impl=...): the uncached envelope over a backend
        // doing only the floor of an audited call, without and with a minimal durable trail (FloorBackend).
        TABLE.put("keywarden-floor", KeywardenEnvelope::overTheFloor);
        TABLE.put("keywarden-floor-writer", KeywardenEnvelope::overTheFloorWithWriter);
    }

    private EnvelopeSubjects() {
    }

    /** The names, in benchmark order. */
    public static Iterable<String> names() {
        return TABLE.keySet();
    }

    /** Whether {@code name} needs a Keywarden environment. */
    public static boolean needsKeywarden(String name) {
        return name.startsWith("keywarden");
    }

    public static EnvelopeSubject create(String name, KeywardenEnvironment env) {
        Function<KeywardenEnvironment, EnvelopeSubject> f = TABLE.get(name);
        if (f == null) {
            throw new IllegalArgumentException("unknown envelope implementation " + name + "; known: " + TABLE.keySet());
        }
        return f.apply(env);
    }
}
