#!/usr/bin/env bash
# Set up (if needed) and run qa on every bundled corpora pair, clean and defective
# translations, writing JSON and text reports to reports/. Exit 0 when every run
# completed (a failed gate on a defective translation is the expected outcome).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
mkdir -p reports
status=0
for pair in corpora/*/; do
  name=$(basename "$pair")
  for variant in en en.defective; do
    [ -f "$pair/$variant.txt" ] || continue
    out="reports/$name.$variant"
    set +e
    .venv/bin/qa check "$pair/de.txt" "$pair/$variant.txt" --termbase "$pair/terms.csv" \
      --format json -o "$out.json"
    code=$?
    .venv/bin/qa check "$pair/de.txt" "$pair/$variant.txt" --termbase "$pair/terms.csv" \
      -o "$out.txt"
    set -e
    case $code in
      0) verdict="passed" ;;
      1) verdict="FAILED gate" ;;
      *) verdict="ERROR"; status=2 ;;
    esac
    printf '%-40s %-12s %s\n' "$name/$variant.txt" "$verdict" "$out.json"
  done
done
exit $status
