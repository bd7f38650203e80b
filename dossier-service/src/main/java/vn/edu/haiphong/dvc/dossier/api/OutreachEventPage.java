package vn.edu.haiphong.dvc.dossier.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.databind.JsonNode;

import vn.edu.haiphong.dvc.contract.OutreachEvent;

/** r2: one page of a scope's outreach events of a period, newest first (section 8). */
@Schema(name = "OutreachEventPage")
public record OutreachEventPage(
        @Schema(description = "From 0", examples = "0") int page,
        @Schema(description = "1-500", examples = "50") int size,
        @Schema(description = "Events in scope and period, all pages", examples = "52") long total,
        @Schema(description = "Each event as posted", implementation = OutreachEvent.class, type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY)
        List<JsonNode> items) {
}
