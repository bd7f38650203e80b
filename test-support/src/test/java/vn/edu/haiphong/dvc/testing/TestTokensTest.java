package vn.edu.haiphong.dvc.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.PublicKey;

import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.Test;

import vn.edu.haiphong.dvc.infra.Tokens;

class TestTokensTest {

    private static final PublicKey PUBLIC_KEY = Tokens.publicKeyFromPem(
            TestTokens.resource(TestTokens.PUBLIC_KEY_LOCATION));

    @Test
    void roleTokensVerifyWithTheShippedPublicKey() throws Exception {
        assertThat(claims(TestTokens.ingest()).getStringListClaimValue("groups")).containsExactly("ingest");
        assertThat(claims(TestTokens.reader()).getStringListClaimValue("groups")).containsExactly("reader");
        JwtClaims admin = claims(TestTokens.admin());
        assertThat(admin.getStringListClaimValue("groups")).containsExactly("admin");
        assertThat(admin.getIssuer()).isEqualTo("https://dvc.haiphong.edu.vn/test");
        assertThat(admin.getStringClaimValue("upn")).isEqualTo("test-admin");
        assertThat(claims(TestTokens.forRoles("reader", "admin", "reader")).getStringListClaimValue("groups"))
                .containsExactlyInAnyOrder("reader", "admin");
    }

    @Test
    void theShippedKeysArePairs() {
        String privatePem = TestTokens.resource(TestTokens.PRIVATE_KEY_LOCATION);
        assertThat(privatePem).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(Tokens.privateKeyFromPem(privatePem)).isNotNull();
    }

    @Test
    void expiredAndForeignTokensAreRefused() {
        assertThatThrownBy(() -> claims(TestTokens.expired("reader")))
                .isInstanceOfSatisfying(InvalidJwtException.class, e -> assertThat(e.hasExpired()).isTrue());
        assertThatThrownBy(() -> claims(TestTokens.signedByOtherKey("admin")))
                .isInstanceOf(InvalidJwtException.class)
                .hasMessageContaining("signature");
    }

    @Test
    void theForgedTokensAreEachRefusedForTheirOneFault() {
        assertThatThrownBy(() -> claims(TestTokens.withoutAudience("reader"))).isInstanceOf(InvalidJwtException.class)
                .hasMessageContaining("Audience");
        assertThatThrownBy(() -> claims(TestTokens.forAudience("other-system", "reader"))).isInstanceOf(InvalidJwtException.class)
                .hasMessageContaining("Audience");
        assertThatThrownBy(() -> claims(TestTokens.unsigned("reader"))).isInstanceOf(InvalidJwtException.class);
        assertThat(new String(java.util.Base64.getUrlDecoder().decode(
                TestTokens.unsigned("reader").split("\\.")[0]), java.nio.charset.StandardCharsets.UTF_8)).contains("\"alg\":\"none\"");
    }

    private static JwtClaims claims(String token) throws InvalidJwtException {
        JwtConsumer consumer = new JwtConsumerBuilder()
                .setVerificationKey(PUBLIC_KEY)
                .setExpectedIssuer(TestTokens.ISSUER)
                .setExpectedAudience(true, Tokens.AUDIENCE)
                .setRequireExpirationTime()
                .setRequireIssuedAt()
                .setRequireJwtId()
                .build();
        return consumer.processToClaims(token);
    }
}
