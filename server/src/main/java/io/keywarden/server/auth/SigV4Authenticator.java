package io.keywarden.server.auth;

import io.keywarden.server.AccessKey;
import io.keywarden.server.AuthenticatedCaller;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.signer.params.Aws4SignerParams;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.regions.Region;

/**
 * Verifies AWS Signature Version 4 on a received request with the AWS SDK's own signer: the request
 * is rebuilt from the headers the client signed, signed again with the configured secret of the
 * access key it names, at the instant of its {@code X-Amz-Date}, and the two signatures are compared
 * in constant time. The body hash is the signer's own SHA-256 of the received body; a claimed
 * {@code x-amz-content-sha256} that differs from the body is rejected first. Requests that signed
 * {@code x-amz-content-sha256} (the AWS SDK for Java v2) are verified with {@link AwsV4HttpSigner}, which
 * always signs that header; requests that did not (botocore, hence the AWS CLI) with the SDK's earlier
 * {@code Aws4Signer}, which signs only the headers present.
 * The date must lie within the allowed clock skew; the credential scope must be
 * {@code <date>/<region>/kms/aws4_request}.
 */
public final class SigV4Authenticator {

    private static final String ALGORITHM = "AWS4-HMAC-SHA256";
    private static final String SERVICE = "kms";
    private static final DateTimeFormatter AMZ_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final String MISMATCH = "The request signature we calculated does not match the signature you "
            + "provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.";

    private final Map<String, AccessKey> keys;
    private final String region;
    private final Duration maxSkew;
    private final Clock clock;
    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();
    @SuppressWarnings("deprecation")
    private final software.amazon.awssdk.auth.signer.Aws4Signer legacySigner = software.amazon.awssdk.auth.signer.Aws4Signer.create();

    public SigV4Authenticator(List<AccessKey> accessKeys, String region, Duration maxSkew, Clock clock) {
        Map<String, AccessKey> byId = new LinkedHashMap<>();
        for (AccessKey k : accessKeys) {
            byId.put(k.accessKeyId(), k);
        }
        this.keys = Map.copyOf(byId);
        this.region = region;
        this.maxSkew = maxSkew;
        this.clock = clock;
    }

    /** The caller of a correctly signed request; otherwise an {@link AuthenticationException}. */
    public AuthenticatedCaller authenticate(ReceivedRequest request) {
        String authorization = request.header("authorization");
        if (authorization == null) {
            throw AuthenticationException.missing();
        }
        Authorization auth = Authorization.parse(authorization);
        String[] scope = auth.credential().split("/", -1);
        if (scope.length != 5) {
            throw AuthenticationException.incomplete("Credential must have exactly 5 slash-delimited elements, "
                    + "e.g. keyid/date/region/service/term.");
        }
        AccessKey key = keys.get(scope[0]);
        if (key == null) {
            throw AuthenticationException.unrecognizedClient();
        }
        String amzDate = request.header("x-amz-date");
        if (amzDate == null) {
            throw AuthenticationException.incomplete("Authorization header requires existence of either a "
                    + "'X-Amz-Date' or a 'Date' header.");
        }
        Instant signedAt = parseDate(amzDate);
        Instant now = clock.instant();
        if (Duration.between(signedAt, now).abs().compareTo(maxSkew) > 0) {
            throw AuthenticationException.invalidSignature("Signature expired: " + amzDate + " is now earlier or later "
                    + "than the server time " + AMZ_DATE.format(now) + " by more than " + maxSkew.toMinutes() + " minutes.");
        }
        if (!scope[1].equals(amzDate.substring(0, 8))) {
            throw AuthenticationException.invalidSignature("Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP.");
        }
        if (!scope[2].equals(region)) {
            throw AuthenticationException.invalidSignature("Credential should be scoped to a valid region, not '" + scope[2] + "'.");
        }
        if (!scope[3].equals(SERVICE)) {
            throw AuthenticationException.invalidSignature("Credential should be scoped to correct service: 'kms'.");
        }
        if (!scope[4].equals("aws4_request")) {
            throw AuthenticationException.invalidSignature("Credential should be scoped with a valid terminator: 'aws4_request'.");
        }
        if (!auth.signedHeaders().contains("host")) {
            throw AuthenticationException.invalidSignature("'Host' must be a 'SignedHeader' in the AWS Authorization.");
        }
        checkBodyHash(request);

        String expected = auth.signedHeaders().contains("x-amz-content-sha256")
                ? recomputeSignature(request, auth, key, signedAt)
                : recomputeWithoutContentHashHeader(request, auth, key, signedAt);
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                auth.signature().getBytes(StandardCharsets.US_ASCII))) {
            throw AuthenticationException.invalidSignature(MISMATCH);
        }
        return new AuthenticatedCaller(key.accessKeyId(), key.principalArn(), request.remoteAddress());
    }

    private static Instant parseDate(String amzDate) {
        try {
            return Instant.from(AMZ_DATE.parse(amzDate));
        } catch (DateTimeParseException e) {
            throw AuthenticationException.incomplete("X-Amz-Date must be in the ISO-8601 basic format yyyyMMdd'T'HHmmss'Z'.");
        }
    }

    private static void checkBodyHash(ReceivedRequest request) {
        String claimed = request.header("x-amz-content-sha256");
        if (claimed == null) {
            return;
        }
        try {
            byte[] actual = MessageDigest.getInstance("SHA-256").digest(request.body());
            if (!claimed.equalsIgnoreCase(HexFormat.of().formatHex(actual))) {
                throw AuthenticationException.invalidSignature("The provided 'x-amz-content-sha256' header does not match what was computed.");
            }
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Signs the request again with AwsV4HttpSigner, as the client should have, and returns the hex signature. */
    private String recomputeSignature(ReceivedRequest request, Authorization auth, AccessKey key, Instant signedAt) {
        SdkHttpRequest.Builder rebuilt = SdkHttpRequest.builder();
        rebuild(rebuilt, request, auth);
        SignedRequest signed = signer.sign(r -> r
                .identity(AwsCredentialsIdentity.create(key.accessKeyId(), key.secretAccessKey()))
                .request(rebuilt.build())
                .payload(ContentStreamProvider.fromByteArrayUnsafe(request.body()))
                .putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, SERVICE)
                .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                .putProperty(AwsV4FamilyHttpSigner.PAYLOAD_SIGNING_ENABLED, true)
                .putProperty(AwsV4FamilyHttpSigner.SIGNING_CLOCK, Clock.fixed(signedAt, ZoneOffset.UTC)));
        return signatureOf(signed.request().firstMatchingHeader("Authorization"), auth);
    }

    /**
     * Signs the request again with the SDK's Aws4Signer, for clients that did not sign
     * {@code x-amz-content-sha256} (AwsV4HttpSigner would add and sign it); returns the hex signature.
     */
    @SuppressWarnings("deprecation")
    private String recomputeWithoutContentHashHeader(ReceivedRequest request, Authorization auth, AccessKey key,
                                                     Instant signedAt) {
        SdkHttpFullRequest.Builder rebuilt = SdkHttpFullRequest.builder();
        rebuild(rebuilt, request, auth);
        rebuilt.contentStreamProvider(ContentStreamProvider.fromByteArrayUnsafe(request.body()));
        SdkHttpFullRequest signed = legacySigner.sign(rebuilt.build(), Aws4SignerParams.builder()
                .awsCredentials(AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey()))
                .signingName(SERVICE)
                .signingRegion(Region.of(region))
                .signingClockOverride(Clock.fixed(signedAt, ZoneOffset.UTC))
                .build());
        return signatureOf(signed.firstMatchingHeader("Authorization"), auth);
    }

    /** The signature of the recomputed Authorization header, if it signed the same headers as the client. */
    private static String signatureOf(java.util.Optional<String> authorization, Authorization clients) {
        Authorization mine = Authorization.parse(authorization
                .orElseThrow(() -> new IllegalStateException("the SDK signer added no Authorization header")));
        if (!mine.signedHeaders().equals(clients.signedHeaders())) {
            // the signer signs x-amz-date (and AwsV4HttpSigner x-amz-content-sha256) itself: a request that did
            // not sign them does not verify
            throw AuthenticationException.invalidSignature(MISMATCH);
        }
        return mine.signature();
    }

    /** Method, URL, query and exactly the headers the client signed, with their received values. */
    private static void rebuild(SdkHttpRequest.Builder rebuilt, ReceivedRequest request, Authorization auth) {
        String host = request.header("host");
        if (host == null) {
            throw AuthenticationException.incomplete("The request has no Host header.");
        }
        rebuilt.method(SdkHttpMethod.fromValue(request.method()))
                .uri(URI.create(request.scheme() + "://" + host))
                .encodedPath(request.path());
        if (request.rawQuery() != null && !request.rawQuery().isEmpty()) {
            for (String pair : request.rawQuery().split("&")) {
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                rebuilt.appendRawQueryParameter(name, value);
            }
        }
        for (String name : auth.signedHeaders()) {
            List<String> values = request.headers().get(name);
            if (values == null) {
                throw AuthenticationException.invalidSignature("The signed header '" + name + "' is missing from the request.");
            }
            rebuilt.putHeader(name, new ArrayList<>(values));
        }
    }

    private static String decode(String s) {
        return java.net.URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** The parts of an {@code Authorization: AWS4-HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=…} header. */
    record Authorization(String credential, List<String> signedHeaders, String signature) {

        static Authorization parse(String header) {
            String h = header.trim();
            if (!h.startsWith(ALGORITHM + " ")) {
                throw AuthenticationException.incomplete("Unsupported AWS 'algorithm': only '" + ALGORITHM + "' is accepted.");
            }
            String credential = null;
            String signedHeaders = null;
            String signature = null;
            for (String part : h.substring(ALGORITHM.length()).split(",")) {
                String p = part.trim();
                int eq = p.indexOf('=');
                if (eq < 0) {
                    continue;
                }
                String name = p.substring(0, eq).trim();
                String value = p.substring(eq + 1).trim();
                switch (name) {
                    case "Credential" -> credential = value;
                    case "SignedHeaders" -> signedHeaders = value;
                    case "Signature" -> signature = value;
                    default -> { }
                }
            }
            if (credential == null || signedHeaders == null || signature == null) {
                throw AuthenticationException.incomplete("Authorization header requires 'Credential', 'SignedHeaders' "
                        + "and 'Signature' parameters.");
            }
            if (!signature.matches("[0-9a-f]{64}")) {
                throw AuthenticationException.incomplete("The Signature parameter is not 64 lower-case hex digits.");
            }
            List<String> names = Arrays.stream(signedHeaders.split(";"))
                    .map(s -> s.trim().toLowerCase(Locale.ROOT)).toList();
            return new Authorization(credential, names, signature);
        }
    }
}
