package vn.edu.haiphong.dvc.indicator;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import vn.edu.haiphong.dvc.indicator.repository.DataVersionRepository;
import vn.edu.haiphong.dvc.testing.TestTokens;

/** The working-day calendar of section 6: the built-in 2024, years never set, a PUT, its refusals and who may do what. */
@QuarkusTest
class CalendarEndpointsTest {

    @Inject
    DataVersionRepository dataVersion;

    @Test
    void twentyTwentyFourIsBuiltInWithTheCivilServicesDaysOff() {
        given().auth().oauth2(TestTokens.reader()).get("/api/v1/calendars/2024").then().statusCode(200)
                .body("year", equalTo(2024)).body("configured", equalTo(true))
                .body("holidays", contains("2024-01-01", "2024-02-08", "2024-02-09", "2024-02-12", "2024-02-13", "2024-02-14",
                        "2024-04-18", "2024-04-29", "2024-04-30", "2024-05-01", "2024-09-02", "2024-09-03"))
                .body("workingWeekendDays", contains("2024-05-04"))
                .body("schoolBreaks", empty());
    }

    @Test
    void aYearNeverSetIsNotConfigured() {
        given().auth().oauth2(TestTokens.admin()).get("/api/v1/calendars/2039").then().statusCode(200)
                .body("year", equalTo(2039)).body("configured", equalTo(false))
                .body("holidays", empty()).body("workingWeekendDays", empty()).body("schoolBreaks", empty());
    }

    @Test
    void anAdministratorSetsAYearAndReadersSeeIt() {
        long before = dataVersion.version();
        String body = """
                { "year": 2041, "holidays": ["2041-09-02", "2041-01-01"], "workingWeekendDays": ["2041-05-04"],
                  "schoolBreaks": [{ "from": "2041-06-01", "to": "2041-08-31", "name": "Nghỉ hè" },
                                   { "from": "2041-01-28", "to": "2041-02-05", "name": "Nghỉ Tết" }], "configured": false }""";
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(body).put("/api/v1/calendars/2041").then()
                .statusCode(201).body("configured", equalTo(true)).body("holidays", contains("2041-01-01", "2041-09-02"));
        assertThat(dataVersion.version()).isGreaterThan(before);
        given().auth().oauth2(TestTokens.reader()).get("/api/v1/calendars/2041").then().statusCode(200)
                .body("configured", equalTo(true))
                .body("holidays", contains("2041-01-01", "2041-09-02"))
                .body("workingWeekendDays", contains("2041-05-04"))
                .body("schoolBreaks.from", contains("2041-01-28", "2041-06-01"))
                .body("schoolBreaks.to", contains("2041-02-05", "2041-08-31"))
                .body("schoolBreaks.name", contains("Nghỉ Tết", "Nghỉ hè"));
        // Again: replaced whole (a list not sent is empty).
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body("{ \"holidays\": [\"2041-04-30\"] }")
                .put("/api/v1/calendars/2041").then().statusCode(200)
                .body("holidays", contains("2041-04-30")).body("workingWeekendDays", empty()).body("schoolBreaks", empty());
    }

    @Test
    void aCalendarThatBreaksARuleIsRefusedWholeWithEachFieldNamed() {
        String body = """
                { "holidays": ["2042-13-01", "2041-05-01", "2042-01-01", "2042-01-01"],
                  "workingWeekendDays": ["2043-01-03"],
                  "schoolBreaks": [{ "from": "2042-08-31", "to": "2042-06-01", "name": "Nghỉ hè" },
                                   { "from": "2042-06-01", "to": "2043-01-01", "name": "Sai" },
                                   { "from": "2042-02-01", "to": "2042-02-05" },
                                   { "from": "2042-03-01", "to": "2042-03-02", "name": "A" },
                                   { "from": "2042-03-01", "to": "2042-03-02", "name": "B" }] }""";
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(body).put("/api/v1/calendars/2042").then()
                .statusCode(422).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("holidays[0]", "holidays[1]", "holidays[3]", "workingWeekendDays[0]",
                        "schoolBreaks[0].to", "schoolBreaks[1].to", "schoolBreaks[2].name", "schoolBreaks[4]"));
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body("{ \"year\": 2041, \"holidays\": [] }")
                .put("/api/v1/calendars/2042").then().statusCode(422).body("errors.field", contains("year"));
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body("{ \"holidays\": [] }")
                .put("/api/v1/calendars/1999").then().statusCode(422).body("errors.field", contains("year"));
        // Nothing stored.
        given().auth().oauth2(TestTokens.reader()).get("/api/v1/calendars/2042").then().statusCode(200)
                .body("configured", equalTo(false)).body("holidays", empty());
    }

    @Test
    void readersReadAndOnlyAdministratorsSet() {
        given().get("/api/v1/calendars/2024").then().statusCode(401);
        given().auth().oauth2(TestTokens.ingest()).get("/api/v1/calendars/2024").then().statusCode(403);
        given().contentType(ContentType.JSON).body("{}").put("/api/v1/calendars/2043").then().statusCode(401);
        given().auth().oauth2(TestTokens.reader()).contentType(ContentType.JSON).body("{ \"holidays\": [] }")
                .put("/api/v1/calendars/2043").then().statusCode(403);
        given().auth().oauth2(TestTokens.reader()).get("/api/v1/calendars/2043").then().body("configured", equalTo(false));
    }
}
