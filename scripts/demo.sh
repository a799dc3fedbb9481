#!/usr/bin/env bash
# Set up (if needed) and run qa on every bundled corpora pair and bilingual sample, clean
# and defective translations, writing for each the HTML report an editor opens, the JSON
# report and the linter text to reports/. Exit 0 when every run completed (a failed gate on a
# defective translation is the expected outcome).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh core
mkdir -p reports
status=0
for pair in corpora/*/; do
  pair=${pair%/}
  name=$(basename "$pair")
  if [ -f "$pair/gold.units.json" ]; then  # a bilingual file (XLIFF, PO, TMX): one argument
    for file in "$pair"/clean.* "$pair"/defective.*; do
      out="reports/$name.$(basename "${file%.*}")"
      set +e
      .venv/bin/qa check "$file" -q --format html -o "$out.html" --format json -o "$out.json" \
        --format text -o "$out.txt"
      code=$?
      set -e
      case $code in 0) verdict="passed" ;; 1) verdict="FAILED gate" ;; *) verdict="ERROR"; status=2 ;; esac
      printf '%-40s %-12s %s\n' "$name/$(basename "$file")" "$verdict" "$out.html"
    done
    continue
  fi
  source=$(ls "$pair"/de.* 2>/dev/null | head -n1)
  [ -n "$source" ] || continue
  ext=${source##*.}
  for variant in en en.defective; do
    target="$pair/$variant.$ext"
    [ -f "$target" ] || continue
    out="reports/$name.$variant"
    terms=()
    [ -f "$pair/terms.csv" ] && terms=(--termbase "$pair/terms.csv")
    set +e
    .venv/bin/qa check "$source" "$target" "${terms[@]}" -q \
      --format html -o "$out.html" --format json -o "$out.json" --format text -o "$out.txt"
    code=$?
    set -e
    case $code in
      0) verdict="passed" ;;
      1) verdict="FAILED gate" ;;
      *) verdict="ERROR"; status=2 ;;
    esac
    printf '%-40s %-12s %s\n' "$name/$variant.$ext" "$verdict" "$out.html"
  done
done
exit $status
