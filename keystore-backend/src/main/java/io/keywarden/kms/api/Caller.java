package io.keywarden.kms.api;

import io.keywarden.kms.api.errors.ValidationException;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who makes a request: the principal's ARN ({@code arn:aws:iam::<account>:user/…}, {@code …:role/…},
 * {@code …:root}, or an STS assumed role) and its account, and where the request comes from: the
 * source IP address, the user agent, whether it came over TLS ({@code aws:SecureTransport}) and
 * the service it came through ({@code kms:ViaService}, null when called directly). The embedded
 * engine's caller comes from {@code principal=} in keywarden.conf.
 */
public record Caller(String principalArn, String account, String sourceIp, String userAgent,
        boolean secureTransport, String viaService) {

    private static final Pattern ARN = Pattern.compile("arn:aws:(iam|sts)::(\\d{12}):(root|user/.+|role/.+|assumed-role/.+|federated-user/.+)");

    public Caller {
        Objects.requireNonNull(principalArn, "principalArn");
        Matcher m = ARN.matcher(principalArn);
        if (!m.matches()) {
            throw new ValidationException("The principal '" + principalArn.replaceAll("[^\\x20-\\x7e]", "?")
                    + "' is not an IAM ARN of the form arn:aws:iam::<12-digit account>:root|user/…|role/…");
        }
        if (account == null) {
            account = m.group(2);
        } else if (!account.equals(m.group(2))) {
            throw new ValidationException("The account " + account + " is not the account of " + principalArn);
        }
    }

    /** A local caller (the embedded engine in this process): 127.0.0.1, user agent {@code keywarden-embedded}. */
    public static Caller of(String principalArn) {
        return new Caller(principalArn, null, "127.0.0.1", "keywarden-embedded", true, null);
    }

    /** Whether the caller is its account's root user. */
    public boolean isRoot() {
        return principalArn.equals("arn:aws:iam::" + account + ":root");
    }

    /** The same caller, through a service ({@code kms:ViaService}). */
    public Caller via(String service) {
        return new Caller(principalArn, account, sourceIp, userAgent, secureTransport, service);
    }

    /** The same caller, from another address. */
    public Caller from(String ip, boolean tls) {
        return new Caller(principalArn, account, ip, userAgent, tls, viaService);
    }
}
