package io.keywarden.kms.engine;

import io.keywarden.kms.api.Tag;
import io.keywarden.kms.api.errors.TagException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** AWS KMS's tagging rules: keys 1–128 characters, values 0–256, no {@code aws:} prefix, 50 tags. */
final class Tags {

    static final int MAX_TAGS = 50;

    private Tags() {
    }

    static void check(Tag tag) {
        if (tag == null || tag.tagKey() == null || tag.tagKey().isEmpty() || tag.tagKey().length() > 128) {
            throw new TagException("Tag keys must be 1 to 128 characters long.");
        }
        if (tag.tagValue() == null || tag.tagValue().length() > 256) {
            throw new TagException("Tag values must be 0 to 256 characters long.");
        }
        if (tag.tagKey().regionMatches(true, 0, "aws:", 0, 4)) {
            throw new TagException("Tag keys beginning with 'aws:' are reserved.");
        }
    }

    /** {@code existing} with {@code added} set on it (a tag with an existing key replaces its value). */
    static List<Tag> merge(List<Tag> existing, List<Tag> added) {
        Map<String, String> byKey = new LinkedHashMap<>();
        existing.forEach(t -> byKey.put(t.tagKey(), t.tagValue()));
        for (Tag t : added) {
            check(t);
            byKey.put(t.tagKey(), t.tagValue());
        }
        if (byKey.size() > MAX_TAGS) {
            throw new TagException("A key can have at most " + MAX_TAGS + " tags.");
        }
        List<Tag> out = new ArrayList<>();
        byKey.forEach((k, v) -> out.add(new Tag(k, v)));
        return out;
    }
}
