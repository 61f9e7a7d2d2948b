#!/usr/bin/env bash
# Runs a command with a throwaway PostgreSQL cluster (see pg-cluster.sh) and
# MGREVIEW_TEST_PG_URL set, then stops the cluster, whatever the command's outcome:
#
#   bash scripts/with-postgres.sh ctest --test-dir build -R core_store --output-on-failure
#   bash scripts/with-postgres.sh build/tests/core/core_store --gtest_filter='*Postgres*'
#   bash scripts/with-postgres.sh bash -c 'psql "$MGREVIEW_TEST_PG_URL"'
set -euo pipefail
if [ $# -eq 0 ]; then
    echo "usage: $0 COMMAND [ARGUMENTS...]" >&2
    exit 2
fi
source "$(dirname "${BASH_SOURCE[0]}")/pg-cluster.sh"
trap mgreview_pg_stop EXIT
trap "exit 130" INT TERM  # so that the EXIT trap stops the server on Ctrl+C or kill too
mgreview_pg_start
set +e
"$@"
status=$?
exit $status
