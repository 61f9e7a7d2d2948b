#!/usr/bin/env bash
# Sets everything up and starts MgReview on the seeded library (SQLite in your data folder).
# Extra arguments go to mgreview, e.g. --library FILE, --screenshot out.png --select ID.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
mgreview_install_packages
mgreview_build --target mgreview
exec "$MGREVIEW_BUILD/app/gui/mgreview" "$@"
