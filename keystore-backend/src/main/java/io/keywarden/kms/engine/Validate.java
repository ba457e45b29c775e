package io.keywarden.kms.engine;

import io.keywarden.kms.api.errors.ValidationException;

/** Request member constraints, with AWS's ValidationException messages. */
final class Validate {

    private Validate() {
    }

    static <T> T required(T value, String member) {
        if (value == null) {
            throw new ValidationException("1 validation error detected: Value null at '" + member
                    + "' failed to satisfy constraint: Member must not be null");
        }
        return value;
    }

    static byte[] length(byte[] value, String member, int min, int max) {
        required(value, member);
        if (value.length < min) {
            throw new ValidationException("1 validation error detected: Value at '" + member
                    + "' failed to satisfy constraint: Member must have length greater than or equal to " + min);
        }
        if (value.length > max) {
            throw new ValidationException("1 validation error detected: Value at '" + member
                    + "' failed to satisfy constraint: Member must have length less than or equal to " + max);
        }
        return value;
    }

    static String length(String value, String member, int min, int max) {
        if (value == null) {
            return null;
        }
        if (value.length() < min) {
            throw new ValidationException("1 validation error detected: Value at '" + member
                    + "' failed to satisfy constraint: Member must have length greater than or equal to " + min);
        }
        if (value.length() > max) {
            throw new ValidationException("1 validation error detected: Value at '" + member
                    + "' failed to satisfy constraint: Member must have length less than or equal to " + max);
        }
        return value;
    }

    static int range(Integer value, String member, int min, int max, int defaultValue) {
        return (int) range(value == null ? null : Long.valueOf(value), member, min, max, defaultValue);
    }

    static long range(Long value, String member, long min, long max, long defaultValue) {
        if (value == null) {
            return defaultValue;
        }
        if (value < min) {
            throw new ValidationException("1 validation error detected: Value '" + value + "' at '" + member
                    + "' failed to satisfy constraint: Member must have value greater than or equal to " + min);
        }
        if (value > max) {
            throw new ValidationException("1 validation error detected: Value '" + value + "' at '" + member
                    + "' failed to satisfy constraint: Member must have value less than or equal to " + max);
        }
        return value;
    }
}
