#!/usr/bin/env python3
"""Writes one length-prefixed gRPC message for h2load's -d: a grpc.testing.SimpleRequest
whose payload body and response_size are both SIZE bytes (so the server echoes SIZE bytes).

Usage: make_request.py SIZE OUT
"""
import sys


def varint(n: int) -> bytes:
    out = bytearray()
    while True:
        byte = n & 0x7F
        n >>= 7
        if n:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)


def field(number: int, wire: int) -> bytes:
    return varint(number << 3 | wire)


def simple_request(size: int) -> bytes:
    # Payload { type = COMPRESSABLE (0, omitted); body = 2 }
    payload = field(2, 2) + varint(size) + b"\0" * size
    # SimpleRequest { response_size = 2; payload = 3 }
    return field(2, 0) + varint(size) + field(3, 2) + varint(len(payload)) + payload


def main() -> None:
    size, out = int(sys.argv[1]), sys.argv[2]
    message = simple_request(size)
    with open(out, "wb") as f:
        f.write(b"\0" + len(message).to_bytes(4, "big") + message)


if __name__ == "__main__":
    main()
