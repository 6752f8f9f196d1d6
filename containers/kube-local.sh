#!/usr/bin/env bash
# Runs k8s/overlays/local under `podman kube play` on this machine, and tears it down.
#
#   containers/kube-local.sh up [--build] [--timeout SECONDS]   # render, play, wait for the gateway's /readyz
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

case "${1:-}" in
  up) shift; up "$@" ;;
  down) down ;;
  status) status ;;
  *) sed -n '2,12p' "$0"; exit 2 ;;
esac
