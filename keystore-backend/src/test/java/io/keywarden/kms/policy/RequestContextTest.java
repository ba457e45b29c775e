package io.keywarden.kms.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Lazy condition keys: not made when no condition reads them, made once when one does. */
class RequestContextTest {

    static final String ROOT = "arn:aws:iam::111122223333:root";
    static final String KEY = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";

    private final AtomicInteger made = new AtomicInteger();

    private RequestContext lazy(String action) {
        return RequestContext.withLazyKeys(ROOT, "111122223333", action, KEY, () -> {
            made.incrementAndGet();
            return Map.of("kms:EncryptionContext:Purpose", List.of("test"), "kms:KeySpec", List.of("SYMMETRIC_DEFAULT"));
        });
    }

    private static PolicyDocument policy(String condition) {
        return PolicyParser.parseKeyPolicy("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Principal\":{\"AWS\":\"" + ROOT + "\"},\"Action\":\"kms:*\",\"Resource\":\"*\""
                + (condition == null ? "" : ",\"Condition\":" + condition) + "}]}");
    }

    @Test
    void aPolicyWithoutConditionsNeverMakesTheKeys() {
        PolicyResult r = PolicyEvaluator.evaluate(policy(null), lazy("kms:Decrypt"));
        assertThat(r.allow()).isNotEqualTo(PrincipalSet.Match.NONE);
        assertThat(made).hasValue(0);
    }

    @Test
    void keysAreMadeOnceAndSharedWithOtherActions() {
        RequestContext request = lazy("kms:Decrypt");
        PolicyDocument p = policy("{\"StringEquals\":{\"kms:encryptioncontext:purpose\":\"test\","
                + "\"kms:KeySpec\":\"SYMMETRIC_DEFAULT\"}}");
        assertThat(PolicyEvaluator.evaluate(p, request).allow()).isNotEqualTo(PrincipalSet.Match.NONE);
        assertThat(PolicyEvaluator.evaluate(p, request.withAction("kms:PutKeyPolicy")).allow())
                .isNotEqualTo(PrincipalSet.Match.NONE);
        assertThat(made).hasValue(1);
        assertThat(request.values("KMS:KEYSPEC")).containsExactly("SYMMETRIC_DEFAULT");
        assertThat(request.values("kms:Missing")).isNull();
        PolicyDocument other = policy("{\"StringEquals\":{\"kms:EncryptionContext:Purpose\":\"other\"}}");
        assertThat(PolicyEvaluator.evaluate(other, lazy("kms:Decrypt")).allow()).isEqualTo(PrincipalSet.Match.NONE);
        assertThat(made).hasValue(2);
    }

    @Test
    void eagerKeysAreCopiedCaseInsensitivelyAsBefore() {
        java.util.HashMap<String, List<String>> keys = new java.util.HashMap<>();
        keys.put("aws:TagKeys", new java.util.ArrayList<>(List.of("a", "b")));
        RequestContext r = new RequestContext(ROOT, "111122223333", "kms:TagResource", KEY, keys);
        keys.get("aws:TagKeys").add("c");
        assertThat(r.values("AWS:tagkeys")).containsExactly("a", "b");
        assertThat(r.keys()).containsOnlyKeys("aws:TagKeys");
        assertThat(r.toString()).doesNotContain("TagKeys");
    }
}
