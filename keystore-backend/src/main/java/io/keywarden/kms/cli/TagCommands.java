package io.keywarden.kms.cli;

import io.keywarden.kms.api.KmsBackend;
import io.keywarden.kms.api.ListResourceTagsRequest;
import io.keywarden.kms.api.TagResourceRequest;
import io.keywarden.kms.api.UntagResourceRequest;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Key tags. */
final class TagCommands {

    private TagCommands() {
    }

    @Command(name = "tag-resource", description = "Adds or replaces tags of a key.")
    static final class TagResource extends KmsOperation {
        @Option(names = "--key-id", required = true, paramLabel = "KEY", description = "Key id or key ARN.")
        String keyId;

        @Option(names = "--tags", required = true, arity = "1..*", paramLabel = "TagKey=K,TagValue=V",
                description = "Tags: TagKey=K,TagValue=V … or a JSON array of {\"TagKey\":…,\"TagValue\":…}.")
        List<String> tags;

        @Override
        protected Object invoke(KmsBackend kms) {
            kms.tagResource(TagResourceRequest.builder()
                    .keyId(keyId).tags(ListArguments.tags(spec, "--tags", tags)).build());
            return null;
        }
    }

    @Command(name = "untag-resource", description = "Removes tags from a key.")
    static final class UntagResource extends KmsOperation {
        @Option(names = "--key-id", required = true, paramLabel = "KEY", description = "Key id or key ARN.")
        String keyId;

        @Option(names = "--tag-keys", required = true, arity = "1..*", paramLabel = "TAGKEY",
                description = "The tag keys to remove (space-separated, or a JSON array).")
        List<String> tagKeys;

        @Override
        protected Object invoke(KmsBackend kms) {
            kms.untagResource(UntagResourceRequest.builder()
                    .keyId(keyId).tagKeys(strings("--tag-keys", tagKeys)).build());
            return null;
        }
    }

    @Command(name = "list-resource-tags", description = "Lists a key's tags.")
    static final class ListResourceTags extends KmsOperation {
        @Option(names = "--key-id", required = true, paramLabel = "KEY", description = "Key id or key ARN.")
        String keyId;

        @Option(names = "--limit", paramLabel = "N", description = "At most N tags (1-50, default 50).")
        Integer limit;

        @Option(names = "--marker", paramLabel = "MARKER", description = "NextMarker of the previous page.")
        String marker;

        @Override
        protected Object invoke(KmsBackend kms) {
            return kms.listResourceTags(ListResourceTagsRequest.builder()
                    .keyId(keyId).limit(limit).marker(marker).build());
        }
    }
}
