package io.keywarden.provider.testing;

import io.keywarden.kms.api.KmsBackend;

/**
 * One fixture's KMS: a backend on it, and the keywarden.conf lines that reach the same KMS (for tests
 * that configure a provider through a file). Request quotas are high enough for tests that make many
 * keys. Closing it closes the backend and whatever was started for it.
 */
public interface TestKmsInstance extends AutoCloseable {

    /** The backend the fixture's provider and the test's direct calls use. */
    KmsBackend backend();

    /** keywarden.conf lines, ending with a newline, for the same KMS; a test may append its own settings. */
    String configuration();

    @Override
    void close();
}
