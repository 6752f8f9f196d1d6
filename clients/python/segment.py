#!/usr/bin/env python3
"""Segment one clip through the SegPref gateway with a gRPC client generated from protos/ (docs/clients.md).

Generate the client first (Debian: apt-get install python3-grpcio python3-grpc-tools):
    mkdir -p gen && python3 -m grpc_tools.protoc -I protos --python_out=gen --grpc_python_out=gen $(find protos -name '*.proto')
Then:
    PYTHONPATH=gen python3 clients/python/segment.py --gateway 127.0.0.1:8080 --audio clip/audio.wav clip/frames/*.png

Prints one JSON object: per frame the mask's size, area, COCO RLE and PNG (base64), the description, cues and audio
reliance (null when absent); the stage timings and the models that answered. Checks each mask's RLE against its area.
"""
import argparse
import base64
import json
import sys

import grpc

from segpref.common.v1 import common_pb2
from segpref.segmentation.v1 import segmentation_pb2, segmentation_pb2_grpc


def rle_area(rle):
    """Foreground pixels of a COCO compressed RLE string (column-major runs, background first)."""
    counts, i, area = [], 0, 0
    while i < len(rle):
        value, shift, more = 0, 0, True
        while more:
            c = ord(rle[i]) - 48
            value |= (c & 0x1F) << (5 * shift)
            more = bool(c & 0x20)
            i += 1
            shift += 1
            if not more and (c & 0x10):
                value |= -1 << (5 * shift)
        if len(counts) > 2:
            value += counts[-2]
        counts.append(value)
    for k, run in enumerate(counts):
        if k % 2 == 1:
            area += run
    return area


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("frames", nargs="+", help="PNG or JPEG frames, one per second, in time order")
    parser.add_argument("--audio", required=True, help="the clip's WAV file (any rate and channel count)")
    parser.add_argument("--gateway", default="127.0.0.1:8080", help="host:port of the gateway (gRPC, cleartext HTTP/2)")
    parser.add_argument("--api-key", help="the gateway's API key, when it requires keys (sent as x-api-key)")
    parser.add_argument("--segmenter", help="repository model name to answer, e.g. audio-only (default: the service's)")
    parser.add_argument("--timeout", type=float, default=60.0, help="deadline in seconds")
    args = parser.parse_args()

    request = segmentation_pb2.PipelineRequest(audio_reliance=True)
    for path in args.frames:
        with open(path, "rb") as f:
            data = f.read()
        request.frames.add(data=data, format="png" if data[:4] == b"\x89PNG" else "jpeg")
    with open(args.audio, "rb") as f:
        request.audio.CopyFrom(common_pb2.Audio(wav=f.read()))
    if args.segmenter:
        request.segmenter.CopyFrom(common_pb2.ModelRef(name=args.segmenter))

    metadata = [("x-api-key", args.api_key)] if args.api_key else []
    with grpc.insecure_channel(args.gateway) as channel:
        stub = segmentation_pb2_grpc.PipelineStub(channel)
        try:
            reply = stub.Segment(request, timeout=args.timeout, metadata=metadata)
        except grpc.RpcError as error:
            print(f"error: {error.code().name}: {error.details()}", file=sys.stderr)
            return 1

    frames = []
    for frame in reply.frames:
        mask = frame.mask
        if rle_area(mask.rle) != mask.area:
            print(f"error: frame {frame.index}: the RLE has {rle_area(mask.rle)} pixels, area says {mask.area}", file=sys.stderr)
            return 2
        frames.append({
            "index": frame.index,
            "width": mask.width,
            "height": mask.height,
            "area": mask.area,
            "rle": mask.rle,
            "png": base64.b64encode(mask.png).decode("ascii"),
            "description": frame.description,
            "cues": list(frame.cues),
            "audio_reliance": frame.audio_reliance if frame.HasField("audio_reliance") else None,
        })
    print(json.dumps({
        "frames": frames,
        "timings": {t.stage: t.milliseconds for t in reply.timings},
        "models": [f"{m.role}={m.name}/{m.version}" for m in reply.models],
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main())
