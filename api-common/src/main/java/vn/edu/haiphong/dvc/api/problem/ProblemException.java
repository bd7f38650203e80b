package vn.edu.haiphong.dvc.api.problem;

import java.util.List;

/**
 * A refusal the client can act on, answered as {@code application/problem+json} (RFC 9457). Throwing
 * it rolls back the transaction, so nothing of the request is stored or published.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String type;
    private final String title;
    private final List<FieldError> errors;

    protected ProblemException(int status, String type, String title, String detail, List<FieldError> errors) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    public int status() {
        return status;
    }

    /** Short slug of the problem type; the public URI is built from it. */
    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** 422: JSON that breaks a rule of the contract. */
    public static ProblemException invalid(List<FieldError> errors) {
        String detail = errors.size() == 1
                ? "1 field breaks the contract: " + describe(errors.get(0))
                : errors.size() + " fields break the contract; see errors";
        return new ProblemException(422, "validation", "Invalid request", detail, errors);
    }

    /** 409: valid on its own, but in conflict with what is already stored. */
    public static ProblemException conflict(List<FieldError> errors) {
        String detail = errors.size() == 1
                ? describe(errors.get(0))
                : errors.size() + " conflicts with stored data; see errors";
        return new ProblemException(409, "conflict", "Conflict with stored data", detail, errors);
    }

    /** 403: r2: the token may not act for what the request names (a unit-reporter's events for another unit). */
    public static ProblemException forbidden(List<FieldError> errors) {
        String detail = errors.size() == 1
                ? describe(errors.get(0))
                : errors.size() + " fields name what this token may not act for; see errors";
        return new ProblemException(403, "forbidden", "Forbidden", detail, errors);
    }

    /** 400: the body is not JSON (or not CSV) at all. */
    public static ProblemException malformed(String detail) {
        return new ProblemException(400, "malformed", "Malformed request body", detail, List.of());
    }

    /** 413: the request is larger than the contract allows. */
    public static ProblemException tooLarge(String detail) {
        return new ProblemException(413, "too-large", "Request too large", detail, List.of());
    }

    /** 400: query parameters that cannot be used, each named. */
    public static ProblemException badParameters(List<FieldError> errors) {
        String detail = errors.size() == 1 ? describe(errors.get(0)) : errors.size() + " parameters are wrong; see errors";
        return new ProblemException(400, "bad-parameters", "Bad query parameters", detail, errors);
    }

    /** 503: the answer depends on another service that cannot be reached now; retrying later is safe. */
    public static ProblemException unavailable(String detail) {
        return new ProblemException(503, "unavailable", "Temporarily unavailable", detail, List.of());
    }

    /** 429: the caller (or everyone together) already holds as many of this as the service allows; retry later. */
    public static ProblemException tooMany(String detail) {
        return new ProblemException(429, "too-many", "Too many requests", detail, List.of());
    }

    /** 404: nothing under this code. */
    public static ProblemException notFound(String detail) {
        return new ProblemException(404, "not-found", "Not found", detail, List.of());
    }

    private static String describe(FieldError error) {
        StringBuilder where = new StringBuilder();
        if (error.index() != null) {
            where.append('[').append(error.index()).append("] ");
        }
        if (error.row() != null) {
            where.append("row ").append(error.row()).append(": ");
        }
        return where + (error.field() == null ? "" : error.field() + " ") + error.message();
    }
}
