#!/usr/bin/env bash
# Calibrates the realistic AVS-Synth preset on the AUDIO-ONLY BASELINE ONLY (issue 17): for each generator config,
# generate train + val, pre-train the audio encoder and the cue encoder on it, train the baseline, and score it on val
# with normal and muted audio. TeSO is never trained or evaluated here. Prints one JSON line per setting and writes
# WORK/<name>/result.json; tools/calibration/summarise.sh turns them into the markdown table.
#
# Usage: calibrate-realistic.sh SEGPREF WORK CONFIG.json [CONFIG.json ...]
#   SEGPREF  the segpref binary (e.g. tools/SegPref.Cli/bin/Release/net10.0/segpref)
#   WORK     a scratch folder (data and runs; several GB per setting)
#   CONFIG   generator configs (the "config" object of synth-config.json). Test splits are generated (train-cues
#            reports its retrieval there) but the baseline is only ever scored on val.
# Environment: EPOCHS (default 14), SEED (default 1), THREADS (torch threads, default 1).
set -euo pipefail
segpref=$1; work=$2; shift 2
epochs=${EPOCHS:-14}; seed=${SEED:-1}; threads=${THREADS:-1}
for config in "$@"; do
  name=$(basename "$config" .json)
  dir="$work/$name"; data="$dir/data"; runs="$dir/runs"
  mkdir -p "$dir"
  cp "$config" "$dir/config.json"
  start=$(date +%s)
  [ -f "$data/metadata.csv" ] || "$segpref" synth --config "$dir/config.json" --out "$data"
  [ -f "$runs/audio/weights.bin" ] || "$segpref" train-audio --data "$data" --preset small --out "$runs/audio" --seed 1 --epochs 3 --threads "$threads"
  [ -f "$runs/cues/weights.bin" ] || "$segpref" train-cues --data "$data" --audio "$runs/audio" --out "$runs/cues" --seed 1 --threads "$threads"
  if [ ! -f "$runs/baseline/metrics.json" ] || ! jq -e ".epochs == $epochs" "$runs/baseline/metrics.json" > /dev/null; then
    resume=(); [ -f "$runs/baseline/state.json" ] && resume=(--resume)
    "$segpref" train --data "$data" --model audio-only --out "$runs/baseline" --epochs "$epochs" --seed "$seed" --threads "$threads" \
      --audio-run "$runs/audio" --cue-run "$runs/cues" "${resume[@]}"
  fi
  for audio in normal mute; do
    "$segpref" eval --data "$data" --run "$runs/baseline" --split val --audio "$audio" --threads "$threads" --json > "$dir/val-$audio.json"
  done
  jq -n --arg name "$name" --slurpfile cfg "$dir/config.json" --slurpfile n "$dir/val-normal.json" --slurpfile m "$dir/val-mute.json" \
    --argjson seconds $(( $(date +%s) - start )) --argjson epochs "$epochs" --argjson seed "$seed" \
    '{name: $name, config: $cfg[0], epochs: $epochs, seed: $seed, val_normal_j: $n[0].miou, val_normal_f: $n[0].f,
      val_mute_j: $m[0].miou, val_mute_f: $m[0].f, mute_delta_j: (($n[0].miou - $m[0].miou) / $n[0].miou),
      null_s_mute: $m[0].null_s, seconds: $seconds}' | tee "$dir/result.json"
done
