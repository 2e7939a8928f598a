#!/usr/bin/env bash
# Interleaved before/after whole-process runs (3 rounds), median wall / user CPU / peak RSS per run.
#   bench/ab.sh BEFORE_ROOT AFTER_ROOT CORPUS [SMALL_CORPUS]
# BEFORE_ROOT/AFTER_ROOT: source trees with a Release build of src/PolicySim.Cli, e.g. an old commit unpacked with
#   git archive OLD | tar -x -C /tmp/before && (cd /tmp/before && dotnet build -c Release src/PolicySim.Cli)
set -euo pipefail
before=${1:?before root}; after=${2:?after root}; corpus=${3:?corpus}; small=${4:-}
log=$(mktemp)
for round in 1 2 3; do
  for build in before after; do
    root=$after; [ "$build" = before ] && root=$before
    cli="dotnet $root/src/PolicySim.Cli/bin/Release/net10.0/policysim.dll"
    for run in simulate compare impact small; do
      case $run in
        simulate) args="simulate default $corpus --no-fail-on-deny";;
        compare) args="compare default strict $corpus --format json --summary";;
        impact) args="impact default strict $corpus";;
        small) [ -n "$small" ] || continue; args="compare default strict $small --format json --summary";;
      esac
      /usr/bin/time -f "%e %U %M" -o "$log.t" $cli $args >/dev/null 2>&1 || true
      echo "$build $run $(tail -1 "$log.t")" >>"$log"
    done
  done
done
printf '%-8s %-9s %7s %7s %8s\n' build run wall_s user_s rss_MB
for run in simulate compare impact small; do
  for build in before after; do
    grep "^$build $run " "$log" | awk '{print $3, $4, $5}' | sort -n | sed -n 2p \
      | awk -v b=$build -v r=$run '{printf "%-8s %-9s %7.2f %7.2f %8d\n", b, r, $1, $2, $3/1024}'
  done
done
rm -f "$log" "$log.t"
