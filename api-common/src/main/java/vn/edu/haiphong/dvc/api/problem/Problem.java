package vn.edu.haiphong.dvc.api.problem;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;


/** An RFC 9457 problem details body, with the list of failing fields. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Problem", description = "RFC 9457 problem details; `errors` names every failing field (and its batch index or CSV row).")
public record Problem(
        @Schema(examples = "https://dvc.haiphong.edu.vn/problems/validation") String type,
        @Schema(examples = "Invalid request") String title,
        @Schema(examples = "422") int status,
        @Schema(examples = "1 field breaks the contract: [0] occurredAt is required") String detail,
        @Schema(examples = "/api/v1/dossier-events") String instance,
        List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    static final String TYPE_BASE = "https://dvc.haiphong.edu.vn/problems/";
}
