package vn.edu.haiphong.dvc.dossier;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static vn.edu.haiphong.dvc.dossier.Fixtures.post;
import static vn.edu.haiphong.dvc.dossier.Fixtures.unique;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

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
    void showsTheWaitForTheApplicantsSupplementAndTheNewAppointmentInOrder() {
        Fixtures.Scope scope = Fixtures.Scope.create();
        String dossier = unique("HS");
        post(scope.event("SUBMITTED", dossier, "2024-03-04T08:15:00+07:00")).statusCode(202);
        post(scope.event("RECEIVED", dossier, "2024-03-04T09:00:00+07:00")).statusCode(202);
        post(scope.event("SUPPLEMENT_REQUESTED", dossier, "2024-03-05T10:00:00+07:00")).statusCode(202);
        progress(dossier)
                .body("stage", equalTo("WAITING_FOR_SUPPLEMENT"))
                .body("stageName.vi", equalTo("Chờ bổ sung hồ sơ"))
                .body("stageName.en", equalTo("Waiting for the applicant's supplement"))
                .body("dueAt", equalTo("2024-03-11T17:00:00+07:00"))
                .body(not(containsString("031099001234")));

        post(answer(scope, dossier, "2024-03-07T14:00:00+07:00", "2024-03-15T17:00:00+07:00")).statusCode(202);
        progress(dossier).body("stage", equalTo("PROCESSING")).body("dueAt", equalTo("2024-03-15T17:00:00+07:00"));

        post(scope.event("SUPPLEMENT_REQUESTED", dossier, "2024-03-08T10:00:00+07:00")).statusCode(202);
        progress(dossier).body("stage", equalTo("WAITING_FOR_SUPPLEMENT")).body("dueAt", equalTo("2024-03-15T17:00:00+07:00"));

        // Answered without a new appointment: the last one holds.
        post(scope.event("SUPPLEMENT_RECEIVED", dossier, "2024-03-09T08:00:00+07:00")).statusCode(202);
        progress(dossier).body("stage", equalTo("PROCESSING")).body("dueAt", equalTo("2024-03-15T17:00:00+07:00"));

        // Late for the first appointment, on time for the current one.
        post(scope.event("RESULT_ISSUED", dossier, "2024-03-13T10:00:00+07:00")).statusCode(202);
        progress(dossier).body("stage", equalTo("RESULT_ISSUED")).body("onTime", equalTo(true));
    }

    @Test
    void anAnswerThatArrivesBeforeItsRequestLeavesNothingWaiting() {
        Fixtures.Scope scope = Fixtures.Scope.create();
        String dossier = unique("HS");
        post(answer(scope, dossier, "2024-03-07T14:00:00+07:00", "2024-03-15T17:00:00+07:00")).statusCode(202);
        progress(dossier).body("stage", equalTo("SUBMITTED")).body("dueAt", equalTo("2024-03-15T17:00:00+07:00"));
        post(scope.event("SUPPLEMENT_REQUESTED", dossier, "2024-03-05T10:00:00+07:00")).statusCode(202);
        post(scope.event("RECEIVED", dossier, "2024-03-04T09:00:00+07:00")).statusCode(202);
        progress(dossier)
                .body("stage", equalTo("PROCESSING"))
                .body("receivedAt", equalTo("2024-03-04T09:00:00+07:00"))
                .body("dueAt", equalTo("2024-03-15T17:00:00+07:00"));
        post(scope.event("RESULT_ISSUED", dossier, "2024-03-14T10:00:00+07:00")).statusCode(202);
        progress(dossier).body("onTime", equalTo(true));
    }

    @Test
    void aLaterAppointmentThatArrivesFirstIsKept() {
        Fixtures.Scope scope = Fixtures.Scope.create();
        String dossier = unique("HS");
        post(answer(scope, dossier, "2024-03-12T09:00:00+07:00", "2024-03-22T17:00:00+07:00")).statusCode(202);
        post(answer(scope, dossier, "2024-03-07T14:00:00+07:00", "2024-03-15T17:00:00+07:00")).statusCode(202);
        post(scope.event("RECEIVED", dossier, "2024-03-04T09:00:00+07:00")).statusCode(202);
        // The request between the two answers arrives last, and is answered by the later one.
        post(scope.event("SUPPLEMENT_REQUESTED", dossier, "2024-03-10T10:00:00+07:00")).statusCode(202);
        progress(dossier).body("stage", equalTo("PROCESSING")).body("dueAt", equalTo("2024-03-22T17:00:00+07:00"));
        post(scope.event("RESULT_ISSUED", dossier, "2024-03-20T10:00:00+07:00")).statusCode(202);
        progress(dossier).body("onTime", equalTo(true));
    }

    @Test
    void aRequestAfterTheLatestAnswerWaitsWhateverTheOrderOfArrival() {
        Fixtures.Scope scope = Fixtures.Scope.create();
        String dossier = unique("HS");
        post(scope.event("SUPPLEMENT_REQUESTED", dossier, "2024-03-08T10:00:00+07:00")).statusCode(202);
        post(answer(scope, dossier, "2024-03-07T14:00:00+07:00", "2024-03-15T17:00:00+07:00")).statusCode(202);
        post(scope.event("SUPPLEMENT_REQUESTED", dossier, "2024-03-05T10:00:00+07:00")).statusCode(202);
        post(scope.event("RECEIVED", dossier, "2024-03-04T09:00:00+07:00")).statusCode(202);
        progress(dossier).body("stage", equalTo("WAITING_FOR_SUPPLEMENT")).body("dueAt", equalTo("2024-03-15T17:00:00+07:00"));
        post(scope.event("WITHDRAWN", dossier, "2024-03-09T10:00:00+07:00")).statusCode(202);
        progress(dossier).body("stage", equalTo("WITHDRAWN"));
    }

    @Test
    void onATieARequestSortsBeforeItsAnswerAndAnAppointmentGoesToTheGreaterEventId() {
        Fixtures.Scope scope = Fixtures.Scope.create();
        for (boolean answerFirst : new boolean[] { true, false }) {
            String dossier = unique("HS");
            Map<String, Object> request = scope.event("SUPPLEMENT_REQUESTED", dossier, "2024-03-05T10:00:00+07:00");
            // The same instant, written on another clock.
            Map<String, Object> answer = answer(scope, dossier, "2024-03-05T03:00:00Z", "2024-03-15T17:00:00+07:00");
            Map<String, Object> tiedAnswer = answer(scope, dossier, "2024-03-05T10:00:00+07:00", "2024-03-18T17:00:00+07:00");
            answer.put("eventId", dossier + "-answer-b");
            tiedAnswer.put("eventId", dossier + "-answer-a");
            List<Map<String, Object>> arrivals = answerFirst ? List.of(answer, tiedAnswer, request) : List.of(request, tiedAnswer, answer);
            post(scope.event("RECEIVED", dossier, "2024-03-04T09:00:00+07:00")).statusCode(202);
            for (Map<String, Object> e : arrivals) {
                post(e).statusCode(202);
            }
            progress(dossier).body("stage", equalTo("PROCESSING")).body("dueAt", equalTo("2024-03-15T17:00:00+07:00"));
        }
    }

    private static Map<String, Object> answer(Fixtures.Scope scope, String dossier, String occurredAt, String dueAt) {
        Map<String, Object> e = scope.event("SUPPLEMENT_RECEIVED", dossier, occurredAt);
        e.put("dueAt", dueAt);
        return e;
    }

    private static ValidatableResponse progress(String dossier) {
        return given().get("/api/v1/public/dossiers/" + dossier).then().statusCode(200);
    }

    @Test
    void anUnknownCodeIsNotFound() {
        given().get("/api/v1/public/dossiers/" + unique("NONE")).then().statusCode(404)
                .contentType("application/problem+json").body("status", equalTo(404));
    }
}
