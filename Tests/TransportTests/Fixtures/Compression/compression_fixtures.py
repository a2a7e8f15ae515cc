#!/usr/bin/env python3
"""Compression interop fixtures for TransportTests (Python's gzip and zlib).

    python3 compression_fixtures.py generate
        rewrites the *.bin fixtures in this folder from fixture_input();
    python3 compression_fixtures.py verify gzip|deflate FILE
        exits 0 when FILE (written by Sluice's Compressor) decompresses with
        Python to exactly fixture_input().
"""
import gzip
import os
import sys
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))


def fixture_input() -> bytes:
    """The plaintext every fixture holds; CompressionInteropTests builds the same bytes."""
    return b"".join(b"line %d: the quick brown fox jumps over the lazy dog\n" % i for i in range(2000))


def generate() -> None:
    data = fixture_input()
    half = len(data) // 2
    fixtures = {
        "python-gzip.bin": gzip.compress(data, compresslevel=9, mtime=0),
        "python-zlib.bin": zlib.compress(data, 9),
        "python-gzip-two-members.bin": gzip.compress(data[:half], mtime=0) + gzip.compress(data[half:], mtime=0),
    }
    for name, payload in fixtures.items():
        with open(os.path.join(HERE, name), "wb") as handle:
            handle.write(payload)


def verify(algorithm: str, path: str) -> int:
    with open(path, "rb") as handle:
        payload = handle.read()
    decoded = gzip.decompress(payload) if algorithm == "gzip" else zlib.decompress(payload)
    return 0 if decoded == fixture_input() else 1


if __name__ == "__main__":
    if sys.argv[1:2] == ["generate"]:
        generate()
    elif sys.argv[1:2] == ["verify"] and len(sys.argv) == 4:
        sys.exit(verify(sys.argv[2], sys.argv[3]))
    else:
        sys.exit(__doc__)
