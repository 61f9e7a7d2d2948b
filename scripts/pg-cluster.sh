#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for tests: sourced by run-tests.sh and with-postgres.sh.
#
#   mgreview_pg_start   initdb in a temporary folder, start on 127.0.0.1 on a free port, export
#                       MGREVIEW_TEST_PG_URL (a superuser "mgreview" on database mgreview_test)
#   mgreview_pg_stop    stop the server and remove the folder (safe to call twice)
#
# The server never runs as root: PostgreSQL refuses to, and a test cluster has no business
# with root's rights. As root, it runs as the system user "postgres" (created by Debian's
# postgresql package) or else "nobody". Authentication is "trust", which is only acceptable
# because the server listens on loopback only, with a private socket folder, and lives for
# one test run (members of the role mgreview_password_users must give a password). Durability is switched off (fsync, full-page writes): it is thrown away.

MGREVIEW_PG_DIR=""
MGREVIEW_PG_BIN=""
MGREVIEW_PG_RUNAS=()

mgreview_pg_find_bin() {
    local dir
    for dir in /usr/lib/postgresql/15/bin $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -rV); do
        if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then
            echo "$dir"
            return 0
        fi
    done
    return 1
}

mgreview_pg_free_port() {
    # Ask the kernel for a free port; the tiny window before the server binds it is covered
    # by the retry in mgreview_pg_start.
    python3 - <<'EOF' 2>/dev/null || echo $((20000 + RANDOM % 20000))
import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])
s.close()
EOF
}

mgreview_pg_as() {
    "${MGREVIEW_PG_RUNAS[@]}" "$@"
}

mgreview_pg_start() {
    MGREVIEW_PG_BIN="$(mgreview_pg_find_bin)" || {
        echo "error: PostgreSQL server binaries not found (apt-get install postgresql)" >&2
        return 1
    }
    MGREVIEW_PG_DIR="$(mktemp -d "${TMPDIR:-/tmp}/mgreview-pg.XXXXXX")"
    MGREVIEW_PG_RUNAS=()
    if [ "$(id -u)" -eq 0 ]; then
        local user=nobody
        if getent passwd postgres >/dev/null; then
            user=postgres
        fi
        chown "$user" "$MGREVIEW_PG_DIR"
        MGREVIEW_PG_RUNAS=(runuser -u "$user" --)
    fi
    chmod 700 "$MGREVIEW_PG_DIR"
    local data="$MGREVIEW_PG_DIR/data" log="$MGREVIEW_PG_DIR/server.log"
    # cd: runuser keeps the working directory, which the unprivileged user may not be allowed into.
    if ! (cd "$MGREVIEW_PG_DIR" && mgreview_pg_as "$MGREVIEW_PG_BIN/initdb" -D "$data" -U mgreview \
            --auth=trust -E UTF8 --locale=C.UTF-8 --no-sync >"$MGREVIEW_PG_DIR/initdb.log" 2>&1); then
        echo "error: initdb failed:" >&2
        cat "$MGREVIEW_PG_DIR/initdb.log" >&2
        return 1
    fi
    # Everyone is trusted on loopback, except members of mgreview_password_users: the tests
    # of password handling need a server that asks for one.
    local hba="$data/pg_hba.conf"
    { echo "host all +mgreview_password_users 127.0.0.1/32 scram-sha-256"; cat "$hba"; } >"$hba.new"
    mgreview_pg_as cp "$hba.new" "$hba" 2>/dev/null || cp "$hba.new" "$hba"
    rm -f "$hba.new"
    local port attempt
    for attempt in 1 2 3; do
        port="$(mgreview_pg_free_port)"
        if (cd "$MGREVIEW_PG_DIR" && mgreview_pg_as "$MGREVIEW_PG_BIN/pg_ctl" -D "$data" -l "$log" -w -t 30 \
                -o "-h 127.0.0.1 -p $port -k $MGREVIEW_PG_DIR -c fsync=off -c synchronous_commit=off \
                    -c full_page_writes=off -c max_connections=300" start >/dev/null); then
            break
        fi
        port=""
    done
    if [ -z "$port" ]; then
        echo "error: the test PostgreSQL server did not start:" >&2
        cat "$log" >&2 || true
        return 1
    fi
    (cd "$MGREVIEW_PG_DIR" && mgreview_pg_as "$MGREVIEW_PG_BIN/createdb" -h 127.0.0.1 -p "$port" -U mgreview mgreview_test)
    export MGREVIEW_TEST_PG_URL="postgresql://mgreview@127.0.0.1:$port/mgreview_test"
    echo "== Test PostgreSQL $("$MGREVIEW_PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$port" \
         "(${MGREVIEW_PG_RUNAS[2]:-$(id -un)}, $MGREVIEW_PG_DIR)"
}

mgreview_pg_stop() {
    if [ -z "$MGREVIEW_PG_DIR" ]; then
        return 0
    fi
    if [ -f "$MGREVIEW_PG_DIR/data/postmaster.pid" ]; then
        (cd "$MGREVIEW_PG_DIR" && mgreview_pg_as "$MGREVIEW_PG_BIN/pg_ctl" -D "$MGREVIEW_PG_DIR/data" \
            -m immediate -w stop >/dev/null 2>&1) || true
    fi
    rm -rf "$MGREVIEW_PG_DIR"
    MGREVIEW_PG_DIR=""
    unset MGREVIEW_TEST_PG_URL
}
