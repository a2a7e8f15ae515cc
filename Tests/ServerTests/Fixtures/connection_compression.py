"""Checks response compression on the wire (gRPC and Connect over HTTP/2) with a raw
HTTP/2 client: which headers name an algorithm, which messages carry the compressed flag,
and that compressed bytes decode.

Usage: python3 connection_compression.py --port PORT [--cases a,b,...] [--disabled]
(--disabled: the server's policy compresses nothing; cases then check that nothing is.)
Prints one line per case and a final "N passed, M failed" line.
"""

import argparse
import sys
import zlib

from connection_h2client import (
    Client, decompress, expect, frame, grpc_headers, payload_size, read_fields, run_cases,
    simple_request, streaming_input_request, streaming_output_request, unframe)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--cases", default="")
    parser.add_argument("--disabled", action="store_true")
    args = parser.parse_args()
    client = Client(args.port)
    disabled = args.disabled

    def grpc_unary(request, accept="gzip", extra=()):
        headers = grpc_headers("UnaryCall", ([("grpc-accept-encoding", accept)] if accept else [])
                               + list(extra))
        stream = client.call(headers, frame(request))
        expect(stream.header("grpc-status") == "0", "status %r: %r" % (
            stream.header("grpc-status"), stream.header("grpc-message")))
        messages = unframe(stream.data)
        expect(len(messages) == 1, "%d messages" % len(messages))
        return stream, messages[0]

    def grpc_unary_large_response_is_compressed():
        stream, (flags, body) = grpc_unary(simple_request(response_size=4000))
        accepted = stream.header("grpc-accept-encoding") or ""
        expect("gzip" in accepted and "deflate" in accepted, "grpc-accept-encoding %r" % accepted)
        if disabled:
            expect(stream.header("grpc-encoding") is None, "grpc-encoding %r" % stream.header("grpc-encoding"))
            expect(flags == 0, "flags %d" % flags)
            expect(payload_size(body) == 4000, "size")
            return
        expect(stream.header("grpc-encoding") == "gzip", "grpc-encoding %r" % stream.header("grpc-encoding"))
        expect(flags == 1, "flags %d" % flags)
        expect(len(body) < 200, "compressed to %d bytes" % len(body))
        expect(payload_size(decompress(body, "gzip")) == 4000, "size")

    def grpc_unary_small_response_is_not():
        stream, (flags, body) = grpc_unary(simple_request(response_size=10))
        expect(stream.header("grpc-encoding") is None, "grpc-encoding %r" % stream.header("grpc-encoding"))
        expect(flags == 0 and payload_size(body) == 10, "flags %d" % flags)

    def grpc_unary_handler_says_compress_or_not():
        stream, (flags, body) = grpc_unary(simple_request(response_size=10, response_compressed=True))
        if disabled:
            expect(flags == 0, "flags %d" % flags)
        else:
            expect(stream.header("grpc-encoding") == "gzip", "grpc-encoding %r" % stream.header("grpc-encoding"))
            expect(flags == 1 and payload_size(decompress(body, "gzip")) == 10, "flags %d" % flags)
        stream, (flags, body) = grpc_unary(simple_request(response_size=4000, response_compressed=False))
        expect(stream.header("grpc-encoding") is None, "grpc-encoding %r" % stream.header("grpc-encoding"))
        expect(flags == 0 and payload_size(body) == 4000, "flags %d" % flags)

    def grpc_unary_without_accept_list_is_not():
        stream, (flags, body) = grpc_unary(simple_request(response_size=4000), accept=None)
        expect(stream.header("grpc-encoding") is None, "grpc-encoding %r" % stream.header("grpc-encoding"))
        expect(stream.header("grpc-accept-encoding") == "identity,gzip,deflate",
               "grpc-accept-encoding %r" % stream.header("grpc-accept-encoding"))
        expect(flags == 0, "flags %d" % flags)

    def grpc_unary_deflate():
        stream, (flags, body) = grpc_unary(simple_request(response_size=4000), accept="identity,deflate")
        if disabled:
            expect(flags == 0, "flags %d" % flags)
            return
        expect(stream.header("grpc-encoding") == "deflate", "grpc-encoding %r" % stream.header("grpc-encoding"))
        expect(flags == 1 and payload_size(decompress(body, "deflate")) == 4000, "flags %d" % flags)

    def grpc_streaming_per_message():
        request = streaming_output_request([31415, 92653, 5000], compressed=[True, False, True])
        headers = grpc_headers("StreamingOutputCall", [("grpc-accept-encoding", "gzip")])
        stream = client.call(headers, frame(request))
        expect(stream.header("grpc-status") == "0", "status %r" % stream.header("grpc-status"))
        messages = unframe(stream.data)
        flags = [message[0] for message in messages]
        if disabled:
            expect(flags == [0, 0, 0], "flags %r" % flags)
            return
        expect(stream.header("grpc-encoding") == "gzip", "grpc-encoding %r" % stream.header("grpc-encoding"))
        expect(flags == [1, 0, 1], "flags %r" % flags)
        sizes = [payload_size(decompress(body, "gzip") if flag else body) for flag, body in messages]
        expect(sizes == [31415, 92653, 5000], "sizes %r" % sizes)

    def grpc_requests_compressed_per_message():
        headers = grpc_headers("StreamingInputCall", [("grpc-encoding", "gzip")])
        body = (frame(streaming_input_request(27182, expect_compressed=True), compress="gzip")
                + frame(streaming_input_request(45904, expect_compressed=False)))
        stream = client.call(headers, body)
        expect(stream.header("grpc-status") == "0", "status %r: %r" % (
            stream.header("grpc-status"), stream.header("grpc-message")))
        total = read_fields(unframe(stream.data)[0][1]).get(1, [0])[0]
        expect(total == 73086, "aggregated %d" % total)
        # The feature probe: expected compressed, sent plain.
        probe = frame(streaming_input_request(27182, expect_compressed=True))
        stream = client.call(headers, probe)
        expect(stream.header("grpc-status") == "3", "probe status %r" % stream.header("grpc-status"))
        stream = client.call(grpc_headers("UnaryCall", [("grpc-encoding", "deflate")]),
                             frame(simple_request(request_size=100, expect_compressed=True), "deflate"))
        expect(stream.header("grpc-status") == "0", "unary status %r" % stream.header("grpc-status"))
        stream = client.call(grpc_headers("UnaryCall"), frame(simple_request(expect_compressed=True)))
        expect(stream.header("grpc-status") == "3", "unary probe status %r" % stream.header("grpc-status"))

    def grpc_unsupported_request_encoding():
        stream = client.call(grpc_headers("UnaryCall", [("grpc-encoding", "snappy")]),
                             frame(simple_request()))
        expect(stream.header("grpc-status") == "12", "status %r" % stream.header("grpc-status"))
        expect(stream.header("grpc-accept-encoding") == "identity,gzip,deflate",
               "grpc-accept-encoding %r" % stream.header("grpc-accept-encoding"))

    def connect_unary():
        headers = [(":method", "POST"), (":scheme", "http"),
                   (":path", "/grpc.testing.TestService/UnaryCall"), (":authority", "localhost"),
                   ("content-type", "application/proto"), ("accept-encoding", "br, gzip")]
        stream = client.call(headers, simple_request(response_size=4000))
        expect(stream.header(":status") == "200", "status %r" % stream.header(":status"))
        expect(stream.header("accept-encoding") == "gzip,deflate",
               "accept-encoding %r" % stream.header("accept-encoding"))
        if disabled:
            expect(stream.header("content-encoding") is None, "content-encoding")
            expect(payload_size(stream.data) == 4000, "size")
            return
        expect(stream.header("content-encoding") == "gzip",
               "content-encoding %r" % stream.header("content-encoding"))
        expect(payload_size(decompress(stream.data, "gzip")) == 4000, "size")
        # A compressed request without accept-encoding: answered in kind.
        headers = headers[:-1] + [("content-encoding", "deflate")]
        stream = client.call(headers, zlib.compress(simple_request(response_size=4000)))
        expect(stream.header("content-encoding") == "deflate",
               "content-encoding %r" % stream.header("content-encoding"))
        expect(payload_size(decompress(stream.data, "deflate")) == 4000, "size")

    def connect_streaming():
        headers = [(":method", "POST"), (":scheme", "http"),
                   (":path", "/grpc.testing.TestService/StreamingOutputCall"),
                   (":authority", "localhost"), ("content-type", "application/connect+proto"),
                   ("connect-accept-encoding", "gzip")]
        stream = client.call(headers, frame(streaming_output_request([5000, 10])))
        expect(stream.header(":status") == "200", "status %r" % stream.header(":status"))
        expect(stream.header("connect-accept-encoding") == "gzip,deflate",
               "connect-accept-encoding %r" % stream.header("connect-accept-encoding"))
        envelopes = unframe(stream.data)
        flags = [envelope[0] for envelope in envelopes]
        if disabled:
            expect(flags == [0, 0, 2], "flags %r" % flags)
            return
        expect(stream.header("connect-content-encoding") == "gzip",
               "connect-content-encoding %r" % stream.header("connect-content-encoding"))
        # 5000 bytes: compressed; 10 bytes: below the minimum size; then the end of stream.
        expect(flags == [1, 0, 2], "flags %r" % flags)
        expect(payload_size(decompress(envelopes[0][1], "gzip")) == 5000, "size")
        expect(envelopes[2][1] == b"{}", "end stream %r" % envelopes[2][1])

    cases = [
        ("grpc_unary_large_response_is_compressed", grpc_unary_large_response_is_compressed),
        ("grpc_unary_small_response_is_not", grpc_unary_small_response_is_not),
        ("grpc_unary_handler_says_compress_or_not", grpc_unary_handler_says_compress_or_not),
        ("grpc_unary_without_accept_list_is_not", grpc_unary_without_accept_list_is_not),
        ("grpc_unary_deflate", grpc_unary_deflate),
        ("grpc_streaming_per_message", grpc_streaming_per_message),
        ("grpc_requests_compressed_per_message", grpc_requests_compressed_per_message),
        ("grpc_unsupported_request_encoding", grpc_unsupported_request_encoding),
        ("connect_unary", connect_unary),
        ("connect_streaming", connect_streaming),
    ]
    ok = run_cases(cases, set(filter(None, args.cases.split(","))))
    client.close()
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
