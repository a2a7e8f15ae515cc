"""Connection-level behaviour seen from a raw HTTP/2 client: early server closure
(RST_STREAM NO_ERROR after the status), keepalive PINGs, the idle timeout, client PING
policing and the rapid-reset defence.

Usage: python3 connection_lifecycle.py --port PORT --cases a,b,...
Prints one line per case and a final "N passed, M failed" line. The keepalive and idle
cases expect a server configured for them (see Tests/ServerTests/Connection).
"""

import argparse
import sys
import time

from connection_h2client import (
    Client, expect, field_bytes, field_varint, frame, grpc_headers, run_cases, simple_request,
    streaming_output_request)

NO_ERROR = 0
CANCEL = 8
ENHANCE_YOUR_CALM = 11


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--cases", default="")
    args = parser.parse_args()
    port = args.port

    def finished_call(client):
        """A unary call that must succeed on `client`."""
        stream = client.call(grpc_headers("UnaryCall"), frame(simple_request(response_size=10)))
        expect(stream.header("grpc-status") == "0", "status %r" % stream.header("grpc-status"))

    def early_close():
        client = Client(port)
        # The first request asks for status 3; the client keeps its side open and streams on.
        request = frame(streaming_output_request(status=3))
        stream_id = client.request(grpc_headers("FullDuplexCall"), request, end=False)
        stream = client.streams[stream_id]
        deadline = time.monotonic() + 10
        while stream.reset_code is None and time.monotonic() < deadline:
            if not stream.ended:
                client.send(stream_id, frame(streaming_output_request([1])))
            client.pump(0.05)
        expect(stream.header("grpc-status") == "3", "status %r" % stream.header("grpc-status"))
        expect(stream.reset_code == NO_ERROR, "reset %r" % stream.reset_code)
        order = [item for item in stream.order if item in ("end", "reset")]
        expect(order == ["end", "reset"], "order %r" % stream.order)
        finished_call(client)
        client.close()

    def no_reset_after_half_close():
        client = Client(port)
        stream = client.call(grpc_headers("UnaryCall"), frame(simple_request(status=3)))
        client.pump(0.5)
        expect(stream.header("grpc-status") == "3", "status %r" % stream.header("grpc-status"))
        expect(stream.reset_code is None, "reset %r" % stream.reset_code)
        client.close()

    def keepalive_silent():
        # Never answers: h2 queues the PING acknowledgement, nobody sends it.
        client = Client(port, auto_flush=False)
        expect(client.wait(lambda: client.pings, timeout=10), "no keepalive PING")
        expect(client.wait(lambda: client.closed, timeout=10), "connection not closed")
        expect(client.goaway is not None, "no GOAWAY before the close")
        client.close()

    def keepalive_answered():
        client = Client(port)
        deadline = time.monotonic() + 4
        while time.monotonic() < deadline:
            expect(client.pump(0.2), "connection closed")
        expect(client.pings, "no keepalive PING")
        expect(client.goaway is None, "GOAWAY %r" % (client.goaway,))
        finished_call(client)
        client.close()

    def idle_timeout():
        client = Client(port)
        finished_call(client)
        expect(client.wait(lambda: client.goaway is not None, timeout=10), "no GOAWAY")
        expect(client.goaway[0] == NO_ERROR, "GOAWAY %r" % (client.goaway,))
        expect(client.wait(lambda: client.closed, timeout=10), "connection not closed")
        client.close()

    def idle_shutdown_without_ping_ack():
        # Never answers the shutdown PING: the final GOAWAY comes after a timeout anyway.
        client = Client(port, auto_flush=False)
        expect(client.wait(lambda: client.goaway is not None, timeout=10), "no GOAWAY")
        notice = client.goaway
        expect(notice[0] == NO_ERROR, "GOAWAY %r" % (notice,))
        expect(client.wait(lambda: client.closed, timeout=60), "connection not closed")
        client.close()

    def busy_connection_is_not_idle():
        client = Client(port)
        # Four responses 0.8 s apart: longer than the idle timeout in all.
        parameters = field_varint(1, 1) + field_varint(2, 800000)
        stream_id = client.request(
            grpc_headers("StreamingOutputCall"), frame(field_bytes(2, parameters) * 4))
        stream = client.streams[stream_id]
        expect(client.wait(lambda: stream.ended, timeout=15), "call did not end")
        expect(stream.header("grpc-status") == "0", "status %r" % stream.header("grpc-status"))
        expect(client.goaway is None, "GOAWAY during a call %r" % (client.goaway,))
        client.close()

    def ping_flood():
        client = Client(port)
        for index in range(6):
            if client.goaway is not None or client.closed:
                break
            client.conn.ping(bytes([0, 0, 0, 0, 0, 0, 0, index]))
            client.flush()
            client.pump(0.05)
        expect(client.wait(lambda: client.goaway is not None, timeout=10), "no GOAWAY")
        code, debug = client.goaway
        expect(code == ENHANCE_YOUR_CALM and debug == b"too_many_pings", "GOAWAY %r" % (client.goaway,))
        expect(client.wait(lambda: client.closed, timeout=10), "connection not closed")
        client.close()

    def pings_between_responses():
        client = Client(port)
        for index in range(6):
            client.conn.ping(bytes([1, 0, 0, 0, 0, 0, 0, index]))
            client.flush()
            finished_call(client)
        expect(client.goaway is None, "GOAWAY %r" % (client.goaway,))
        client.close()

    def reset_flood():
        client = Client(port)
        headers = grpc_headers("FullDuplexCall")
        for _ in range(3000):
            if client.closed or client.goaway is not None:
                break
            stream_id = client.conn.get_next_available_stream_id()
            client.conn.send_headers(stream_id, headers)
            client.conn.reset_stream(stream_id, error_code=CANCEL)
            if stream_id % 101 == 1:
                client.flush()
                client.pump(0.001)
        client.flush()
        client.wait(lambda: client.goaway is not None, timeout=10)
        expect(client.goaway is not None and client.goaway[0] == ENHANCE_YOUR_CALM,
               "GOAWAY %r" % (client.goaway,))
        client.close()

    def cancels_after_responses():
        """2,000 calls cancelled once their first response arrived, 50 at a time."""
        client = Client(port)
        headers = grpc_headers("FullDuplexCall")
        request = frame(streaming_output_request([10]))
        remaining = 2000
        while remaining > 0:
            batch = [client.request(headers, request, end=False) for _ in range(min(50, remaining))]
            remaining -= len(batch)
            for stream_id in batch:
                stream = client.streams[stream_id]
                expect(client.wait(lambda: stream.data or stream.ended), "no response on %d" % stream_id)
                client.reset(stream_id, CANCEL)
                del client.streams[stream_id]
            expect(client.goaway is None, "GOAWAY %r after %d calls" % (client.goaway, 2000 - remaining))
        finished_call(client)
        expect(client.goaway is None, "GOAWAY %r" % (client.goaway,))
        client.close()

    def cancels_between_answered_calls():
        """1,500 rounds of a finished call and a call cancelled before its answer."""
        client = Client(port)
        headers = grpc_headers("FullDuplexCall")
        for _ in range(1500):
            finished_call(client)
            stream_id = client.request(headers, end=False)
            client.reset(stream_id, CANCEL)
            del client.streams[stream_id]
            expect(client.goaway is None, "GOAWAY %r" % (client.goaway,))
        finished_call(client)
        client.close()

    cases = [
        ("early_close", early_close),
        ("no_reset_after_half_close", no_reset_after_half_close),
        ("keepalive_silent", keepalive_silent),
        ("keepalive_answered", keepalive_answered),
        ("idle_timeout", idle_timeout),
        ("idle_shutdown_without_ping_ack", idle_shutdown_without_ping_ack),
        ("busy_connection_is_not_idle", busy_connection_is_not_idle),
        ("ping_flood", ping_flood),
        ("pings_between_responses", pings_between_responses),
        ("reset_flood", reset_flood),
        ("cancels_after_responses", cancels_after_responses),
        ("cancels_between_answered_calls", cancels_between_answered_calls),
    ]
    selected = set(filter(None, args.cases.split(",")))
    sys.exit(0 if run_cases(cases, selected) else 1)


if __name__ == "__main__":
    main()
