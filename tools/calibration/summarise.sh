#!/usr/bin/env bash
# Turns calibrate-realistic.sh's WORK/<name>/result.json files into a markdown table (stdout) and one JSON array (FILE).
# Usage: summarise.sh WORK OUT.json
set -euo pipefail
work=$1; out=$2
jq -s 'sort_by(.name | ltrimstr("r") | tonumber? // 0)' "$work"/*/result.json > "$out"
echo "| setting | priors habitual / other | off-screen clips / frames / only | off-screen SNR dB | pitch ± st | timbre | level spread dB | noise floor dBFS | labels | val J (normal) | val J (mute) | mute ΔJ | Null S (mute) |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|"
jq -r '.[] | "| \(.name) | \(.config.habitual_prior) / \(.config.other_prior) | \(.config.off_screen_clip_probability) / \(.config.off_screen_frame_probability) / \(.config.off_screen_only_frame_probability) | \(.config.off_screen_snr_db | map(tostring) | join(".."))"
  + " | \(.config.pitch_spread_semitones) | \(if .config.timbre_variation then "yes" else "no" end) | \(.config.source_level_spread_db) | \(.config.noise_floor_dbfs | map(tostring) | join(".."))"
  + " | \(if .config.audible_label_db == null then "planned" else "audible \(.config.audible_label_db) dB" end)"
  + " | \(.val_normal_j * 1000 | round / 10) | \(.val_mute_j * 1000 | round / 10) | \(.mute_delta_j * 1000 | round / 10)% | \(.null_s_mute * 1000 | round / 1000) |"' "$out"
