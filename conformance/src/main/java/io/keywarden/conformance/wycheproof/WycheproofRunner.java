package io.keywarden.conformance.wycheproof;

import io.keywarden.conformance.ManagedKeys;
import io.keywarden.provider.KeywardenProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Security;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Runs every {@code *.json} of a Wycheproof {@code testvectors_v1} directory through the Keywarden
 * provider on managed (imported) keys. Each file is dispatched by its {@code schema} field to the
 * {@link SchemaHandler} of that schema; every case of a file of any other schema is counted as not
 * applicable, {@link NotApplicable#UNSUPPORTED_SCHEMA}. The Keywarden provider is installed at the end of the provider list, so every
 * operation is obtained by a plain {@code getInstance}.
 *
 * <p>{@code main}: {@code [dir [report.json]]}, defaulting to the {@code wycheproof.dir} and
 * {@code wycheproof.report} system properties; exits 1 on any failure.
 */
public final class WycheproofRunner {

    /** The default directory, relative to the repository root. */
    public static final String DEFAULT_DIR = "../shared/wycheproof/testvectors_v1";

    private WycheproofRunner() {
    }

    /** The handlers, by schema. */
    static Map<String, SchemaHandler> handlers(ManagedKeys keys) {
        List<SchemaHandler> all = List.of(new MacHandler(keys), new EcdsaVerifyHandler(keys),
                new RsaVerifyHandler(keys), new EddsaVerifyHandler(keys), new RsaPkcs1GenerateHandler(keys),
                new OaepDecryptHandler(keys), new EcdhHandler(keys), new AeadHandler(keys), new KeyWrapHandler(keys));
        Map<String, SchemaHandler> bySchema = new HashMap<>();
        for (SchemaHandler h : all) {
            h.schemas().forEach(s -> bySchema.put(s, h));
        }
        return bySchema;
    }

    /**
     * Finds the vector directory for a setting: absolute, or relative to the working directory, its
     * parent or its grandparent (so the default works from the repository root and from a module).
     */
    public static Path resolveDir(String setting) {
        String s = setting == null || setting.isBlank() ? DEFAULT_DIR : setting;
        Path p = Path.of(s);
        if (p.isAbsolute()) {
            return p;
        }
        for (String prefix : new String[] {"", "../", "../../"}) {
            Path candidate = Path.of(prefix + s).toAbsolutePath().normalize();
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return p.toAbsolutePath().normalize();
    }

    /** Installs the Keywarden provider (last) and runs every file of {@code dir}. */
    public static Report run(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException("No Wycheproof vector directory at " + dir + " (set -Dwycheproof.dir=…)");
        }
        long start = System.nanoTime();
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList();
        }
        try (ManagedKeys keys = ManagedKeys.open()) {
            Security.removeProvider(KeywardenProvider.NAME);
            Security.addProvider(new KeywardenProvider(keys.runtime()));
            Map<String, SchemaHandler> handlers = handlers(keys);
            List<FileReport> reports = new ArrayList<>();
            for (Path f : files) {
                VectorFile vectors = VectorFile.read(f);
                SchemaHandler h = handlers.get(vectors.schema());
                FileReport report = new FileReport(vectors.name(), vectors.schema(), vectors.countTests(), h != null);
                if (h != null) {
                    try {
                        h.run(vectors, report);
                    } catch (Exception e) {
                        report.error(Judge.describe(e));
                    }
                } else {
                    for (var group : vectors.groups()) {
                        VectorFile.tests(group).forEach(tc -> report.notApplicable(tc, NotApplicable.UNSUPPORTED_SCHEMA));
                    }
                }
                reports.add(report);
            }
            return new Report(List.copyOf(reports), keys.imports(), (System.nanoTime() - start) / 1_000_000);
        }
    }

    /** Runs, writes the report, prints one line per file and the total; exit status 1 on failure. */
    public static void main(String[] args) throws IOException {
        Path dir = resolveDir(args.length > 0 ? args[0] : System.getProperty("wycheproof.dir"));
        Path target = Path.of(args.length > 1 ? args[1]
                : System.getProperty("wycheproof.report", "target/wycheproof-report.json"));
        Report report = run(dir);
        report.writeJson(target);
        report.files().forEach(f -> System.out.println(f.summaryLine()));
        System.out.println(report.totalLine());
        System.out.println("report: " + target.toAbsolutePath());
        if (report.failed()) {
            System.exit(1);
        }
    }
}
