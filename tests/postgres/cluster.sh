#!/usr/bin/env bash
# A private PostgreSQL cluster for MedQA's tests and benchmarks, in a folder of its own, on 127.0.0.1 only.
#   tests/postgres/cluster.sh start <folder> [port]   installs Debian's postgresql if missing, creates the cluster
#                                                     (once) and starts it; prints the connection string
#   tests/postgres/cluster.sh stop <folder>
# The cluster's superuser is "medqa" (trust authentication on loopback), its collation C.UTF-8 (text sorts by code
# point, as on SQLite). Durability is off (fsync, synchronous_commit): a scratch cluster, never a real catalogue's.
set -euo pipefail
command=${1:?start or stop}
folder=${2:?the cluster folder}
port=${3:-5433}

bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
if [ -z "$bin" ]; then
  apt-get update -qq && apt-get install -y -qq postgresql >/dev/null
  bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
fi
# PostgreSQL refuses to run as root: as root, the cluster belongs to the postgres user Debian's package made.
as_owner() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

case "$command" in
  start)
    mkdir -p "$folder"
    [ "$(id -u)" -eq 0 ] && chown postgres "$folder"
    if [ ! -f "$folder/data/PG_VERSION" ]; then
      as_owner "$bin/initdb" -D "$folder/data" -E UTF8 --locale=C.UTF-8 --auth=trust -U medqa >"$folder/initdb.log"
    fi
    as_owner "$bin/pg_ctl" -D "$folder/data" -l "$folder/server.log" -w -o "-p $port -k $folder -c listen_addresses=127.0.0.1 \
      -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" start >/dev/null
    echo "Host=127.0.0.1;Port=$port;Username=medqa;Database=postgres"
    ;;
  stop)
    as_owner "$bin/pg_ctl" -D "$folder/data" -m fast -w stop >/dev/null
    ;;
  *)
    echo "usage: $0 start|stop <folder> [port]" >&2
    exit 2
    ;;
esac
