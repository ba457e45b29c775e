package io.keywarden.kms.engine;

import io.keywarden.kms.api.Caller;
import io.keywarden.kms.api.CreateGrantRequest;
import io.keywarden.kms.api.CreateGrantResponse;
import io.keywarden.kms.api.GrantConstraints;
import io.keywarden.kms.api.GrantListEntry;
import io.keywarden.kms.api.GrantOperation;
import io.keywarden.kms.api.KeySpec;
import io.keywarden.kms.api.ListGrantsRequest;
import io.keywarden.kms.api.ListGrantsResponse;
import io.keywarden.kms.api.ListRetirableGrantsRequest;
import io.keywarden.kms.api.RetireGrantRequest;
import io.keywarden.kms.api.RevokeGrantRequest;
import io.keywarden.kms.api.errors.AccessDeniedException;
import io.keywarden.kms.api.errors.InvalidGrantIdException;
import io.keywarden.kms.api.errors.LimitExceededException;
import io.keywarden.kms.api.errors.NotFoundException;
import io.keywarden.kms.api.errors.ValidationException;
import io.keywarden.kms.policy.Decision;
import io.keywarden.kms.policy.GrantRetirement;
import io.keywarden.kms.policy.GrantTerms;
import io.keywarden.kms.store.GrantRecord;
import io.keywarden.kms.store.KeyRecord;
import io.keywarden.kms.store.StoreTransaction;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * CreateGrant, ListGrants, ListRetirableGrants, RetireGrant and RevokeGrant (docs/policy.md,
 * "Grants"). Grants are checked against the key's type, counted against {@code quota.grantsPerKey},
 * made idempotent by their Name; a grantee that holds CreateGrant may only pass on a subset of its
 * own operations under constraints no weaker than its own. Retirement is the grant's business
 * ({@link GrantRetirement}) or a policy's; revocation a key administrator's.
 */
final class GrantOperations {

    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9:/_-]+");

    private final EngineContext ctx;
    private final GrantRules rules;

    GrantOperations(EngineContext ctx) {
        this.ctx = ctx;
        this.rules = new GrantRules(ctx.settings, ctx.clock);
    }

    CreateGrantResponse createGrant(CreateGrantRequest r) {
        Validate.required(r.keyId(), "keyId");
        String grantee = principal(Validate.required(r.granteePrincipal(), "granteePrincipal"));
        String retiring = r.retiringPrincipal() == null ? null : principal(r.retiringPrincipal());
        Set<GrantOperation> ops = operations(r.operations());
        GrantConstraints constraints = r.constraints() == null || r.constraints().isEmpty() ? null : r.constraints();
        String name = Validate.length(r.name(), "name", 1, 256);
        if (name != null && !NAME.matcher(name).matches()) {
            throw new ValidationException("1 validation error detected: Value '" + name + "' at 'name' failed to "
                    + "satisfy constraint: Member must satisfy regular expression pattern: ^[a-zA-Z0-9:/_-]+$");
        }
        return ctx.writeKey(Operation.CREATE_GRANT, r.keyId(), (tx, key) -> {
            checkFitsKey(ops, constraints, key);
            checkDelegation(tx, key, r.keyId(), ops, constraints);
            String token;
            if (name != null) {
                for (GrantRecord g : tx.grantsNamed(key.keyId(), name)) {
                    if (g.granteePrincipal().equals(grantee) && Objects.equals(g.retiringPrincipal(), retiring)
                            && g.operations().equals(ops) && Objects.equals(g.constraints(), constraints)) {
                        token = GrantTokenCodec.issue(g.grantId(), ctx.random);
                        tx.putGrant(g.withTokenHash(GrantTokenCodec.hash(token)));
                        return new CreateGrantResponse(token, g.grantId());
                    }
                }
            }
            if (tx.countGrants(key.keyId()) >= ctx.settings.grantsPerKey()) {
                throw new LimitExceededException("The request was rejected because a quota was exceeded: "
                        + ctx.settings.grantsPerKey() + " grants per key.");
            }
            String grantId = GrantTokenCodec.newGrantId(ctx.random);
            token = GrantTokenCodec.issue(grantId, ctx.random);
            tx.putGrant(new GrantRecord(grantId, key.keyId(), name, grantee, retiring,
                    ctx.call.caller().account(), ops, constraints, List.of(GrantTokenCodec.hash(token)),
                    ctx.now().truncatedTo(ChronoUnit.MILLIS)));
            return new CreateGrantResponse(token, grantId);
        });
    }

    ListGrantsResponse listGrants(ListGrantsRequest r) {
        int limit = Paging.limit(r.limit());
        String after = Paging.after(r.marker());
        Validate.required(r.keyId(), "keyId");
        if (r.grantId() != null) {
            checkGrantId(r.grantId());
        }
        return ctx.readKey(Operation.LIST_GRANTS, r.keyId(), (tx, key) -> page(limit, after,
                (from, n) -> tx.listGrants(key.keyId(), r.grantId(), r.granteePrincipal(), from, n)));
    }

    ListGrantsResponse listRetirableGrants(ListRetirableGrantsRequest r) {
        int limit = Paging.limit(r.limit());
        String after = Paging.after(r.marker());
        String retiring = principal(Validate.required(r.retiringPrincipal(), "retiringPrincipal"));
        return ctx.store.read(tx -> {
            ctx.authorizeAccount(tx, Operation.LIST_RETIRABLE_GRANTS);
            return page(limit, after, (from, n) -> tx.listRetirableGrants(retiring, from, n));
        });
    }

    /**
     * Retires a grant named by its token, or by its key and grant id. The retiring principal, the
     * grantee of a grant that lists RetireGrant, the issuing account's root, or a principal a policy
     * allows kms:RetireGrant on the key may.
     */
    void retireGrant(RetireGrantRequest r) {
        String token = r.grantToken();
        if (token == null && (r.keyId() == null || r.grantId() == null)) {
            throw new ValidationException("Either GrantToken, or both KeyId and GrantId, must be specified.");
        }
        if (token != null) {
            GrantRules.checkTokens(List.of(token));
        } else {
            checkGrantId(r.grantId());
        }
        String grantId = token != null ? GrantTokenCodec.grantIdOf(token) : r.grantId();
        ctx.store.write(tx -> {
            String identifier = r.keyId();
            if (identifier == null) {
                identifier = tx.findGrant(grantId).map(GrantRecord::keyId).orElseThrow(() -> grantNotFound(grantId));
            }
            KeyRecord key = ctx.current(tx, identifier);
            GrantRecord grant = grantOf(tx, key, grantId);
            if (token != null && !GrantTokenCodec.matches(token, grant.tokenHashes())) {
                throw GrantTokenCodec.invalid();
            }
            authorizeRetirement(tx, key, identifier, grant);
            KeyStateRules.check(Operation.RETIRE_GRANT, key.keyState(), ctx.arn(key));
            tx.deleteGrant(grant.grantId());
            return null;
        });
    }

    void revokeGrant(RevokeGrantRequest r) {
        Validate.required(r.keyId(), "keyId");
        checkGrantId(Validate.required(r.grantId(), "grantId"));
        ctx.writeKey(Operation.REVOKE_GRANT, r.keyId(), (tx, key) -> {
            tx.deleteGrant(grantOf(tx, key, r.grantId()).grantId());
            return null;
        });
    }

    // ---- rules

    /** Operations valid for the key's type; constraints only on a symmetric encryption key and fitting operations. */
    private static void checkFitsKey(Set<GrantOperation> ops, GrantConstraints constraints, KeyRecord key) {
        List<String> invalid = ops.stream().filter(o -> !o.validFor(key.keySpec(), key.keyUsage()))
                .map(Enum::name).toList();
        if (!invalid.isEmpty()) {
            throw new ValidationException("Grant operations " + invalid + " are not valid for a KMS key with KeySpec "
                    + key.keySpec() + " and KeyUsage " + key.keyUsage() + ".");
        }
        if (constraints == null) {
            return;
        }
        if (key.keySpec() != KeySpec.SYMMETRIC_DEFAULT) {
            throw new ValidationException("Grant constraints are only valid for symmetric encryption KMS keys; "
                    + "the key has KeySpec " + key.keySpec() + ".");
        }
        List<String> unconstrainable = ops.stream().filter(o -> !o.allowsConstraints()).map(Enum::name).toList();
        if (!unconstrainable.isEmpty()) {
            throw new ValidationException("Grant constraints cannot be used with the operations " + unconstrainable
                    + ": they do not take an encryption context.");
        }
    }

    /**
     * When only a grant lets the caller call CreateGrant, one of its usable grants must cover the new
     * grant: a subset of its operations, constraints no weaker ({@link GrantTerms#mayPassOn}).
     */
    private void checkDelegation(StoreTransaction tx, KeyRecord key, String identifier, Set<GrantOperation> ops,
            GrantConstraints constraints) {
        Decision d = ctx.authorizer.decideOnKey(tx, ctx.call, Operation.CREATE_GRANT, key, identifier);
        if (d.reason() != Decision.Reason.ALLOWED_BY_GRANT) {
            return;
        }
        Caller caller = ctx.call.caller();
        Set<String> names = ops.stream().map(Enum::name).collect(Collectors.toSet());
        boolean covered = rules.usable(tx, key, caller, ctx.call.facts().grantTokens).stream()
                .filter(g -> g.granteePrincipal().equals(caller.principalArn()))
                .anyMatch(g -> g.mayPassOn(names, constraints == null ? null : constraints.encryptionContextEquals(),
                        constraints == null ? null : constraints.encryptionContextSubset()));
        if (!covered) {
            throw new AccessDeniedException("User: " + caller.principalArn() + " is not authorized to perform: "
                    + "kms:CreateGrant on resource: " + ctx.arn(key) + " because the grant that allows it does not "
                    + "allow the requested operations " + names.stream().sorted().toList()
                    + " with the requested constraints");
        }
    }

    private void authorizeRetirement(StoreTransaction tx, KeyRecord key, String identifier, GrantRecord grant) {
        Caller caller = ctx.call.caller();
        if (GrantRetirement.mayRetire(caller.principalArn(), grant.granteePrincipal(), grant.retiringPrincipal(),
                grant.issuingAccount(), GrantRules.terms(grant).operations())) {
            return;
        }
        Decision d = ctx.authorizer.decideOnKey(tx, ctx.call, Operation.RETIRE_GRANT, key, identifier);
        if (!d.allowed() || d.reason() == Decision.Reason.ALLOWED_BY_GRANT) {
            // Another grant's RetireGrant does not reach this grant.
            throw new AccessDeniedException(d.allowed() ? "User: " + caller.principalArn() + " is not authorized to "
                    + "perform: kms:RetireGrant on resource: " + ctx.arn(key) + " because it is neither the retiring "
                    + "principal nor a grantee of the grant allowed to retire it" : d.message());
        }
    }

    // ---- helpers

    private ListGrantsResponse page(int limit, String after, BiFunction<String, Integer, List<GrantRecord>> fetch) {
        List<GrantListEntry> visible = new ArrayList<>();
        String from = after;
        while (visible.size() <= limit) {
            List<GrantRecord> batch = fetch.apply(from, limit + 1);
            for (GrantRecord g : batch) {
                if (rules.visible(g)) {
                    visible.add(entry(g));
                }
            }
            if (batch.size() < limit + 1) {
                break;
            }
            from = batch.get(batch.size() - 1).grantId();
        }
        Paging.Page<GrantListEntry> page = Paging.page(visible, limit, GrantListEntry::grantId);
        return new ListGrantsResponse(page.items(), page.nextMarker(), page.truncated());
    }

    private GrantListEntry entry(GrantRecord g) {
        return new GrantListEntry(g.keyId(), g.grantId(), g.name(), g.createdAt(), g.granteePrincipal(),
                g.retiringPrincipal(), g.issuingAccount(), g.orderedOperations(), g.constraints());
    }

    private GrantRecord grantOf(StoreTransaction tx, KeyRecord key, String grantId) {
        return tx.findGrant(grantId).filter(g -> g.keyId().equals(key.keyId()))
                .orElseThrow(() -> grantNotFound(grantId));
    }

    private static NotFoundException grantNotFound(String grantId) {
        return new NotFoundException("Grant ID " + grantId + " not found.");
    }

    private static void checkGrantId(String grantId) {
        Validate.length(grantId, "grantId", 1, 128);
        if (!GrantTokenCodec.isGrantId(grantId)) {
            throw new InvalidGrantIdException("Invalid grant ID " + grantId.replaceAll("[^\\x20-\\x7e]", "?") + ".");
        }
    }

    private static String principal(String arn) {
        return Caller.of(arn).principalArn();
    }

    private static Set<GrantOperation> operations(List<GrantOperation> ops) {
        Validate.required(ops, "operations");
        if (ops.isEmpty() || ops.stream().anyMatch(Objects::isNull)) {
            throw new ValidationException("1 validation error detected: Value at 'operations' failed to satisfy "
                    + "constraint: Member must have length greater than or equal to 1 and contain no null");
        }
        return EnumSet.copyOf(ops);
    }
}
