package io.keywarden.kms.policy;

import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiPredicate;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The condition operators this engine accepts, as a table: each has a base test of one request
 * value against one policy value, whether it is negated (it holds when no policy value matches,
 * and also for an absent key), and a check of the policy values it accepts. {@code …IfExists} and
 * the {@code ForAnyValue:}/{@code ForAllValues:} qualifiers apply to every operator but
 * {@code Null}; see {@link ConditionEvaluator}.
 */
public final class ConditionOperators {

    /** One operator of the table. */
    public record Operator(String name, BiPredicate<String, String> test, boolean negated,
            Predicate<String> acceptsPolicyValue, String valueType) {

        @Override
        public String toString() {
            return name;
        }
    }

    private static final Map<String, Operator> TABLE = new TreeMap<>();
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

    static {
        Predicate<String> anyString = v -> true;
        string("StringEquals", String::equals, false, anyString);
        string("StringNotEquals", String::equals, true, anyString);
        string("StringEqualsIgnoreCase", String::equalsIgnoreCase, false, anyString);
        string("StringNotEqualsIgnoreCase", String::equalsIgnoreCase, true, anyString);
        string("StringLike", (r, p) -> Wildcard.matches(p, r), false, anyString);
        string("StringNotLike", (r, p) -> Wildcard.matches(p, r), true, anyString);
        arn("ArnEquals", false);
        arn("ArnLike", false);
        arn("ArnNotEquals", true);
        arn("ArnNotLike", true);
        numeric("NumericEquals", c -> c == 0, false);
        numeric("NumericNotEquals", c -> c == 0, true);
        numeric("NumericLessThan", c -> c < 0, false);
        numeric("NumericLessThanEquals", c -> c <= 0, false);
        numeric("NumericGreaterThan", c -> c > 0, false);
        numeric("NumericGreaterThanEquals", c -> c >= 0, false);
        date("DateEquals", c -> c == 0, false);
        date("DateNotEquals", c -> c == 0, true);
        date("DateLessThan", c -> c < 0, false);
        date("DateLessThanEquals", c -> c <= 0, false);
        date("DateGreaterThan", c -> c > 0, false);
        date("DateGreaterThanEquals", c -> c >= 0, false);
        put(new Operator("Bool", String::equalsIgnoreCase, false, ConditionOperators::isBool, "true or false"));
        put(new Operator("Null", (r, p) -> false, false, ConditionOperators::isBool, "true or false"));
        put(new Operator("IpAddress", ConditionOperators::inCidr, false, v -> cidr(v).isPresent(), "an IP address or CIDR block"));
        put(new Operator("NotIpAddress", ConditionOperators::inCidr, true, v -> cidr(v).isPresent(), "an IP address or CIDR block"));
    }

    private ConditionOperators() {
    }

    /** The operator of that exact name (without qualifier or {@code IfExists}). */
    public static Optional<Operator> named(String name) {
        return Optional.ofNullable(TABLE.get(name));
    }

    /** Every operator name, sorted. */
    public static java.util.Set<String> names() {
        return java.util.Collections.unmodifiableSet(TABLE.keySet());
    }

    private static void put(Operator op) {
        TABLE.put(op.name(), op);
    }

    private static void string(String name, BiPredicate<String, String> test, boolean negated, Predicate<String> ok) {
        put(new Operator(name, test, negated, ok, "a string"));
    }

    private static void arn(String name, boolean negated) {
        put(new Operator(name, ConditionOperators::arnLike, negated, v -> v.equals("*") || v.startsWith("arn:"), "an ARN"));
    }

    private static void numeric(String name, Predicate<Integer> cmp, boolean negated) {
        put(new Operator(name, (r, p) -> {
            BigDecimal rv = number(r);
            return rv != null && cmp.test(rv.compareTo(number(p)));
        }, negated, v -> number(v) != null, "a number"));
    }

    private static void date(String name, Predicate<Integer> cmp, boolean negated) {
        put(new Operator(name, (r, p) -> {
            Instant rv = date(r);
            return rv != null && cmp.test(rv.compareTo(date(p)));
        }, negated, v -> date(v) != null, "a date (ISO 8601, or seconds since the epoch)"));
    }

    private static boolean isBool(String v) {
        return v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false");
    }

    /** ArnLike: the six colon-separated parts are matched one by one, each with wildcards. */
    static boolean arnLike(String request, String pattern) {
        if (pattern.equals("*")) {
            return true;
        }
        String[] r = request.split(":", 6);
        String[] p = pattern.split(":", 6);
        if (r.length != 6 || p.length != 6) {
            return false;
        }
        for (int i = 0; i < 6; i++) {
            if (!Wildcard.matches(p[i], r[i])) {
                return false;
            }
        }
        return true;
    }

    static BigDecimal number(String v) {
        return v != null && NUMBER.matcher(v.trim()).matches() ? new BigDecimal(v.trim()) : null;
    }

    /** ISO 8601 (an instant, a date-time with offset, or a date), or whole seconds since the epoch. */
    static Instant date(String v) {
        if (v == null) {
            return null;
        }
        String s = v.trim();
        if (s.matches("\\d{1,12}")) {
            return Instant.ofEpochSecond(Long.parseLong(s));
        }
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(s).atStartOfDay().toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    /** A CIDR block (or one address) as its address bytes and prefix length. */
    private record Cidr(byte[] address, int prefix) {
    }

    private static Optional<Cidr> cidr(String v) {
        String s = v.trim();
        int slash = s.indexOf('/');
        String host = slash < 0 ? s : s.substring(0, slash);
        if (!host.matches("[0-9a-fA-F.:]+")) {
            return Optional.empty();
        }
        try {
            byte[] addr = InetAddress.getByName(host).getAddress();
            int prefix = slash < 0 ? addr.length * 8 : Integer.parseInt(s.substring(slash + 1));
            if (prefix < 0 || prefix > addr.length * 8) {
                return Optional.empty();
            }
            return Optional.of(new Cidr(addr, prefix));
        } catch (UnknownHostException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    static boolean inCidr(String request, String policy) {
        Optional<Cidr> block = cidr(policy);
        Optional<Cidr> ip = cidr(request);
        if (block.isEmpty() || ip.isEmpty() || block.get().address().length != ip.get().address().length) {
            return false;
        }
        byte[] a = block.get().address();
        byte[] b = ip.get().address();
        int bits = block.get().prefix();
        for (int i = 0; i < bits; i++) {
            int mask = 0x80 >>> (i % 8);
            if ((a[i / 8] & mask) != (b[i / 8] & mask)) {
                return false;
            }
        }
        return true;
    }
}
