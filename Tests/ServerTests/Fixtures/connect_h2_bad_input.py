"""Sends malformed HTTP/2 to a server over raw sockets (python h2 with its outbound checks
off, or hand-made frames): invalid or missing pseudo-headers, forbidden header names,
truncated and oversized gRPC messages and Connect envelopes, garbage after the preface.

Each case checks the answer (a response with the right status, a stream reset, or a
GOAWAY with the right error code) while a second client (grpcio, its own connection)
keeps calling EmptyCall; every one of those calls must succeed.

Usage: python3 connect_h2_bad_input.py --port PORT
Prints one line per case and a final "N passed, M failed" line.
"""

import argparse
import json
import socket
import struct
import sys
import threading
import time

import grpc
import h2.config
import h2.connection
import h2.events

PREFACE = b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"
PROTOCOL_ERROR = 1
FRAME_SIZE_ERROR = 6
EMPTY_CALL = b"/grpc.testing.TestService/EmptyCall"
UNARY_CALL = b"/grpc.testing.TestService/UnaryCall"
STREAMING_OUTPUT = b"/grpc.testing.TestService/StreamingOutputCall"
GRPC_HEADERS = [(b":method", b"POST"), (b":scheme", b"http"), (b":authority", b"127.0.0.1"),
                (b":path", EMPTY_CALL), (b"content-type", b"application/grpc"), (b"te", b"trailers")]
EMPTY_MESSAGE = b"\0\0\0\0\0"


class Failure(Exception):
    pass


def expect(condition, message):
    if not condition:
        raise Failure(message)


def without(name, headers=GRPC_HEADERS):
    return [field for field in headers if field[0] != name]


def replacing(name, value, headers=GRPC_HEADERS):
    return [(field[0], value if field[0] == name else field[1]) for field in headers]


class Outcome:
    def __init__(self):
        self.headers = None
        self.trailers = None
        self.data = b""
        self.reset = None
        self.goaway = None
        self.ended = False

    def header(self, name):
        for field_name, value in (self.trailers or []) + (self.headers or []):
            if field_name == name:
                return value
        return None

    def __repr__(self):
        return "headers=%r trailers=%r data=%r reset=%r goaway=%r" % (
            self.headers, self.trailers, self.data[:100], self.reset, self.goaway)


def exchange(port, headers, data=None, end_stream=True):
    """Sends one request on stream 1 with h2's outbound validation off; returns what came back."""
    sock = socket.create_connection(("127.0.0.1", port), timeout=10)
    config = h2.config.H2Configuration(
        client_side=True, header_encoding=None, validate_outbound_headers=False,
        normalize_outbound_headers=False, validate_inbound_headers=False)
    conn = h2.connection.H2Connection(config=config)
    conn.initiate_connection()
    conn.send_headers(1, headers, end_stream=data is None and end_stream)
    if data is not None:
        conn.send_data(1, data, end_stream=end_stream)
    sock.sendall(conn.data_to_send())
    outcome = Outcome()
    try:
        while not (outcome.ended or outcome.reset is not None or outcome.goaway is not None):
            chunk = sock.recv(65536)
            if not chunk:
                break
            for event in conn.receive_data(chunk):
                if isinstance(event, h2.events.ResponseReceived):
                    outcome.headers = event.headers
                elif isinstance(event, h2.events.TrailersReceived):
                    outcome.trailers = event.headers
                elif isinstance(event, h2.events.DataReceived):
                    outcome.data += event.data
                    conn.acknowledge_received_data(event.flow_controlled_length, event.stream_id)
                elif isinstance(event, h2.events.StreamEnded):
                    outcome.ended = True
                elif isinstance(event, h2.events.StreamReset):
                    outcome.reset = event.error_code
                elif isinstance(event, h2.events.ConnectionTerminated):
                    outcome.goaway = event.error_code
            sock.sendall(conn.data_to_send())
    except socket.timeout:
        raise Failure("no answer within the timeout: %r" % outcome)
    finally:
        sock.close()
    return outcome


def frame(kind, flags, stream, payload):
    return struct.pack(">I", len(payload))[1:] + bytes([kind, flags]) + struct.pack(">I", stream) + payload


def goaway_after(port, raw):
    """Sends raw bytes; returns (error code, debug data) of the server's GOAWAY."""
    sock = socket.create_connection(("127.0.0.1", port), timeout=10)
    sock.sendall(raw)
    data = b""
    try:
        while True:
            chunk = sock.recv(65536)
            if not chunk:
                break
            data += chunk
    except socket.timeout:
        raise Failure("the server neither sent GOAWAY nor closed")
    finally:
        sock.close()
    while len(data) >= 9:
        length = struct.unpack(">I", b"\0" + data[:3])[0]
        kind, payload = data[3], data[9:9 + length]
        if kind == 7:
            return struct.unpack(">I", payload[4:8])[0], payload[8:]
        data = data[9 + length:]
    raise Failure("no GOAWAY before the connection closed")


def expect_reset(outcome, code):
    expect(outcome.reset == code and outcome.headers is None,
           "expected RST_STREAM %d, got %r" % (code, outcome))


def expect_grpc_status(outcome, status, code):
    expect(outcome.headers is not None, "no response: %r" % outcome)
    expect(outcome.header(b":status") == status, "HTTP status: %r" % outcome)
    expect(outcome.header(b"grpc-status") == code, "grpc-status: %r" % outcome)


# Cases ------------------------------------------------------------------------------


def missing_path(port):
    expect_reset(exchange(port, without(b":path"), EMPTY_MESSAGE), PROTOCOL_ERROR)


def missing_method(port):
    expect_reset(exchange(port, without(b":method"), EMPTY_MESSAGE), PROTOCOL_ERROR)


def missing_scheme(port):
    expect_reset(exchange(port, without(b":scheme"), EMPTY_MESSAGE), PROTOCOL_ERROR)


def get_for_grpc(port):
    expect_grpc_status(exchange(port, replacing(b":method", b"GET")), b"405", b"13")


def invalid_scheme(port):
    expect_grpc_status(exchange(port, replacing(b":scheme", b"ftp"), EMPTY_MESSAGE), b"400", b"13")


def unknown_pseudo_header(port):
    expect_reset(exchange(port, GRPC_HEADERS + [(b":foo", b"1")], EMPTY_MESSAGE), PROTOCOL_ERROR)


def pseudo_header_after_regular(port):
    headers = GRPC_HEADERS[:3] + [(b"content-type", b"application/grpc"), (b":path", EMPTY_CALL)]
    expect_reset(exchange(port, headers, EMPTY_MESSAGE), PROTOCOL_ERROR)


def uppercase_header_name(port):
    expect_reset(exchange(port, GRPC_HEADERS + [(b"X-Upper", b"1")], EMPTY_MESSAGE), PROTOCOL_ERROR)


def connection_specific_header(port):
    expect_reset(exchange(port, GRPC_HEADERS + [(b"connection", b"keep-alive")], EMPTY_MESSAGE),
                 PROTOCOL_ERROR)


def wrong_content_type(port):
    outcome = exchange(port, replacing(b"content-type", b"text/plain"), EMPTY_MESSAGE)
    expect(outcome.header(b":status") == b"415", "status: %r" % outcome)


def truncated_grpc_message(port):
    # The prefix announces 100 bytes; the stream ends after 10.
    outcome = exchange(port, replacing(b":path", UNARY_CALL), b"\0" + struct.pack(">I", 100) + b"x" * 10)
    expect_grpc_status(outcome, b"200", b"13")


def oversized_grpc_message(port):
    # Only the prefix (5 MiB, over the 4 MiB limit) and a little of the body are sent.
    outcome = exchange(port, replacing(b":path", UNARY_CALL), b"\0" + struct.pack(">I", 5 << 20) + b"x" * 100,
                       end_stream=False)
    expect_grpc_status(outcome, b"200", b"8")


def truncated_connect_envelope(port):
    headers = replacing(b"content-type", b"application/connect+json",
                        without(b"te", replacing(b":path", STREAMING_OUTPUT)))
    outcome = exchange(port, headers, b"\0" + struct.pack(">I", 100) + b"{" * 10)
    expect(outcome.header(b":status") == b"200", "status: %r" % outcome)
    flags, length = outcome.data[0], struct.unpack(">I", outcome.data[1:5])[0]
    error = json.loads(outcome.data[5:5 + length]).get("error")
    expect(flags == 2 and error and error["code"] == "internal", "end stream: %r" % outcome)


def garbage_after_preface(port):
    code, debug = goaway_after(port, PREFACE + b"this is not an HTTP/2 frame at all")
    expect(code == PROTOCOL_ERROR, "GOAWAY %d %r" % (code, debug))


def non_settings_first_frame(port):
    code, debug = goaway_after(port, PREFACE + frame(6, 0, 0, b"\0" * 8))
    expect(code == PROTOCOL_ERROR, "GOAWAY %d %r" % (code, debug))


def data_on_stream_zero(port):
    code, debug = goaway_after(port, PREFACE + frame(4, 0, 0, b"") + frame(0, 0, 0, b"abc"))
    expect(code == PROTOCOL_ERROR, "GOAWAY %d %r" % (code, debug))


def garbage_frame_after_settings(port):
    code, debug = goaway_after(port, PREFACE + frame(4, 0, 0, b"") + b"\xff" * 40)
    expect(code == FRAME_SIZE_ERROR, "GOAWAY %d %r" % (code, debug))


CASES = [missing_path, missing_method, missing_scheme, get_for_grpc, invalid_scheme,
         unknown_pseudo_header, pseudo_header_after_regular, uppercase_header_name,
         connection_specific_header, wrong_content_type, truncated_grpc_message,
         oversized_grpc_message, truncated_connect_envelope, garbage_after_preface,
         non_settings_first_frame, data_on_stream_zero, garbage_frame_after_settings]


class GoodClient(threading.Thread):
    """Calls EmptyCall with grpcio over its own connection until stopped."""

    def __init__(self, port):
        super().__init__(daemon=True)
        self.channel = grpc.insecure_channel("127.0.0.1:%d" % port)
        self.successes = 0
        self.failures = []
        self.running = True

    def run(self):
        call = self.channel.unary_unary(EMPTY_CALL.decode(), request_serializer=lambda m: m,
                                        response_deserializer=lambda m: m)
        while self.running:
            try:
                if call(b"", timeout=10) == b"":
                    self.successes += 1
                else:
                    self.failures.append("unexpected response")
            except grpc.RpcError as error:
                self.failures.append("%s: %s" % (error.code(), error.details()))
            time.sleep(0.01)
        self.channel.close()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    args = parser.parse_args()
    passed = failed = 0
    for case in CASES:
        good = GoodClient(args.port)
        good.start()
        try:
            case(args.port)
            deadline = time.time() + 10
            while good.successes == 0 and time.time() < deadline:
                time.sleep(0.01)
            good.running = False
            good.join(15)
            expect(not good.failures, "the other client failed: %r" % good.failures[:3])
            expect(good.successes > 0, "the other client got no answer")
            print("PASS %s" % case.__name__)
            passed += 1
        except Exception as error:
            good.running = False
            print("FAIL %s: %s: %s" % (case.__name__, type(error).__name__, error))
            failed += 1
        sys.stdout.flush()
    print("%d passed, %d failed" % (passed, failed))
    sys.exit(0 if failed == 0 else 1)


if __name__ == "__main__":
    main()
