#!/usr/bin/env bash
# The benchmark harness, in one command: builds the system, starts it as the quick start does (a KRaft
# Kafka broker, PostgreSQL and the three services, each a process), drives it from a separate process,
# prints the table and writes it to bench/results/latest.md. Needs only a JDK 17+; about 55 minutes and
# 25 GB of free disk for the full run (10 million dossiers).
#
#   bench/run.sh             the full run (figures in bench/results/latest.md)
#   bench/run.sh --smoke     every step at a tiny scale, in about two minutes (written to bench/target/smoke.md)
#   bench/run.sh --ingest-only   ingest and freshness only, 20 s each: what to run under a profiler
#   bench/run.sh [--smoke|--ingest-only] --only SECTION[,SECTION]   only these sections, at that run's scale, among
#                ingest, freshness, lock-wait, scales, rebuild (written to bench/target/only.md, or smoke.md with --smoke)
#   bench/run.sh ... --scales N[,N]   the scales (dossiers) the query steps load and measure, instead of the run's own
#   bench/run.sh ... --rebuild-at N   the scale (one of the scales) the rebuild step runs at
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"

OUT="bench/results/latest.md"
ARGS=()
while [ $# -gt 0 ]; do
    case "$1" in
        --smoke) OUT="bench/target/smoke.md"; ARGS+=("$1") ;;
        --ingest-only) OUT="bench/target/ingest-only.md"; ARGS+=("$1") ;;
        --only)
            [ $# -ge 2 ] || { echo "bench/run.sh: --only needs SECTION[,SECTION]" >&2; exit 1; }
            [ "$OUT" = "bench/results/latest.md" ] && OUT="bench/target/only.md"
            ARGS+=("$1" "$2"); shift ;;
        --scales|--rebuild-at)
            [ $# -ge 2 ] || { echo "bench/run.sh: $1 needs a value" >&2; exit 1; }
            ARGS+=("$1" "$2"); shift ;;
        *) echo "bench/run.sh: unknown option '$1' (use --smoke, --ingest-only, --only SECTION[,SECTION], --scales N[,N], --rebuild-at N)" >&2; exit 1 ;;
    esac
    shift
done

./mvnw -B -q package -DskipTests
exec java -Xmx2g -cp "bench/target/bench.jar:bench/target/lib/*" vn.edu.haiphong.dvc.bench.Bench "${ARGS[@]}" --out "$OUT"
