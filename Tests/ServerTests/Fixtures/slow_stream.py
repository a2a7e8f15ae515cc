"""Runs one slow server-streaming call; touches MARKER after the first response.

Usage: python3 slow_stream.py --port PORT --marker PATH
Prints "received N" and exits 0 when all 8 responses arrived with status OK.
"""

import argparse
import sys

import grpc
from protowire import encode_varint


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--marker", required=True)
    args = parser.parse_args()
    # StreamingOutputCallRequest.response_parameters (field 2): size 10 (field 1),
    # interval_us 150000 (field 2), eight times.
    parameters = b"\x08\x0a\x10" + encode_varint(150000)
    request = (b"\x12" + encode_varint(len(parameters)) + parameters) * 8
    channel = grpc.insecure_channel("127.0.0.1:%d" % args.port)
    call = channel.unary_stream("/grpc.testing.TestService/StreamingOutputCall",
                                request_serializer=lambda m: m, response_deserializer=lambda m: m)
    received = 0
    try:
        for _ in call(request, timeout=20):
            received += 1
            if received == 1:
                open(args.marker, "w").close()
    except grpc.RpcError as error:
        print("failed %s: %s" % (error.code(), error.details()))
        sys.exit(1)
    print("received %d" % received)
    sys.exit(0 if received == 8 else 1)


if __name__ == "__main__":
    main()
