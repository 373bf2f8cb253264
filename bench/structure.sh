#!/usr/bin/env bash
# The structure of src/main at two commits, as Markdown tables: the package import graph (from the
# `import msftchina.X` lines), lines and classes per package, the largest classes, and what
# `duplicates` finds at 6 and 7 lines. Reads the commits' trees with `git archive`: the working
# tree is never read, so commit first. Needs `duplicates` on PATH for the last table.
#
#   bench/structure.sh [BEFORE [AFTER]]     (default: c53a2e5, the last commit before issue 18, and HEAD)
#
# Writes nothing but a temporary folder, removed at the end.
set -euo pipefail

before=${1:-c53a2e5}
after=${2:-HEAD}
cd "$(git rev-parse --show-toplevel)"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for side in before after; do
  rev=${!side}
  mkdir -p "$work/$side"
  git archive "$rev" src/main | tar -x -C "$work/$side"
done

# One line per Java file: "PACKAGE LINES CLASS" (PACKAGE the folder under msftchina/).
files() {
  (cd "$1/src/main/java/msftchina" && find . -name '*.java' | sort | while read -r f; do
    f=${f#./}
    printf '%s %s %s\n' "${f%%/*}" "$(wc -l <"$f")" "$(basename "$f" .java)"
  done)
}

# One line per package: "PACKAGE: IMPORTED(N), ..." where N counts its import lines of that package.
imports() {
  (cd "$1/src/main/java/msftchina" && grep -rhoE --include='*.java' -H \
    '^import (static )?msftchina\.[a-z]+' . |
    sed -E 's#^\./([a-z]+)/.*:import (static )?msftchina\.([a-z]+)$#\1 \3#' |
    awk '$1 != $2' | sort | uniq -c |
    awk '{ out[$2] = out[$2] (out[$2] == "" ? "" : ", ") $3 " (" $1 ")" }
         END { for (p in out) print p ": " out[p] }' | sort)
}

short() { git rev-parse --short "$1"; }

echo "BEFORE = $(short "$before"), AFTER = $(short "$after") ($(git log -1 --format=%s "$after" | cut -c1-60)...)"
echo
echo "### Package import graph (src/main, \`import msftchina.X\` lines; in brackets, how many)"
echo
echo "| package | imports, BEFORE | imports, AFTER |"
echo "| --- | --- | --- |"
imports "$work/before" >"$work/ib"
imports "$work/after" >"$work/ia"
for p in $( (files "$work/before"; files "$work/after") | awk '{print $1}' | sort -u); do
  b=$(sed -n "s/^$p: //p" "$work/ib")
  a=$(sed -n "s/^$p: //p" "$work/ia")
  echo "| $p | ${b:-(none)} | ${a:-(none)} |"
done
echo
echo "### Lines and classes per package (src/main/java, top-level types = files)"
echo
echo "| package | classes BEFORE | lines BEFORE | classes AFTER | lines AFTER |"
echo "| --- | ---: | ---: | ---: | ---: |"
files "$work/before" >"$work/fb"
files "$work/after" >"$work/fa"
for p in $(cat "$work/fb" "$work/fa" | awk '{print $1}' | sort -u); do
  read -r cb lb < <(awk -v p="$p" '$1 == p { n++; l += $2 } END { print n + 0, l + 0 }' "$work/fb")
  read -r ca la < <(awk -v p="$p" '$1 == p { n++; l += $2 } END { print n + 0, l + 0 }' "$work/fa")
  echo "| $p | $cb | $lb | $ca | $la |"
done
read -r cb lb < <(awk '{ n++; l += $2 } END { print n, l }' "$work/fb")
read -r ca la < <(awk '{ n++; l += $2 } END { print n, l }' "$work/fa")
echo "| **all** | $cb | $lb | $ca | $la |"
echo
echo "### The largest classes (lines)"
echo
echo "| # | BEFORE | lines | AFTER | lines |"
echo "| ---: | --- | ---: | --- | ---: |"
sort -k2,2nr -k3 "$work/fb" | sed -n 1,12p >"$work/lb"
sort -k2,2nr -k3 "$work/fa" | sed -n 1,12p >"$work/la"
paste -d' ' "$work/lb" "$work/la" | awk '{ printf "| %d | %s.%s | %d | %s.%s | %d |\n", NR, $1, $3, $2, $4, $6, $5 }'
echo
echo "Over 250 lines: BEFORE $(awk '$2 > 250' "$work/fb" | wc -l), AFTER $(awk '$2 > 250' "$work/fa" | wc -l)."
echo
echo "### \`duplicates\` on src/main (pairs of places sharing a run of N lines or more)"
echo
echo "| run of | BEFORE | AFTER |"
echo "| ---: | --- | --- |"
for n in 6 7; do
  b=$(cd "$work/before/src/main" && duplicates --repo . --min-lines "$n" --most 1 --seconds 120 | sed -n 1p)
  a=$(cd "$work/after/src/main" && duplicates --repo . --min-lines "$n" --most 1 --seconds 120 | sed -n 1p)
  echo "| $n | ${b%%,*} | ${a%%,*} |"
done
echo
echo "### Simple names shared by two classes of src/main"
echo
shared() { awk '{print $3}' "$1" | sort | uniq -d | tr '\n' ' '; }
b=$(shared "$work/fb")
a=$(shared "$work/fa")
echo "BEFORE: ${b:-(none)}; AFTER: ${a:-(none)}"
