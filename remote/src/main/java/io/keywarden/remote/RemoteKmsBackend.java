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
import io.keywarden.kms.config.KeywardenConfig;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.KmsClientBuilder;

/**
 * The remote backend: each operation of {@link KmsBackend} is the AWS SDK for Java v2
 * {@link KmsClient} call of the same name, so it speaks to a Keywarden server and to AWS KMS alike.
 * Requests and responses are mapped to and from the SDK's model by {@link SdkModelMapper}; the SDK's
 * exceptions become the API's typed errors ({@link RemoteErrors}). Every call has a timeout per
 * attempt and overall; throttling, faults and lost connections are retried with the SDK's standard
 * backoff (exponential with jitter) up to {@code remote.maxAttempts}.
 */
public final class RemoteKmsBackend implements KmsBackend {

    private static final String MODEL = "software.amazon.awssdk.services.kms.model.";

    private final KmsClient client;
    private final String where;
    private final SdkModelMapper mapper = new SdkModelMapper();
    private final Map<String, Method> methods = new ConcurrentHashMap<>();

    /** A backend on an SDK client the caller built (tests, applications with their own client settings). */
    public RemoteKmsBackend(KmsClient client, String where) {
        this.client = client;
        this.where = where;
    }

    /** A backend with a client built from the {@code remote.*} settings. */
    public static RemoteKmsBackend open(RemoteSettings s) {
        UrlConnectionHttpClient.Builder http = UrlConnectionHttpClient.builder()
                .connectionTimeout(s.connectTimeout())
                .socketTimeout(s.callTimeout());
        if (s.caCertificate() != null) {
            TrustManager[] trust = trustManagers(s);
            http.tlsTrustManagersProvider(() -> trust);
        }
        AwsCredentialsProvider credentials = s.accessKeyId() == null
                ? DefaultCredentialsProvider.builder().build()
                : StaticCredentialsProvider.create(AwsBasicCredentials.create(s.accessKeyId(), s.secretAccessKey()));
        KmsClientBuilder b = KmsClient.builder()
                .region(Region.of(s.region()))
                .credentialsProvider(credentials)
                .httpClient(http.build())
                .overrideConfiguration(c -> c
                        .apiCallAttemptTimeout(s.callTimeout())
                        .apiCallTimeout(s.callTimeout().multipliedBy(s.maxAttempts()).plusSeconds(s.maxAttempts()))
                        .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(s.maxAttempts()).build()));
        if (s.endpoint() != null) {
            b.endpointOverride(s.endpoint());
        }
        return new RemoteKmsBackend(b.build(), s.endpoint() == null ? "AWS KMS in " + s.region() : s.endpoint().toString());
    }

    private static TrustManager[] trustManagers(RemoteSettings s) {
        try (InputStream in = Files.newInputStream(s.caCertificate())) {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int i = 0;
            for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                store.setCertificateEntry("ca-" + i++, c);
            }
            if (i == 0) {
                throw new KeywardenConfig.ConfigException("remote.caCertificate", "holds no certificate");
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(store);
            return tmf.getTrustManagers();
        } catch (IOException | GeneralSecurityException e) {
            throw new KeywardenConfig.ConfigException("remote.caCertificate", "cannot be read as PEM certificates: " + e.getMessage());
        }
    }

    /** Calls the KmsClient method named {@code operation} with the SDK form of {@code request}. */
    private <R> R call(String operation, Object request, Class<R> responseType) {
        Method m = methods.computeIfAbsent(operation, op -> lookup(op, request.getClass()));
        Object sdkResponse;
        try {
            SdkPojo builder = (SdkPojo) m.getParameterTypes()[0].getMethod("builder").invoke(null);
            sdkResponse = m.invoke(client, mapper.toSdk(request, builder));
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof SdkException sdk) {
                throw RemoteErrors.map(sdk, where);
            }
            if (cause instanceof KmsException k) {
                throw k;
            }
            throw new KMSInternalException("the remote call " + operation + " failed: " + cause, cause);
        } catch (ReflectiveOperationException e) {
            throw new KMSInternalException("the SDK has no usable " + operation + " operation", e);
        }
        return responseType == null ? null : mapper.fromSdk((SdkPojo) sdkResponse, responseType);
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
        client.close();
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
}
