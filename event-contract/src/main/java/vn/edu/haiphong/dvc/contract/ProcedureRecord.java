package vn.edu.haiphong.dvc.contract;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The current state of a procedure of the catalogue, published on the compacted {@link Topics#PROCEDURES}
 * topic (key: {@code code}).
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ProcedureRecord(
        String code,
        String name,
        String field,
        boolean eligibleFullyOnline,
        boolean providedFullyOnline,
        boolean integratedNationalPortal,
        boolean feeBearing) {

    /** The names of the required fields this record lacks; empty when complete. */
    public List<String> missingFields() {
        return new Missing().check("code", code).check("name", name).names();
    }
}
