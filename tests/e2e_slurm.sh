#!/usr/bin/env bash
# The README's Slurm job array, run on a real scheduler: a one-node cluster
# on loopback (Debian's slurm-wlm and munge; slurmctld + slurmd, one
# partition), `sbatch --array` of examples/slurm/sweep-array.sh on a reduced
# grid, then the shards' CSVs concatenated must equal the one-machine sweep
# cell for cell, and `--resume` on a CSV missing one shard must run only that
# shard's cells. Needs root (the daemons run as root with SlurmUser=root) and
# the packages (.ci/run installs them). Self-contained: its own config, state
# and ports; the daemons and munge it started are stopped on exit.
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
BIN=$ROOT/target/release/breakwater
fail() { echo "e2e_slurm: FAIL: $*" >&2; exit 1; }
say() { echo "e2e_slurm: $*"; }

for cmd in slurmctld slurmd sbatch sinfo munged munge; do
    command -v "$cmd" >/dev/null 2>&1 || [ -x "/usr/sbin/$cmd" ] || fail "$cmd is not installed"
done
[ -x "$BIN" ] || cargo build --release --quiet || fail "build"

W=$(mktemp -d /tmp/breakwater-slurm-XXXXXX)
export SLURM_CONF=$W/slurm.conf
started_munge=0
cleanup() {
    local pids=""
    for f in "$W/slurmd.pid" "$W/slurmctld.pid"; do
        [ -f "$f" ] && pids="$pids $(cat "$f")"
    done
    if [ "$started_munge" = 1 ]; then
        pids="$pids $(pgrep -x munged)"
    fi
    for p in $pids; do kill "$p" 2>/dev/null; done
    for _ in $(seq 50); do
        local alive=0
        for p in $pids; do kill -0 "$p" 2>/dev/null && alive=1; done
        [ "$alive" = 0 ] && break
        sleep 0.1
    done
    if [ "${KEEP:-0}" != 1 ]; then rm -rf "$W"; fi
}
trap cleanup EXIT

# munge: the key Debian's package made, and its daemon as its own user.
if ! munge -n 2>/dev/null | unmunge >/dev/null 2>&1; then
    [ -f /etc/munge/munge.key ] || /usr/sbin/mungekey --create || fail "no munge key"
    mkdir -p /run/munge /var/log/munge /var/lib/munge
    chown munge:munge /run/munge /var/log/munge /var/lib/munge /etc/munge/munge.key
    su -s /bin/sh munge -c /usr/sbin/munged || fail "munged did not start"
    started_munge=1
    sleep 1
    munge -n | unmunge >/dev/null || fail "munge does not answer"
fi

NODE=$(hostname -s)
mkdir -p "$W/state" "$W/spool" "$W/log"
cat > "$SLURM_CONF" <<CONF
ClusterName=breakwater
SlurmctldHost=$NODE(127.0.0.1)
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
MpiDefault=none
ReturnToService=2
StateSaveLocation=$W/state
SlurmdSpoolDir=$W/spool
SlurmctldPidFile=$W/slurmctld.pid
SlurmdPidFile=$W/slurmd.pid
SlurmctldLogFile=$W/log/slurmctld.log
SlurmdLogFile=$W/log/slurmd.log
SlurmctldPort=${SLURMCTLD_PORT:-6817}
SlurmdPort=${SLURMD_PORT:-6818}
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
NodeName=$NODE NodeAddr=127.0.0.1 CPUs=$(nproc) State=UNKNOWN
PartitionName=debug Nodes=$NODE Default=YES MaxTime=INFINITE State=UP
CONF
/usr/sbin/slurmctld -f "$SLURM_CONF" || fail "slurmctld did not start: $(tail -5 "$W/log/slurmctld.log")"
/usr/sbin/slurmd -f "$SLURM_CONF" || fail "slurmd did not start: $(tail -5 "$W/log/slurmd.log")"
for _ in $(seq 60); do
    sinfo -h -o %t 2>/dev/null | grep -Eq '^idle' && break
    sleep 0.5
done
sinfo -h -o %t | grep -Eq '^idle' || fail "the node is not idle: $(sinfo 2>&1; tail -5 "$W/log/slurmd.log")"
say "cluster up: $(sinfo -h -o '%P %D %t %N')"

# The README's job script on a reduced grid (4 × 3 cells in 4 shards).
export RATES=10..40:10 ATTEMPTS=1..3:1 BREAKWATER=$BIN
cd "$W"
sbatch --wait --array=0-3 "$ROOT/examples/slurm/sweep-array.sh" >/dev/null \
    || fail "sbatch: $(cat sweep-*.log 2>/dev/null)"
for i in 0 1 2 3; do
    [ -s "map-$i.csv" ] || fail "shard $i wrote no CSV: $(cat "sweep-$i.log" 2>/dev/null)"
done
cat map-*.csv > map.csv
"$BIN" sweep retry-storm --vary "load.rate=$RATES" --vary "patterns.retry.max_attempts=$ATTEMPTS" \
    --metric goodput_after --quiet --csv whole.csv >/dev/null || fail "the one-machine sweep"
# Cell for cell: the same rows, whatever the shards' order (one header).
rows() { grep -v '^index,' "$1" | sort -t, -k1,1n; }
[ "$(head -n 1 map.csv)" = "$(head -n 1 whole.csv)" ] || fail "headers differ"
diff <(rows map.csv) <(rows whole.csv) >/dev/null || fail "the shards differ from the one-machine sweep: $(diff <(rows map.csv) <(rows whole.csv) | head)"
[ "$(rows whole.csv | wc -l)" = 12 ] || fail "expected 12 cells, got $(rows whole.csv | wc -l)"
say "4 shards under sbatch --array = the one-machine sweep, 12 cells"

# --resume on the shards without shard 3 runs only shard 3's cells.
cat map-0.csv map-1.csv map-2.csv > partial.csv
missing=$(rows map-3.csv | wc -l)
before=$(rows partial.csv | wc -l)
out=$("$BIN" sweep retry-storm --vary "load.rate=$RATES" --vary "patterns.retry.max_attempts=$ATTEMPTS" \
    --metric goodput_after --resume partial.csv 2>&1 >/dev/null) || fail "--resume: $out"
diff <(rows partial.csv) <(rows whole.csv) >/dev/null || fail "--resume did not complete the sweep"
added=$(( $(rows partial.csv | wc -l) - before ))
[ "$added" = "$missing" ] || fail "--resume ran $added cells, not shard 3's $missing"
diff <(tail -n "$missing" partial.csv | sort -t, -k1,1n) <(rows map-3.csv) >/dev/null \
    || fail "--resume appended other cells than shard 3's"
say "--resume ran only the missing shard's $missing cells"
say "ok"
