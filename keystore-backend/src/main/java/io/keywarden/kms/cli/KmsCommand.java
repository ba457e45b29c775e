package io.keywarden.kms.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code keywarden kms <operation>}: the AWS CLI's {@code aws kms}, against the configured store. */
@Command(name = "kms",
        synopsisSubcommandLabel = "<operation>",
        description = {
            "The AWS KMS operations, named and used like the AWS CLI's 'aws kms' commands.",
            "Blob parameters take base64 text or fileb://FILE (the file's raw bytes); string parameters "
                    + "take file://FILE; responses are printed as the AWS CLI prints them."},
        commandListHeading = "%nOperations:%n",
        subcommands = {
            KeyCommands.CreateKey.class,
            KeyCommands.DescribeKey.class,
            KeyCommands.ListKeys.class,
            KeyCommands.UpdateKeyDescription.class,
            KeyCommands.EnableKey.class,
            KeyCommands.DisableKey.class,
            KeyCommands.ScheduleKeyDeletion.class,
            KeyCommands.CancelKeyDeletion.class,
            RotationCommands.EnableKeyRotation.class,
            RotationCommands.DisableKeyRotation.class,
            RotationCommands.GetKeyRotationStatus.class,
            RotationCommands.RotateKeyOnDemand.class,
            RotationCommands.ListKeyRotations.class,
            AliasCommands.CreateAlias.class,
            AliasCommands.UpdateAlias.class,
            AliasCommands.DeleteAlias.class,
            AliasCommands.ListAliases.class,
            CertificateCommands.PutCertificateEntry.class,
            CertificateCommands.GetCertificateEntry.class,
            CertificateCommands.ListCertificateEntries.class,
            CertificateCommands.DeleteCertificateEntry.class,
            TagCommands.TagResource.class,
            TagCommands.UntagResource.class,
            TagCommands.ListResourceTags.class,
            EncryptionCommands.Encrypt.class,
            EncryptionCommands.Decrypt.class,
            EncryptionCommands.ReEncrypt.class,
            DataKeyCommands.GenerateDataKey.class,
            DataKeyCommands.GenerateDataKeyWithoutPlaintext.class,
            DataKeyCommands.GenerateDataKeyPair.class,
            DataKeyCommands.GenerateDataKeyPairWithoutPlaintext.class,
            DataKeyCommands.GenerateRandom.class,
            SigningCommands.Sign.class,
            SigningCommands.Verify.class,
            SigningCommands.GetPublicKey.class,
            SigningCommands.DeriveSharedSecret.class,
            MacCommands.GenerateMac.class,
            MacCommands.VerifyMac.class,
            ImportCommands.GetParametersForImport.class,
            ImportCommands.ImportKeyMaterial.class,
            ImportCommands.DeleteImportedKeyMaterial.class,
            PolicyCommands.PutKeyPolicy.class,
            PolicyCommands.GetKeyPolicy.class,
            PolicyCommands.ListKeyPolicies.class,
            PolicyCommands.PutIdentityPolicy.class,
            PolicyCommands.GetIdentityPolicy.class,
            GrantCommands.CreateGrant.class,
            GrantCommands.ListGrants.class,
            GrantCommands.ListRetirableGrants.class,
            GrantCommands.RetireGrant.class,
            GrantCommands.RevokeGrant.class,
            DirectCommands.DirectEncrypt.class,
            DirectCommands.DirectDecrypt.class,
            DirectCommands.DirectWrapKey.class,
            DirectCommands.DirectUnwrapKey.class,
        })
final class KmsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Option(names = "--principal", paramLabel = "ARN", scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "Act as this IAM principal for this one call (arn:aws:iam::<account>:user/…, "
                    + "…:role/…, …:root) instead of the principal= of keywarden.conf.")
    String principal;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "Missing operation (see 'keywarden kms --help')");
    }
}
