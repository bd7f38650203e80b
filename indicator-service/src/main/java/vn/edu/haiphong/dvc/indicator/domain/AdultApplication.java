package vn.edu.haiphong.dvc.indicator.domain;

import java.time.LocalDate;

/** A dossier that makes its (adult, online) applicant count on a day, for its unit. */
public record AdultApplication(String unit, LocalDate day, String applicantHash) {
}
