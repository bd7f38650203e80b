package vn.edu.haiphong.dvc.api.problem;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/** What a client reads of a failing field: only where it sits, and never a null. */
class FieldErrorTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aFieldOfASingleEventHasNeitherIndexNorRow() throws Exception {
        assertThat(json.writeValueAsString(FieldError.of("eventId", "is required")))
                .isEqualTo("{\"field\":\"eventId\",\"message\":\"is required\"}");
    }

    @Test
    void aFieldOfABatchHasItsIndex() throws Exception {
        assertThat(json.writeValueAsString(FieldError.at(2, "applicant.adult", "is required")))
                .isEqualTo("{\"index\":2,\"field\":\"applicant.adult\",\"message\":\"is required\"}");
    }

    @Test
    void aCellOfACsvFileHasItsRow() throws Exception {
        assertThat(json.writeValueAsString(FieldError.inRow(3, "type", "must be one of [DEPARTMENT]")))
                .isEqualTo("{\"row\":3,\"field\":\"type\",\"message\":\"must be one of [DEPARTMENT]\"}");
    }
}
