package io.keywarden.kms.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A blob parameter, as AWS CLI v2 reads it: {@code fileb://FILE} is the file's raw bytes,
 * {@code file://FILE} and everything else is base64 text. Error messages never repeat the value: it
 * may be plaintext.
 */
public final class BlobArgument implements ITypeConverter<Blob> {

    static final String FILEB = "fileb://";
    static final String FILE = "file://";

    @Override
    public Blob convert(String value) {
        return new Blob(decode(value));
    }

    static byte[] decode(String value) {
        if (value.startsWith(FILEB)) {
            return readFile(value.substring(FILEB.length()), value);
        }
        String base64 = value.startsWith(FILE)
                ? new String(readFile(value.substring(FILE.length()), value), StandardCharsets.UTF_8)
                : value;
        try {
            return Base64.getMimeDecoder().decode(strict(base64.strip()));
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(
                    "Invalid base64 (a blob parameter takes base64 text, or fileb://FILE for a file's raw bytes)");
        }
    }

    /** The MIME decoder skips characters outside the alphabet; reject them instead of guessing. */
    private static String strict(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '+' || c == '/' || c == '=' || c == '\n' || c == '\r' || c == ' ' || c == '\t';
            if (!ok) {
                throw new IllegalArgumentException();
            }
        }
        return s;
    }

    static byte[] readFile(String path, String original) {
        try {
            return Files.readAllBytes(Path.of(path));
        } catch (IOException | RuntimeException e) {
            throw new TypeConversionException("Unable to load paramfile " + original + ": " + reason(e));
        }
    }

    static String reason(Exception e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        return e.getClass().getSimpleName();
    }
}
