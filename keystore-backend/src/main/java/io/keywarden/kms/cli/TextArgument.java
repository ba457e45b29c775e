package io.keywarden.kms.cli;

import java.nio.charset.StandardCharsets;
import picocli.CommandLine.ITypeConverter;

/** A string parameter: {@code file://FILE} is the file's text (UTF-8), anything else is itself. */
public final class TextArgument implements ITypeConverter<String> {

    @Override
    public String convert(String value) {
        return read(value);
    }

    static String read(String value) {
        if (value.startsWith(BlobArgument.FILE)) {
            byte[] bytes = BlobArgument.readFile(value.substring(BlobArgument.FILE.length()), value);
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return value;
    }
}
