#!/usr/bin/env bash
# The long soak of the core (widget/core/tests/soak/): SOAK_COUNT generated inputs per target,
# 1,000,000 unless set, in an optimised build. Prints one table per target; fails on any panic,
# hang (> 1 s for one input) or wrong answer, with the seed and the input that did it.
#   scripts/soak.sh                      # a million per target, the fixed seed
#   SOAK_COUNT=50000 SOAK_SEED=0x1234 scripts/soak.sh
#   scripts/soak.sh soak_letter          # only the tests whose names contain this
# The release profile says panic = "abort", but cargo builds test targets with unwinding, so
# each input's panic is caught and counted.
set -euo pipefail
cd "$(dirname "$0")/.."
export SOAK_COUNT="${SOAK_COUNT:-1000000}"
cargo test --release -p widget-core --features serde --test soak -- --nocapture --test-threads=1 "$@"
