#!/bin/sh
# Compares our PDF text extraction (mgreview-cli pdf-text, the same code the indexer runs)
# with poppler-utils' pdftotext on the same files: generated many-page PDFs and, when
# ../shared/testdata exists, the real papers there. Figures go in docs/performance.md.
#
#   tests/bench/pdf-text-benchmark.sh [BUILD_DIR] [RUNS]    (default: build, 5 runs)
#
# Each tool runs RUNS times per file; the best (minimum) CPU time (user + system) and wall
# time are kept, which is the fairest figure on a machine shared with other work.
set -eu

src=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$src/build}
runs=${2:-5}
cli="$build/app/cli/mgreview-cli"
[ -x "$cli" ] || { echo "no $cli: build the mgreview-cli target first" >&2; exit 1; }
command -v pdftotext >/dev/null || { echo "pdftotext (poppler-utils) is not installed" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 "$src/tests/bench/make-text-pdf.py" "$work/generated-50.pdf" 50
python3 "$src/tests/bench/make-text-pdf.py" "$work/generated-500.pdf" 500
files="$work/generated-50.pdf $work/generated-500.pdf"
shared="$src/../shared/testdata/jabref/jablib/src/test/resources"
for paper in pdfs/PdfContentImporter/Bogner2019.pdf pdfs/PdfContentImporter/Bogner2023.pdf \
             pdfs/PdfContentImporter/Ralph2020.pdf pdfs/PdfContentImporter/Fritzsch2022.pdf \
             pdfs/PdfContentImporter/Keim2024.pdf pdfs/test-arxivMetadata.pdf \
             org/jabref/logic/xmp/no_description_metadata.pdf; do
    [ -f "$shared/$paper" ] && files="$files $shared/$paper"
done

# best CPU seconds and wall seconds of RUNS runs of a command writing to $work/out.txt
best() {
    best_cpu=999999; best_wall=999999
    i=0
    while [ $i -lt "$runs" ]; do
        /usr/bin/time -f "%U %S %e" -o "$work/time" "$@" >"$work/out.txt" 2>/dev/null || true
        set -- "$@"
        read -r user sys wall <"$work/time"
        cpu=$(echo "$user + $sys" | bc)
        best_cpu=$(echo "if ($cpu < $best_cpu) $cpu else $best_cpu" | bc)
        best_wall=$(echo "if ($wall < $best_wall) $wall else $best_wall" | bc)
        i=$((i + 1))
    done
    echo "$best_cpu $best_wall"
}

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'); load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "$(pdftotext -v 2>&1 | head -1); best of $runs runs"
printf '%-32s %6s %12s %12s %8s %12s %12s %8s\n' file pages "pdftotext s" "ours s" "cpu %" "pdftotext wall" "ours wall" "wall %"
total_theirs=0; total_ours=0
for f in $files; do
    pages=$(pdfinfo "$f" 2>/dev/null | awk '/^Pages:/ {print $2}')
    set -- $(best pdftotext "$f" "$work/out.txt")
    theirs_cpu=$1; theirs_wall=$2
    set -- $(best "$cli" pdf-text "$f")
    ours_cpu=$1; ours_wall=$2
    cpu_pct=$(echo "scale=0; 100 * $ours_cpu / $theirs_cpu" | bc)
    wall_pct=$(echo "scale=0; 100 * $ours_wall / $theirs_wall" | bc)
    total_theirs=$(echo "$total_theirs + $theirs_cpu" | bc)
    total_ours=$(echo "$total_ours + $ours_cpu" | bc)
    printf '%-32s %6s %12s %12s %7s%% %12s %12s %7s%%\n' "$(basename "$f")" "$pages" "$theirs_cpu" "$ours_cpu" "$cpu_pct" "$theirs_wall" "$ours_wall" "$wall_pct"
done
echo "total CPU: pdftotext $total_theirs s, ours $total_ours s ($(echo "scale=0; 100 * $total_ours / $total_theirs" | bc) %)"
