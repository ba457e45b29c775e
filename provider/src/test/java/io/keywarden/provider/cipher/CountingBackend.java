package io.keywarden.provider.cipher;

import io.keywarden.kms.api.*;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** A real delegating backend that counts the calls of each operation (no mock library). */
final class CountingBackend implements KmsBackend {

    private final KmsBackend delegate;
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

    CountingBackend(KmsBackend delegate) {
        this.delegate = delegate;
    }

    int calls(String operation) {
        AtomicInteger n = calls.get(operation);
        return n == null ? 0 : n.get();
    }

    private void count(String operation) {
        calls.computeIfAbsent(operation, k -> new AtomicInteger()).incrementAndGet();
    }

    @Override
    public CreateKeyResponse createKey(CreateKeyRequest request) {
        count("createKey");
        return delegate.createKey(request);
    }

    @Override
    public DescribeKeyResponse describeKey(DescribeKeyRequest request) {
        count("describeKey");
        return delegate.describeKey(request);
    }

    @Override
    public ListKeysResponse listKeys(ListKeysRequest request) {
        count("listKeys");
        return delegate.listKeys(request);
    }

    @Override
    public void updateKeyDescription(UpdateKeyDescriptionRequest request) {
        count("updateKeyDescription");
        delegate.updateKeyDescription(request);
    }

    @Override
    public void enableKey(EnableKeyRequest request) {
        count("enableKey");
        delegate.enableKey(request);
    }

    @Override
    public void disableKey(DisableKeyRequest request) {
        count("disableKey");
        delegate.disableKey(request);
    }

    @Override
    public ScheduleKeyDeletionResponse scheduleKeyDeletion(ScheduleKeyDeletionRequest request) {
        count("scheduleKeyDeletion");
        return delegate.scheduleKeyDeletion(request);
    }

    @Override
    public CancelKeyDeletionResponse cancelKeyDeletion(CancelKeyDeletionRequest request) {
        count("cancelKeyDeletion");
        return delegate.cancelKeyDeletion(request);
    }

    @Override
    public void enableKeyRotation(EnableKeyRotationRequest request) {
        count("enableKeyRotation");
        delegate.enableKeyRotation(request);
    }

    @Override
    public void disableKeyRotation(DisableKeyRotationRequest request) {
        count("disableKeyRotation");
        delegate.disableKeyRotation(request);
    }

    @Override
    public GetKeyRotationStatusResponse getKeyRotationStatus(GetKeyRotationStatusRequest request) {
        count("getKeyRotationStatus");
        return delegate.getKeyRotationStatus(request);
    }

    @Override
    public RotateKeyOnDemandResponse rotateKeyOnDemand(RotateKeyOnDemandRequest request) {
        count("rotateKeyOnDemand");
        return delegate.rotateKeyOnDemand(request);
    }

    @Override
    public ListKeyRotationsResponse listKeyRotations(ListKeyRotationsRequest request) {
        count("listKeyRotations");
        return delegate.listKeyRotations(request);
    }

    @Override
    public void createAlias(CreateAliasRequest request) {
        count("createAlias");
        delegate.createAlias(request);
    }

    @Override
    public void updateAlias(UpdateAliasRequest request) {
        count("updateAlias");
        delegate.updateAlias(request);
    }

    @Override
    public void deleteAlias(DeleteAliasRequest request) {
        count("deleteAlias");
        delegate.deleteAlias(request);
    }

    @Override
    public ListAliasesResponse listAliases(ListAliasesRequest request) {
        count("listAliases");
        return delegate.listAliases(request);
    }

    @Override
    public void tagResource(TagResourceRequest request) {
        count("tagResource");
        delegate.tagResource(request);
    }

    @Override
    public void untagResource(UntagResourceRequest request) {
        count("untagResource");
        delegate.untagResource(request);
    }

    @Override
    public ListResourceTagsResponse listResourceTags(ListResourceTagsRequest request) {
        count("listResourceTags");
        return delegate.listResourceTags(request);
    }

    @Override
    public EncryptResponse encrypt(EncryptRequest request) {
        count("encrypt");
        return delegate.encrypt(request);
    }

    @Override
    public DecryptResponse decrypt(DecryptRequest request) {
        count("decrypt");
        return delegate.decrypt(request);
    }

    @Override
    public ReEncryptResponse reEncrypt(ReEncryptRequest request) {
        count("reEncrypt");
        return delegate.reEncrypt(request);
    }

    @Override
    public GenerateDataKeyResponse generateDataKey(GenerateDataKeyRequest request) {
        count("generateDataKey");
        return delegate.generateDataKey(request);
    }

    @Override
    public GenerateDataKeyWithoutPlaintextResponse generateDataKeyWithoutPlaintext(GenerateDataKeyWithoutPlaintextRequest request) {
        count("generateDataKeyWithoutPlaintext");
        return delegate.generateDataKeyWithoutPlaintext(request);
    }

    @Override
    public GenerateDataKeyPairResponse generateDataKeyPair(GenerateDataKeyPairRequest request) {
        count("generateDataKeyPair");
        return delegate.generateDataKeyPair(request);
    }

    @Override
    public GenerateDataKeyPairWithoutPlaintextResponse generateDataKeyPairWithoutPlaintext(GenerateDataKeyPairWithoutPlaintextRequest request) {
        count("generateDataKeyPairWithoutPlaintext");
        return delegate.generateDataKeyPairWithoutPlaintext(request);
    }

    @Override
    public SignResponse sign(SignRequest request) {
        count("sign");
        return delegate.sign(request);
    }

    @Override
    public VerifyResponse verify(VerifyRequest request) {
        count("verify");
        return delegate.verify(request);
    }

    @Override
    public GetPublicKeyResponse getPublicKey(GetPublicKeyRequest request) {
        count("getPublicKey");
        return delegate.getPublicKey(request);
    }

    @Override
    public GenerateMacResponse generateMac(GenerateMacRequest request) {
        count("generateMac");
        return delegate.generateMac(request);
    }

    @Override
    public VerifyMacResponse verifyMac(VerifyMacRequest request) {
        count("verifyMac");
        return delegate.verifyMac(request);
    }

    @Override
    public GenerateRandomResponse generateRandom(GenerateRandomRequest request) {
        count("generateRandom");
        return delegate.generateRandom(request);
    }

    @Override
    public DeriveSharedSecretResponse deriveSharedSecret(DeriveSharedSecretRequest request) {
        count("deriveSharedSecret");
        return delegate.deriveSharedSecret(request);
    }

    @Override
    public GetParametersForImportResponse getParametersForImport(GetParametersForImportRequest request) {
        count("getParametersForImport");
        return delegate.getParametersForImport(request);
    }

    @Override
    public ImportKeyMaterialResponse importKeyMaterial(ImportKeyMaterialRequest request) {
        count("importKeyMaterial");
        return delegate.importKeyMaterial(request);
    }

    @Override
    public void deleteImportedKeyMaterial(DeleteImportedKeyMaterialRequest request) {
        count("deleteImportedKeyMaterial");
        delegate.deleteImportedKeyMaterial(request);
    }

    @Override
    public void close() {
        delegate.close();
    }
}
