package vn.edu.haiphong.dvc.payment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.containsString;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The skeleton starts, reports itself live and ready, and serves its OpenAPI document. */
@QuarkusTest
class PaymentServiceSkeletonTest {

    @Test
    void reportsHealthAndServesOpenApi() {
        given().when().get("/q/health").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/openapi?format=json").then().statusCode(200).body(containsString("payment-service"));
    }
}
