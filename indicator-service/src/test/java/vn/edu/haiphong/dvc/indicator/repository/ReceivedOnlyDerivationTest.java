package vn.edu.haiphong.dvc.indicator.repository;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import vn.edu.haiphong.dvc.contract.DossierEvent;
import vn.edu.haiphong.dvc.contract.DossierEventType;
import vn.edu.haiphong.dvc.contract.Outcome;
import vn.edu.haiphong.dvc.indicator.domain.DossierFact;

/**
 * Facts written without their steps (counted before revision 2, or bulk-loaded) get their r2 columns from SQL
 * (dvc_derive_received_only(), V5): exactly what DossierFact.derive() gives the same events in Java, or the
 * counters would drift from the facts at the dossier's next event.
 */
@QuarkusTest
class ReceivedOnlyDerivationTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void theMigrationsDerivationOfAReceivedOnlyDossierIsJavas() throws SQLException {
        Random random = new Random(5);
        OffsetDateTime base = OffsetDateTime.parse("2024-05-01T00:00:00+07:00");
        try (Connection c = dataSource.getConnection()) {
            for (int i = 0; i < 200; i++) {
                String code = "DRV-HS-" + i;
                // Times on the hour, midnight among them; results before, at and after the due, and none.
                OffsetDateTime received = base.plusHours(random.nextInt(20 * 24));
                OffsetDateTime due = received.plusHours(random.nextInt(10 * 24));
                OffsetDateTime result = random.nextInt(4) == 0 ? null
                        : random.nextInt(5) == 0 ? due : received.plusHours(random.nextInt(15 * 24) - 24);
                try (PreparedStatement s = c.prepareStatement("insert into dossier_fact (dossier_code, procedure_code, unit_code, received_at,"
                        + " received_day, due_at, result_issued_at, result_day, updated_at) values (?, 'DRV-P', 'DRV-U', ?, ?, ?, ?, ?, now())")) {
                    s.setString(1, code);
                    s.setObject(2, received);
                    s.setObject(3, received.toLocalDate());
                    s.setObject(4, due);
                    s.setObject(5, result);
                    s.setObject(6, result == null ? null : result.withOffsetSameInstant(ZoneOffset.ofHours(7)).toLocalDate());
                    s.executeUpdate();
                }
                try (PreparedStatement s = c.prepareStatement("select dvc_derive_received_only()")) {
                    s.execute();
                }
                DossierFact java = new DossierFact();
                java.dossierCode = code;
                java.record(new DossierEvent("", DossierEventType.RECEIVED, received, code, "DRV-P", "DRV-U", null, null, null, due, null,
                        null), OffsetDateTime.now());
                if (result != null) {
                    java.record(new DossierEvent("res", DossierEventType.RESULT_ISSUED, result, code, "DRV-P", "DRV-U", null, null, null,
                            null, Outcome.APPROVED, null), OffsetDateTime.now());
                }
                try (PreparedStatement s = c.prepareStatement("select due_day, ended_at, end_day, open_days::text, late_days::text,"
                        + " open_late_days::text, late_final, ended_late, settled_at_end, steps::text from dossier_fact where dossier_code = ?")) {
                    s.setString(1, code);
                    try (ResultSet rs = s.executeQuery()) {
                        rs.next();
                        String where = code + " received " + received + " due " + due + " result " + result;
                        assertThat(rs.getObject(1, java.time.LocalDate.class)).as("due day of %s", where).isEqualTo(java.dueDay);
                        assertThat(rs.getObject(2, OffsetDateTime.class) == null).as("ended of %s", where).isEqualTo(java.endedAt == null);
                        assertThat(rs.getObject(3, java.time.LocalDate.class)).as("end day of %s", where).isEqualTo(java.endDay);
                        assertThat(DayRuns.parse(rs.getString(4))).as("open days of %s", where)
                                .isEqualTo(java.openDays == null ? List.of() : List.of(java.openDays));
                        assertThat(DayRuns.parse(rs.getString(5))).as("late days of %s", where).isEqualTo(java.lateDays);
                        assertThat(DayRuns.parse(rs.getString(6))).as("open late days of %s", where).isEqualTo(java.openLateDays);
                        assertThat(rs.getBoolean(7)).as("late in the end, %s", where).isEqualTo(java.lateFinal);
                        assertThat((Boolean) rs.getObject(8)).as("ended late, %s", where).isEqualTo(java.endedLate);
                        assertThat(rs.getBoolean(9)).as("settled, %s", where).isEqualTo(java.settledAtEnd);
                        assertThat(DossierSteps.parse(rs.getString(10))).as("steps of %s", where)
                                .extracting(e -> e.eventId() + " " + e.step() + " " + e.at().toInstant() + " " + e.dueAt().toInstant())
                                .containsExactly(" RECEIVED " + received.toInstant() + " " + due.toInstant());
                    }
                }
            }
            try (PreparedStatement s = c.prepareStatement("delete from dossier_fact where dossier_code like 'DRV-HS-%'")) {
                s.executeUpdate();
            }
        }
    }
}
