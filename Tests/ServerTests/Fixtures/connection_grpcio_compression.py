"""The gRPC interop compression cases (client_compressed_unary, server_compressed_unary,
client_compressed_streaming, server_compressed_streaming, as grpc's
doc/interop-test-descriptions.md describes them) with a stock grpcio client.

grpcio hides the messages' compressed flags, so the server_* cases check what a client
can see (the calls work, the payloads are right); connection_compression.py checks the
flags on the wire. grpcio compresses every message of a call or none, so
client_compressed_streaming sends both messages compressed (the server checks only that
messages expected compressed are).

Usage: python3 connection_grpcio_compression.py --port PORT --schemas DIR [--cases a,b]
Prints one line per case and a final "N passed, M failed" line.
"""

import argparse
import sys

import grpc

from connection_h2client import expect, run_cases
from interop_client import expect_code, generate_stubs


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--schemas", required=True)
    parser.add_argument("--cases", default="")
    args = parser.parse_args()
    empty, messages, test_grpc = generate_stubs(args.schemas)
    channel = grpc.insecure_channel("127.0.0.1:%d" % args.port)
    stub = test_grpc.TestServiceStub(channel)

    def payload(size):
        return messages.Payload(body=b"\0" * size)

    def simple_request(**fields):
        return messages.SimpleRequest(response_size=314159, payload=payload(271828), **fields)

    def client_compressed_unary():
        probe = simple_request(expect_compressed=messages.BoolValue(value=True))
        expect_code(lambda: stub.UnaryCall(probe, timeout=10), grpc.StatusCode.INVALID_ARGUMENT)
        response = stub.UnaryCall(probe, timeout=10, compression=grpc.Compression.Gzip)
        expect(len(response.payload.body) == 314159, "size %d" % len(response.payload.body))
        plain = simple_request(expect_compressed=messages.BoolValue(value=False))
        response = stub.UnaryCall(plain, timeout=10)
        expect(len(response.payload.body) == 314159, "size %d" % len(response.payload.body))

    def server_compressed_unary():
        for compressed in (True, False):
            request = simple_request(response_compressed=messages.BoolValue(value=compressed))
            response = stub.UnaryCall(request, timeout=10)
            expect(len(response.payload.body) == 314159, "size %d" % len(response.payload.body))

    def client_compressed_streaming():
        probe = messages.StreamingInputCallRequest(
            expect_compressed=messages.BoolValue(value=True), payload=payload(27182))
        expect_code(lambda: stub.StreamingInputCall(iter([probe]), timeout=10),
                    grpc.StatusCode.INVALID_ARGUMENT)
        second = messages.StreamingInputCallRequest(
            expect_compressed=messages.BoolValue(value=False), payload=payload(45904))
        response = stub.StreamingInputCall(iter([probe, second]), timeout=10,
                                           compression=grpc.Compression.Gzip)
        expect(response.aggregated_payload_size == 73086,
               "aggregated %d" % response.aggregated_payload_size)

    def server_compressed_streaming():
        request = messages.StreamingOutputCallRequest(response_parameters=[
            messages.ResponseParameters(compressed=messages.BoolValue(value=True), size=31415),
            messages.ResponseParameters(compressed=messages.BoolValue(value=False), size=92653),
        ])
        sizes = [len(r.payload.body) for r in stub.StreamingOutputCall(request, timeout=10)]
        expect(sizes == [31415, 92653], "sizes %r" % sizes)

    cases = [
        ("client_compressed_unary", client_compressed_unary),
        ("server_compressed_unary", server_compressed_unary),
        ("client_compressed_streaming", client_compressed_streaming),
        ("server_compressed_streaming", server_compressed_streaming),
    ]
    ok = run_cases(cases, set(filter(None, args.cases.split(","))))
    channel.close()
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
