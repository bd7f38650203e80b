package vn.edu.haiphong.dvc.api.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class ProblemExceptionTest {

    @Test
    void oneInvalidFieldIsNamedInTheDetailWithItsIndex() {
        ProblemException e = ProblemException.invalid(List.of(FieldError.at(2, "applicant.adult", "is required")));

        assertThat(e.status()).isEqualTo(422);
        assertThat(e.type()).isEqualTo("validation");
        assertThat(e.title()).isEqualTo("Invalid request");
        assertThat(e.detail()).isEqualTo("1 field breaks the contract: [2] applicant.adult is required");
    }

    @Test
    void severalInvalidFieldsAreCountedAndListed() {
        List<FieldError> errors = List.of(FieldError.at(0, "occurredAt", "is required"), FieldError.at(3, "type", "is required"));
        ProblemException e = ProblemException.invalid(errors);

        assertThat(e.detail()).isEqualTo("2 fields break the contract; see errors");
        assertThat(e.errors()).isEqualTo(errors);
    }

    @Test
    void aCsvRowIsNamedByItsNumber() {
        ProblemException e = ProblemException.invalid(List.of(FieldError.inRow(3, "parentCode", "unit 'X' is not registered")));

        assertThat(e.detail()).isEqualTo("1 field breaks the contract: row 3: parentCode unit 'X' is not registered");
    }

    @Test
    void aRowErrorWithoutAFieldIsTheMessageAlone() {
        ProblemException e = ProblemException.invalid(List.of(FieldError.inRow(2, null, "the file has a header but no rows")));

        assertThat(e.detail()).isEqualTo("1 field breaks the contract: row 2: the file has a header but no rows");
    }

    @Test
    void aConflictIs409AndOneConflictIsItsOwnDetail() {
        ProblemException one = ProblemException.conflict(List.of(
                FieldError.at(1, "type", "dossier 'HS-1' already has a SUBMITTED event ('e0')")));
        ProblemException two = ProblemException.conflict(List.of(FieldError.of("unitCode", "a"), FieldError.of("procedureCode", "b")));

        assertThat(one.status()).isEqualTo(409);
        assertThat(one.type()).isEqualTo("conflict");
        assertThat(one.detail()).isEqualTo("[1] type dossier 'HS-1' already has a SUBMITTED event ('e0')");
        assertThat(two.detail()).isEqualTo("2 conflicts with stored data; see errors");
    }

    @Test
    void eachRefusalHasItsStatusAndType() {
        assertThat(List.of(ProblemException.malformed("x"), ProblemException.tooLarge("x"),
                ProblemException.badParameters(List.of(FieldError.of("from", "must be a date YYYY-MM-DD"))),
                ProblemException.unavailable("x"), ProblemException.notFound("x")))
                .extracting(ProblemException::status, ProblemException::type)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(400, "malformed"),
                        org.assertj.core.groups.Tuple.tuple(413, "too-large"),
                        org.assertj.core.groups.Tuple.tuple(400, "bad-parameters"),
                        org.assertj.core.groups.Tuple.tuple(503, "unavailable"),
                        org.assertj.core.groups.Tuple.tuple(404, "not-found"));
        assertThat(ProblemException.badParameters(List.of(FieldError.of("from", "must be a date YYYY-MM-DD"))).detail())
                .isEqualTo("from must be a date YYYY-MM-DD");
    }

    @Test
    void theErrorsAreACopyTheThrowerCannotChangeAfterwards() {
        List<FieldError> errors = new ArrayList<>(List.of(FieldError.of("code", "is required")));
        ProblemException e = ProblemException.invalid(errors);
        errors.add(FieldError.of("name", "is required"));

        assertThat(e.errors()).containsExactly(FieldError.of("code", "is required"));
    }
}
