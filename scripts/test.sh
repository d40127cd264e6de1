#!/usr/bin/env bash
# Sets up and runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh

swift build --build-tests
swift test --skip-build
