package vn.edu.haiphong.dvc.api.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.lang.reflect.Proxy;
import java.net.URI;
import java.util.List;

import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/** The problem+json answers a client gets, built by the mapper outside the framework. */
class ProblemMapperTest {

    enum Channel { ONLINE, IN_PERSON }

    record Submitted(Channel channel, Integer rating) {
    }

    private final ProblemMapper mapper = new ProblemMapper();
    private final UriInfo uri = requestTo("/api/v1/dossier-events");

    @Test
    void aRefusalIsProblemJsonWithItsTypeUriTheRequestPathAndTheFailingFields() {
        Response response = mapper.problem(ProblemException.invalid(List.of(FieldError.at(0, "rating", "is required"))), uri);

        assertThat(response.getStatus()).isEqualTo(422);
        assertThat(response.getMediaType()).hasToString("application/problem+json");
        assertThat(response.getEntity()).isEqualTo(new Problem("https://dvc.haiphong.edu.vn/problems/validation",
                "Invalid request", 422, "1 field breaks the contract: [0] rating is required", "/api/v1/dossier-events",
                List.of(FieldError.at(0, "rating", "is required"))));
    }

    @Test
    void aRefusalWithoutFieldsHasNoErrorsList() {
        Problem body = (Problem) mapper.problem(ProblemException.notFound("No unit with code 'X'"), requestTo("/api/v1/units/X"))
                .getEntity();

        assertThat(body.errors()).isNull();
        assertThat(body.type()).isEqualTo("https://dvc.haiphong.edu.vn/problems/not-found");
        assertThat(body.instance()).isEqualTo("/api/v1/units/X");
    }

    @Test
    void anUnknownEnumValueNamesTheFieldAndTheValuesAllowed() {
        MismatchedInputException e = catchThrowableOfType(MismatchedInputException.class,
                () -> new ObjectMapper().readValue("{\"channel\":\"FAX\"}", Submitted.class));

        Response response = mapper.mismatchedInput(e, uri);

        assertThat(response.getStatus()).isEqualTo(422);
        assertThat(((Problem) response.getEntity()).errors())
                .containsExactly(FieldError.of("channel", "must be one of [ONLINE, IN_PERSON]"));
    }

    @Test
    void aValueOfTheWrongJsonTypeNamesTheField() {
        MismatchedInputException e = catchThrowableOfType(MismatchedInputException.class,
                () -> new ObjectMapper().readValue("{\"rating\":[5]}", Submitted.class));

        Problem body = (Problem) mapper.mismatchedInput(e, uri).getEntity();

        assertThat(body.detail()).isEqualTo("rating has the wrong JSON type");
        assertThat(body.errors()).containsExactly(FieldError.of("rating", "has the wrong JSON type"));
    }

    @Test
    void aBodyThatIsNotJsonIs400WithoutEchoingTheParser() {
        JsonParseException e = catchThrowableOfType(JsonParseException.class,
                () -> new ObjectMapper().readTree("{not json"));

        Response response = mapper.notJson(e, uri);

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(((Problem) response.getEntity()).detail()).isEqualTo("The body is not valid JSON");
    }

    @Test
    void whatTheFrameworkRefusesKeepsItsStatusAndHeaders() {
        Response response = mapper.webApplication(new NotAllowedException("GET", new String[] { "PUT" }), uri);

        assertThat(response.getStatus()).isEqualTo(405);
        assertThat(response.getHeaderString("Allow")).contains("GET").contains("PUT");
        assertThat(response.getMediaType()).hasToString("application/problem+json");
        assertThat(((Problem) response.getEntity()).type()).isEqualTo("https://dvc.haiphong.edu.vn/problems/http-405");
    }

    @Test
    void noTokenIs401AskingForABearerToken() {
        Response response = mapper.unauthorized(new UnauthorizedException(), uri);

        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getHeaderString("WWW-Authenticate")).isEqualTo("Bearer");
        assertThat(((Problem) response.getEntity()).detail())
                .isEqualTo("A valid bearer token is required (Authorization: Bearer ...)");
    }

    @Test
    void aTokenWithoutTheRoleIs403() {
        Response response = mapper.forbidden(new ForbiddenException(), uri);

        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(((Problem) response.getEntity()).detail()).isEqualTo("The token's groups do not grant this operation");
    }

    private static UriInfo requestTo(String path) {
        return (UriInfo) Proxy.newProxyInstance(UriInfo.class.getClassLoader(), new Class<?>[] { UriInfo.class },
                (proxy, method, args) -> {
                    if (!method.getName().equals("getRequestUri")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    return URI.create("http://localhost:8081" + path);
                });
    }
}
