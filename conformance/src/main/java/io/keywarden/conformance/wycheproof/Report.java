package io.keywarden.conformance.wycheproof;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The whole run: one {@link FileReport} per vector file, totals, and the JSON report (per file: schema,
 * counts, failed tcIds with what went wrong, not-applicable counts by reason, and every case's
 * result, flags and status).
 *
 * @param files the per-file reports, in file-name order
 * @param imports how many keys were imported into the engine
 * @param millis the run's wall time
 */
public record Report(List<FileReport> files, int imports, long millis) {

    /** Whether any file failed (a failed case, a handler error, or a case not accounted for). */
    public boolean failed() {
        return files.stream().anyMatch(FileReport::failed);
    }

    /** Cases with this status over all files. */
    public long total(CaseOutcome.Status status) {
        return files.stream().mapToLong(f -> f.count(status)).sum();
    }

    /** Cases run (recorded) over the supported files. */
    public long run() {
        return files.stream().mapToLong(f -> f.outcomes().size()).sum();
    }

    /** Not-applicable counts by reason over all files. */
    public Map<NotApplicable, Long> notApplicableByReason() {
        Map<NotApplicable, Long> m = new EnumMap<>(NotApplicable.class);
        files.forEach(f -> f.notApplicableByReason().forEach((r, n) -> m.merge(r, n, Long::sum)));
        return m;
    }

    /** The one-line total. */
    public String totalLine() {
        long unsupported = files.stream().filter(f -> !f.supported()).count();
        return String.format("TOTAL files %d (unsupported schema %d, %d tests)  run %d  passed %d  failed %d  n/a %d %s"
                + "  imports %d  %.1f s", files.size(), unsupported,
                files.stream().filter(f -> !f.supported()).mapToInt(FileReport::declaredTests).sum(), run(),
                total(CaseOutcome.Status.PASSED), total(CaseOutcome.Status.FAILED),
                total(CaseOutcome.Status.NOT_APPLICABLE), notApplicableByReason(), imports, millis / 1000.0);
    }

    /** Writes the JSON report. */
    public void writeJson(Path target) throws IOException {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        ObjectNode totals = root.putObject("totals");
        totals.put("files", files.size());
        totals.put("run", run());
        totals.put("passed", total(CaseOutcome.Status.PASSED));
        totals.put("failed", total(CaseOutcome.Status.FAILED));
        totals.put("notApplicable", total(CaseOutcome.Status.NOT_APPLICABLE));
        ObjectNode naTotals = totals.putObject("notApplicableByReason");
        notApplicableByReason().forEach((r, n) -> naTotals.put(r.name(), n));
        totals.put("imports", imports);
        totals.put("millis", millis);
        ObjectNode reasons = root.putObject("reasons");
        for (NotApplicable r : NotApplicable.values()) {
            reasons.put(r.name(), r.description());
        }
        ArrayNode out = root.putArray("files");
        for (FileReport f : files) {
            ObjectNode n = out.addObject();
            n.put("file", f.file());
            n.put("schema", f.schema());
            n.put("tests", f.declaredTests());
            if (!f.supported()) {
                n.put("status", "unsupported schema");
            }
            n.put("passed", f.count(CaseOutcome.Status.PASSED));
            n.put("failed", f.count(CaseOutcome.Status.FAILED));
            n.put("notApplicable", f.count(CaseOutcome.Status.NOT_APPLICABLE));
            ObjectNode na = n.putObject("notApplicableByReason");
            f.notApplicableByReason().forEach((r, c) -> na.put(r.name(), c));
            if (f.error() != null) {
                n.put("error", f.error());
            }
            ArrayNode deviations = n.putArray("localReferenceDeviations");
            f.localDeviations().forEach(o -> deviations.addObject().put("tcId", o.tcId())
                    .put("result", o.expected().name().toLowerCase()).put("detail", o.detail()));
            ArrayNode failed = n.putArray("failedTcIds");
            ArrayNode failures = n.putArray("failures");
            ArrayNode cases = n.putArray("cases");
            for (CaseOutcome o : f.outcomes()) {
                if (o.status() == CaseOutcome.Status.FAILED) {
                    failed.add(o.tcId());
                    failures.addObject().put("tcId", o.tcId()).put("detail", o.detail());
                }
                ObjectNode c = cases.addObject();
                c.put("tcId", o.tcId());
                c.put("result", o.expected().name().toLowerCase());
                ArrayNode flags = c.putArray("flags");
                o.flags().forEach(flags::add);
                c.put("status", o.status().name());
                if (o.reason() != null) {
                    c.put("reason", o.reason().name());
                }
            }
        }
        Files.createDirectories(target.toAbsolutePath().getParent());
        mapper.writeValue(target.toFile(), root);
    }
}
