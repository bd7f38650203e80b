package vn.edu.haiphong.dvc.contract;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The applicant of a dossier as published: the citizen id or tax code never leaves the ingest service
 * in clear, only its keyed hash ({@code idHash}, HMAC-SHA-256, lowercase hex), enough to count distinct
 * applicants.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Applicant(ApplicantKind kind, String idHash, Boolean adult, Boolean vneid) {
}
