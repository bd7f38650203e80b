package vn.edu.haiphong.dvc.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokensTest {

    private static final String ISSUER = "https://issuer.test";

    @Test
    void pemFilesRoundTrip(@TempDir Path dir) throws Exception {
        KeyPair pair = Tokens.generateKeyPair();
        Path privateFile = dir.resolve("keys/private.pem");
        Path publicFile = dir.resolve("keys/public.pem");
        Tokens.writePrivateKeyPem(pair.getPrivate(), privateFile);
        Tokens.writePublicKeyPem(pair.getPublic(), publicFile);

        assertThat(Files.readString(privateFile)).startsWith("-----BEGIN PRIVATE KEY-----\n")
                .endsWith("-----END PRIVATE KEY-----\n");
        assertThat(Files.readString(publicFile)).startsWith("-----BEGIN PUBLIC KEY-----\n")
                .endsWith("-----END PUBLIC KEY-----\n");
        assertThat(Files.getPosixFilePermissions(privateFile)).hasSize(2);
        assertThat(Tokens.readPrivateKeyPem(privateFile).getEncoded()).isEqualTo(pair.getPrivate().getEncoded());
        assertThat(Tokens.readPublicKeyPem(publicFile).getEncoded()).isEqualTo(pair.getPublic().getEncoded());
    }

    @Test
    void mintedTokenVerifiesWithThePublicKeyAndCarriesTheClaims() throws Exception {
        KeyPair pair = Tokens.generateKeyPair();
        Instant before = Instant.now().minusSeconds(1);
        String token = Tokens.mint(pair.getPrivate(), ISSUER, "alice", Set.of("reader", "admin"),
                Duration.ofHours(2));

        JwtClaims claims = consumer(pair.getPublic()).processToClaims(token);
        assertThat(claims.getIssuer()).isEqualTo(ISSUER);
        assertThat(claims.getSubject()).isEqualTo("alice");
        assertThat(claims.getStringClaimValue("upn")).isEqualTo("alice");
        assertThat(claims.getStringListClaimValue("groups")).containsExactlyInAnyOrder("reader", "admin");
        assertThat(claims.getJwtId()).isNotBlank();
        long iat = claims.getIssuedAt().getValue();
        assertThat(iat).isBetween(before.getEpochSecond(), Instant.now().getEpochSecond() + 1);
        assertThat(claims.getExpirationTime().getValue() - iat).isEqualTo(Duration.ofHours(2).toSeconds());
    }

    @Test
    void expiredAndForeignTokensAreRefused() {
        KeyPair pair = Tokens.generateKeyPair();
        Instant now = Instant.now();
        String expired = Tokens.mint(pair.getPrivate(), ISSUER, "bob", Set.of("reader"),
                now.minus(Duration.ofHours(2)), now.minus(Duration.ofHours(1)));
        assertThatThrownBy(() -> consumer(pair.getPublic()).processToClaims(expired))
                .isInstanceOfSatisfying(InvalidJwtException.class, e -> assertThat(e.hasExpired()).isTrue());

        String foreign = Tokens.mint(Tokens.generateKeyPair().getPrivate(), ISSUER, "eve", Set.of("admin"),
                Duration.ofMinutes(5));
        assertThatThrownBy(() -> consumer(pair.getPublic()).processToClaims(foreign))
                .isInstanceOf(InvalidJwtException.class);
    }

    @Test
    void tokenMintMainWritesOneTokenPerRoleAndKeepsItsKeys(@TempDir Path dir) throws Exception {
        Path keys = dir.resolve("keys");
        Path out = dir.resolve("out/tokens.env");
        TokenMintMain.main(new String[] {"--dir", keys.toString(), "--issuer", ISSUER, "--out", out.toString()});
        String publicPem = Files.readString(keys.resolve("jwt-public.pem"));

        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("INGEST_TOKEN=");
        assertThat(lines.get(1)).startsWith("READER_TOKEN=");
        assertThat(lines.get(2)).startsWith("ADMIN_TOKEN=");
        PublicKey publicKey = Tokens.publicKeyFromPem(publicPem);
        JwtClaims admin = consumer(publicKey).processToClaims(lines.get(2).substring("ADMIN_TOKEN=".length()));
        assertThat(admin.getStringListClaimValue("groups")).containsExactly("admin");
        assertThat(admin.getExpirationTime().getValue() - admin.getIssuedAt().getValue())
                .isEqualTo(Duration.ofDays(30).toSeconds());

        TokenMintMain.main(new String[] {"--dir", keys.toString(), "--issuer", ISSUER, "--out", out.toString()});
        assertThat(Files.readString(keys.resolve("jwt-public.pem"))).isEqualTo(publicPem);
        String ingest = Files.readAllLines(out).get(0).substring("INGEST_TOKEN=".length());
        assertThat(consumer(publicKey).processToClaims(ingest).getStringListClaimValue("groups"))
                .containsExactly("ingest");
    }

    @Test
    void oneMoreTokenIsSignedByTheSameKeyAndAUnitReporterNamesItsUnit(@TempDir Path dir) throws Exception {
        Path keys = dir.resolve("keys");
        String school = mintOne(keys, "unit-reporter", "THPT-1");
        PublicKey publicKey = Tokens.publicKeyFromPem(Files.readString(keys.resolve("jwt-public.pem")));
        JwtClaims claims = consumer(publicKey).processToClaims(school);
        assertThat(claims.getStringListClaimValue("groups")).containsExactly("unit-reporter");
        assertThat(claims.getStringClaimValue("unit")).isEqualTo("THPT-1");
        assertThat(claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue()).isEqualTo(Duration.ofDays(30).toSeconds());
        // The same key signs the next one: the key pair made by the first is kept.
        JwtClaims reader = consumer(publicKey).processToClaims(mintOne(keys, "reader", null));
        assertThat(reader.getStringListClaimValue("groups")).containsExactly("reader");
        assertThat(reader.hasClaim("unit")).isFalse();
    }

    /** TokenMintMain's one-token mode: what it prints, which must be a single line. */
    private static String mintOne(Path keys, String role, String unit) {
        java.io.PrintStream before = System.out;
        java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
        System.setOut(new java.io.PrintStream(printed, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            TokenMintMain.one(keys, ISSUER, role, unit);
        } finally {
            System.setOut(before);
        }
        String out = printed.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(out.lines().toList()).hasSize(1);
        return out.strip();
    }

    private static JwtConsumer consumer(PublicKey key) {
        return new JwtConsumerBuilder()
                .setVerificationKey(key)
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT,
                        AlgorithmIdentifiers.RSA_USING_SHA256)
                .setExpectedIssuer(ISSUER)
                // r2: every token carries the system's audience (required when expected).
                .setExpectedAudience(true, Tokens.AUDIENCE)
                .setRequireExpirationTime()
                .setRequireIssuedAt()
                .setRequireJwtId()
                .setRequireSubject()
                .build();
    }
}
