package io.keywarden.conformance.wycheproof;

/** Where a handler records each case's outcome, exactly once per case. */
public interface CaseRecorder {

    /** The case ran: passed when {@code failure} is null, failed otherwise. */
    void record(TestCase tc, String failure);

    /** The case cannot run on a managed key. */
    void notApplicable(TestCase tc, NotApplicable reason);

    /**
     * A local reference provider (the JDK's, or Bouncy Castle where the JDK lacks the curve) disagrees
     * with the vector on a case it ran with the plain key; {@code deviation} is null when it agrees.
     * Reported per file; it does not fail Keywarden's run, since the vector says which side is right.
     */
    void localDeviation(TestCase tc, String deviation);
}
