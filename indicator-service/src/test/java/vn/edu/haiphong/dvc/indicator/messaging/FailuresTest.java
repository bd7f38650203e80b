package vn.edu.haiphong.dvc.indicator.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.DateTimeException;

import org.junit.jupiter.api.Test;

/** Which failures set a record aside and which are waited out: a wrong answer either loses events or freezes the consumer. */
class FailuresTest {

    private static RuntimeException wrapped(String sqlState) {
        return new IllegalStateException(new SQLException("refused", sqlState));
    }

    @Test
    void theDataItselfIsPoison() {
        assertThat(Failures.isPoison(wrapped("22001"))).as("value too long").isTrue();
        assertThat(Failures.isPoison(wrapped("22P05"))).as("untranslatable character").isTrue();
        assertThat(Failures.isPoison(wrapped("23514"))).as("check violation (a unit placed below itself)").isTrue();
        assertThat(Failures.isPoison(wrapped("P0001"))).as("raised by our own function").isTrue();
        assertThat(Failures.isPoison(new NullPointerException("field"))).isTrue();
        assertThat(Failures.isPoison(new RuntimeException(new DateTimeException("year")))).isTrue();
    }

    @Test
    void whatWaitingMendsIsNeverPoison() {
        assertThat(Failures.isPoison(wrapped("08006"))).as("connection lost").isFalse();
        assertThat(Failures.isPoison(wrapped("40P01"))).as("deadlock").isFalse();
        assertThat(Failures.isPoison(wrapped("40001"))).as("serialization").isFalse();
        assertThat(Failures.isPoison(wrapped("55P03"))).as("lock not available").isFalse();
        assertThat(Failures.isPoison(wrapped("57014"))).as("statement cancelled (a timeout)").isFalse();
        assertThat(Failures.isPoison(wrapped("57P01"))).as("the server shutting down").isFalse();
        assertThat(Failures.isPoison(wrapped("42P01"))).as("a missing table: a deployment to mend, not data to drop").isFalse();
        assertThat(Failures.isPoison(wrapped(null))).as("no state: the pool could not connect").isFalse();
        // A database error wrapped around an argument error is the database's: judged by its state.
        assertThat(Failures.isPoison(new IllegalArgumentException(new SQLException("down", "08001")))).isFalse();
        assertThat(Failures.isPoison(new IllegalStateException("Transaction is not active"))).isFalse();
    }

    @Test
    void theDescriptionIsOneShortLineWithTheDatabasesWords() {
        String line = Failures.describe(new IllegalStateException(new SQLException("ERROR: value too long\n  Detail: Key (x)=(secret)", "22001")));
        assertThat(line).isEqualTo("database refused it (SQLSTATE 22001): ERROR: value too long");
        assertThat(Failures.describe(new RuntimeException(new NullPointerException("x".repeat(2000))))).hasSizeLessThan(600)
                .startsWith("NullPointerException: ");
    }
}
