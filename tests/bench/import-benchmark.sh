#!/bin/sh
# Import speed (product.md §5, issue 8): N RIS records into an indexed, searchable library.
#
#   tests/bench/import-benchmark.sh [BUILD_DIR] [COUNT]   (defaults: build, 100000)
#
# Generates COUNT synthetic RIS records (tests/bench/generate-ris.py, deterministic, cached
# in BUILD_DIR/bench-data), then times on the same file, each in a fresh process:
#   1. mgreview-cli import --no-rules into an empty library (read, duplicates, insert, index);
#   2. mgreview-cli import with the default rules (the same plus classification);
#   3. bibutils' ris2xml (Debian package bibutils), converting the file to MODS XML.
# Prints wall time, CPU time and peak resident memory (/usr/bin/time -v) of each, with the
# machine's load: on a shared machine wall time exceeds CPU time, and both are printed.
set -eu

src=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$src/build}
count=${2:-100000}
cli="$build/app/cli/mgreview-cli"
[ -x "$cli" ] || { echo "build mgreview-cli first: cmake --build $build --target mgreview-cli" >&2; exit 1; }

data="$build/bench-data"
mkdir -p "$data"
ris="$data/import-$count.ris"
if [ ! -s "$ris" ]; then
    echo "generating $count RIS records into $ris"
    python3 "$src/tests/bench/generate-ris.py" "$count" > "$ris.tmp" && mv "$ris.tmp" "$ris"
fi
echo "file: $ris ($(du -h "$ris" | cut -f1), $(grep -c '^ER  -' "$ris") records)"
echo "machine: $(nproc) cores; $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'); load $(cut -d' ' -f1-3 /proc/loadavg)"

measure() { # label, command…
    label=$1
    shift
    log=$(mktemp)
    /usr/bin/time -v "$@" > /dev/null 2> "$log" || true
    wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$log")
    user=$(sed -n 's/.*User time (seconds): //p' "$log")
    sys=$(sed -n 's/.*System time (seconds): //p' "$log")
    rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$log")
    printf '%-34s wall %8s  cpu %6.2f s (user %s + sys %s)  peak RSS %5d MB\n' "$label" "$wall" \
        "$(echo "$user + $sys" | bc)" "$user" "$sys" "$((rss / 1024))"
    grep -E '^time:|new, ' "$log" | sed 's/^/    /' || true
    rm -f "$log"
}

library=$(mktemp -d)
measure "mgreview-cli import --no-rules" "$cli" --library "$library/lib.sqlite" --no-seed import "$ris" --no-rules
echo "    library file: $(du -h "$library/lib.sqlite" | cut -f1)"
"$cli" --library "$library/lib.sqlite" --no-seed search synthetic 2>/dev/null | head -1 >/dev/null \
    && echo "    searchable: 'search synthetic' answers" || echo "    search failed"
rm -rf "$library"
library=$(mktemp -d)
measure "mgreview-cli import (with rules)" "$cli" --library "$library/lib.sqlite" --no-seed import "$ris"
rm -rf "$library"
if command -v ris2xml >/dev/null; then
    measure "bibutils ris2xml" ris2xml "$ris"
else
    echo "ris2xml not installed (Debian package bibutils): not compared"
fi
