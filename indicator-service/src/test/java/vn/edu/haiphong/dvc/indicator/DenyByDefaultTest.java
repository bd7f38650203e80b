package vn.edu.haiphong.dvc.indicator;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import vn.edu.haiphong.dvc.testing.DenyByDefault;

/** An endpoint without a security annotation, and a path not listed as public, are refused (401, 403). */
@QuarkusTest
class DenyByDefaultTest {

    /** What a future endpoint would be if its author forgot @RolesAllowed: never public by accident. */
    @Path(DenyByDefault.PROBE)
    public static class Unannotated {

        @GET
        @Operation(hidden = true)
        public String get() {
            return "public by accident";
        }
    }

    @Test
    void anUnannotatedEndpointAndAnUnlistedPathAreRefused() {
        DenyByDefault.check();
    }
}
