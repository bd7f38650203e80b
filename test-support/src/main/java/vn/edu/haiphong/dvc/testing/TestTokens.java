package vn.edu.haiphong.dvc.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Set;

import vn.edu.haiphong.dvc.infra.Tokens;

/**
 * RS256 JWTs for tests, signed with a fixed test-only key pair shipped in this jar as
 * {@value #PRIVATE_KEY_LOCATION} and {@value #PUBLIC_KEY_LOCATION}. Never trust that key outside tests.
 *
 * <p>A service accepts these tokens in its test profile with:
 * <pre>
 * %test.mp.jwt.verify.publickey.location=dvc-test-jwt/public.pem
 * %test.mp.jwt.verify.issuer=https://dvc.haiphong.edu.vn/test
 * </pre>
 * The public key is read from the test class path, where this jar is.
 *
 * <p>Valid tokens live for an hour. Roles travel in the {@code groups} claim, which is what
 * {@code @RolesAllowed} checks.
 */
public final class TestTokens {

    public static final String ISSUER = "https://dvc.haiphong.edu.vn/test";
    public static final String PRIVATE_KEY_LOCATION = "dvc-test-jwt/private.pem";
    public static final String PUBLIC_KEY_LOCATION = "dvc-test-jwt/public.pem";

    public static final String INGEST = "ingest";
    public static final String READER = "reader";
    public static final String ADMIN = "admin";

    private static final Duration LIFETIME = Duration.ofHours(1);

    private static PrivateKey testKey;
    private static PrivateKey otherKey;

    private TestTokens() {
    }

    /** A valid token for subject {@code test-user} with the given groups. */
    public static String forRoles(String... groups) {
        return forSubject("test-user", groups);
    }

    /** A valid token for the given subject (also its {@code upn}) with the given groups. */
    public static String forSubject(String subject, String... groups) {
        return Tokens.mint(testKey(), ISSUER, subject, groups(groups), LIFETIME);
    }

    /** A valid token that expires after {@code lifetime} (a stream must end with it). */
    public static String lasting(Duration lifetime, String subject, String... groups) {
        return Tokens.mint(testKey(), ISSUER, subject, groups(groups), lifetime);
    }

    /** r2: a school's (or a district office's) token: role unit-reporter, its unit in the claim {@code unit}. */
    public static String unitReporter(String unit) {
        return Tokens.mint(testKey(), ISSUER, "test-unit-" + unit, Set.of("unit-reporter"), java.util.Map.of("unit", unit), LIFETIME);
    }

    public static String ingest() {
        return forSubject("test-ingest", INGEST);
    }

    public static String reader() {
        return forSubject("test-reader", READER);
    }

    public static String admin() {
        return forSubject("test-admin", ADMIN);
    }

    /** Signed with the test key, but expired an hour ago, well past the default clock skew allowance. */
    public static String expired(String... groups) {
        Instant now = Instant.now();
        return Tokens.mint(testKey(), ISSUER, "test-user", groups(groups), now.minus(Duration.ofHours(2)),
                now.minus(Duration.ofHours(1)));
    }

    /** Signed with the test key, valid in every claim but one: no {@code aud}. */
    public static String withoutAudience(String... groups) {
        Instant now = Instant.now();
        return Tokens.mint(testKey(), ISSUER, "test-user", groups(groups), java.util.Map.of(), null, now, now.plus(LIFETIME));
    }

    /** Signed with the test key, valid in every claim but one: another system's {@code aud}. */
    public static String forAudience(String audience, String... groups) {
        Instant now = Instant.now();
        return Tokens.mint(testKey(), ISSUER, "test-user", groups(groups), java.util.Map.of(), audience, now, now.plus(LIFETIME));
    }

    /** Signed with the test key, but valid only from an hour from now ({@code nbf}, well past the clock skew allowance). */
    public static String notYetValid(String... groups) {
        Instant later = Instant.now().plus(Duration.ofHours(1));
        return io.smallrye.jwt.build.Jwt.issuer(ISSUER).subject("test-user").upn("test-user").groups(groups(groups))
                .audience(Tokens.AUDIENCE).issuedAt(Instant.now()).expiresAt(later.plus(LIFETIME)).claim("nbf", later.getEpochSecond())
                .claim("jti", java.util.UUID.randomUUID().toString()).jws().algorithm(io.smallrye.jwt.algorithm.SignatureAlgorithm.RS256)
                .sign(testKey());
    }

    /**
     * The claims of a valid token under the header {@code "alg": "none"} and with no signature: what an attacker sends
     * hoping the service skips verification.
     */
    public static String unsigned(String... groups) {
        String valid = forRoles(groups);
        String header = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}"
                .getBytes(StandardCharsets.UTF_8));
        return header + "." + valid.split("\\.")[1] + ".";
    }

    /** Valid in every claim, signed with the test key, but with no {@code groups}: no role at all. */
    public static String withoutGroups() {
        return Tokens.mint(testKey(), ISSUER, "test-user", Set.of(), LIFETIME);
    }

    /** Valid in every claim, but signed with a key generated in this JVM, which no service trusts. */
    public static String signedByOtherKey(String... groups) {
        return Tokens.mint(otherKey(), ISSUER, "test-user", groups(groups), LIFETIME);
    }

    private static Set<String> groups(String... groups) {
        // Set.of would reject a repeated group, which is harmless in a token.
        return Set.copyOf(Arrays.asList(groups));
    }

    private static synchronized PrivateKey testKey() {
        if (testKey == null) {
            testKey = Tokens.privateKeyFromPem(resource(PRIVATE_KEY_LOCATION));
        }
        return testKey;
    }

    private static synchronized PrivateKey otherKey() {
        if (otherKey == null) {
            otherKey = Tokens.generateKeyPair().getPrivate();
        }
        return otherKey;
    }

    static String resource(String location) {
        try (InputStream in = TestTokens.class.getClassLoader().getResourceAsStream(location)) {
            if (in == null) {
                throw new IllegalStateException(location + " is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
