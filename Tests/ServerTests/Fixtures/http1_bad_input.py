"""Sends bad and unusual HTTP/1.1 input to a server's Connect endpoint over raw sockets.

Each case checks the answer (status, Connect error, whether the connection closes) while
a second client keeps calling EmptyCall over its own keep-alive connection; every one
of those calls must succeed.

Usage: python3 http1_bad_input.py --port PORT
Prints one line per case and a final "N passed, M failed" line.
"""

import argparse
import http.client
import json
import socket
import struct
import sys
import threading
import time

EMPTY_CALL = "/grpc.testing.TestService/EmptyCall"
UNARY_CALL = "/grpc.testing.TestService/UnaryCall"
STREAMING_OUTPUT = "/grpc.testing.TestService/StreamingOutputCall"
FULL_DUPLEX = "/grpc.testing.TestService/FullDuplexCall"


class Failure(Exception):
    pass


def expect(condition, message):
    if not condition:
        raise Failure(message)


def envelope(payload, flags=0):
    return bytes([flags]) + struct.pack(">I", len(payload)) + payload


def request(method, path, headers=(), body=b"", version="HTTP/1.1"):
    lines = ["%s %s %s" % (method, path, version), "host: 127.0.0.1"]
    lines += ["%s: %s" % header for header in headers]
    if body and not any(name.lower() in ("content-length", "transfer-encoding") for name, _ in headers):
        lines.append("content-length: %d" % len(body))
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + body


def chunked(*chunks):
    out = b""
    for chunk in chunks:
        out += b"%x\r\n" % len(chunk) + chunk + b"\r\n"
    return out + b"0\r\n\r\n"


class Connection:
    """A raw socket with an HTTP/1.1 response reader."""

    def __init__(self, port):
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=10)
        self.buffer = b""
        self.closed = False

    def send(self, data):
        self.sock.sendall(data)

    def fill(self):
        try:
            chunk = self.sock.recv(65536)
        except (ConnectionResetError, socket.timeout):
            chunk = b""
        if not chunk:
            self.closed = True
            return False
        self.buffer += chunk
        return True

    def read_until(self, marker):
        while marker not in self.buffer:
            if not self.fill():
                raise Failure("connection ended before %r; got %r" % (marker, self.buffer[:200]))
        index = self.buffer.index(marker) + len(marker)
        data, self.buffer = self.buffer[:index], self.buffer[index:]
        return data

    def read_exactly(self, count):
        while len(self.buffer) < count:
            if not self.fill():
                raise Failure("connection ended inside a body")
        data, self.buffer = self.buffer[:count], self.buffer[count:]
        return data

    def response(self):
        """Reads one final response: (status, headers dict, body). 1xx are skipped."""
        while True:
            head = self.read_until(b"\r\n\r\n").decode("latin-1").split("\r\n")
            status = int(head[0].split(" ")[1])
            headers = {}
            for line in head[1:]:
                if line:
                    name, _, value = line.partition(":")
                    headers[name.strip().lower()] = value.strip()
            if 100 <= status < 200:
                continue
            if "content-length" in headers:
                body = self.read_exactly(int(headers["content-length"]))
            elif headers.get("transfer-encoding") == "chunked":
                body = b""
                while True:
                    size = int(self.read_until(b"\r\n")[:-2].split(b";")[0], 16)
                    if size == 0:
                        self.read_until(b"\r\n")
                        break
                    body += self.read_exactly(size)
                    self.read_exactly(2)
            else:
                while self.fill():
                    pass
                body, self.buffer = self.buffer, b""
            return status, headers, body

    def expect_closed(self):
        self.sock.settimeout(5)
        while self.fill():
            pass
        expect(self.closed, "the server kept the connection open")

    def close(self):
        self.sock.close()


def envelopes(body):
    """Splits a Connect streaming body into (flags, payload) pairs."""
    out = []
    while body:
        flags, length = body[0], struct.unpack(">I", body[1:5])[0]
        out.append((flags, body[5:5 + length]))
        body = body[5 + length:]
    return out


def end_stream_error(body):
    frames = envelopes(body)
    expect(frames and frames[-1][0] == 2, "no end-stream envelope in %r" % body[:200])
    return json.loads(frames[-1][1]).get("error")


def good_request(conn):
    conn.send(request("POST", EMPTY_CALL, [("content-type", "application/json")], b"{}"))
    status, _, body = conn.response()
    expect(status == 200 and body == b"{}", "EmptyCall answered %d %r" % (status, body))


# Cases ------------------------------------------------------------------------------


def malformed_request_line(port):
    conn = Connection(port)
    conn.send(b"THIS IS NOT HTTP\r\n\r\n")
    status, _, _ = conn.response()
    expect(status == 400, "status %d" % status)
    conn.expect_closed()


def garbage_after_request(port):
    conn = Connection(port)
    conn.send(request("POST", EMPTY_CALL, [("content-type", "application/json")], b"{}")
              + b"\x00\x01garbage\r\n\r\n")
    status, _, _ = conn.response()
    expect(status == 200, "first status %d" % status)
    status, _, _ = conn.response()
    expect(status == 400, "second status %d" % status)
    conn.expect_closed()


def head_too_large(port):
    conn = Connection(port)
    conn.send(request("POST", EMPTY_CALL, [("content-type", "application/json"),
                                           ("x-padding", "a" * 40000)], b"{}"))
    status, _, _ = conn.response()
    expect(status == 431, "status %d" % status)
    conn.expect_closed()


def request_line_too_large(port):
    conn = Connection(port)
    conn.send(request("GET", "/grpc.health.v1.Health/Check?encoding=json&message=" + "a" * 40000))
    status, _, _ = conn.response()
    expect(status == 431, "status %d" % status)
    conn.expect_closed()


def invalid_chunk_size(port):
    conn = Connection(port)
    conn.send(request("POST", UNARY_CALL, [("content-type", "application/json"),
                                           ("transfer-encoding", "chunked")]) + b"zz\r\n{}\r\n")
    status, _, _ = conn.response()
    expect(status == 400, "status %d" % status)
    conn.expect_closed()


def content_length_too_large(port):
    # The answer comes from the head alone: no byte of the 100 MB body is sent.
    conn = Connection(port)
    conn.send(request("POST", UNARY_CALL, [("content-type", "application/json"),
                                           ("content-length", "100000000")]))
    status, headers, body = conn.response()
    expect(status == 429, "status %d" % status)
    expect(json.loads(body)["code"] == "resource_exhausted", "body %r" % body)
    conn.expect_closed()


def chunked_body_too_large(port):
    conn = Connection(port)
    conn.send(request("POST", UNARY_CALL, [("content-type", "application/json"),
                                           ("transfer-encoding", "chunked")]))
    chunk = b"%x\r\n" % 65536 + b" " * 65536 + b"\r\n"
    try:
        for _ in range(80):  # 5 MiB, over the 4 MiB limit
            conn.send(chunk)
    except OSError:
        pass  # the server answered and stopped reading
    status, _, body = conn.response()
    expect(status == 429, "status %d" % status)
    expect(json.loads(body)["code"] == "resource_exhausted", "body %r" % body)
    conn.expect_closed()


def wrong_content_type_keeps_connection(port):
    conn = Connection(port)
    conn.send(request("POST", EMPTY_CALL, [("content-type", "text/plain")], b"{}"))
    status, _, _ = conn.response()
    expect(status == 415, "status %d" % status)
    good_request(conn)
    conn.send(request("POST", EMPTY_CALL, [], b"{}"))
    status, _, _ = conn.response()
    expect(status == 415, "missing content-type: status %d" % status)
    good_request(conn)
    conn.close()


def rejected_get_keeps_connection(port):
    conn = Connection(port)
    conn.send(request("GET", UNARY_CALL + "?encoding=json&message=%7B%7D"))
    status, headers, _ = conn.response()
    expect(status == 405 and headers.get("allow") == "POST", "status %d %r" % (status, headers))
    good_request(conn)
    conn.close()


def truncated_stream_envelope(port):
    conn = Connection(port)
    body = bytes([0]) + struct.pack(">I", 100) + b"{" * 10
    conn.send(request("POST", STREAMING_OUTPUT, [("content-type", "application/connect+json")], body))
    status, _, body = conn.response()
    expect(status == 200, "status %d" % status)
    error = end_stream_error(body)
    expect(error and error["code"] == "internal", "error %r" % error)
    good_request(conn)
    conn.close()


def oversized_stream_envelope(port):
    # Only the 5-byte prefix announcing 5 MiB is sent: the answer needs no more.
    conn = Connection(port)
    conn.send(request("POST", STREAMING_OUTPUT, [("content-type", "application/connect+json"),
                                                 ("transfer-encoding", "chunked")])
              + b"5\r\n" + bytes([0]) + struct.pack(">I", 5 << 20) + b"\r\n")
    status, _, body = conn.response()
    expect(status == 200, "status %d" % status)
    error = end_stream_error(body)
    expect(error and error["code"] == "resource_exhausted", "error %r" % error)
    conn.expect_closed()


def grpc_over_http1(port):
    conn = Connection(port)
    conn.send(request("POST", EMPTY_CALL, [("content-type", "application/grpc"), ("te", "trailers")],
                      envelope(b"")))
    status, headers, _ = conn.response()
    expect(status == 505, "status %d" % status)
    expect(headers.get("grpc-status") == "12", "grpc-status %r" % headers.get("grpc-status"))
    conn.expect_closed()


def bidi_over_http1(port):
    conn = Connection(port)
    conn.send(request("POST", FULL_DUPLEX, [("content-type", "application/connect+json")],
                      envelope(b'{"responseParameters":[{"size":1}]}')))
    status, _, body = conn.response()
    expect(status == 505, "status %d" % status)
    error = json.loads(body)
    expect(error["code"] == "unimplemented" and "HTTP/2" in error["message"], "error %r" % error)
    conn.expect_closed()


def pipelined_requests(port):
    conn = Connection(port)
    one = request("POST", UNARY_CALL, [("content-type", "application/json")], b'{"responseSize":1}')
    two = request("POST", UNARY_CALL, [("content-type", "application/json")], b'{"responseSize":2}')
    conn.send(one + two)
    first = conn.response()
    second = conn.response()
    expect(first[0] == 200 and json.loads(first[2]) == {"payload": {"body": "AA=="}}, "first %r" % (first,))
    expect(second[0] == 200 and json.loads(second[2]) == {"payload": {"body": "AAA="}}, "second %r" % (second,))
    conn.close()


def expect_continue(port):
    conn = Connection(port)
    body = b'{"responseSize":3}'
    conn.send(request("POST", UNARY_CALL, [("content-type", "application/json"),
                                           ("expect", "100-continue"),
                                           ("content-length", str(len(body)))]))
    interim = conn.read_until(b"\r\n\r\n")
    expect(interim.startswith(b"HTTP/1.1 100"), "interim %r" % interim)
    conn.send(body)
    status, _, response = conn.response()
    expect(status == 200 and json.loads(response) == {"payload": {"body": "AAAA"}}, "got %d %r" % (status, response))
    conn.close()


def http10_server_stream(port):
    conn = Connection(port)
    conn.send(request("POST", STREAMING_OUTPUT, [("content-type", "application/connect+json")],
                      envelope(b'{"responseParameters":[{"size":3},{"size":6}]}'), version="HTTP/1.0"))
    status, headers, body = conn.response()
    expect(status == 200, "status %d" % status)
    expect("transfer-encoding" not in headers, "HTTP/1.0 got %r" % headers)
    frames = envelopes(body)
    expect([f for f, _ in frames] == [0, 0, 2], "frames %r" % frames)
    expect(end_stream_error(body) is None, "error in %r" % body)
    conn.expect_closed()


def abandoned_stream(port):
    conn = Connection(port)
    params = ",".join(['{"size":65536}'] * 1000)
    conn.send(request("POST", STREAMING_OUTPUT, [("content-type", "application/connect+json")],
                      envelope(('{"responseParameters":[%s]}' % params).encode())))
    conn.read_exactly(100000)
    conn.close()


CASES = [malformed_request_line, garbage_after_request, head_too_large, request_line_too_large,
         invalid_chunk_size, content_length_too_large, chunked_body_too_large,
         wrong_content_type_keeps_connection, rejected_get_keeps_connection,
         truncated_stream_envelope,
         oversized_stream_envelope, grpc_over_http1, bidi_over_http1, pipelined_requests,
         expect_continue, http10_server_stream, abandoned_stream]


class GoodClient(threading.Thread):
    """Calls EmptyCall over one keep-alive connection until stopped."""

    def __init__(self, port):
        super().__init__(daemon=True)
        self.port = port
        self.successes = 0
        self.failures = []
        self.running = True

    def run(self):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        while self.running:
            try:
                conn.request("POST", EMPTY_CALL, body=b"{}", headers={"content-type": "application/json"})
                response = conn.getresponse()
                body = response.read()
                if response.status == 200 and body == b"{}":
                    self.successes += 1
                else:
                    self.failures.append("%d %r" % (response.status, body))
            except Exception as error:
                self.failures.append("%s: %s" % (type(error).__name__, error))
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
            time.sleep(0.01)
        conn.close()


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
