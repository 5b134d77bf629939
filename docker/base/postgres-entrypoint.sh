#!/bin/sh
# The official postgres image's start-up contract, in small: POSTGRES_PASSWORD (required), POSTGRES_USER (the
# superuser, default postgres), POSTGRES_DB (default: the user's name), data in PGDATA. The first start on an
# empty data directory creates the cluster, the user and the database; every start then runs the server,
# reachable from other containers with the password only.
set -eu

if [ "${1:-}" != postgres ]; then
    exec "$@"
fi
shift
: "${POSTGRES_PASSWORD:?POSTGRES_PASSWORD is required}"
user=${POSTGRES_USER:-postgres}
db=${POSTGRES_DB:-$user}

if [ ! -s "$PGDATA/PG_VERSION" ]; then
    pwfile=$(mktemp)
    printf '%s\n' "$POSTGRES_PASSWORD" > "$pwfile"
    initdb -D "$PGDATA" --username="$user" --pwfile="$pwfile" --encoding=UTF8 --locale=C.UTF-8 \
        --auth-local=trust --auth-host=scram-sha-256 > /dev/null
    rm -f "$pwfile"
    echo "host all all all scram-sha-256" >> "$PGDATA/pg_hba.conf"
    if [ "$db" != postgres ]; then
        # a private socket and no TCP: nothing, not even the health check, takes this short-lived server for ready
        socket=$(mktemp -d)
        pg_ctl -D "$PGDATA" -w -o "-c listen_addresses='' -k $socket" start > /dev/null
        ident=$(printf '%s' "$db" | sed 's/"/""/g')
        psql -h "$socket" -U "$user" -d postgres -v ON_ERROR_STOP=1 -q -c "CREATE DATABASE \"$ident\""
        pg_ctl -D "$PGDATA" -w -m fast stop > /dev/null
        rmdir "$socket"
    fi
    echo "postgres-entrypoint: created database '$db' owned by '$user' in $PGDATA"
fi
exec postgres -D "$PGDATA" -c listen_addresses='*' "$@"
