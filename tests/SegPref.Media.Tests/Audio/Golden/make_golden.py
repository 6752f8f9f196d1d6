#!/usr/bin/env python3
"""Golden values for VggishLogMelGoldenTests: the VGGish log-mel pipeline in numpy.

An independent transcription of the published reference (torchvggish mel_features.py and
vggish_input.waveform_to_examples at 16 kHz), run on a deterministic 2.5 s signal that the C# test
rebuilds from the same formula. Regenerate with:  python3 make_golden.py  (writes vggish_golden.json).
"""
import json
import os

import numpy as np

SAMPLE_RATE = 16000
WINDOW = 400          # round(0.025 * 16000)
HOP = 160             # round(0.010 * 16000)
FFT = 512             # 2 ** ceil(log2(400))
BANDS = 64
LOWER_HZ, UPPER_HZ = 125.0, 7500.0
LOG_OFFSET = 0.01
EXAMPLE_FRAMES = 96   # round(0.96 / 0.010), hop = window


def signal(n):
    """0.5 sin(440 Hz) + 0.25 sin(1234.5 Hz) + 0.1 hash-noise; the noise is exact integer arithmetic."""
    i = np.arange(n, dtype=np.int64)
    t = i / SAMPLE_RATE
    noise = ((i * 2654435761 + 12345) % 4294967296) / 2147483648.0 - 1.0
    x = 0.5 * np.sin(2 * np.pi * 440.0 * t) + 0.25 * np.sin(2 * np.pi * 1234.5 * t) + 0.1 * noise
    return x.astype(np.float32).astype(np.float64)   # the C# clip holds float32 samples


def frame(data, window, hop):
    count = 1 + (data.shape[0] - window) // hop if data.shape[0] >= window else 0
    return np.stack([data[k * hop:k * hop + window] for k in range(count)])


def periodic_hann(n):
    return 0.5 - 0.5 * np.cos(2 * np.pi / n * np.arange(n))


def hertz_to_mel(hz):
    return 1127.0 * np.log(1.0 + hz / 700.0)


def mel_matrix(bins):
    bins_mel = hertz_to_mel(np.linspace(0.0, SAMPLE_RATE / 2.0, bins))
    edges = np.linspace(hertz_to_mel(LOWER_HZ), hertz_to_mel(UPPER_HZ), BANDS + 2)
    weights = np.empty((bins, BANDS))
    for i in range(BANDS):
        lower, centre, upper = edges[i:i + 3]
        rising = (bins_mel - lower) / (centre - lower)
        falling = (upper - bins_mel) / (upper - centre)
        weights[:, i] = np.maximum(0.0, np.minimum(rising, falling))
    weights[0, :] = 0.0
    return weights


def examples(x):
    magnitude = np.abs(np.fft.rfft(frame(x, WINDOW, HOP) * periodic_hann(WINDOW), FFT))
    weights = mel_matrix(magnitude.shape[1])
    log_mel = np.log(magnitude @ weights + LOG_OFFSET)
    return frame(log_mel, EXAMPLE_FRAMES, EXAMPLE_FRAMES), weights


def main():
    x = signal(40000)
    ex, weights = examples(x)
    picks = [[e, f, b] for e, f, b in [(0, 0, 0), (0, 0, 10), (0, 17, 31), (0, 95, 63), (1, 0, 5),
                                       (1, 48, 20), (1, 77, 40), (1, 95, 0)]]
    golden = {
        "signal": "0.5 sin(2 pi 440 t) + 0.25 sin(2 pi 1234.5 t) + 0.1 (((n*2654435761+12345) mod 2^32)/2^31 - 1), t = n/16000, float32",
        "samples": int(x.shape[0]),
        "example_count": int(ex.shape[0]),
        "example_sums": ex.sum(axis=(1, 2)).tolist(),
        "example_means": ex.mean(axis=(1, 2)).tolist(),
        "band_means": ex.mean(axis=(0, 1)).tolist(),
        "frame0": ex[0, 0].tolist(),
        "picks": [p + [float(ex[p[0], p[1], p[2]])] for p in picks],
        "mel_row_sums": weights.sum(axis=1).tolist(),
        "mel_column_sums": weights.sum(axis=0).tolist(),
    }
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "vggish_golden.json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(golden, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
