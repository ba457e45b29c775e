package io.keywarden.kms.engine;

import io.keywarden.kms.api.ListResourceTagsRequest;
import io.keywarden.kms.api.ListResourceTagsResponse;
import io.keywarden.kms.api.Tag;
import io.keywarden.kms.api.TagResourceRequest;
import io.keywarden.kms.api.UntagResourceRequest;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** TagResource, UntagResource, ListResourceTags. */
final class TagOperations {

    private final EngineContext ctx;

    TagOperations(EngineContext ctx) {
        this.ctx = ctx;
    }

    void tagResource(TagResourceRequest request) {
        List<Tag> tags = Validate.required(request.tags(), "tags");
        ctx.writeKey(Operation.TAG_RESOURCE, request.keyId(), (tx, key) -> {
            tx.putKey(key.withTags(Tags.merge(key.tags(), tags)));
            return null;
        });
    }

    void untagResource(UntagResourceRequest request) {
        Set<String> remove = new HashSet<>(Validate.required(request.tagKeys(), "tagKeys"));
        ctx.writeKey(Operation.UNTAG_RESOURCE, request.keyId(), (tx, key) -> {
            tx.putKey(key.withTags(key.tags().stream().filter(t -> !remove.contains(t.tagKey())).toList()));
            return null;
        });
    }

    ListResourceTagsResponse listResourceTags(ListResourceTagsRequest request) {
        int limit = Validate.range(request.limit(), "limit", 1, 50, 50);
        String after = Paging.after(request.marker());
        return ctx.readKey(Operation.LIST_RESOURCE_TAGS, request.keyId(), (tx, key) -> {
            List<Tag> sorted = key.tags().stream()
                    .sorted((a, b) -> a.tagKey().compareTo(b.tagKey()))
                    .filter(t -> after == null || t.tagKey().compareTo(after) > 0)
                    .limit(limit + 1L)
                    .toList();
            Paging.Page<Tag> page = Paging.page(sorted, limit, Tag::tagKey);
            return new ListResourceTagsResponse(page.items(), page.nextMarker(), page.truncated());
        });
    }
}
