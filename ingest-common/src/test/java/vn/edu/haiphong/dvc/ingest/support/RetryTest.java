package vn.edu.haiphong.dvc.ingest.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RetryTest {

    private final AtomicInteger attempts = new AtomicInteger();

    @ParameterizedTest(name = "SQL state {0}")
    @ValueSource(strings = { "23505", "40001", "40P01" })
    void aTransactionThatLostARaceIsRunAgainAndItsAnswerReturned(String sqlState) {
        String answer = Retry.onConcurrentConflict(() -> {
            if (attempts.incrementAndGet() < 3) {
                throw wrapped(sqlState);
            }
            return "stored";
        });

        assertThat(answer).isEqualTo("stored");
        assertThat(attempts).hasValue(3);
    }

    @Test
    void afterFiveLostRacesTheLastFailureIsThrown() {
        Throwable thrown = catchThrowable(() -> Retry.onConcurrentConflict(() -> {
            throw wrapped("40P01", "deadlock " + attempts.incrementAndGet());
        }));

        assertThat(attempts).hasValue(5);
        assertThat(thrown).isInstanceOf(IllegalStateException.class).hasRootCauseMessage("deadlock 5");
    }

    @Test
    void anyOtherFailureIsThrownAtOnce() {
        RuntimeException refusal = new IllegalArgumentException("409");
        Throwable thrown = catchThrowable(() -> Retry.onConcurrentConflict(() -> {
            attempts.incrementAndGet();
            throw refusal;
        }));

        assertThat(thrown).isSameAs(refusal);
        assertThat(attempts).hasValue(1);
    }

    @Test
    void anotherSqlErrorIsThrownAtOnce() {
        Throwable thrown = catchThrowable(() -> Retry.onConcurrentConflict(() -> {
            attempts.incrementAndGet();
            throw wrapped("23502");
        }));

        assertThat(thrown).hasRootCauseInstanceOf(SQLException.class);
        assertThat(attempts).hasValue(1);
    }

    /** As Hibernate and the transaction manager hand it on: the SQL error a few causes down. */
    private static RuntimeException wrapped(String sqlState) {
        return wrapped(sqlState, "from PostgreSQL");
    }

    private static RuntimeException wrapped(String sqlState, String message) {
        return new IllegalStateException("commit failed", new RuntimeException("could not execute batch",
                new SQLException(message, sqlState)));
    }
}
