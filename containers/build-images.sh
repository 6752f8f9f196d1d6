#!/usr/bin/env bash
# Builds the mesh's OCI images with podman, without a Docker daemon or a registry, and prints their sizes:
#   segpref-{captioner,textcues,audio,segmentation,gateway}:TAG  self-contained linux-x64 publishes on BASE
#   segpref-models-small:TAG                                     the committed models/ for the demo (init container)
#
#   containers/build-images.sh                  # CPU images on the offline Debian 12 base (made by make-base.sh)
#   containers/build-images.sh --base mcr.microsoft.com/dotnet/runtime-deps:10.0-noble-chiseled   # connected CPU base
#   containers/build-images.sh --gpu            # -gpu images of the model services that gain from a GPU, on
#                                               # nvcr.io/nvidia/cuda:13.0.2-cudnn-runtime-ubuntu24.04 (needs that registry)
# Options: --tag TAG (default from images.env), --work DIR (publish folders; default artifacts/images), --clean
# (remove the publish folders afterwards). Rebuilding is incremental: unchanged code republishes in seconds and
# podman reuses the layers.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/.." && pwd)"
export CONTAINERS_CONF="${CONTAINERS_CONF:-$here/containers.conf}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# shellcheck source=images.env
. "$here/images.env"

gpu=false
base=""
tag="$TAG"
work="$repo/artifacts/images"
clean=0
while [ $# -gt 0 ]; do
  case "$1" in
    --gpu) gpu=true; shift ;;
    --base) base="$2"; shift 2 ;;
    --tag) tag="$2"; shift 2 ;;
    --work) work="$2"; shift 2 ;;
    --clean) clean=1; shift ;;
    -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
    *) echo "build-images.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done

for tool in podman dotnet; do
  command -v "$tool" >/dev/null || { echo "build-images.sh: $tool is not installed (containers/README.md)" >&2; exit 1; }
done

flavour=cpu
suffix=""
if [ "$gpu" = true ]; then
  flavour=gpu
  suffix="-gpu"
  base="${base:-nvcr.io/nvidia/cuda:13.0.2-cudnn-runtime-ubuntu24.04}"
elif [ -z "$base" ]; then
  "$here/make-base.sh"
  base=localhost/segpref-base:bookworm
fi
revision="$(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo unknown)"
started=$SECONDS

built=()
while read -r name project port; do
  [ -n "$name" ] || continue
  if [ "$gpu" = true ] && [[ " $GPU_IMAGES " != *" $name "* ]]; then
    continue
  fi
  app="$(basename "$project")"
  out="$work/publish/$flavour/$app"
  echo "== $name: dotnet publish $project (self-contained linux-x64, SegPrefGpu=$gpu)"
  # CPU publishes leave out ONNX Runtime's CUDA and TensorRT providers (Directory.Build.targets).
  dotnet publish "$repo/$project/$app.csproj" -c Release -r linux-x64 --self-contained \
    -p:SegPrefGpu="$gpu" --artifacts-path "$work/build" -o "$out" -nologo -v quiet
  ln -sfn "$app" "$out/entrypoint"
  echo "== $name: podman build on $base"
  podman build --quiet --layers -f "$here/Containerfile" \
    --build-arg BASE="$base" --build-arg APP="$app" --build-arg PORT="$port" \
    --build-arg VERSION="$tag" --build-arg FLAVOUR="$flavour" --build-arg REVISION="$revision" \
    -t "localhost/$name:$tag$suffix" "$out" >/dev/null
  built+=("$name:$tag$suffix")
done <<< "$IMAGES"

if [ "$gpu" = false ]; then
  echo "== $MODELS_IMAGE: models/"
  podman build --quiet --layers -f "$here/Containerfile.models" \
    --build-arg VERSION="$tag" --build-arg REVISION="$revision" \
    -t "localhost/$MODELS_IMAGE:$tag" "$repo/models" >/dev/null
  built+=("$MODELS_IMAGE:$tag")
fi

if [ "$clean" = 1 ]; then
  rm -rf "$work"
fi

echo
echo "Built in $((SECONDS - started)) s on $base (sizes uncompressed, as podman images shows them):"
printf '%-44s %9s  %s\n' IMAGE SIZE TARGET
status=0
for image in "${built[@]}"; do
  bytes="$(podman image inspect --format '{{.Size}}' "localhost/$image")"
  mb=$(( (bytes + 500000) / 1000000 ))
  target=""
  if [ "$flavour" = cpu ] && [ "$base" = localhost/segpref-base:bookworm ]; then
    case "$image" in
      segpref-gateway:*) target=$GATEWAY_TARGET_MB ;;
      "$MODELS_IMAGE":*) target="" ;;
      *) target=$SERVICE_TARGET_MB ;;
    esac
  fi
  verdict=""
  if [ -n "$target" ]; then
    if [ "$mb" -le "$target" ]; then verdict="<= $target MB"; else verdict="OVER $target MB"; status=1; fi
  fi
  printf '%-44s %6s MB  %s\n' "localhost/$image" "$mb" "$verdict"
done
exit $status
