#!/bin/sh
# Submits the pdfvariants array and, after it, the report that merges the shards' manifests.
#
#   deploy/slurm/submit.sh INPUT_DIR OUTPUT_DIR [SHARDS]      (default: 16 shards)
#
# The report job runs whatever happened to the array (afterany) and fails (exit 1 or 6) when
# documents failed or a shard is missing, so a failed batch is visible in sacct.
set -eu

if [ $# -lt 2 ]; then
    echo "usage: $0 INPUT_DIR OUTPUT_DIR [SHARDS]" >&2
    exit 2
fi
input=$1
output=$2
shards=${3:-16}
case $shards in
    ''|*[!0-9]*) echo "submit.sh: SHARDS must be a number, got '$shards'" >&2; exit 2 ;;
esac
here=$(cd "$(dirname "$0")" && pwd)
launcher=${PDFVARIANTS_HOME:+$PDFVARIANTS_HOME/bin/}pdfvariants

array=$(sbatch --parsable --array="0-$((shards - 1))" --export="ALL,INPUT=$input,OUTPUT=$output" \
    "$here/pdfvariants-array.sbatch")
array=${array%%;*}
report=$(sbatch --parsable --job-name=pdfvariants-report --dependency="afterany:$array" \
    --output=pdfvariants-report-%j.log \
    --wrap="$launcher report '$output' --json-file '$output/_run/report.json' --html '$output/_run/report.html'")
echo "submitted array job $array ($shards shards) and report job $report"
