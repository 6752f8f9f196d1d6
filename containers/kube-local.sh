#!/usr/bin/env bash
# Runs k8s/overlays/local under `podman kube play` on this machine, and tears it down.
#
#   containers/kube-local.sh up [--build] [--timeout SECONDS]   # render, play, wait for the gateway's /readyz
#   containers/kube-local.sh check [--clip DIR]                  # call the played mesh from the host (below)
#   containers/kube-local.sh status                              # pods, containers, the gateway's /readyz
#   containers/kube-local.sh down                                # remove the pods and the network
#
# `up` needs the images (containers/build-images.sh; --build runs it first). The gateway answers on
# http://127.0.0.1:18080 with the demo key "segpref-local-demo-key" (header x-api-key), e.g.
#   segpref segment --gateway http://127.0.0.1:18080 --api-key segpref-local-demo-key --clip DIR --out out/local
#   curl -H 'x-api-key: segpref-local-demo-key' -H 'content-type: application/json' -d @request.json \
#     http://127.0.0.1:18080/v1/segment
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/.." && pwd)"
export CONTAINERS_CONF="${CONTAINERS_CONF:-$here/containers.conf}"
# shellcheck source=images.env
. "$here/images.env"

network=segpref-local
gateway=http://127.0.0.1:18080
state="$repo/artifacts/kube-local"
rendered="$state/local.yaml"

render() {
  mkdir -p "$state"
  kubectl kustomize "$repo/k8s/overlays/local" > "$rendered"
}

readyz() {
  curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$gateway/readyz" 2>/dev/null || true
}

status() {
  podman pod ps --filter name=segpref- --format '{{.Name}} {{.Status}}' || true
  podman ps -a --filter name=segpref- --format '{{.Names}} {{.Status}}' || true
  echo "gateway /readyz: $(readyz)"
}

down() {
  if [ -f "$rendered" ] || render; then
    podman kube down "$rendered" >/dev/null 2>&1 || true
  fi
  podman network rm -f "$network" >/dev/null 2>&1 || true
}

up() {
  local build=0 timeout=300
  while [ $# -gt 0 ]; do
    case "$1" in
      --build) build=1; shift ;;
      --timeout) timeout="$2"; shift 2 ;;
      *) echo "kube-local.sh up: unknown argument $1" >&2; exit 2 ;;
    esac
  done
  for tool in podman kubectl curl; do
    command -v "$tool" >/dev/null || { echo "kube-local.sh: $tool is not installed (containers/README.md)" >&2; exit 1; }
  done
  if [ "$build" = 1 ]; then
    "$here/build-images.sh"
  fi
  local missing=()
  while read -r name _ _; do
    [ -n "$name" ] || continue
    podman image exists "localhost/$name:$TAG" || missing+=("$name:$TAG")
  done <<< "$IMAGES"
  podman image exists "localhost/$MODELS_IMAGE:$TAG" || missing+=("$MODELS_IMAGE:$TAG")
  if [ ${#missing[@]} -gt 0 ]; then
    echo "kube-local.sh: missing images ${missing[*]}; run containers/build-images.sh (or up --build)" >&2
    exit 1
  fi
  if [ "$(readyz)" != 000 ]; then
    echo "kube-local.sh: something already answers on $gateway; run 'kube-local.sh down' or stop it" >&2
    exit 1
  fi

  render
  down
  podman network create "$network" >/dev/null
  podman kube play --network "$network" "$rendered" >/dev/null
  echo "playing $rendered on network $network; waiting for $gateway/readyz (up to $timeout s)"
  local started=$SECONDS
  until [ "$(readyz)" = 200 ]; do
    if [ $((SECONDS - started)) -ge "$timeout" ]; then
      echo "kube-local.sh: the gateway was not ready after $timeout s" >&2
      status >&2
      for container in $(podman ps -a --filter name=segpref- --format '{{.Names}}'); do
        echo "--- $container (last 20 lines)" >&2
        podman logs --tail 20 "$container" >&2 2>&1 || true
      done
      exit 1
    fi
    sleep 2
  done
  echo "ready after $((SECONDS - started)) s: $gateway (x-api-key: segpref-local-demo-key)"
}

# The checks of the local engine run: every mesh container runs as uid 1654 with a read-only root; a Pipeline call over
# gRPC (segpref segment) and one over REST (POST /v1/segment, JSON) through the published gateway return a mask per
# frame; REST without the key is 401. The clip is an AVS-Synth clip folder (default: one made with `segpref synth`).
check() {
  local clip=""
  while [ $# -gt 0 ]; do
    case "$1" in
      --clip) clip="$2"; shift 2 ;;
      *) echo "kube-local.sh check: unknown argument $1" >&2; exit 2 ;;
    esac
  done
  # Built once (incremental), then run without rebuilding for each call.
  dotnet build "$repo/tools/SegPref.Cli" -nologo -v quiet >/dev/null
  local segpref=(dotnet run --no-build --project "$repo/tools/SegPref.Cli" --)
  if [ -z "$clip" ]; then
    rm -rf "$state/clip"
    "${segpref[@]}" synth --out "$state/clip" --preset quick --clips 2 >/dev/null
    clip="$(ls -d "$state"/clip/synth/synth_test_* | head -1)"
  fi
  local frames
  frames=$(find "$clip/frames" -type f | wc -l)
  local failed=0

  local containers
  containers=$(podman ps --filter name=segpref- --format '{{.Names}}' | grep -v -- '-infra$' || true)
  [ "$(echo "$containers" | grep -c .)" -ge 5 ] || { echo "FAIL: expected 5 running mesh containers, got: $containers" >&2; failed=1; }
  for container in $containers; do
    local user ro
    user=$(podman inspect --format '{{.Config.User}}' "$container")
    ro=$(podman inspect --format '{{.HostConfig.ReadonlyRootfs}}' "$container")
    if [ "$user" = "1654:1654" ] && [ "$ro" = true ]; then
      echo "ok: $container runs as $user with a read-only root"
    else
      echo "FAIL: $container runs as '$user', read-only root $ro" >&2; failed=1
    fi
  done

  rm -rf "$state/out-grpc"
  if "${segpref[@]}" segment --gateway "$gateway" --api-key segpref-local-demo-key --clip "$clip" --out "$state/out-grpc" >"$state/grpc.log" 2>&1 \
    && [ "$(ls "$state"/out-grpc/masks/*.png 2>/dev/null | wc -l)" = "$frames" ]; then
    echo "ok: gRPC Pipeline call through the gateway: $frames masks in $state/out-grpc"
  else
    echo "FAIL: gRPC call (see $state/grpc.log)" >&2; failed=1
  fi

  local body="$state/request.json" parts=""
  for f in "$clip"/frames/*; do parts="$parts{\"data\":\"$(base64 -w0 "$f")\"},"; done
  printf '{"frames":[%s],"audio":{"wav":"%s"}}' "${parts%,}" "$(base64 -w0 "$clip/audio.wav")" > "$body"
  local code masks
  code=$(curl -s -o "$state/rest.json" -w '%{http_code}' --max-time 120 -H 'x-api-key: segpref-local-demo-key' \
    -H 'content-type: application/json' --data-binary @"$body" "$gateway/v1/segment" || true)
  masks=$(grep -o '"mask":' "$state/rest.json" 2>/dev/null | wc -l || true)
  if [ "$code" = 200 ] && [ "$masks" = "$frames" ]; then
    echo "ok: REST POST /v1/segment through the gateway: HTTP 200, $masks masks"
  else
    echo "FAIL: REST call: HTTP $code, $masks masks (see $state/rest.json)" >&2; failed=1
  fi
  code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 60 -H 'content-type: application/json' --data-binary @"$body" "$gateway/v1/segment" || true)
  if [ "$code" = 401 ]; then
    echo "ok: REST without the API key: HTTP 401"
  else
    echo "FAIL: REST without the API key: HTTP $code, expected 401" >&2; failed=1
  fi
  return $failed
}

case "${1:-}" in
  up) shift; up "$@" ;;
  check) shift; check "$@" ;;
  down) down ;;
  status) status ;;
  *) sed -n '2,13p' "$0"; exit 2 ;;
esac
