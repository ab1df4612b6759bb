#!/usr/bin/env bash
# ImageNet path smoke test on the 1,000-image sample (shared/datasets/imagenet-sample.zip):
# unzips it once outside the repository, then runs each given method (default: sgd distprop)
# for 5 AlexNet steps and evaluates top-1/top-5 on the 1,000 images. Needs `make build` first.
# lr 1e-4 = the authors' ImageNet primal learning rate (method-spec §3/§4); the MNIST default
# 0.009185 with Adagrad blows the AlexNet logits up at step 2 (measured: loss 3.1e6).
#   usage: scripts/imagenet-smoke.sh [method ...]     env: SAMPLE_DIR (default /tmp/imagenet-sample)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SAMPLE_DIR="$("$ROOT/scripts/imagenet-sample-dir.sh")"
methods=("$@")
[[ ${#methods[@]} -gt 0 ]] || methods=(sgd distprop)
for m in "${methods[@]}"; do
  "$ROOT/distprop" run --method "$m" --dataset imagenet --imagenet-dir "$SAMPLE_DIR" --steps 5 --batch-size 8 --lr 0.0001 \
    --eval-batch-size 50 --seed 1 --out "${TMPDIR:-/tmp}/imagenet-smoke/$m" --force --quiet
done
