#!/usr/bin/env bash
# Fuzzing on the stable toolchain (issue 7): runs each target of tests/fuzz for a bounded time
# with many cases, in release with overflow checks and debug assertions on.
#
#   fuzz/run.sh [TARGET...]      targets: frontmatter spans markdown tree (default: all)
#
# Environment:
#   FUZZ_SECONDS   time per target, default 120 (four targets: under 10 minutes with the build)
#   FUZZ_CASES     cases per property (PROPTEST_CASES); default by target, about what fits in
#                  two minutes: frontmatter and spans 1000000, markdown and tree 5000.
#                  A target that reaches its time bound first stops there; that is no failure.
#   FUZZ_TARGET_DIR  cargo target dir, default target/fuzz (its own, so the profile overrides
#                  below do not rebuild target/release)
#
# Exits 1 if any property or corpus check fails. proptest saves each failing case (a seed) in
# tests/fuzz/<target>.proptest-regressions and replays it first on every later run, `cargo test`
# included: commit those files, and turn each case into a named test in tests/fuzz/regressions.rs.
set -uo pipefail
cd "$(dirname "$0")/.."

all=(frontmatter spans markdown tree)
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=("${all[@]}")
for t in "${targets[@]}"; do
  case " ${all[*]} " in *" $t "*) ;; *) echo "unknown target '$t' (targets: ${all[*]})" >&2; exit 2 ;; esac
done
seconds=${FUZZ_SECONDS:-120}
default_cases() {
  case $1 in frontmatter | spans) echo 1000000 ;; *) echo 5000 ;; esac
}
export CARGO_TARGET_DIR=${FUZZ_TARGET_DIR:-target/fuzz}
export CARGO_PROFILE_RELEASE_DEBUG_ASSERTIONS=true CARGO_PROFILE_RELEASE_OVERFLOW_CHECKS=true
# Leave a failure time to shrink (and be saved) inside the time bound.
export PROPTEST_MAX_SHRINK_TIME=${PROPTEST_MAX_SHRINK_TIME:-$(( seconds * 1000 / 4 ))}
logs=$CARGO_TARGET_DIR/logs
mkdir -p "$logs"

echo "building the fuzz tests (release, overflow checks on) into $CARGO_TARGET_DIR ..."
build_log=$logs/build.log
if ! cargo test --release --test fuzz --no-run >"$build_log" 2>&1; then
  cat "$build_log" >&2
  exit 2
fi
binary=$(sed -n 's/.*Executable tests\/fuzz\/main.rs (\(.*\))$/\1/p' "$build_log" | tail -1)
if [ ! -x "$binary" ]; then
  echo "cannot find the fuzz test binary in $build_log" >&2
  exit 2
fi

# The regression files before the run, to tell which ones it added to.
sums() { for f in tests/fuzz/*.proptest-regressions; do [ -f "$f" ] && echo "$(md5sum <"$f") $f"; done; }
sums_before=$(sums)

# How far each property of a target got, from the progress lines of its log.
progress_of() {
  grep -E '^progress ' "$1" | awk '{ last[$2] = $3 } END { for (p in last) printf "    %s %s cases\n", p, last[p] }' | sort
}

failed=()
for t in "${targets[@]}"; do
  log=$logs/$t.log
  cases=${FUZZ_CASES:-$(default_cases "$t")}
  start=$(date +%s)
  FUZZ_PROGRESS=1 PROPTEST_CASES=$cases timeout --signal=INT --kill-after=15 "$seconds" "$binary" --test-threads=2 --nocapture "$t::" >"$log" 2>&1
  rc=$?
  took=$(( $(date +%s) - start ))
  summary=$(grep -E '^test result:' "$log" | tail -1)
  case $rc in
    0) echo "$t: ok, $cases cases per property in ${took}s — $summary" ;;
    124|130|137)
      if grep -q 'panicked at' "$log"; then
        echo "$t: FAILED, and the time bound of ${seconds}s cut off the shrinking before proptest saved the case (log: $log)"
        echo "    rerun this target alone with a larger FUZZ_SECONDS to get the minimal input; first panic:"
        grep -m1 -A1 'panicked at' "$log" | sed 's/^/    /'
        failed+=("$t")
      else
        echo "$t: time bound of ${seconds}s reached before $cases cases per property; no failure (log: $log)"
        progress_of "$log"
      fi
      ;;
    *)
      echo "$t: FAILED after ${took}s (log: $log)"
      grep -E '^test .* FAILED$' "$log" | sed 's/^/    /'
      # Each failure: the message and the minimal input, which may span lines.
      awk '/^Test failed/ { on = 1 } on { print "    " $0 } /^[[:space:]]*successes:/ { on = 0 }' "$log" | grep -v 'successes:'
      grep -E 'corpus inputs that fail' -A20 "$log" | grep -E '^[a-z]+/' | sed 's/^/    /'
      grep -E 'Saving this and future failures in' "$log" | sort -u | sed 's/^proptest: /    /'
      failed+=("$t")
      ;;
  esac
done

changed=$(diff <(echo "$sums_before") <(sums) | sed -n 's/^> [0-9a-f]* *-* //p')
if [ -n "$changed" ]; then
  echo
  echo "failing seeds proptest saved in this run (commit them; cargo test replays them first):"
  echo "$changed" | sed 's/^/    /'
fi
if [ ${#failed[@]} -gt 0 ]; then
  echo
  echo "failed: ${failed[*]}"
  exit 1
fi
echo "all targets passed"
