package vn.edu.haiphong.dvc.dossier;

import static io.restassured.RestAssured.given;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import vn.edu.haiphong.dvc.testing.TestTokens;

/** Requests as the one-stop office system and an administrator would send them. */
final class Fixtures {

    static final ZoneOffset VN = ZoneOffset.ofHours(7);

    private Fixtures() {
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static RequestSpecification asAdmin() {
        return given().auth().oauth2(TestTokens.admin());
    }

    static RequestSpecification asIngest() {
        return given().auth().oauth2(TestTokens.ingest());
    }

    static RequestSpecification asReader() {
        return given().auth().oauth2(TestTokens.reader());
    }

    static void unit(String code, String parentCode) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "Đơn vị " + code);
        body.put("type", parentCode == null ? "DEPARTMENT" : "SCHOOL");
        body.put("parentCode", parentCode);
        asAdmin().contentType(ContentType.JSON).body(body).put("/api/v1/units/" + code).then().statusCode(201);
    }

    static void procedure(String code) {
        asAdmin().contentType(ContentType.JSON).body(Map.of("name", "Thủ tục " + code, "field", "Giáo dục trung học",
                "eligibleFullyOnline", true, "providedFullyOnline", true, "integratedNationalPortal", true, "feeBearing", false))
                .put("/api/v1/procedures/" + code).then().statusCode(201);
    }

    /** A registered unit and procedure to file dossiers against. */
    record Scope(String unit, String procedure) {
        static Scope create() {
            Scope scope = new Scope(unique("U"), unique("P"));
            Fixtures.unit(scope.unit, null);
            Fixtures.procedure(scope.procedure);
            return scope;
        }

        /** An event of the type at the given time (ISO-8601 with an offset), with what the type needs. */
        Map<String, Object> event(String type, String dossierCode, String occurredAt) {
            Map<String, Object> e = event(type, dossierCode);
            e.put("occurredAt", occurredAt);
            return e;
        }

        Map<String, Object> event(String type, String dossierCode) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("eventId", unique("ev"));
            e.put("type", type);
            e.put("occurredAt", time(OffsetDateTime.of(2024, 3, 4, 8, 15, 0, 0, VN)));
            e.put("dossierCode", dossierCode);
            e.put("procedureCode", procedure);
            e.put("unitCode", unit);
            switch (type) {
                case "SUBMITTED" -> {
                    e.put("channel", "ONLINE");
                    e.put("fullyOnline", true);
                    e.put("applicant", new LinkedHashMap<>(Map.of("kind", "CITIZEN", "id", "031099001234", "adult", true, "vneid", true)));
                }
                case "RECEIVED" -> e.put("dueAt", time(OffsetDateTime.of(2024, 3, 11, 17, 0, 0, 0, VN)));
                case "RESULT_ISSUED" -> e.put("outcome", "APPROVED");
                case "RATED" -> e.put("rating", 5);
                default -> {
                }
            }
            return e;
        }
    }

    static String time(OffsetDateTime t) {
        return t.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    static ValidatableResponse post(Object body) {
        return asIngest().contentType(ContentType.JSON).body(body).post("/api/v1/dossier-events").then();
    }

    static ValidatableResponse postBatch(List<?> events) {
        return post(events);
    }
}
