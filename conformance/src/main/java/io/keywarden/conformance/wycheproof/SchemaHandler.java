package io.keywarden.conformance.wycheproof;

import java.util.Set;

/** Runs every test of the files of one schema family, recording each case exactly once. */
public interface SchemaHandler {

    /** The schemas (without .json) this handler runs. */
    Set<String> schemas();

    /** Runs every test of {@code file}. */
    void run(VectorFile file, CaseRecorder recorder) throws Exception;
}
