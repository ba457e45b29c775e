package io.keywarden.kms.cli;

import io.keywarden.kms.api.GrantConstraints;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * CreateGrant's {@code --constraints}, as the AWS CLI takes it: JSON
 * ({@code {"EncryptionContextSubset":{"dept":"finance"}}}), the shorthand
 * {@code EncryptionContextSubset={dept=finance,app=x},EncryptionContextEquals={…}}, or
 * {@code file://FILE} holding either.
 */
final class GrantConstraintsArgument implements ITypeConverter<GrantConstraints> {

    private static final Pattern MEMBER = Pattern.compile("\\s*(EncryptionContextEquals|EncryptionContextSubset)"
            + "\\s*[=:]\\s*(\\{[^}]*\\})\\s*,?");

    @Override
    public GrantConstraints convert(String value) {
        String text = TextArgument.read(value).strip();
        GrantConstraints.Builder b = GrantConstraints.builder();
        if (text.startsWith("{")) {
            try {
                var node = JsonOutput.MAPPER.readTree(text);
                node.fieldNames().forEachRemaining(name -> {
                    if (!name.equals("EncryptionContextEquals") && !name.equals("EncryptionContextSubset")) {
                        throw new TypeConversionException("Unknown grant constraint " + name);
                    }
                });
                if (node.has("EncryptionContextEquals")) {
                    b.encryptionContextEquals(context(node.get("EncryptionContextEquals").toString()));
                }
                if (node.has("EncryptionContextSubset")) {
                    b.encryptionContextSubset(context(node.get("EncryptionContextSubset").toString()));
                }
                return b.build();
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new TypeConversionException("Invalid JSON: " + e.getOriginalMessage());
            }
        }
        Matcher m = MEMBER.matcher(text);
        int end = 0;
        while (m.find() && m.start() == end) {
            String pairs = m.group(2).substring(1, m.group(2).length() - 1);
            if (m.group(1).equals("EncryptionContextEquals")) {
                b.encryptionContextEquals(context(pairs));
            } else {
                b.encryptionContextSubset(context(pairs));
            }
            end = m.end();
        }
        if (end != text.length() || end == 0) {
            throw new TypeConversionException("Expected EncryptionContextEquals={k=v,…} and/or "
                    + "EncryptionContextSubset={k=v,…}, or JSON");
        }
        return b.build();
    }

    private static Map<String, String> context(String text) {
        return EncryptionContextArgument.parse(text);
    }
}
