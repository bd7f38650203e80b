package vn.edu.haiphong.dvc.ingest.health;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.health.api.HealthGroup;
import vn.edu.haiphong.dvc.ingest.outbox.OutboxRepository;

/**
 * Whether this instance can accept events: it needs its database, not Kafka, since the outbox holds
 * what Kafka cannot take yet. {@code /q/health/ready} also checks Kafka and whether the outbox reaches it
 * in time ({@link OutboxHealthCheck}; an operator wants to see both); routing (a Kubernetes readiness
 * probe) should use {@code /q/health/group/serving}, so that a Kafka outage does not take every ingest
 * instance out of service. Reports the outbox backlog.
 */
@HealthGroup(ServingHealthCheck.GROUP)
@ApplicationScoped
public class ServingHealthCheck implements HealthCheck {

    public static final String GROUP = "serving";

    private final DataSource dataSource;
    private final OutboxRepository outbox;

    public ServingHealthCheck(DataSource dataSource, OutboxRepository outbox) {
        this.dataSource = dataSource;
        this.outbox = outbox;
    }

    @Override
    public HealthCheckResponse call() {
        try (Connection connection = dataSource.getConnection()) {
            boolean valid = connection.isValid(2);
            long backlog = QuarkusTransaction.requiringNew().call(outbox::backlog);
            return HealthCheckResponse.named("Accepting events").status(valid).withData("outboxBacklog", backlog).build();
        } catch (SQLException | RuntimeException e) {
            return HealthCheckResponse.named("Accepting events").down().withData("reason", "database unreachable").build();
        }
    }
}
