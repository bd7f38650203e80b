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
                "## 5. Rebuild from the topics", "## 6. Two indicator-service instances", "## Goals", "bare Kafka producer",
                "PostgreSQL single-row ceiling", "of PostgreSQL's single-row ceiling", "### Open dossiers: the summary");
        assertThat(markdown.indexOf("## Goals")).as("the goals table comes first").isLessThan(markdown.indexOf("## 1. Ingest throughput"));
        // Each of issue 19's goals has its row in the goals table, with a figure measured in this run.
        String goals = markdown.substring(markdown.indexOf("## Goals"), markdown.indexOf("## 1. Ingest throughput"));
        assertThat(goals).containsPattern("single dossier events ≥ 2,000/s with \\d+ senders \\| [\\d,]+ \\([\\d.]+% of PostgreSQL's")
                .containsPattern("batches of 500 ≥ 15,000/s \\| [\\d,]+ \\|")
                .containsPattern("batches ≥ 15% of the bare producer \\| [\\d.]+%")
                .containsPattern("freshness p99 ≤ 1 s at half the maximum batch rate .*\\| [\\d.]+ m?s \\|")
                .containsPattern("freshness p99 ≤ 500 ms at 200 single events/s .*\\| [\\d.]+ m?s \\|")
                .containsPattern("open-dossier summary \\(root, school\\) \\| ([\\d.]+ m?s, ){3}[\\d.]+ m?s \\|")
                .containsPattern("a unit moved at [\\d,]+ dossiers .* \\| [\\d.]+ s")
                .containsPattern("each other's locks ≤ 1% .* \\| [\\d.]+% \\(dvc-indicator-1 [\\d.]+%, dvc-indicator-2 [\\d.]+%\\) at [\\d,]+ events/s \\|")
                .containsPattern("rebuild ≥ 20,000 events/s \\| [\\d,]+ \\|");
        assertThat(markdown).as("the open-dossier summary at each scale, root and school")
                .containsPattern("\\| 2,000 \\| root \\(HP-SGD\\) \\| [\\d.]+ ms \\| \\*\\*[\\d.]+ m?s\\*\\* \\| [\\d,]+ \\| 0 \\|")
                .containsPattern("\\| 5,000 \\| a school \\| [\\d.]+ ms \\| \\*\\*[\\d.]+ m?s\\*\\* \\| [\\d,]+ \\| 0 \\|")
                .as("freshness under single events").containsPattern("\\| single events, a busy day's rate \\| 200 \\| [\\d,]+ \\| [1-9]\\d* \\| 0 \\|")
                .as("both instances sampled in a transaction")
                .containsPattern("\\| dvc-indicator-1 \\| [1-9][\\d,]* \\|").containsPattern("\\| dvc-indicator-2 \\| [1-9][\\d,]* \\|")
                .as("the two instances counted exactly").contains("moved by exactly the dossiers sent): yes.")
                .as("the query row covers every indicator").contains("The answer holds 23 indicators");
        assertThat(markdown).as("each freshness row's stages, timed from the services' own records")
                .containsPattern("\\| single events, a busy day's rate \\| [1-9]\\d* \\| -?[\\d.]+ m?s / -?[\\d.]+ m?s \\| -?[\\d.]+ m?s / -?[\\d.]+ m?s \\| "
                        + "-?[\\d.]+ m?s / -?[\\d.]+ m?s \\|");
        assertThat(report.lockWaitPercent()).isBetween(0.0, 100.0);
        assertThat(report.scales).hasSize(Settings.smoke().scales().size());
        assertThat(report.probes()).as("freshness probes answered, in both freshness rows").isPositive();
        assertThat(report.exact()).as("exact figures agree; the report:%n%s", markdown).isTrue();
        assertThat(markdown).doesNotContain("NaN");
        assertThat(markdown).as("the warm-up's rounds and the JIT's time of the services, read from each of them")
                .containsPattern("round 1, \\d+ s: dossier-service compiled [\\d.]+ (ms|s); payment-service compiled [\\d.]+ (ms|s);")
                .containsPattern("single dossier events: dossier-service compiled [\\d.]+ (ms|s) in ")
                .doesNotContain("(unread)");
    }
}
