package io.keywarden.kms.cli;

/** The values of {@code --output}, the AWS CLI's names. */
public enum OutputFormat {
    json,
    text
}
