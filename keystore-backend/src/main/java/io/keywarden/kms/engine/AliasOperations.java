package io.keywarden.kms.engine;

import io.keywarden.kms.api.AliasListEntry;
import io.keywarden.kms.api.CreateAliasRequest;
import io.keywarden.kms.api.DeleteAliasRequest;
import io.keywarden.kms.api.KeySpec;
import io.keywarden.kms.api.KeyState;
import io.keywarden.kms.api.ListAliasesRequest;
import io.keywarden.kms.api.ListAliasesResponse;
import io.keywarden.kms.api.UpdateAliasRequest;
import io.keywarden.kms.api.errors.AlreadyExistsException;
import io.keywarden.kms.api.errors.InvalidAliasNameException;
import io.keywarden.kms.api.errors.KMSInvalidStateException;
import io.keywarden.kms.api.errors.LimitExceededException;
import io.keywarden.kms.api.errors.NotFoundException;
import io.keywarden.kms.api.errors.ValidationException;
import io.keywarden.kms.store.AliasRecord;
import io.keywarden.kms.store.KeyRecord;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Aliases: names of the form {@code alias/<name>} (1–256 characters of {@code [a-zA-Z0-9:/_-]});
 * the prefix {@code alias/aws/} is reserved for AWS managed keys. An alias points at one key; a
 * key has at most the configured number of aliases (50 by default).
 */
final class AliasOperations {

    private static final Pattern NAME = Pattern.compile("alias/[a-zA-Z0-9:/_-]+");

    private final EngineContext ctx;

    AliasOperations(EngineContext ctx) {
        this.ctx = ctx;
    }

    static void checkName(String aliasName) {
        Validate.required(aliasName, "aliasName");
        Validate.length(aliasName, "aliasName", 1, 256);
        if (!NAME.matcher(aliasName).matches()) {
            throw new InvalidAliasNameException("Alias must start with the prefix \"alias/\" and contain only "
                    + "alphanumeric characters, forward slashes (/), underscores (_), dashes (-) and colons (:).");
        }
        if (aliasName.startsWith("alias/aws/")) {
            throw new InvalidAliasNameException("Alias " + aliasName + " must not begin with alias/aws/: "
                    + "that prefix is reserved for AWS managed keys.");
        }
    }

    void createAlias(CreateAliasRequest request) {
        checkName(request.aliasName());
        String target = targetKeyId(request.targetKeyId());
        ctx.writeKey(Operation.CREATE_ALIAS, target, (tx, key) -> {
            if (tx.findAlias(request.aliasName()).isPresent()) {
                throw new AlreadyExistsException("An alias with the name " + ctx.settings.aliasArn(request.aliasName())
                        + " already exists");
            }
            if (tx.aliasesOf(key.keyId()).size() >= ctx.settings.aliasesPerKey()) {
                throw new LimitExceededException("The request was rejected because a quota was exceeded: "
                        + ctx.settings.aliasesPerKey() + " aliases per key.");
            }
            Instant now = ctx.now().truncatedTo(ChronoUnit.MILLIS);
            tx.putAlias(new AliasRecord(request.aliasName(), key.keyId(), now, now));
            return null;
        });
    }

    void updateAlias(UpdateAliasRequest request) {
        checkName(request.aliasName());
        String target = targetKeyId(request.targetKeyId());
        ctx.store.write(tx -> {
            AliasRecord alias = tx.findAlias(request.aliasName()).orElseThrow(() ->
                    new NotFoundException("Alias " + ctx.settings.aliasArn(request.aliasName()) + " is not found."));
            KeyRecord newKey = ctx.current(tx, target);
            ctx.authorize(tx, Operation.UPDATE_ALIAS, newKey, target);
            KeyRecord previous = tx.findKey(alias.targetKeyId()).orElse(null);
            if (previous != null) {
                ctx.authorize(tx, Operation.UPDATE_ALIAS, previous, request.aliasName());
            }
            if (newKey.keyState() == KeyState.PendingDeletion) {
                throw new KMSInvalidStateException(newKey.arn() + " is pending deletion.");
            }
            KeyRecord oldKey = tx.findKey(alias.targetKeyId()).orElse(null);
            if (oldKey != null && (oldKey.keyUsage() != newKey.keyUsage() || family(oldKey) != family(newKey))) {
                throw new ValidationException("Alias " + request.aliasName() + " points at a key of another type or "
                        + "usage: the new target must have the same key type and key usage.");
            }
            if (tx.aliasesOf(newKey.keyId()).size() >= ctx.settings.aliasesPerKey()) {
                throw new LimitExceededException("The request was rejected because a quota was exceeded: "
                        + ctx.settings.aliasesPerKey() + " aliases per key.");
            }
            tx.putAlias(new AliasRecord(alias.aliasName(), newKey.keyId(), alias.creationDate(),
                    ctx.now().truncatedTo(ChronoUnit.MILLIS)));
            return null;
        });
    }

    /** Symmetric, HMAC, or asymmetric: an alias may move only within one. */
    private static String family(KeyRecord key) {
        if (key.keySpec() == KeySpec.SYMMETRIC_DEFAULT) {
            return "SYMMETRIC";
        }
        return key.keySpec().name().startsWith("HMAC") ? "HMAC" : "ASYMMETRIC";
    }

    void deleteAlias(DeleteAliasRequest request) {
        checkName(request.aliasName());
        ctx.store.write(tx -> {
            AliasRecord alias = tx.findAlias(request.aliasName()).orElseThrow(() ->
                    new NotFoundException("Alias " + ctx.settings.aliasArn(request.aliasName()) + " is not found."));
            KeyRecord target = tx.findKey(alias.targetKeyId()).orElse(null);
            if (target != null) {
                ctx.authorize(tx, Operation.DELETE_ALIAS, target, request.aliasName());
            }
            tx.deleteAlias(request.aliasName());
            return null;
        });
    }

    ListAliasesResponse listAliases(ListAliasesRequest request) {
        int limit = Paging.limit(request.limit());
        String after = Paging.after(request.marker());
        List<AliasRecord> fetched;
        if (request.keyId() != null) {
            fetched = ctx.readKey(Operation.LIST_ALIASES, request.keyId(), (tx, key) ->
                    tx.aliasesOf(key.keyId()).stream()
                            .filter(a -> after == null || a.aliasName().compareTo(after) > 0)
                            .limit(limit + 1L)
                            .toList());
        } else {
            fetched = ctx.store.read(tx -> {
                ctx.authorizeAccount(tx, Operation.LIST_ALIASES_ALL);
                return tx.listAliases(after, limit + 1);
            });
        }
        Paging.Page<AliasRecord> page = Paging.page(fetched, limit, AliasRecord::aliasName);
        List<AliasListEntry> entries = page.items().stream()
                .map(a -> new AliasListEntry(a.aliasName(), ctx.settings.aliasArn(a.aliasName()), a.targetKeyId(),
                        a.creationDate(), a.lastUpdatedDate()))
                .toList();
        return new ListAliasesResponse(entries, page.nextMarker(), page.truncated());
    }

    /** The TargetKeyId of CreateAlias/UpdateAlias names a key by id or key ARN, never by alias. */
    private static String targetKeyId(String targetKeyId) {
        Validate.required(targetKeyId, "targetKeyId");
        if (targetKeyId.startsWith("alias/") || targetKeyId.contains(":alias/")) {
            throw new ValidationException("TargetKeyId must be a key id or key ARN, not an alias.");
        }
        return targetKeyId;
    }
}
