#!/bin/sh
# bench/ingest.sh [REPORTS] [SENTENCES]: makes a folder of REPORTS synthetic text reports (default
# 1000) of SENTENCES ordinary business sentences each (default 100, five a paragraph, each with a
# citation marker) in a temporary folder, ingests the whole folder in one run of bin/msftchina
# into a new facts folder (with this project's shared word lists), and prints the wall time and
# peak RSS (/usr/bin/time -v); then builds the index of those facts (`index`) and prints the same
# for it. Nothing is kept. Build the jar first: mvn -q -B -DskipTests package
set -eu
here=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
reports=${1:-1000}
sentences=${2:-100}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/in" "$work/facts"
cp "$here"/facts/*.txt "$here"/facts/*.properties "$work/facts/"
awk -v reports="$reports" -v sentences="$sentences" -v dir="$work/in" 'BEGIN {
  split("Acme Globex Initech Umbrella Hooli Stark Wayne Wonka Tyrell Cyberdyne", firm, " ")
  split("revenue|operating profit|cloud sales|AI spending|advertising income|licence fees", what, "|")
  split("grew|fell|rose|declined|climbed", verb, " ")
  split("Shanghai Beijing Shenzhen Hangzhou Chengdu Wuhan", city, " ")
  for (r = 1; r <= reports; r++) {
    file = sprintf("%s/report-%04d.txt", dir, r)
    printf "Title: Synthetic report %d\nDate: 2025-09-30\n", r > file
    for (s = 1; s <= sentences; s++) {
      if (s % 5 == 1) printf "\n" > file
      f = firm[(r + s) % 10 + 1]; w = what[(r * s) % 6 + 1]; v = verb[(r + 2 * s) % 5 + 1]
      printf "%s %s its %s in %s by %d.%d%% to US$%d million in fiscal %d [%d]. ", \
        f, v, w, city[(s % 6) + 1], (r * 7 + s) % 40 + 1, s % 10, (r * 13 + s * 7) % 900 + 100, \
        2015 + (r + s) % 11, s % 9 + 1 > file
      if (s % 5 == 0) printf "\n" > file
    }
    close(file)
  }
}'
echo "made $reports reports of $sentences sentences: $(du -sh "$work/in" | cut -f1)" >&2
/usr/bin/time -v "$here/bin/msftchina" ingest "$work/in" --into "$work/facts" \
  >"$work/out.txt" 2>"$work/err.txt" || true
tail -n 1 "$work/out.txt"
grep -v "^\s*\(Elapsed\|Maximum resident\)" "$work/err.txt" | grep -v "^\s" | head -5 >&2 || true
grep -E "Elapsed \(wall clock\)|Maximum resident set size|Exit status" "$work/err.txt"
echo "facts written: $(cat "$work"/facts/*/facts.jsonl | wc -l) lines, $(du -sh "$work/facts" | cut -f1)"
# Then the library's one index from those facts, as `serve` would find it.
MSFTCHINA_FACTS="$work/facts" MSFTCHINA_INDEX="$work/index" /usr/bin/time -v "$here/bin/msftchina" index \
  >"$work/index.txt" 2>"$work/index-err.txt" || true
echo "index: $(tail -n 1 "$work/index.txt")"
grep -E "Elapsed \(wall clock\)|Maximum resident set size|Exit status" "$work/index-err.txt"
