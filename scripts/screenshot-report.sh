#!/usr/bin/env bash
# Renders a report.html to a PNG with headless Chromium, A4 proportions (1240×1754 px,
# 150 dpi), so that a person can see what the leading group will see.
#
#   scripts/screenshot-report.sh output/2022-01/report.html [bench/report-screenshot.png]
#
# Installs Debian's chromium and fonts-noto-cjk (the Chinese glyphs) when missing.
set -euo pipefail

if [ $# -lt 1 ] || [ $# -gt 2 ]; then
    echo "usage: $0 REPORT_HTML [OUTPUT_PNG]" >&2
    exit 2
fi
html=$1
[ -f "$html" ] || { echo "No such report: $html" >&2; exit 1; }
png=${2:-${html%.html}.png}
html_abs=$(cd "$(dirname "$html")" && pwd)/$(basename "$html")
mkdir -p "$(dirname "$png")"
png_abs=$(cd "$(dirname "$png")" && pwd)/$(basename "$png")

missing=()
command -v chromium >/dev/null || missing+=(chromium)
dpkg-query -W -f='${Status}' fonts-noto-cjk 2>/dev/null | grep -q "install ok installed" || missing+=(fonts-noto-cjk)
if [ ${#missing[@]} -gt 0 ]; then
    echo "Installing: ${missing[*]}" >&2
    if [ "$(id -u)" -eq 0 ]; then sudo=(); else sudo=(sudo); fi
    "${sudo[@]}" apt-get update
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y "${missing[@]}"
fi

# A throwaway profile, so that nothing of the user's Chromium is touched or needed.
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run \
    --user-data-dir="$profile" --force-device-scale-factor=1 \
    --screenshot="$png_abs" --window-size=1240,1754 "file://$html_abs" 2>"$profile/chromium.log" || {
    cat "$profile/chromium.log" >&2
    exit 1
}
[ -s "$png_abs" ] || { echo "Chromium wrote no screenshot; its log:" >&2; cat "$profile/chromium.log" >&2; exit 1; }
echo "$png_abs"
