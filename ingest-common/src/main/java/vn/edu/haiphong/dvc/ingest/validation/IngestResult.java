package vn.edu.haiphong.dvc.ingest.validation;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a 202 acknowledges: events newly accepted, and events already accepted earlier with the same content. */
@Schema(name = "IngestResult")
public record IngestResult(
        @Schema(description = "Events newly stored and queued for publishing", examples = "2") int accepted,
        @Schema(description = "Events already accepted before with the same content: acknowledged, nothing changed", examples = "0") int duplicates) {
}
