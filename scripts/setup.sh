#!/usr/bin/env bash
# Installs the Debian packages rereg builds against, when they are missing.
# Sourced by the other scripts; safe to run again.
set -euo pipefail

REREG_DEBIAN_PACKAGES=(libcsv-dev libxml2-dev libsqlite3-dev libxlsxwriter-dev libjemalloc-dev pkg-config unzip)

missing=()
for package in "${REREG_DEBIAN_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done

if [ ${#missing[@]} -gt 0 ]; then
    echo "Installing: ${missing[*]}" >&2
    if [ "$(id -u)" -eq 0 ]; then sudo=(); else sudo=(sudo); fi
    "${sudo[@]}" apt-get update
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y "${missing[@]}"
fi

command -v swift >/dev/null || { echo "rereg needs Swift 6 on the PATH (https://swift.org/install)." >&2; exit 1; }
