package io.keywarden.kms.engine;

/** AWS KMS's default key policy: the account's root may do everything (and so the account's rules decide). */
final class DefaultKeyPolicy {

    private DefaultKeyPolicy() {
    }

    static String forAccount(String account) {
        return """
                {
                  "Version" : "2012-10-17",
                  "Id" : "key-default-1",
                  "Statement" : [ {
                    "Sid" : "Enable IAM User Permissions",
                    "Effect" : "Allow",
                    "Principal" : {
                      "AWS" : "arn:aws:iam::%s:root"
                    },
                    "Action" : "kms:*",
                    "Resource" : "*"
                  } ]
                }""".formatted(account);
    }
}
