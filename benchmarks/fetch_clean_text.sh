#!/usr/bin/env bash
# Clean human-written text per language for benchmarks/real_text.py (issue 25), from packages:
#
#   benchmarks/fetch_clean_text.sh [DIR]      # default: ${XDG_CACHE_HOME:-~/.cache}/translate-cmp-bench/clean-text
#
# - Debian's translated manual pages (manpages-de, -fr, -es, -ru, -it, -nl, -ja, -pt-br, and the English
#   originals in `manpages`), fetched with `apt-get download`, unpacked with `dpkg-deb -x`, and rendered
#   to plain UTF-8 text with groff (one paragraph per line: very long lines, no hyphenation, no
#   justification). At most MAX_PAGES pages per language, spread evenly over the sorted page list.
# - Django's and Sphinx's wheels from PyPI (`pip download --no-deps`), whose translated gettext
#   catalogues benchmarks/real_text.py reads out of the zip.
#
# Nothing is copied into the project. Needs apt-get, dpkg-deb, groff (groff-base) and pip. Re-running it
# replaces what DIR holds. Languages: en de es fr it pt nl ru ja (LANGS to choose fewer).
set -euo pipefail

DIR=${1:-${XDG_CACHE_HOME:-$HOME/.cache}/translate-cmp-bench/clean-text}
MAX_PAGES=${MAX_PAGES:-300}
LANGS=${LANGS:-"en de es fr it pt nl ru ja"}
DJANGO=${DJANGO:-django==5.2.17}
SPHINX=${SPHINX:-sphinx==9.0.4}

command -v groff >/dev/null || { echo "fetch_clean_text: groff not found (apt-get install groff-base)" >&2; exit 4; }
command -v dpkg-deb >/dev/null || { echo "fetch_clean_text: dpkg-deb not found" >&2; exit 4; }

package_of() {  # the Debian package holding a language's manual pages
    case "$1" in
        en) echo manpages ;;
        pt) echo manpages-pt-br ;;  # manpages-pt is an empty dummy package in Debian 12
        *) echo "manpages-$1" ;;
    esac
}

man_dir_of() {  # where that package puts the pages, under usr/share/man
    case "$1" in
        en) echo . ;;
        pt) echo pt_BR ;;
        *) echo "$1" ;;
    esac
}

mkdir -p "$DIR"
DIR=$(cd "$DIR" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for lang in $LANGS; do
    pkg=$(package_of "$lang")
    (cd "$work" && apt-get download -q "$pkg" >/dev/null 2>&1) || {
        echo "fetch_clean_text: apt-get download $pkg failed (run apt-get update first?)" >&2; exit 4; }
    deb=$(ls "$work"/"${pkg}"_*.deb)
    rm -rf "$work/root"
    dpkg-deb -x "$deb" "$work/root"
    src="$work/root/usr/share/man/$(man_dir_of "$lang")"
    out="$DIR/man/$lang"
    rm -rf "$out"
    mkdir -p "$out"
    # the English package's pages sit in man1..man8 directly; translated ones under their language folder
    mapfile -t pages < <(find "$src" -path '*/man[0-9]*/*' -name '*.gz' -type f | LC_ALL=C sort)
    n=${#pages[@]}
    step=$(( n > MAX_PAGES ? n / MAX_PAGES : 1 ))
    kept=0
    for ((i = 0; i < n && kept < MAX_PAGES; i += step)); do
        page=${pages[$i]}
        if zcat "$page" | grep -qm1 '^\.so '; then
            continue  # a link to another page
        fi
        name=$(basename "$(dirname "$page")")_$(basename "$page" .gz)
        # -k: preconv (UTF-8 or the page's coding tag); -t: tables; LL: one paragraph per line;
        # HY=0: no hyphenation; IN=0: a tag (.TP, .IP) always on a line of its own, never glued to its
        # paragraph ("EFAULT The command ..."), and running text not indented (code blocks still are);
        # AD=l: no justification spaces; -P-cbou: no overstrike, colour or underline
        if zcat "$page" | groff -k -t -Tutf8 -man -rLL=3000n -rHY=0 -rIN=0n -dAD=l -P-cbou >"$out/$name.txt" 2>/dev/null; then
            kept=$((kept + 1))
        else
            rm -f "$out/$name.txt"
        fi
    done
    echo "$lang: $kept of $n pages from $(basename "$deb")"
done

mkdir -p "$DIR/wheels"
rm -f "$DIR"/wheels/*.whl
python -m pip download -q --no-deps -d "$DIR/wheels" "$DJANGO" "$SPHINX"
echo "wheels: $(cd "$DIR/wheels" && ls)"
echo "clean text in $DIR"
