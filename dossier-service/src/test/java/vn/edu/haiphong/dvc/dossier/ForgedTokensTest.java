package vn.edu.haiphong.dvc.dossier;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import vn.edu.haiphong.dvc.testing.TestTokens;

/**
 * r2 (issue 15): a forged or unfit token is refused before anything is read or stored: the same valid requests that a
 * good token gets 201 and 202 for leave no unit, no dossier, no event and no outbox message behind.
 */
@QuarkusTest
class ForgedTokensTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aForgedOrUnfitTokenStoresAndPublishesNothing() throws SQLException {
        Fixtures.Scope scope = Fixtures.Scope.create();
        Map<String, String> forged = new LinkedHashMap<>();
        forged.put("alg none", TestTokens.unsigned(TestTokens.INGEST, TestTokens.ADMIN));
        forged.put("another key", TestTokens.signedByOtherKey(TestTokens.INGEST, TestTokens.ADMIN));
        forged.put("expired", TestTokens.expired(TestTokens.INGEST, TestTokens.ADMIN));
        forged.put("not yet valid", TestTokens.notYetValid(TestTokens.INGEST, TestTokens.ADMIN));
        forged.put("no audience", TestTokens.withoutAudience(TestTokens.INGEST, TestTokens.ADMIN));
        forged.put("another audience", TestTokens.forAudience("elsewhere", TestTokens.INGEST, TestTokens.ADMIN));
        forged.put("no groups", TestTokens.withoutGroups());

        for (Map.Entry<String, String> token : forged.entrySet()) {
            String dossier = Fixtures.unique("FORGED-HS");
            String unit = Fixtures.unique("FORGED-U");
            int expected = token.getKey().equals("no groups") ? 403 : 401;
            given().auth().oauth2(token.getValue()).contentType(ContentType.JSON).body(List.of(scope.event("SUBMITTED", dossier)))
                    .post("/api/v1/dossier-events").then().statusCode(expected).body("status", equalTo(expected));
            given().auth().oauth2(token.getValue()).contentType(ContentType.JSON)
                    .body(Map.of("name", "Trường giả", "type", "SCHOOL")).put("/api/v1/units/" + unit)
                    .then().statusCode(expected);
            given().get("/api/v1/public/dossiers/" + dossier).then().statusCode(404);
            Fixtures.asReader().get("/api/v1/units/" + unit).then().statusCode(404);
            assertThat(count("select count(*) from dossier where code = '" + dossier + "'")).as(token.getKey()).isZero();
        }
        assertThat(count("select count(*) from outbox_message where message_key like 'FORGED-%'")).as("outbox messages").isZero();
        assertThat(count("select count(*) from dossier_event where dossier_code like 'FORGED-HS-%'")).as("dossier events").isZero();
        assertThat(count("select count(*) from unit where code like 'FORGED-U-%'")).as("units").isZero();

        // The same requests with a good token are accepted: the refusals above were the tokens'.
        String dossier = Fixtures.unique("FORGED-HS");
        Fixtures.post(List.of(scope.event("SUBMITTED", dossier))).statusCode(202);
        given().get("/api/v1/public/dossiers/" + dossier).then().statusCode(200);
    }

    private long count(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
