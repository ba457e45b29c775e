package io.keywarden.kms.cli;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A timestamp parameter, as the AWS CLI takes it: ISO 8601 ({@code 2030-01-01T00:00:00Z},
 * {@code 2030-01-01T00:00:00+02:00}, {@code 2030-01-01} — UTC when no offset is given) or seconds
 * since the epoch.
 */
public final class TimestampArgument implements ITypeConverter<Instant> {

    @Override
    public Instant convert(String value) {
        String v = value.strip();
        try {
            if (v.matches("\\d+(\\.\\d+)?")) {
                return Instant.ofEpochMilli(Math.round(Double.parseDouble(v) * 1000));
            }
            if (v.length() == 10) {
                return LocalDate.parse(v).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            try {
                return OffsetDateTime.parse(v).toInstant();
            } catch (DateTimeParseException e) {
                return LocalDateTime.parse(v).toInstant(ZoneOffset.UTC);
            }
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new TypeConversionException("'" + value
                    + "' is not a timestamp: use ISO 8601 (2030-01-01T00:00:00Z) or seconds since the epoch");
        }
    }
}
