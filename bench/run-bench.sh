#!/usr/bin/env bash
# Whole-process benchmark: tokenize-only baseline, simulate, replay and compare at 10^5 and 10^6 events.
#   bench/run-bench.sh [SIZES...]      (default: 100000 1000000; corpora generated with seed 1 into $BENCH_DIR)
# Reports wall time, CPU time (user+sys), events/s and peak RSS (/usr/bin/time -v) per run, and ratios to tokenize.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
dir=${BENCH_DIR:-/tmp/policysim-bench}
mkdir -p "$dir"
sizes=("$@"); [ ${#sizes[@]} -gt 0 ] || sizes=(100000 1000000)
# The CLI as users install it: `dotnet publish` (ReadyToRun for this machine, see docs/cli.md).
dotnet publish -c Release "$here/../src/PolicySim.Cli" -o "$dir/cli" >/dev/null
dotnet build -c Release "$here/PolicySim.Benchmarks" >/dev/null
cli="$dir/cli/policysim"
bench="dotnet $here/PolicySim.Benchmarks/bin/Release/net10.0/PolicySim.Benchmarks.dll"
tok="$bench tokenize"
measure() { # name events cmd...
  local name=$1 n=$2; shift 2
  /usr/bin/time -v "$@" >/dev/null 2>"$dir/time.txt" || true
  awk -v name="$name" -v n="$n" -F': ' '
    /Elapsed \(wall clock\)/ { split($2, t, ":"); wall = (length(t) == 3) ? t[1]*3600 + t[2]*60 + t[3] : t[1]*60 + t[2] }
    /User time/ { user = $2 } /System time/ { sys = $2 } /Maximum resident/ { rss = $2 }
    END { printf "%-34s %9d %8.2f %8.2f %10.0f %8.1f\n", name, n, wall, user + sys, n / wall, rss / 1024 }' "$dir/time.txt"
}
printf "%-34s %9s %8s %8s %10s %8s\n" run events wall_s cpu_s events/s rss_MB
for n in "${sizes[@]}"; do
  f="$dir/e$n.jsonl"
  [ -f "$f" ] || python3 "$here/gen_events.py" "$n" 1 "$f"
  measure "tokenize-only" "$n" $tok "$f"
  measure "simulate default --jsonl" "$n" $cli simulate default "$f" --jsonl
  measure "simulate default (summary)" "$n" $cli simulate default "$f"
  measure "compare default strict --summary" "$n" $cli compare default strict "$f" --format json --summary
  measure "compare default strict --format jsonl" "$n" $cli compare default strict "$f" --format jsonl
  measure "compare default strict (text)" "$n" $cli compare default strict "$f"
  measure "replay strict --baseline default" "$n" $cli replay strict "$f" --baseline-policy default --format jsonl
  measure "simulate (POLICYSIM_THREADS=1)" "$n" env POLICYSIM_THREADS=1 $cli simulate default "$f"
  # The engine work of Compare-PolicyDecision -Path (everything but PowerShell's WriteObject), with the CLI's runtime settings.
  measure "cmdlet engine (session, -Path)" "$n" env DOTNET_TieredPGO=0 DOTNET_TC_CallCountingDelayMs=0 DOTNET_TC_CallCountThreshold=400 DOTNET_gcServer=1 $bench session default strict "$f"
done
