package vn.edu.haiphong.dvc.payment;

import static vn.edu.haiphong.dvc.testing.RoleMatrix.Endpoint.get;
import static vn.edu.haiphong.dvc.testing.RoleMatrix.Endpoint.send;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import io.quarkus.test.junit.QuarkusTest;
import vn.edu.haiphong.dvc.testing.RoleMatrix;

/** Section 0: who may call what. */
@QuarkusTest
class SecurityTest {

    static final List<RoleMatrix.Endpoint> ENDPOINTS = List.of(
            send("POST", "/api/v1/payment-events", "application/json", "[]", "ingest"),
            get("/api/v1/payments?dossierCode=HS-1", "reader", "admin"),
            get("/api/v1/payments/summary", "reader", "admin"));

    @TestFactory
    Stream<DynamicTest> everyEndpointGrantsExactlyTheContractsRoles() {
        return RoleMatrix.of(ENDPOINTS);
    }
}
