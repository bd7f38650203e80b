package vn.edu.haiphong.dvc.contract;

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
}
