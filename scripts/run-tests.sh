#!/usr/bin/env bash
# Sets everything up, builds, and runs every test through ctest, with a throwaway
# PostgreSQL cluster for the team-mode tests (scripts/pg-cluster.sh; always stopped).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
source "$(dirname "${BASH_SOURCE[0]}")/pg-cluster.sh"
mgreview_install_packages
mgreview_build
export QT_QPA_PLATFORM=offscreen
trap mgreview_pg_stop EXIT
trap "exit 130" INT TERM  # so that the EXIT trap stops the server on Ctrl+C or kill too
mgreview_pg_start
# The PostgreSQL tests must run here, never skip: they fail when the variable is missing.
export MGREVIEW_TEST_PG_REQUIRED=1
cd "$MGREVIEW_BUILD"
ctest --output-on-failure -j"$(nproc)" --timeout 900
