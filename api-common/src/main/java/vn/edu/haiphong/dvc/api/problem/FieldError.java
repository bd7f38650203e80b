package vn.edu.haiphong.dvc.api.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One reason a request was refused: the field (a dotted path such as {@code applicant.adult}), and where
 * the field sits in the request: {@code index} in a JSON batch, {@code row} in a CSV file (the header is
 * row 1).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FieldError(Integer index, Integer row, String field, String message) {

    public static FieldError of(String field, String message) {
        return new FieldError(null, null, field, message);
    }

    public static FieldError at(Integer index, String field, String message) {
        return new FieldError(index, null, field, message);
    }

    public static FieldError inRow(int row, String field, String message) {
        return new FieldError(null, row, field, message);
    }
}
