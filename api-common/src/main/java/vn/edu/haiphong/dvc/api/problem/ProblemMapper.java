package vn.edu.haiphong.dvc.api.problem;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * Maps every refusal to {@code application/problem+json}. Only known exceptions are mapped: anything
 * else is a bug and keeps the framework's plain 500, without echoing internals to the client.
 */
public class ProblemMapper {

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(e.status(), e.type(), e.title(), e.detail(), uri, e.errors());
    }

    /** Jackson could not bind a value: a wrong JSON type or an unknown enum value is a 422 naming the field. */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        String field = path(e);
        String message = e.getTargetType() != null && e.getTargetType().isEnum()
                ? "must be one of " + java.util.Arrays.toString(e.getTargetType().getEnumConstants())
                : "has the wrong JSON type";
        return respond(422, "validation", "Invalid request", field + " " + message, uri,
                List.of(FieldError.of(field, message)));
    }

    /** Anything else Jackson refuses means the body is not JSON at all. */
    @ServerExceptionMapper
    public Response notJson(JsonProcessingException e, UriInfo uri) {
        return respond(400, "malformed", "Malformed request body", "The body is not valid JSON", uri, List.of());
    }

    /**
     * What the framework itself refuses (an unreadable body, an unknown path, a wrong method or media
     * type) keeps its status and headers, with a problem body instead of an empty one.
     */
    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        Response original = e.getResponse();
        int status = original.getStatus();
        boolean unreadable = status == 400 && hasCause(e, JsonProcessingException.class);
        String title = unreadable ? "Malformed request body" : original.getStatusInfo().getReasonPhrase();
        String detail = unreadable ? "The body is not valid JSON" : title;
        Response.ResponseBuilder builder = Response.fromResponse(
                respond(status, unreadable ? "malformed" : "http-" + status, title, detail, uri, List.of()));
        original.getHeaders().forEach((name, values) -> {
            if (!HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name) && !HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase(name)) {
                values.forEach(value -> builder.header(name, value));
            }
        });
        return builder.build();
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            errors.add(FieldError.of(leaf(violation.getPropertyPath().toString()), violation.getMessage()));
        }
        errors.sort(Comparator.comparing(FieldError::field));
        ProblemException problem = ProblemException.invalid(errors);
        return problem(problem, uri);
    }

    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class })
    public Response unauthorized(RuntimeException e, UriInfo uri) {
        return Response.fromResponse(respond(401, "unauthorized", "Unauthorized",
                "A valid bearer token is required (Authorization: Bearer ...)", uri, List.of()))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(403, "forbidden", "Forbidden", "The token's groups do not grant this operation", uri, List.of());
    }

    private static Response respond(int status, String type, String title, String detail, UriInfo uri,
            List<FieldError> errors) {
        Problem body = new Problem(Problem.TYPE_BASE + type, title, status, detail,
                uri == null ? null : uri.getRequestUri().getPath(), errors.isEmpty() ? null : errors);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(body).build();
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    /** "put.body.name" (method, parameter, property) becomes "name". */
    private static String leaf(String propertyPath) {
        String[] parts = propertyPath.split("\\.");
        return parts.length > 2 ? String.join(".", java.util.Arrays.copyOfRange(parts, 2, parts.length))
                : parts[parts.length - 1];
    }
}
