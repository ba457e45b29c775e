package io.keywarden.remote;

import io.keywarden.kms.api.CancelKeyDeletionRequest;
import io.keywarden.kms.api.CancelKeyDeletionResponse;
import io.keywarden.kms.api.CreateAliasRequest;
import io.keywarden.kms.api.CreateKeyRequest;
import io.keywarden.kms.api.CreateKeyResponse;
import io.keywarden.kms.api.DecryptRequest;
import io.keywarden.kms.api.DecryptResponse;
import io.keywarden.kms.api.DeleteAliasRequest;
import io.keywarden.kms.api.DeleteImportedKeyMaterialRequest;
import io.keywarden.kms.api.DeriveSharedSecretRequest;
import io.keywarden.kms.api.DeriveSharedSecretResponse;
import io.keywarden.kms.api.DescribeKeyRequest;
import io.keywarden.kms.api.DescribeKeyResponse;
import io.keywarden.kms.api.DisableKeyRequest;
import io.keywarden.kms.api.DisableKeyRotationRequest;
import io.keywarden.kms.api.EnableKeyRequest;
import io.keywarden.kms.api.EnableKeyRotationRequest;
import io.keywarden.kms.api.EncryptRequest;
import io.keywarden.kms.api.EncryptResponse;
import io.keywarden.kms.api.GenerateDataKeyPairRequest;
import io.keywarden.kms.api.GenerateDataKeyPairResponse;
import io.keywarden.kms.api.GenerateDataKeyPairWithoutPlaintextRequest;
import io.keywarden.kms.api.GenerateDataKeyPairWithoutPlaintextResponse;
import io.keywarden.kms.api.GenerateDataKeyRequest;
import io.keywarden.kms.api.GenerateDataKeyResponse;
import io.keywarden.kms.api.GenerateDataKeyWithoutPlaintextRequest;
import io.keywarden.kms.api.GenerateDataKeyWithoutPlaintextResponse;
import io.keywarden.kms.api.GenerateMacRequest;
import io.keywarden.kms.api.GenerateMacResponse;
import io.keywarden.kms.api.GenerateRandomRequest;
import io.keywarden.kms.api.GenerateRandomResponse;
import io.keywarden.kms.api.GetKeyRotationStatusRequest;
import io.keywarden.kms.api.GetKeyRotationStatusResponse;
import io.keywarden.kms.api.GetParametersForImportRequest;
import io.keywarden.kms.api.GetParametersForImportResponse;
import io.keywarden.kms.api.GetPublicKeyRequest;
import io.keywarden.kms.api.GetPublicKeyResponse;
import io.keywarden.kms.api.ImportKeyMaterialRequest;
import io.keywarden.kms.api.ImportKeyMaterialResponse;
import io.keywarden.kms.api.KmsBackend;
import io.keywarden.kms.api.CreateGrantRequest;
import io.keywarden.kms.api.CreateGrantResponse;
import io.keywarden.kms.api.GetKeyPolicyRequest;
import io.keywarden.kms.api.GetKeyPolicyResponse;
import io.keywarden.kms.api.ListGrantsRequest;
import io.keywarden.kms.api.ListGrantsResponse;
import io.keywarden.kms.api.ListKeyPoliciesRequest;
import io.keywarden.kms.api.ListKeyPoliciesResponse;
import io.keywarden.kms.api.ListRetirableGrantsRequest;
import io.keywarden.kms.api.PutKeyPolicyRequest;
import io.keywarden.kms.api.RetireGrantRequest;
import io.keywarden.kms.api.RevokeGrantRequest;
import io.keywarden.kms.api.ListAliasesRequest;
import io.keywarden.kms.api.ListAliasesResponse;
import io.keywarden.kms.api.ListKeyRotationsRequest;
import io.keywarden.kms.api.ListKeyRotationsResponse;
import io.keywarden.kms.api.ListKeysRequest;
import io.keywarden.kms.api.ListKeysResponse;
import io.keywarden.kms.api.ListResourceTagsRequest;
import io.keywarden.kms.api.ListResourceTagsResponse;
import io.keywarden.kms.api.ReEncryptRequest;
import io.keywarden.kms.api.ReEncryptResponse;
import io.keywarden.kms.api.RotateKeyOnDemandRequest;
import io.keywarden.kms.api.RotateKeyOnDemandResponse;
import io.keywarden.kms.api.ScheduleKeyDeletionRequest;
import io.keywarden.kms.api.ScheduleKeyDeletionResponse;
import io.keywarden.kms.api.SignRequest;
import io.keywarden.kms.api.SignResponse;
import io.keywarden.kms.api.TagResourceRequest;
import io.keywarden.kms.api.UntagResourceRequest;
import io.keywarden.kms.api.UpdateAliasRequest;
import io.keywarden.kms.api.UpdateKeyDescriptionRequest;
import io.keywarden.kms.api.VerifyMacRequest;
import io.keywarden.kms.api.VerifyMacResponse;
import io.keywarden.kms.api.VerifyRequest;
import io.keywarden.kms.api.VerifyResponse;
import io.keywarden.kms.api.errors.KMSInternalException;
import io.keywarden.kms.api.errors.KmsException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * The remote backend: each operation of {@link KmsBackend} is the AWS SDK for Java v2
 * {@link KmsClient} call of the same name, so it speaks to a Keywarden server and to AWS KMS alike.
 * Requests and responses are mapped to and from the SDK's model by {@link SdkModelMapper}; the SDK's
 * exceptions become the API's typed errors ({@link RemoteErrors}). With the {@code remote.*} settings
 * there is one client per endpoint, each call has a timeout, and {@link Failover} retries throttling
 * with backoff and moves to the next endpoint on connection failures, timeouts and 5xx faults, up to
 * {@code remote.maxAttempts} attempts (docs/server.md, "The remote backend").
 */
public final class RemoteKmsBackend implements KmsBackend {

    private static final String MODEL = "software.amazon.awssdk.services.kms.model.";

    private final Failover<KmsClient> failover;
    private final AutoCloseable resources;
    private final SdkModelMapper mapper = new SdkModelMapper();
    private final Map<String, Method> methods = new ConcurrentHashMap<>();

    /**
     * A backend on an SDK client the caller built (tests, applications with their own client
     * settings): one endpoint, named {@code where} in errors, retried as that client's own retry
     * strategy says.
     */
    public RemoteKmsBackend(KmsClient client, String where) {
        this(Failover.of(List.of(new Failover.Endpoint<>(where, client)), 1,
                Duration.ZERO, true), client);
    }

    private RemoteKmsBackend(Failover<KmsClient> failover, AutoCloseable resources) {
        this.failover = failover;
        this.resources = resources;
    }

    /** A backend with one client per endpoint built from the {@code remote.*} settings. */
    public static RemoteKmsBackend open(RemoteSettings s) {
        RemoteClients clients = RemoteClients.build(s);
        return new RemoteKmsBackend(Failover.of(clients.endpoints(), s.maxAttempts(), s.failoverCooldown(),
                s.retryNonIdempotent()), clients);
    }

    /** Calls the KmsClient method named {@code operation} with the SDK form of {@code request}, through {@link Failover}. */
    private <R> R call(String operation, Object request, Class<R> responseType) {
        Method m = methods.computeIfAbsent(operation, op -> lookup(op, request.getClass()));
        Object sdkRequest;
        try {
            SdkPojo builder = (SdkPojo) m.getParameterTypes()[0].getMethod("builder").invoke(null);
            sdkRequest = mapper.toSdk(request, builder);
        } catch (ReflectiveOperationException e) {
            throw new KMSInternalException("the SDK has no usable " + operation + " operation", e);
        }
        Object sdkResponse = failover.call(operation, client -> invoke(m, client, operation, sdkRequest));
        return responseType == null ? null : mapper.fromSdk((SdkPojo) sdkResponse, responseType);
    }

    private static Object invoke(Method m, KmsClient client, String operation, Object sdkRequest) {
        try {
            return m.invoke(client, sdkRequest);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof SdkException sdk) {
                throw sdk;
            }
            if (cause instanceof KmsException k) {
                throw k;
            }
            throw new KMSInternalException("the remote call " + operation + " failed: " + cause, cause);
        } catch (ReflectiveOperationException e) {
            throw new KMSInternalException("the SDK has no usable " + operation + " operation", e);
        }
    }

    private static Method lookup(String operation, Class<?> recordType) {
        try {
            Class<?> sdkRequest = Class.forName(MODEL + recordType.getSimpleName());
            return KmsClient.class.getMethod(operation, sdkRequest);
        } catch (ReflectiveOperationException e) {
            throw new KMSInternalException("the AWS SDK has no KMS operation " + operation, e);
        }
    }

    @Override
    public void close() {
        try {
            resources.close();
        } catch (Exception e) {
            throw new KMSInternalException("closing the remote backend's clients failed: " + e.getMessage(), e);
        }
    }

    @Override
    public CreateKeyResponse createKey(CreateKeyRequest request) {
        return call("createKey", request, CreateKeyResponse.class);
    }

    @Override
    public DescribeKeyResponse describeKey(DescribeKeyRequest request) {
        return call("describeKey", request, DescribeKeyResponse.class);
    }

    @Override
    public ListKeysResponse listKeys(ListKeysRequest request) {
        return call("listKeys", request, ListKeysResponse.class);
    }

    @Override
    public void updateKeyDescription(UpdateKeyDescriptionRequest request) {
        call("updateKeyDescription", request, null);
    }

    @Override
    public void enableKey(EnableKeyRequest request) {
        call("enableKey", request, null);
    }

    @Override
    public void disableKey(DisableKeyRequest request) {
        call("disableKey", request, null);
    }

    @Override
    public ScheduleKeyDeletionResponse scheduleKeyDeletion(ScheduleKeyDeletionRequest request) {
        return call("scheduleKeyDeletion", request, ScheduleKeyDeletionResponse.class);
    }

    @Override
    public CancelKeyDeletionResponse cancelKeyDeletion(CancelKeyDeletionRequest request) {
        return call("cancelKeyDeletion", request, CancelKeyDeletionResponse.class);
    }

    @Override
    public void enableKeyRotation(EnableKeyRotationRequest request) {
        call("enableKeyRotation", request, null);
    }

    @Override
    public void disableKeyRotation(DisableKeyRotationRequest request) {
        call("disableKeyRotation", request, null);
    }

    @Override
    public GetKeyRotationStatusResponse getKeyRotationStatus(GetKeyRotationStatusRequest request) {
        return call("getKeyRotationStatus", request, GetKeyRotationStatusResponse.class);
    }

    @Override
    public RotateKeyOnDemandResponse rotateKeyOnDemand(RotateKeyOnDemandRequest request) {
        return call("rotateKeyOnDemand", request, RotateKeyOnDemandResponse.class);
    }

    @Override
    public ListKeyRotationsResponse listKeyRotations(ListKeyRotationsRequest request) {
        return call("listKeyRotations", request, ListKeyRotationsResponse.class);
    }

    @Override
    public void createAlias(CreateAliasRequest request) {
        call("createAlias", request, null);
    }

    @Override
    public void updateAlias(UpdateAliasRequest request) {
        call("updateAlias", request, null);
    }

    @Override
    public void deleteAlias(DeleteAliasRequest request) {
        call("deleteAlias", request, null);
    }

    @Override
    public ListAliasesResponse listAliases(ListAliasesRequest request) {
        return call("listAliases", request, ListAliasesResponse.class);
    }

    @Override
    public void tagResource(TagResourceRequest request) {
        call("tagResource", request, null);
    }

    @Override
    public void untagResource(UntagResourceRequest request) {
        call("untagResource", request, null);
    }

    @Override
    public ListResourceTagsResponse listResourceTags(ListResourceTagsRequest request) {
        return call("listResourceTags", request, ListResourceTagsResponse.class);
    }

    @Override
    public EncryptResponse encrypt(EncryptRequest request) {
        return call("encrypt", request, EncryptResponse.class);
    }

    @Override
    public DecryptResponse decrypt(DecryptRequest request) {
        return call("decrypt", request, DecryptResponse.class);
    }

    @Override
    public ReEncryptResponse reEncrypt(ReEncryptRequest request) {
        return call("reEncrypt", request, ReEncryptResponse.class);
    }

    @Override
    public GenerateDataKeyResponse generateDataKey(GenerateDataKeyRequest request) {
        return call("generateDataKey", request, GenerateDataKeyResponse.class);
    }

    @Override
    public GenerateDataKeyWithoutPlaintextResponse generateDataKeyWithoutPlaintext(GenerateDataKeyWithoutPlaintextRequest request) {
        return call("generateDataKeyWithoutPlaintext", request, GenerateDataKeyWithoutPlaintextResponse.class);
    }

    @Override
    public GenerateDataKeyPairResponse generateDataKeyPair(GenerateDataKeyPairRequest request) {
        return call("generateDataKeyPair", request, GenerateDataKeyPairResponse.class);
    }

    @Override
    public GenerateDataKeyPairWithoutPlaintextResponse generateDataKeyPairWithoutPlaintext(GenerateDataKeyPairWithoutPlaintextRequest request) {
        return call("generateDataKeyPairWithoutPlaintext", request, GenerateDataKeyPairWithoutPlaintextResponse.class);
    }

    @Override
    public SignResponse sign(SignRequest request) {
        return call("sign", request, SignResponse.class);
    }

    @Override
    public VerifyResponse verify(VerifyRequest request) {
        return call("verify", request, VerifyResponse.class);
    }

    @Override
    public GetPublicKeyResponse getPublicKey(GetPublicKeyRequest request) {
        return call("getPublicKey", request, GetPublicKeyResponse.class);
    }

    @Override
    public GenerateMacResponse generateMac(GenerateMacRequest request) {
        return call("generateMac", request, GenerateMacResponse.class);
    }

    @Override
    public VerifyMacResponse verifyMac(VerifyMacRequest request) {
        return call("verifyMac", request, VerifyMacResponse.class);
    }

    @Override
    public GenerateRandomResponse generateRandom(GenerateRandomRequest request) {
        return call("generateRandom", request, GenerateRandomResponse.class);
    }

    @Override
    public DeriveSharedSecretResponse deriveSharedSecret(DeriveSharedSecretRequest request) {
        return call("deriveSharedSecret", request, DeriveSharedSecretResponse.class);
    }

    @Override
    public GetParametersForImportResponse getParametersForImport(GetParametersForImportRequest request) {
        return call("getParametersForImport", request, GetParametersForImportResponse.class);
    }

    @Override
    public ImportKeyMaterialResponse importKeyMaterial(ImportKeyMaterialRequest request) {
        return call("importKeyMaterial", request, ImportKeyMaterialResponse.class);
    }

    @Override
    public void deleteImportedKeyMaterial(DeleteImportedKeyMaterialRequest request) {
        call("deleteImportedKeyMaterial", request, null);
    }

    // ---- key policies and grants: AWS KMS operations the server serves (docs/server.md, Protocol)

    @Override
    public void putKeyPolicy(PutKeyPolicyRequest request) {
        call("putKeyPolicy", request, null);
    }

    @Override
    public GetKeyPolicyResponse getKeyPolicy(GetKeyPolicyRequest request) {
        return call("getKeyPolicy", request, GetKeyPolicyResponse.class);
    }

    @Override
    public ListKeyPoliciesResponse listKeyPolicies(ListKeyPoliciesRequest request) {
        return call("listKeyPolicies", request, ListKeyPoliciesResponse.class);
    }

    @Override
    public CreateGrantResponse createGrant(CreateGrantRequest request) {
        return call("createGrant", request, CreateGrantResponse.class);
    }

    @Override
    public ListGrantsResponse listGrants(ListGrantsRequest request) {
        return call("listGrants", request, ListGrantsResponse.class);
    }

    @Override
    public ListGrantsResponse listRetirableGrants(ListRetirableGrantsRequest request) {
        return call("listRetirableGrants", request, ListGrantsResponse.class);
    }

    @Override
    public void retireGrant(RetireGrantRequest request) {
        call("retireGrant", request, null);
    }

    @Override
    public void revokeGrant(RevokeGrantRequest request) {
        call("revokeGrant", request, null);
    }
}
