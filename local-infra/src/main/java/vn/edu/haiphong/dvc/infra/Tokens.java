package vn.edu.haiphong.dvc.infra;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;

/**
 * RSA keys in PEM form and RS256 tokens in the shape MicroProfile JWT (and so Quarkus' smallrye-jwt)
 * expects: {@code iss}, {@code sub}, {@code upn}, {@code groups}, {@code iat}, {@code exp}, {@code jti}.
 *
 * <p>Private keys are PKCS#8 ({@code -----BEGIN PRIVATE KEY-----}), public keys X.509 SubjectPublicKeyInfo
 * ({@code -----BEGIN PUBLIC KEY-----}); both are what {@code openssl genpkey}/{@code openssl pkey -pubout}
 * write and what {@code mp.jwt.verify.publickey.location} reads.
 */
public final class Tokens {

    /** r2: the audience every token of this system carries ({@code aud}), which the services check. */
    public static final String AUDIENCE = "dvc";

    private static final String PRIVATE_LABEL = "PRIVATE KEY";
    private static final String PUBLIC_LABEL = "PUBLIC KEY";

    private Tokens() {
    }

    /** A fresh RSA 2048 key pair. */
    public static KeyPair generateKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no RSA", e);
        }
    }

    /** Writes the key readable by its owner only, where the file system has POSIX permissions. */
    public static void writePrivateKeyPem(PrivateKey key, Path file) throws IOException {
        write(file, privateKeyPem(key));
        ownerOnly(file);
    }

    public static void writePublicKeyPem(PublicKey key, Path file) throws IOException {
        write(file, publicKeyPem(key));
    }

    public static PrivateKey readPrivateKeyPem(Path file) throws IOException {
        return privateKeyFromPem(Files.readString(file, StandardCharsets.US_ASCII));
    }

    public static PublicKey readPublicKeyPem(Path file) throws IOException {
        return publicKeyFromPem(Files.readString(file, StandardCharsets.US_ASCII));
    }

    /** The PKCS#8 PEM text of an RSA private key. */
    public static String privateKeyPem(PrivateKey key) {
        requireFormat(key.getFormat(), "PKCS#8");
        return pem(PRIVATE_LABEL, key.getEncoded());
    }

    /** The X.509 SubjectPublicKeyInfo PEM text of an RSA public key. */
    public static String publicKeyPem(PublicKey key) {
        requireFormat(key.getFormat(), "X.509");
        return pem(PUBLIC_LABEL, key.getEncoded());
    }

    public static PrivateKey privateKeyFromPem(String pem) {
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der(pem, PRIVATE_LABEL)));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an RSA PKCS#8 private key", e);
        }
    }

    public static PublicKey publicKeyFromPem(String pem) {
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der(pem, PUBLIC_LABEL)));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an RSA X.509 public key", e);
        }
    }

    /**
     * An RS256 token valid from now for {@code lifetime}; {@code upn} repeats the subject because
     * MicroProfile JWT takes the caller's name from it.
     */
    public static String mint(PrivateKey key, String issuer, String subject, Set<String> groups, Duration lifetime) {
        if (lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("lifetime must be positive: " + lifetime);
        }
        Instant now = Instant.now();
        return mint(key, issuer, subject, groups, now, now.plus(lifetime));
    }

    /**
     * A token with explicit times, which may lie in the past (e.g. to test that expired tokens are refused).
     */
    public static String mint(PrivateKey key, String issuer, String subject, Set<String> groups, Instant issuedAt,
            Instant expiresAt) {
        return mint(key, issuer, subject, groups, java.util.Map.of(), issuedAt, expiresAt);
    }

    /** r2: a token with more claims (a unit-reporter's {@code unit}). */
    public static String mint(PrivateKey key, String issuer, String subject, Set<String> groups, java.util.Map<String, String> claims,
            Duration lifetime) {
        Instant now = Instant.now();
        return mint(key, issuer, subject, groups, claims, now, now.plus(lifetime));
    }

    private static String mint(PrivateKey key, String issuer, String subject, Set<String> groups, java.util.Map<String, String> claims,
            Instant issuedAt, Instant expiresAt) {
        return mint(key, issuer, subject, groups, claims, AUDIENCE, issuedAt, expiresAt);
    }

    /** Every claim chosen, an audience among them ({@code null}: none; tests of refused tokens use it). */
    public static String mint(PrivateKey key, String issuer, String subject, Set<String> groups, java.util.Map<String, String> claims,
            String audience, Instant issuedAt, Instant expiresAt) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(groups, "groups");
        if (!expiresAt.isAfter(issuedAt)) {
            throw new IllegalArgumentException("expiresAt must be after issuedAt");
        }
        var builder = Jwt.issuer(issuer)
                .subject(subject)
                .upn(subject)
                .groups(Set.copyOf(groups))
                .issuedAt(issuedAt)
                .expiresAt(expiresAt)
                .claim("jti", UUID.randomUUID().toString());
        if (audience != null) {
            builder.audience(audience);
        }
        claims.forEach(builder::claim);
        return builder.jws()
                .algorithm(SignatureAlgorithm.RS256)
                .sign(key);
    }

    private static void requireFormat(String actual, String expected) {
        if (!expected.equals(actual)) {
            throw new IllegalArgumentException("expected a key encoded as " + expected + " but got " + actual);
        }
    }

    private static String pem(String label, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
    }

    private static byte[] der(String pem, String label) {
        String begin = "-----BEGIN " + label + "-----";
        String end = "-----END " + label + "-----";
        int from = pem.indexOf(begin);
        int to = pem.indexOf(end);
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("no " + begin + " block found");
        }
        String body = pem.substring(from + begin.length(), to).replaceAll("\\s", "");
        return Base64.getDecoder().decode(body);
    }

    static void ownerOnly(Path file) throws IOException {
        if (Files.getFileStore(file).supportsFileAttributeView(PosixFileAttributeView.class)) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
    }

    private static void write(Path file, String text) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, text, StandardCharsets.US_ASCII);
    }
}
