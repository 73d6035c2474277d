#!/bin/sh
# A sweep split across a Slurm cluster: array task I runs shard I of N.
#SBATCH --job-name=breakwater-sweep
#SBATCH --array=0-15
#SBATCH --output=sweep-%a.log
# Each task writes its own CSV; together they are the whole sweep.
: "${RATES:=10..200:1}" "${ATTEMPTS:=1..10:1}" "${BREAKWATER:=breakwater}"
"$BREAKWATER" sweep retry-storm --vary "load.rate=$RATES" \
  --vary "patterns.retry.max_attempts=$ATTEMPTS" --metric goodput_after --quiet \
  --shard "$SLURM_ARRAY_TASK_ID/$SLURM_ARRAY_TASK_COUNT" --csv "map-$SLURM_ARRAY_TASK_ID.csv"
