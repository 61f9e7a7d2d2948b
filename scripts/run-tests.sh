#!/usr/bin/env bash
# Sets everything up, builds, and runs every test through ctest.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
mgreview_install_packages
mgreview_build
export QT_QPA_PLATFORM=offscreen
cd "$MGREVIEW_BUILD"
ctest --output-on-failure -j"$(nproc)" --timeout 900
