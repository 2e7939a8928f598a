#!/usr/bin/env bash
# Byte-for-byte output regression check for performance work (not run by CI).
#   bench/check-outputs.sh record DIR   # record outputs of the current build into DIR
#   bench/check-outputs.sh verify DIR   # re-run and diff against DIR (exit 1 on any difference)
# Uses a generated 20k-event corpus (gen_events.py 20000 42) and the Release build of the CLI.
set -euo pipefail
mode=${1:?record|verify}; dir=${2:?output dir}
here=$(cd "$(dirname "$0")" && pwd)
cli="dotnet $here/../src/PolicySim.Cli/bin/Release/net10.0/policysim.dll"
corpus=${CORPUS:-/tmp/policysim-bench/c20k.jsonl}
mkdir -p "$(dirname "$corpus")"
[ -f "$corpus" ] || python3 "$here/gen_events.py" 20000 42 "$corpus"
out=$dir; [ "$mode" = verify ] && out=$(mktemp -d)
mkdir -p "$out"
run() { local name=$1; shift; set +e; $cli "$@" >"$out/$name.out" 2>"$out/$name.err"; echo $? >"$out/$name.rc"; set -e; }
for p in default strict ai-agent; do
  run "simulate-$p-jsonl" simulate "$p" "$corpus" --jsonl
  run "simulate-$p-json" simulate "$p" "$corpus" --json
done
run compare-default-strict-jsonl compare default strict "$corpus" --format jsonl
run compare-strict-aiagent-jsonl compare strict ai-agent "$corpus" --format jsonl
run compare-default-aiagent-json compare default ai-agent "$corpus" --format json
run compare-default-strict-text compare default strict "$corpus" --flips-only
run impact-default-strict impact default strict "$corpus" --json
# replay of recorded decisions: simulate output joined with its events
run replay-strict-vs-default replay strict "$out/simulate-default-jsonl.out" --events "$corpus" --format jsonl
if [ "$mode" = verify ]; then
  if diff -r -q "$dir" "$out" >/dev/null; then echo "outputs identical ($(ls "$out" | wc -l) files)"; rm -rf "$out"; else diff -r -q "$dir" "$out"; echo "DIFFERENT: kept in $out"; exit 1; fi
else
  ls -la "$out"
fi
