package io.keywarden.kms.policy;

/** The set qualifier of a condition operator: none, {@code ForAnyValue:} or {@code ForAllValues:}. */
public enum Qualifier {
    NONE, FOR_ANY_VALUE, FOR_ALL_VALUES
}
