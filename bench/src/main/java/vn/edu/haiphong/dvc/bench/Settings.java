package vn.edu.haiphong.dvc.bench;

import java.util.List;

/**
 * How long and how big each measurement is. {@link #full()} is the run whose figures bench/README.md and
 * bench/results/latest.md report; {@link #smoke()} runs every step in seconds, so that the harness is
 * exercised by every build.
 *
 * @param ingestSeconds how long each ingest measurement runs (at least 60 for the reported figures)
 * @param batchClients concurrent senders of batches of 500
 * @param singleClients concurrent senders of single events
 * @param freshnessSeconds how long probes are sent while ingest runs at half its measured maximum
 * @param scales the numbers of dossiers loaded in turn for query latency, growth and the naive baseline
 * @param queryClients concurrent clients reading the indicators
 * @param querySeconds how long each query measurement runs
 * @param growthIngestSeconds how long ingest is measured again at each scale
 * @param rebuildAt the scale at which indicator-service's state is rebuilt from the topics
 * @param serviceHeap each service's -Xmx
 */
public record Settings(String name, int ingestSeconds, int batchClients, int singleClients, int freshnessSeconds,
        List<Integer> scales, int queryClients, int querySeconds, int growthIngestSeconds, int rebuildAt, String serviceHeap) {

    public static Settings full() {
        return new Settings("full", 60, 4, 16, 60, List.of(100_000, 1_000_000, 10_000_000), 50, 15, 20, 1_000_000, "1g");
    }

    /** Ingest and freshness only, for 20 s each: what to run under a profiler. */
    public static Settings ingestOnly() {
        return new Settings("ingest-only", 20, 4, 16, 20, List.of(), 50, 20, 20, 0, "1g");
    }

    public static Settings smoke() {
        return new Settings("smoke", 3, 2, 4, 3, List.of(2_000, 5_000), 8, 2, 2, 2_000, "384m");
    }
}
