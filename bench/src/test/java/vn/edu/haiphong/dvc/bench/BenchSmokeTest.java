package vn.edu.haiphong.dvc.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/**
 * The whole harness at a tiny scale, so that it cannot rot: every step runs against the packaged system,
 * every figure is there, and every figure that must be exact is (the naive GROUP BY gives our numbers, the
 * rebuild gives the numbers from before, no request failed). Speeds are not asserted: they are the harness's
 * output, not a test's.
 */
class BenchSmokeTest {

    @Test
    void everyStepRunsAndTheExactFiguresAgree() throws Exception {
        Path work = Path.of("target/bench-smoke").toAbsolutePath();
        Report report = Bench.run(Settings.smoke(), Path.of("").toAbsolutePath().getParent(), work, null);
        String markdown = report.markdown();
        Files.writeString(Path.of("target/smoke.md"), markdown);

        assertThat(markdown).contains("## 1. Ingest throughput", "## 2. Freshness", "## 3. Query latency", "## 4. Growth",
                "## 5. Rebuild from the topics", "## Goals", "bare Kafka producer",
                "PostgreSQL single-row ceiling", "of PostgreSQL's single-row ceiling");
        assertThat(report.scales).hasSize(Settings.smoke().scales().size());
        assertThat(report.probes()).as("freshness probes answered").isPositive();
        assertThat(report.exact()).as("exact figures agree; the report:%n%s", markdown).isTrue();
        assertThat(markdown).doesNotContain("NaN");
    }
}
