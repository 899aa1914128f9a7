#!/usr/bin/env bash
# The README's test command (`npm run test:all`): the type check the Pulumi CLI would make
# (it compiles the program with ts-node), the test images, the unit tests (after the images, so
# the tests against a real broker run instead of skipping), then the end-to-end suite on the
# real Docker engine. Ends with ONE plain line
#   N passed, N failed, N skipped
# summing vitest tests and e2e checks (each counted once by its verdict; a skip is never a
# pass), and exits non-zero if anything failed or could not run.
# Run through npm, so node_modules/.bin (vitest, tsx, Node 24) comes first on PATH.
set -uo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.." || exit 1
# npm puts this first already; repeated so `bash scripts/test-all.sh` works on its own too.
PATH="$PWD/node_modules/.bin:$PATH"

readonly SUMMARY=e2e-summary.json
UNIT_REPORT=$(mktemp /tmp/rabbitmq-ha-vitest.XXXXXX.json) || exit 1
readonly UNIT_REPORT
trap 'rm -f "$UNIT_REPORT"' EXIT

passed=0 failed=0 skipped=0
failures=()

stamp() { printf '[test:all %s] %s\n' "$(date +%T)" "$*"; }

# A step that could not produce counts of its own is one failure, named.
count_failure() { failed=$(( failed + 1 )); failures+=("$1"); }

# add_counts KIND FILE: add what scripts/count-results.ts reads from a report.
add_counts() {
  local output first p f s
  if ! output=$(tsx scripts/count-results.ts "$1" "$2"); then
    count_failure "$1 report unreadable: $output"
    return
  fi
  first=${output%%$'\n'*}
  read -r p f s <<< "$first"
  passed=$(( passed + p )) failed=$(( failed + f )) skipped=$(( skipped + s ))
  if [[ "$output" == *$'\n'* ]]; then
    mapfile -t -O "${#failures[@]}" failures <<< "${output#*$'\n'}"
  fi
  stamp "$1: $p passed, $f failed, $s skipped"
}

type_check() {
  stamp "phase 1/4: type check (tsc --noEmit, as the Pulumi CLI compiles the program)"
  if tsc --noEmit -p .; then
    passed=$(( passed + 1 ))
  else
    count_failure "type check: tsc --noEmit reported errors"
  fi
}

run_unit_tests() {
  stamp "phase 3/4: unit tests (vitest; JSON report $UNIT_REPORT)"
  vitest run --reporter=default --reporter=json --outputFile.json="$UNIT_REPORT"
  local rc=$?
  local before=$failed
  add_counts vitest "$UNIT_REPORT"
  (( rc == 0 || failed > before )) || count_failure "unit: vitest exited $rc with no failed test"
}

build_images() {
  stamp "phase 2/4: test images (npm run images)"
  npm run --silent images
}

run_e2e() {
  stamp "phase 4/4: end-to-end suite (npm run e2e)"
  if [[ ! -f test/e2e/run.ts ]]; then
    stamp "test/e2e/run.ts does not exist yet: the end-to-end suite cannot run"
    count_failure "e2e: test/e2e/run.ts missing"
    return
  fi
  rm -f "$SUMMARY"
  npm run --silent e2e
  local rc=$?
  local before=$failed
  if [[ -f "$SUMMARY" ]]; then
    add_counts e2e "$SUMMARY"
  else
    count_failure "e2e: no $SUMMARY written (exit $rc)"
  fi
  (( rc == 0 || failed > before )) || count_failure "e2e: npm run e2e exited $rc"
}

main() {
  local started=$SECONDS
  type_check
  if build_images; then
    run_unit_tests
    run_e2e
  else
    count_failure "images: npm run images failed, end-to-end suite not run"
    run_unit_tests
  fi
  stamp "done in $(( SECONDS - started )) s"
  if (( ${#failures[@]} > 0 )); then
    echo "Failures:"
    printf '  %s\n' "${failures[@]}"
  fi
  echo "$passed passed, $failed failed, $skipped skipped"
  (( failed == 0 ))
}

main
