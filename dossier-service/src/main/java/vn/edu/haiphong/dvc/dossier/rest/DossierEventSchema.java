package vn.edu.haiphong.dvc.dossier.rest;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import vn.edu.haiphong.dvc.contract.ApplicantKind;
import vn.edu.haiphong.dvc.contract.Channel;
import vn.edu.haiphong.dvc.contract.DossierEventType;
import vn.edu.haiphong.dvc.contract.Outcome;

/**
 * The shape of a dossier event in a request body, for the OpenAPI document only: clients generated from the document
 * send it. The resource reads the body as JSON and {@code DossierEventValidator} applies the contract's rules (which
 * fields each type needs, the ranges, the cross-field checks); this record is never instantiated.
 */
@Schema(name = "DossierEvent", description = "A dossier lifecycle event. Which of the optional fields a type needs: "
        + "SUBMITTED channel, fullyOnline, applicant; RECEIVED dueAt; RESULT_ISSUED outcome; RATED rating; "
        + "SUPPLEMENT_RECEIVED may carry dueAt (the new appointment); DOSSIER_DIGITIZED, RESULT_DIGITIZED, RESULT_SYNCED, "
        + "WITHDRAWN and SUPPLEMENT_REQUESTED nothing more. A field a type does not take is ignored, as are unknown extra fields. "
        + "A dossier has at most one event of each type, except RATED, SUPPLEMENT_REQUESTED and SUPPLEMENT_RECEIVED "
        + "(any number of each).")
record DossierEventSchema(
        @Schema(required = true, description = "The idempotency key: 1-64 characters of A-Z a-z 0-9 . _ : -",
                pattern = "^[A-Za-z0-9._:-]{1,64}$", examples = "motcua-2024-000123-submitted") String eventId,
        @Schema(required = true, description = "SUPPLEMENT_REQUESTED: the office asks the applicant to complete the dossier "
                + "(yêu cầu bổ sung); SUPPLEMENT_RECEIVED: the applicant has completed it") DossierEventType type,
        @Schema(required = true, description = "ISO-8601 with an offset; not before 2000-01-01, not more than 5 minutes in the future",
                examples = "2024-03-04T08:15:00+07:00") OffsetDateTime occurredAt,
        @Schema(required = true, description = "The dossier's code (mã hồ sơ)", minLength = 1, maxLength = 64,
                examples = "HS-2024-000123") String dossierCode,
        @Schema(required = true, description = "A registered procedure", minLength = 1, maxLength = 64, examples = "1.005090")
        String procedureCode,
        @Schema(required = true, description = "A registered unit: the unit that receives the dossier", minLength = 1,
                maxLength = 64, examples = "SGDDT") String unitCode,
        @Schema(description = "SUBMITTED: required") Channel channel,
        @Schema(description = "SUBMITTED: required; true only with channel ONLINE") Boolean fullyOnline,
        @Schema(description = "SUBMITTED: required") Applicant applicant,
        @Schema(description = "RECEIVED: required; SUPPLEMENT_RECEIVED: optional, the new appointment. Not before occurredAt. "
                + "The dossier's due is the dueAt of its latest (by occurredAt, then eventId) RECEIVED or SUPPLEMENT_RECEIVED "
                + "that carries one", examples = "2024-03-11T17:00:00+07:00")
        OffsetDateTime dueAt,
        @Schema(description = "RESULT_ISSUED: required") Outcome outcome,
        @Schema(description = "RATED: required", minimum = "1", maximum = "5", examples = "5") Integer rating) {

    @Schema(name = "Applicant", description = "Who submitted the dossier. The id is replaced by a keyed hash before anything "
            + "is stored or published.")
    record Applicant(
            @Schema(required = true) ApplicantKind kind,
            @Schema(required = true, description = "Citizen id or tax code", examples = "031099001234") String id,
            @Schema(description = "CITIZEN: required") Boolean adult,
            @Schema(description = "CITIZEN: required (what vneid-applicants counts)") Boolean vneid) {
    }

    /**
     * A batch, as a named schema: a generator can then give it a type of its own (openapi-generator's Java clients need
     * {@code generateAliasAsModel}: their one-of wrapper cannot hold a bare list). Its bounds are in the body's description.
     */
    @Schema(name = "DossierEventBatch")
    static final class Batch extends java.util.ArrayList<DossierEventSchema> {
        private static final long serialVersionUID = 1L;
    }
}
