package vn.edu.haiphong.dvc.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

/** What an operator checks of every service: readiness on its database and Kafka, and its metrics. */
public final class ServiceChecks {

    private ServiceChecks() {
    }

    public static void assertReadyOnDatabaseAndKafka() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database connections health check", "Kafka connection health check"));
    }

    /** @param names Prometheus names, e.g. {@code dvc_outbox_backlog} */
    public static void assertMetricsExported(String... names) {
        var response = given().get("/q/metrics").then().statusCode(200);
        for (String name : names) {
            response.body(containsString(name));
        }
    }
}
