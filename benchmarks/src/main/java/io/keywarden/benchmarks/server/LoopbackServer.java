package io.keywarden.benchmarks.server;

import io.keywarden.benchmarks.KeywardenEnvironment;
import io.keywarden.kms.api.PutIdentityPolicyRequest;
import io.keywarden.server.KeywardenServer;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * A single-node Keywarden server in this JVM on plaintext loopback HTTP over a {@link
 * KeywardenEnvironment} (the embedded SQLite store), with an access key for an IAM user allowed
 * {@code kms:*}, and an AWS SDK v2 {@code KmsClient} for it ({@link LoopbackNode}).
 */
public final class LoopbackServer implements AutoCloseable {

    public final KeywardenEnvironment env;
    public final KeywardenServer server;
    public final KmsClient client;
    private final LoopbackNode node;

    public LoopbackServer() {
        env = KeywardenEnvironment.temporary();
        env.engine.putIdentityPolicy(new PutIdentityPolicyRequest(LoopbackNode.PRINCIPAL, LoopbackNode.ALLOW_ALL));
        node = new LoopbackNode(env.engine, env.dir());
        server = node.server;
        client = node.client;
    }

    @Override
    public void close() {
        node.close();
        env.close();
    }
}
