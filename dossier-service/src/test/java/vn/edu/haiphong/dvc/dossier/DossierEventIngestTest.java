package vn.edu.haiphong.dvc.dossier;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static vn.edu.haiphong.dvc.dossier.Fixtures.asIngest;
import static vn.edu.haiphong.dvc.dossier.Fixtures.post;
import static vn.edu.haiphong.dvc.dossier.Fixtures.unique;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import vn.edu.haiphong.dvc.testing.TestTokens;

/** Section 2 of the contract, rule by rule, as the one-stop office system sees the answers. */
@QuarkusTest
class DossierEventIngestTest {

    private Fixtures.Scope scope;

    @BeforeEach
    void registerReferenceData() {
        scope = Fixtures.Scope.create();
    }

    @Test
    void acceptsAValidEventAndAcknowledgesItsRepetitionAsADuplicate() {
        Map<String, Object> submitted = scope.event("SUBMITTED", unique("HS"));
        post(submitted).statusCode(202).contentType(ContentType.JSON)
                .body("accepted", equalTo(1)).body("duplicates", equalTo(0));
        post(submitted).statusCode(202).body("accepted", equalTo(0)).body("duplicates", equalTo(1));
    }

    @Test
    void refusesTheSameEventIdWithOtherContent() {
        Map<String, Object> submitted = scope.event("SUBMITTED", unique("HS"));
        post(submitted).statusCode(202);
        submitted.put("channel", "IN_PERSON");
        submitted.put("fullyOnline", false);
        post(submitted).statusCode(409).contentType("application/problem+json")
                .body("status", equalTo(409))
                .body("errors[0].field", equalTo("eventId"))
                .body("errors[0].message", containsString("different content"));
    }

    @Test
    void refusesASecondEventOfTheSameTypeButAcceptsSeveralRatings() {
        String dossier = unique("HS");
        post(scope.event("SUBMITTED", dossier)).statusCode(202);
        post(scope.event("SUBMITTED", dossier)).statusCode(409)
                .body("errors[0].field", equalTo("type"))
                .body("errors[0].message", containsString("already has a SUBMITTED event"));
        post(scope.event("RATED", dossier)).statusCode(202).body("accepted", equalTo(1));
        Map<String, Object> secondRating = scope.event("RATED", dossier);
        secondRating.put("rating", 2);
        post(secondRating).statusCode(202).body("accepted", equalTo(1));
    }

    @Test
    void aDossierKeepsTheProcedureAndUnitOfItsFirstEvent() {
        String dossier = unique("HS");
        post(scope.event("RECEIVED", dossier)).statusCode(202);
        Fixtures.Scope other = Fixtures.Scope.create();
        Map<String, Object> elsewhere = other.event("SUBMITTED", dossier);
        post(elsewhere).statusCode(409)
                .body("errors.field", hasItems("procedureCode", "unitCode"));
    }

    @Test
    void acceptsEventsOfADossierInAnyOrder() {
        String dossier = unique("HS");
        post(scope.event("RATED", dossier)).statusCode(202);
        post(scope.event("RESULT_SYNCED", dossier)).statusCode(202);
        post(scope.event("RESULT_ISSUED", dossier)).statusCode(202);
        post(scope.event("SUBMITTED", dossier)).statusCode(202);
        post(scope.event("RECEIVED", dossier)).statusCode(202);
        given().get("/api/v1/public/dossiers/" + dossier).then().statusCode(200)
                .body("stage", equalTo("RESULT_ISSUED"))
                .body("onTime", equalTo(true));
    }

    @Test
    void aBatchIsAcceptedWholeWithItsDuplicatesCounted() {
        String dossier = unique("HS");
        Map<String, Object> submitted = scope.event("SUBMITTED", dossier);
        List<Map<String, Object>> batch = List.of(submitted, scope.event("RECEIVED", dossier),
                scope.event("DOSSIER_DIGITIZED", dossier), submitted);
        post(batch).statusCode(202).body("accepted", equalTo(3)).body("duplicates", equalTo(1));
        post(batch).statusCode(202).body("accepted", equalTo(0)).body("duplicates", equalTo(4));
    }

    @Test
    void aBatchWithOneBadEventIsRefusedWholeNamingItsIndex() {
        String dossier = unique("HS");
        Map<String, Object> good = scope.event("SUBMITTED", dossier);
        Map<String, Object> bad = scope.event("RATED", dossier);
        bad.put("rating", 6);
        post(List.of(good, bad)).statusCode(422).contentType("application/problem+json")
                .body("errors", hasSize(1))
                .body("errors[0].index", equalTo(1))
                .body("errors[0].field", equalTo("rating"));
        // Nothing of the batch was stored: the dossier is unknown and the good event is new.
        given().get("/api/v1/public/dossiers/" + dossier).then().statusCode(404);
        post(good).statusCode(202).body("accepted", equalTo(1));
    }

    @Test
    void aBatchWithAConflictIsRefusedWhole() {
        String dossier = unique("HS");
        post(scope.event("SUBMITTED", dossier)).statusCode(202);
        String other = unique("HS");
        post(List.of(scope.event("SUBMITTED", other), scope.event("SUBMITTED", dossier))).statusCode(409)
                .body("errors[0].index", equalTo(1));
        given().get("/api/v1/public/dossiers/" + other).then().statusCode(404);
    }

    @Test
    void namesEveryFailingFieldOfEveryEvent() {
        Map<String, Object> first = scope.event("SUBMITTED", unique("HS"));
        first.put("eventId", "has spaces!");
        first.put("occurredAt", "2024-03-04 08:15");
        first.put("channel", "FAX");
        first.put("fullyOnline", "yes");
        ((Map<String, Object>) first.get("applicant")).remove("adult");
        Map<String, Object> second = scope.event("RECEIVED", unique("HS"));
        second.remove("dueAt");
        second.put("dossierCode", 42);
        post(List.of(first, second)).statusCode(422)
                .body("errors.findAll { it.index == 0 }.field",
                        hasItems("eventId", "occurredAt", "channel", "fullyOnline", "applicant.adult"))
                .body("errors.findAll { it.index == 1 }.field", hasItems("dueAt", "dossierCode"));
    }

    @Test
    void appliesTheRulesOfEachType() {
        Map<String, Object> inPersonFullyOnline = scope.event("SUBMITTED", unique("HS"));
        inPersonFullyOnline.put("channel", "IN_PERSON");
        post(inPersonFullyOnline).statusCode(422).body("errors[0].field", equalTo("fullyOnline"));

        Map<String, Object> noApplicant = scope.event("SUBMITTED", unique("HS"));
        noApplicant.remove("applicant");
        post(noApplicant).statusCode(422).body("errors[0].field", equalTo("applicant"));

        Map<String, Object> organization = scope.event("SUBMITTED", unique("HS"));
        organization.put("applicant", Map.of("kind", "ORGANIZATION", "id", "0201234567"));
        post(organization).statusCode(202);

        Map<String, Object> dueBeforeReceipt = scope.event("RECEIVED", unique("HS"));
        dueBeforeReceipt.put("dueAt", "2024-03-01T08:00:00+07:00");
        post(dueBeforeReceipt).statusCode(422).body("errors[0].field", equalTo("dueAt"));

        Map<String, Object> noOutcome = scope.event("RESULT_ISSUED", unique("HS"));
        noOutcome.remove("outcome");
        post(noOutcome).statusCode(422).body("errors[0].field", equalTo("outcome"));

        Map<String, Object> fractionalRating = scope.event("RATED", unique("HS"));
        fractionalRating.put("rating", 4.5);
        post(fractionalRating).statusCode(422).body("errors[0].field", equalTo("rating"));

        Map<String, Object> unknownType = scope.event("WITHDRAWN", unique("HS"));
        unknownType.put("type", "ARCHIVED");
        post(unknownType).statusCode(422).body("errors[0].field", equalTo("type"))
                .body("errors[0].message", containsString("SUBMITTED"));
    }

    @Test
    void checksTimesAgainstTheContractsBounds() {
        Map<String, Object> tooOld = scope.event("WITHDRAWN", unique("HS"));
        tooOld.put("occurredAt", "1999-12-31T23:59:59+07:00");
        post(tooOld).statusCode(422).body("errors[0].field", equalTo("occurredAt"));

        Map<String, Object> future = scope.event("WITHDRAWN", unique("HS"));
        future.put("occurredAt", Fixtures.time(OffsetDateTime.now(Fixtures.VN).plusMinutes(10)));
        post(future).statusCode(422).body("errors[0].field", equalTo("occurredAt"))
                .body("errors[0].message", containsString("future"));

        Map<String, Object> withoutOffset = scope.event("WITHDRAWN", unique("HS"));
        withoutOffset.put("occurredAt", "2024-03-04T08:15:00");
        post(withoutOffset).statusCode(422).body("errors[0].field", equalTo("occurredAt"));

        Map<String, Object> nearlyNow = scope.event("WITHDRAWN", unique("HS"));
        nearlyNow.put("occurredAt", Fixtures.time(OffsetDateTime.now(Fixtures.VN).plusMinutes(2)));
        post(nearlyNow).statusCode(202);
    }

    @Test
    void refusesUnregisteredUnitsAndProcedures() {
        Map<String, Object> event = scope.event("SUBMITTED", unique("HS"));
        event.put("unitCode", "NO-SUCH-UNIT");
        event.put("procedureCode", "9.999999");
        post(event).statusCode(422)
                .body("errors.field", hasItems("unitCode", "procedureCode"))
                .body("errors.message", hasItem(containsString("not a registered unit")));
    }

    @Test
    void ignoresUnknownFields() {
        Map<String, Object> event = scope.event("DOSSIER_DIGITIZED", unique("HS"));
        event.put("scannerModel", "Fujitsu fi-7160");
        post(event).statusCode(202).body("accepted", equalTo(1));
    }

    @Test
    void answersBodiesThatAreNotEventsWithAClearProblem() {
        asIngest().contentType(ContentType.JSON).body("{ not json").post("/api/v1/dossier-events").then()
                .statusCode(400).contentType("application/problem+json").body("title", equalTo("Malformed request body"));
        asIngest().contentType(ContentType.JSON).body("\"SUBMITTED\"").post("/api/v1/dossier-events").then()
                .statusCode(422).body("errors[0].field", equalTo("body"));
        asIngest().contentType(ContentType.JSON).body("[]").post("/api/v1/dossier-events").then()
                .statusCode(422).body("errors[0].field", equalTo("body"));
        asIngest().contentType(ContentType.JSON).body("[1]").post("/api/v1/dossier-events").then()
                .statusCode(422).body("errors[0].index", equalTo(0)).body("errors[0].field", equalTo("event"));
    }

    @Test
    void refusesABatchOfMoreThanAThousandEventsWhole() {
        List<Map<String, Object>> batch = new ArrayList<>();
        for (int i = 0; i < 1_001; i++) {
            batch.add(scope.event("SUBMITTED", unique("HS")));
        }
        post(batch).statusCode(413).contentType("application/problem+json").body("detail", containsString("1000"));
        post(batch.subList(0, 1_000)).statusCode(202).body("accepted", equalTo(1_000));
    }

    @Test
    void refusesABodyOverTheSizeLimitBeforeReadingIt() throws Exception {
        // Announced with Expect: 100-continue, as a well-behaved client sends a large body: the server
        // answers 413 on the announced length alone.
        byte[] huge = ("[" + "\"x\",".repeat(1_500_000) + "\"x\"]").getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port + "/api/v1/dossier-events"))
                .header("Authorization", "Bearer " + TestTokens.ingest())
                .header("Content-Type", "application/json")
                .expectContinue(true)
                .POST(HttpRequest.BodyPublishers.ofByteArray(huge))
                .build();
        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(413);
    }

    @Test
    void neverEchoesTheApplicantIdInAnError() {
        Map<String, Object> event = scope.event("SUBMITTED", unique("HS"));
        ((Map<String, Object>) event.get("applicant")).put("adult", "031099001234");
        post(event).statusCode(422).body(not(containsString("031099001234")));
    }
}
