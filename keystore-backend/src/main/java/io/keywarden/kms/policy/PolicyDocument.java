package io.keywarden.kms.policy;

import java.util.List;

/**
 * A parsed IAM policy document (see {@link PolicyParser}): a key policy (its statements name
 * principals) or an identity policy (they do not).
 */
public record PolicyDocument(String version, String id, List<Statement> statements) {

    public PolicyDocument {
        statements = List.copyOf(statements);
    }
}
