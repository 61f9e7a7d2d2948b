#!/usr/bin/env bash
# Installs the Debian 12 packages MgReview needs (only those missing) and builds it.
# Sourced by run-app.sh and run-tests.sh; safe to run again (it only does what is missing).
set -euo pipefail

MGREVIEW_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
MGREVIEW_BUILD="${MGREVIEW_BUILD:-$MGREVIEW_ROOT/build}"
export MGREVIEW_ROOT MGREVIEW_BUILD

MGREVIEW_PACKAGES=(
    g++ cmake ninja-build pkg-config git
    qt6-base-dev libqt6sql6-sqlite libsqlite3-dev libqt6sql6-psql qt6-svg-dev qt6-charts-dev libqt6opengl6-dev
    qt6-tools-dev qt6-l10n-tools libpoppler-qt6-dev libtomlplusplus-dev qtkeychain-qt6-dev
    libgtest-dev libgmock-dev libbenchmark-dev qpdf libpoppler-private-dev
    postgresql xvfb xauth fonts-dejavu-core poppler-utils bibutils
)

mgreview_install_packages() {
    local missing=()
    for package in "${MGREVIEW_PACKAGES[@]}"; do
        if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
            missing+=("$package")
        fi
    done
    if [ ${#missing[@]} -eq 0 ]; then
        return 0
    fi
    echo "== Installing Debian packages: ${missing[*]}"
    local sudo=""
    if [ "$(id -u)" -ne 0 ]; then
        if command -v sudo >/dev/null 2>&1; then
            sudo="sudo"
        else
            echo "error: these Debian packages are missing and you are not root: ${missing[*]}" >&2
            exit 1
        fi
    fi
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

mgreview_build() {
    echo "== Building MgReview in $MGREVIEW_BUILD"
    if [ ! -f "$MGREVIEW_BUILD/build.ninja" ]; then
        cmake -S "$MGREVIEW_ROOT" -B "$MGREVIEW_BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
    fi
    cmake --build "$MGREVIEW_BUILD" -j"$(nproc)" "$@"
}
