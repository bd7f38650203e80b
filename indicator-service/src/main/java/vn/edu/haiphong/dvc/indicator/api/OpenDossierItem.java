package vn.edu.haiphong.dvc.indicator.api;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One dossier open now. Exactly one of workingDaysLate (overdue) and workingDaysLeft (the other states) is present. */
@Schema(name = "OpenDossier")
public record OpenDossierItem(
        @Schema(examples = "HS-2024-000123") String dossierCode,
        @Schema(enumeration = { "waiting", "overdue", "due-soon", "on-track" }) String state,
        String procedureCode,
        @Schema(nullable = true, description = "null when the procedure is not (yet) in this service's catalogue") String procedureName,
        String unitCode,
        @Schema(nullable = true, description = "null when the unit is not (yet) in this service's unit tree") String unitName,
        OffsetDateTime receivedAt,
        @Schema(description = "Its current due (CONTRACT section 2), on the department's clock") OffsetDateTime due,
        @Schema(description = "Its SUPPLEMENT_REQUESTED events") int supplementRequests,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "overdue only: the working days d with due day < d <= today") Long workingDaysLate,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "The other states: the working days d with today < d <= due day") Long workingDaysLeft) {
}
