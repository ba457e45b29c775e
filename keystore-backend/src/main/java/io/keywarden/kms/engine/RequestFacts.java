package io.keywarden.kms.engine;

import io.keywarden.kms.api.Tag;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The condition keys a request brings itself (its encryption context, algorithms, pending window,
 * tags, grant parameters…), its encryption context for grant constraints, and its grant tokens.
 * Built by {@link KmsEngine} from the request record; the keys of the key and of the caller are
 * added by the {@link Authorizer}. ReEncrypt's destination side has its own facts.
 */
final class RequestFacts {

    static final RequestFacts NONE = builder().build();

    final Map<String, List<String>> keys;
    final Map<String, String> encryptionContext;
    final List<String> grantTokens;
    final RequestFacts destination;

    private RequestFacts(Builder b) {
        this.keys = Map.copyOf(b.keys);
        this.encryptionContext = b.encryptionContext == null ? Map.of() : Map.copyOf(b.encryptionContext);
        this.grantTokens = b.grantTokens == null ? List.of() : List.copyOf(b.grantTokens);
        this.destination = b.destination;
    }

    static Builder builder() {
        return new Builder();
    }

    /** The facts that apply to {@code op}: ReEncrypt's destination side has its own. */
    RequestFacts forOperation(Operation op) {
        return op == Operation.RE_ENCRYPT_TO && destination != null ? destination : this;
    }

    /** Collects the facts of one request. */
    static final class Builder {
        private final Map<String, List<String>> keys = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        private Map<String, String> encryptionContext;
        private List<String> grantTokens;
        private RequestFacts destination;

        private Builder() {
        }

        Builder key(String name, Object value) {
            if (value != null) {
                keys.put(name, List.of(value.toString()));
            }
            return this;
        }

        Builder keys(String name, List<String> values) {
            if (values != null) {
                keys.put(name, List.copyOf(values));
            }
            return this;
        }

        /** kms:EncryptionContext:&lt;k&gt; for each pair and kms:EncryptionContextKeys. */
        Builder encryptionContext(Map<String, String> context) {
            if (context != null && !context.isEmpty()) {
                encryptionContext = new LinkedHashMap<>(context);
                context.forEach((k, v) -> keys.put("kms:EncryptionContext:" + k, List.of(v)));
                keys.put("kms:EncryptionContextKeys", new ArrayList<>(context.keySet()));
            }
            return this;
        }

        /** aws:RequestTag/&lt;k&gt; for each tag and aws:TagKeys. */
        Builder requestTags(List<Tag> tags) {
            if (tags != null && !tags.isEmpty()) {
                tags.forEach(t -> keys.put("aws:RequestTag/" + t.tagKey(), List.of(String.valueOf(t.tagValue()))));
                keys.put("aws:TagKeys", tags.stream().map(Tag::tagKey).toList());
            }
            return this;
        }

        Builder grantTokens(List<String> tokens) {
            this.grantTokens = tokens;
            return this;
        }

        Builder destination(RequestFacts facts) {
            this.destination = facts;
            return this;
        }

        RequestFacts build() {
            return new RequestFacts(this);
        }
    }
}
