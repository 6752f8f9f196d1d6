#!/usr/bin/env python3
"""Golden values for CocoRleTests: a plain-python transcription of pycocotools' maskApi.c
(rleEncode, rleToString), since pycocotools itself is not installable here.

Masks are given row-major as lists of rows; pycocotools reads them column-major (Fortran order).
Run: python3 coco_rle_reference.py
"""


def rle_encode(rows):
    h, w = len(rows), len(rows[0])
    flat = [rows[y][x] for x in range(w) for y in range(h)]  # column-major
    counts, current, run = [], 0, 0
    for v in flat:
        if v != current:
            counts.append(run)
            current, run = v, 0
        run += 1
    counts.append(run)
    return counts


def rle_to_string(counts):
    out = []
    for i, c in enumerate(counts):
        x = c - counts[i - 2] if i > 2 else c
        more = True
        while more:
            ch = x & 0x1F
            x >>= 5  # Python's >> is arithmetic, like C's on signed long
            more = (x != -1) if (ch & 0x10) else (x != 0)
            if more:
                ch |= 0x20
            out.append(chr(ch + 48))
    return "".join(out)


CASES = {
    "3x4": [[0, 1, 1, 0],
            [0, 1, 0, 0],
            [1, 1, 0, 1]],
    "long_runs": None,  # 40x50: rows 10..29, columns 5..44 foreground
}


def long_runs():
    return [[1 if 10 <= y < 30 and 5 <= x < 45 else 0 for x in range(50)] for y in range(40)]


if __name__ == "__main__":
    CASES["long_runs"] = long_runs()
    for name, rows in CASES.items():
        counts = rle_encode(rows)
        print(name, counts, repr(rle_to_string(counts)))
    print("counts [0, 1000, 5, 70000, 3]", repr(rle_to_string([0, 1000, 5, 70000, 3])))
