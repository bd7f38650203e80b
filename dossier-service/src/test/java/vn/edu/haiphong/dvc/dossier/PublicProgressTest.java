package vn.edu.haiphong.dvc.dossier;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static vn.edu.haiphong.dvc.dossier.Fixtures.post;
import static vn.edu.haiphong.dvc.dossier.Fixtures.unique;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Section 4: anyone can follow a dossier by its code, and learns nothing personal. */
@QuarkusTest
class PublicProgressTest {

    @Test
    void followsADossierFromSubmissionToALateResult() {
        Fixtures.Scope scope = Fixtures.Scope.create();
        String dossier = unique("HS");
        post(scope.event("SUBMITTED", dossier)).statusCode(202);
        given().get("/api/v1/public/dossiers/" + dossier).then().statusCode(200)
                .body("dossierCode", equalTo(dossier))
                .body("procedure.code", equalTo(scope.procedure()))
                .body("procedure.name", equalTo("Thủ tục " + scope.procedure()))
                .body("unit.code", equalTo(scope.unit()))
                .body("stage", equalTo("SUBMITTED"))
                .body("stageName.vi", equalTo("Đã nộp hồ sơ"))
                .body("onTime", nullValue())
                .body(not(containsString("031099001234")))
                .body(not(containsString("applicant")));

        post(scope.event("RECEIVED", dossier)).statusCode(202);
        given().get("/api/v1/public/dossiers/" + dossier).then()
                .body("stage", equalTo("PROCESSING"))
                .body("dueAt", equalTo("2024-03-11T17:00:00+07:00"));

        Map<String, Object> late = scope.event("RESULT_ISSUED", dossier);
        late.put("occurredAt", "2024-03-12T09:00:00+07:00");
        post(late).statusCode(202);
        given().get("/api/v1/public/dossiers/" + dossier).then()
                .body("stage", equalTo("RESULT_ISSUED"))
                .body("stageName.en", equalTo("Result issued"))
                .body("onTime", equalTo(false));

        post(scope.event("WITHDRAWN", dossier)).statusCode(202);
        given().get("/api/v1/public/dossiers/" + dossier).then().body("stage", equalTo("WITHDRAWN"));
    }

    @Test
    void anUnknownCodeIsNotFound() {
        given().get("/api/v1/public/dossiers/" + unique("NONE")).then().statusCode(404)
                .contentType("application/problem+json").body("status", equalTo(404));
    }
}
