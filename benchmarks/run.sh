#!/usr/bin/env bash
# benchmarks/run.sh — builds the benchmarks module and runs the benchmark suite (docs/performance.md).
#
#   bash benchmarks/run.sh                 the quick profile (about 65 minutes on 2 cores)
#   bash benchmarks/run.sh --full          longer warm-up and measurement, 2 forks (about 2 hours)
#   bash benchmarks/run.sh --include 'EnvelopeBench' --threads 1 --no-warmup --no-memory
#   bash benchmarks/run.sh --report-only   only recompute the report from benchmarks/target
#
# Results: benchmarks/target/jmh-t1.json, jmh-t2.json, warmup.json, memory.json and ratios.json.
# The benchmarks run from a classpath (target/classes + target/classpath.txt), not a shaded jar, so
# Bouncy Castle stays in its signed jar. JAVA_HOME and BENCH_JAVA_OPTS are honoured.
set -euo pipefail

ROOT="$(cd -P "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"

echo "benchmarks: building (mvn -q -pl benchmarks -am test-compile) ..." >&2
log="$(mktemp -t keywarden-bench-build.XXXXXX)"
if ! (cd "$ROOT" && mvn -B -q -ntp -Dstyle.color=never -pl benchmarks -am test-compile) > "$log" 2>&1; then
    sed $'s/\x1b\\[[0-9;]*m//g' "$log" >&2
    rm -f "$log"
    echo "benchmarks: the build failed" >&2
    exit 1
fi
rm -f "$log"
CP="$ROOT/benchmarks/target/classes:$(cat "$ROOT/benchmarks/target/classpath.txt")"

echo "benchmarks: $("$JAVA" -version 2>&1 | head -1), $(nproc 2>/dev/null || echo '?') cores" >&2
if [ "${1:-}" = "--report-only" ]; then
    shift
    # shellcheck disable=SC2086
    exec "$JAVA" ${BENCH_JAVA_OPTS:-} -cp "$CP" io.keywarden.benchmarks.report.RatioReport "$ROOT/benchmarks/target" "$@"
fi
# shellcheck disable=SC2086
exec "$JAVA" ${BENCH_JAVA_OPTS:-} -cp "$CP" io.keywarden.benchmarks.BenchmarkSuite --out "$ROOT/benchmarks/target" "$@"
