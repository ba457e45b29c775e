package io.keywarden.conformance.wycheproof;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The outcomes of one vector file; handlers record every case here exactly once. Also the
 * {@link CaseRecorder} given to handlers.
 */
public final class FileReport implements CaseRecorder {

    private final String file;
    private final String schema;
    private final int declaredTests;
    private final boolean supported;
    private final List<CaseOutcome> outcomes = new ArrayList<>();
    private final List<CaseOutcome> deviations = new ArrayList<>();
    private String error;

    FileReport(String file, String schema, int declaredTests, boolean supported) {
        this.file = file;
        this.schema = schema;
        this.declaredTests = declaredTests;
        this.supported = supported;
    }

    @Override
    public void record(TestCase tc, String failure) {
        add(tc, failure == null ? CaseOutcome.Status.PASSED : CaseOutcome.Status.FAILED, null, failure);
    }

    @Override
    public void notApplicable(TestCase tc, NotApplicable reason) {
        add(tc, CaseOutcome.Status.NOT_APPLICABLE, reason, null);
    }

    @Override
    public void localDeviation(TestCase tc, String deviation) {
        if (deviation != null) {
            deviations.add(new CaseOutcome(tc.tcId(), tc.expected(), tc.flags(), CaseOutcome.Status.FAILED, null,
                    deviation));
        }
    }

    /** Where the local reference provider disagreed with the vector (status FAILED, detail what it did). */
    public List<CaseOutcome> localDeviations() {
        return Collections.unmodifiableList(deviations);
    }

    private void add(TestCase tc, CaseOutcome.Status status, NotApplicable reason, String detail) {
        outcomes.add(new CaseOutcome(tc.tcId(), tc.expected(), tc.flags(), status, reason, detail));
    }

    void error(String message) {
        this.error = message;
    }

    /** The file name. */
    public String file() {
        return file;
    }

    /** The schema (without .json). */
    public String schema() {
        return schema;
    }

    /** Whether a handler exists for the schema. */
    public boolean supported() {
        return supported;
    }

    /** The number of tests the file declares. */
    public int declaredTests() {
        return declaredTests;
    }

    /** A handler error that stopped the file, or null. */
    public String error() {
        return error;
    }

    /** Every recorded outcome. */
    public List<CaseOutcome> outcomes() {
        return Collections.unmodifiableList(outcomes);
    }

    /** How many cases ended with this status. */
    public long count(CaseOutcome.Status status) {
        return outcomes.stream().filter(o -> o.status() == status).count();
    }

    /** Not-applicable counts by reason. */
    public Map<NotApplicable, Long> notApplicableByReason() {
        Map<NotApplicable, Long> m = new EnumMap<>(NotApplicable.class);
        outcomes.stream().filter(o -> o.reason() != null).forEach(o -> m.merge(o.reason(), 1L, Long::sum));
        return m;
    }

    /**
     * Whether the file is a failure: a failed case, a handler error, or outcomes that do not cover
     * every test (an unsupported-schema file records each case as UNSUPPORTED_SCHEMA).
     */
    public boolean failed() {
        return count(CaseOutcome.Status.FAILED) > 0 || error != null || outcomes.size() != declaredTests;
    }

    /** The console line for this file. */
    public String summaryLine() {
        StringBuilder b = new StringBuilder(String.format("%-50s %-44s run %4d  passed %4d  failed %3d  n/a %4d",
                file, schema, outcomes.size(), count(CaseOutcome.Status.PASSED), count(CaseOutcome.Status.FAILED),
                count(CaseOutcome.Status.NOT_APPLICABLE)));
        notApplicableByReason().forEach((r, n) -> b.append(' ').append(r).append('=').append(n));
        if (!deviations.isEmpty()) {
            b.append("  local-reference deviations ").append(deviations.size());
        }
        if (error != null) {
            b.append("  ERROR ").append(error);
        } else if (outcomes.size() != declaredTests) {
            b.append("  ERROR ").append(outcomes.size()).append(" outcomes for ").append(declaredTests).append(" tests");
        }
        return b.toString();
    }
}
