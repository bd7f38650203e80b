package vn.edu.haiphong.dvc.indicator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.util.Set;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import vn.edu.haiphong.dvc.api.security.Roles;
import vn.edu.haiphong.dvc.infra.Tokens;
import vn.edu.haiphong.dvc.testing.TestTokens;

/**
 * A school's token (CONTRACT section 0): role unit-reporter, its unit in the claim {@value Roles#UNIT_CLAIM}, signed with
 * the test key the service trusts in its test profile ({@link TestTokens} mints tokens with groups only).
 */
final class UnitReporterTokens {

    private static PrivateKey key;

    private UnitReporterTokens() {
    }

    /** A unit-reporter of {@code unit}. */
    static String of(String unit) {
        return sign(claims().claim(Roles.UNIT_CLAIM, unit));
    }

    /** A unit-reporter whose token names no unit. */
    static String withoutUnit() {
        return sign(claims());
    }

    private static JwtClaimsBuilder claims() {
        return Jwt.issuer(TestTokens.ISSUER).subject("test-school").upn("test-school").groups(Set.of(Roles.UNIT_REPORTER))
                .expiresIn(3600);
    }

    private static String sign(JwtClaimsBuilder claims) {
        return claims.jws().algorithm(SignatureAlgorithm.RS256).sign(key());
    }

    private static synchronized PrivateKey key() {
        if (key == null) {
            try (InputStream in = UnitReporterTokens.class.getClassLoader().getResourceAsStream(TestTokens.PRIVATE_KEY_LOCATION)) {
                key = Tokens.privateKeyFromPem(new String(in.readAllBytes(), StandardCharsets.US_ASCII));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return key;
    }
}
