/**
 * IAM policy documents for key policies and identity policies: the {@link io.keywarden.kms.policy.PolicyParser}
 * (grammar and validation), the {@link io.keywarden.kms.policy.ConditionOperators} table, the
 * {@link io.keywarden.kms.policy.ConditionEvaluator} and the {@link io.keywarden.kms.policy.PolicyEvaluator}
 * of one document. Combining the key policy, identity policies and grants into one decision is the
 * {@link io.keywarden.kms.policy.Authorization}'s job. See {@code docs/policy.md}.
 */
package io.keywarden.kms.policy;
