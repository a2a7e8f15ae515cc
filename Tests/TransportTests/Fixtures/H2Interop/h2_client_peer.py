#!/usr/bin/env python3
"""An HTTP/2 client built on hyper-h2 (an implementation independent of
nghttp2) that talks to Sluice's HTTP2Engine over stdin/stdout, no sockets.

Framing on both pipes: a 4-byte big-endian length, then that many bytes of
HTTP/2 traffic. The peer writes first, then answers every chunk it reads with
exactly one chunk (possibly empty). Exit status 0 means every check passed;
otherwise the reason is on stderr.

Scenario: a gRPC-style POST on stream 1 with a 100,000-byte body (more than a
window, so flow control must work both ways), expecting the body echoed back
followed by trailers `grpc-status: 0`; a GET on stream 3 expecting a
headers-only 204; a PING expecting its acknowledgement; then GOAWAY.
"""
import struct
import sys

import h2.config
import h2.connection
import h2.events

BODY = bytes((i * 31 + 7) % 251 for i in range(100_000))


def read_chunk():
    header = sys.stdin.buffer.read(4)
    if len(header) < 4:
        return None
    (length,) = struct.unpack(">I", header)
    data = sys.stdin.buffer.read(length)
    return data if len(data) == length else None


def write_chunk(data):
    sys.stdout.buffer.write(struct.pack(">I", len(data)) + data)
    sys.stdout.buffer.flush()


def fail(message):
    sys.stderr.write("h2 peer: " + message + "\n")
    sys.exit(1)


def main():
    config = h2.config.H2Configuration(client_side=True, header_encoding="utf-8")
    conn = h2.connection.H2Connection(config=config)
    conn.initiate_connection()
    conn.send_headers(1, [
        (":method", "POST"), (":scheme", "http"), (":path", "/echo.Echo/Unary"), (":authority", "localhost"),
        ("content-type", "application/grpc"), ("te", "trailers"), ("x-request-bin", "AAEC"),
    ])
    conn.send_headers(3, [(":method", "GET"), (":scheme", "http"), (":path", "/empty"), (":authority", "localhost")],
                      end_stream=True)
    conn.ping(b"sluice!!")
    pending = BODY
    echoed = bytearray()
    results = {"status1": None, "trailers1": None, "ended1": False, "status3": None, "ended3": False, "pong": False}
    closing = False

    while True:
        # Send as much of the body as flow control allows.
        while pending and not closing:
            window = min(conn.local_flow_control_window(1), conn.max_outbound_frame_size)
            if window <= 0:
                break
            chunk, pending = pending[:window], pending[window:]
            conn.send_data(1, chunk, end_stream=not pending)
        write_chunk(conn.data_to_send())
        if closing:
            break
        data = read_chunk()
        if data is None:
            fail("engine closed the pipe early")
        for event in conn.receive_data(data):
            if isinstance(event, h2.events.ResponseReceived):
                headers = dict(event.headers)
                results["status%d" % event.stream_id] = headers.get(":status")
            elif isinstance(event, h2.events.DataReceived):
                echoed += event.data
                conn.acknowledge_received_data(event.flow_controlled_length, event.stream_id)
            elif isinstance(event, h2.events.TrailersReceived):
                results["trailers1"] = dict(event.headers)
            elif isinstance(event, h2.events.StreamEnded):
                results["ended%d" % event.stream_id] = True
            elif isinstance(event, h2.events.PingAckReceived):
                results["pong"] = event.ping_data == b"sluice!!"
            elif isinstance(event, (h2.events.StreamReset, h2.events.ConnectionTerminated)):
                fail("unexpected %r" % event)
        if results["ended1"] and results["ended3"] and results["pong"]:
            conn.close_connection()
            closing = True
    # The engine answers the GOAWAY chunk; read that answer so it never
    # writes into a closed pipe.
    read_chunk()

    if results["status1"] != "200":
        fail("stream 1 status %r" % results["status1"])
    if bytes(echoed) != BODY:
        fail("echoed body differs (%d bytes)" % len(echoed))
    if (results["trailers1"] or {}).get("grpc-status") != "0":
        fail("trailers %r" % results["trailers1"])
    if results["status3"] != "204":
        fail("stream 3 status %r" % results["status3"])


if __name__ == "__main__":
    main()
