package io.keywarden.conformance.wycheproof;

import java.util.List;

/**
 * What happened to one test.
 *
 * @param tcId the test's id
 * @param expected the vector's result
 * @param flags the vector's flags
 * @param status passed, failed or not applicable
 * @param reason why not applicable (null otherwise)
 * @param detail what went wrong (failed), or null
 */
public record CaseOutcome(int tcId, TestCase.Expected expected, List<String> flags, Status status,
        NotApplicable reason, String detail) {

    /** The three ways a case ends; there is no fourth. */
    public enum Status {
        /** Ran on a managed key and matched the expected result. */
        PASSED,
        /** Ran and did not match (or threw the wrong kind of exception). */
        FAILED,
        /** Could not run on a managed key, for a documented {@link NotApplicable} reason. */
        NOT_APPLICABLE
    }
}
