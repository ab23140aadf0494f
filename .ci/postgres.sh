# shellcheck shell=bash
# Source this from .ci/run:  . .ci/postgres.sh
#
# Starts a private, throw-away PostgreSQL cluster for the server tests and exports
# FIELDAPP_TEST_PG_URL (postgresql+psycopg://...). Installs Debian's postgresql if missing.
# The cluster lives in $FIELDAPP_PG_DIR (default: a fresh temp dir), listens only on a unix
# socket in that dir plus 127.0.0.1 on a free port, and is stopped by fieldapp_pg_stop (an
# EXIT trap is installed unless FIELDAPP_PG_NO_TRAP=1).
# Runs initdb/pg_ctl as the "postgres" OS user when we are root (PostgreSQL refuses root).

fieldapp_pg_start() {
    if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
        echo "postgres.sh: installing postgresql from Debian" >&2
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    fi
    local bindir
    bindir=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n1)
    local dir="${FIELDAPP_PG_DIR:-$(mktemp -d /tmp/fieldapp-pg.XXXXXX)}"
    local port
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
    mkdir -p "$dir"
    local run=()
    if [ "$(id -u)" = "0" ]; then
        chown postgres: "$dir"
        run=(runuser -u postgres --)
    fi
    if [ ! -f "$dir/data/PG_VERSION" ]; then
        "${run[@]}" "$bindir/initdb" -D "$dir/data" -A trust -U postgres -E UTF8 --no-locale >/dev/null
    fi
    "${run[@]}" "$bindir/pg_ctl" -D "$dir/data" -l "$dir/log" -w -t 60 \
        -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=on -c max_connections=300" start >/dev/null
    "${run[@]}" "$bindir/psql" -h "$dir" -p "$port" -U postgres -q -v ON_ERROR_STOP=1 \
        -c "CREATE ROLE fieldapp LOGIN PASSWORD 'fieldapp'" \
        -c "CREATE DATABASE fieldapp_test OWNER fieldapp" >/dev/null
    export FIELDAPP_PG_DIR="$dir" FIELDAPP_PG_BINDIR="$bindir"
    export FIELDAPP_TEST_PG_URL="postgresql+psycopg://fieldapp:fieldapp@127.0.0.1:$port/fieldapp_test"
    echo "postgres.sh: PostgreSQL ready on 127.0.0.1:$port (FIELDAPP_TEST_PG_URL exported)" >&2
}

fieldapp_pg_stop() {
    if [ -n "${FIELDAPP_PG_DIR:-}" ] && [ -f "$FIELDAPP_PG_DIR/data/postmaster.pid" ]; then
        local run=()
        [ "$(id -u)" = "0" ] && run=(runuser -u postgres --)
        "${run[@]}" "$FIELDAPP_PG_BINDIR/pg_ctl" -D "$FIELDAPP_PG_DIR/data" -m fast -w stop >/dev/null || true
        rm -rf "$FIELDAPP_PG_DIR"
    fi
}

fieldapp_pg_start
if [ "${FIELDAPP_PG_NO_TRAP:-0}" != "1" ]; then
    trap fieldapp_pg_stop EXIT
fi
