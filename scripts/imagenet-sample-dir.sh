#!/usr/bin/env bash
# Prints the ImageFolder directory of the 1,000-image ImageNet sample (shared/datasets/imagenet-sample.zip),
# unzipping it there once. Used by scripts/imagenet-smoke.sh and `make bench` (ImageNet decode+augment).
#   env: SAMPLE_DIR (default /tmp/imagenet-sample), DISTPROP_SHARED_DATASETS (folder holding the zip)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SAMPLE_DIR="${SAMPLE_DIR:-/tmp/imagenet-sample}"
if [[ ! -d "$SAMPLE_DIR/val" ]]; then
  ZIP=""
  if [[ -n "${DISTPROP_SHARED_DATASETS:-}" ]]; then
    ZIP="$DISTPROP_SHARED_DATASETS/imagenet-sample.zip"
  else
    for d in "$ROOT" "$ROOT/.." "$ROOT/../.."; do # main checkout or a worktree below the shared folder
      if [[ -f "$d/shared/datasets/imagenet-sample.zip" ]]; then ZIP="$d/shared/datasets/imagenet-sample.zip"; break; fi
    done
  fi
  [[ -f "$ZIP" ]] || { echo "imagenet-sample-dir: shared/datasets/imagenet-sample.zip not found; set DISTPROP_SHARED_DATASETS" >&2; exit 2; }
  mkdir -p "$SAMPLE_DIR.tmp" && (cd "$SAMPLE_DIR.tmp" && unzip -q -o "$ZIP") && mv "$SAMPLE_DIR.tmp" "$SAMPLE_DIR"
fi
echo "$SAMPLE_DIR"
