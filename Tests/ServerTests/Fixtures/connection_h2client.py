"""A small blocking HTTP/2 client on hyper-h2 for the connection tests, plus protobuf
and gRPC framing helpers for grpc.testing messages. Imported by connection_*.py."""

import gzip
import socket
import struct
import time
import zlib

import h2.config
import h2.connection
import h2.events
import h2.exceptions
import h2.settings

from protowire import encode_varint

TEST_SERVICE = "/grpc.testing.TestService/"


# Protobuf: just what grpc.testing's requests need.

def field_varint(number, value):
    return encode_varint(number << 3) + encode_varint(value)


def field_bytes(number, data):
    return encode_varint(number << 3 | 2) + encode_varint(len(data)) + data


def bool_value(number, value):
    return field_bytes(number, field_varint(1, 1) if value else b"")


def payload(size):
    return field_bytes(2, b"\0" * size)


def simple_request(response_size=0, request_size=0, response_compressed=None,
                   expect_compressed=None, status=None):
    out = field_varint(2, response_size) if response_size else b""
    if request_size:
        out += field_bytes(3, payload(request_size))
    if response_compressed is not None:
        out += bool_value(6, response_compressed)
    if status is not None:
        out += field_bytes(7, field_varint(1, status))
    if expect_compressed is not None:
        out += bool_value(8, expect_compressed)
    return out


def streaming_input_request(size, expect_compressed=None):
    out = field_bytes(1, payload(size))
    if expect_compressed is not None:
        out += bool_value(2, expect_compressed)
    return out


def streaming_output_request(sizes=(), compressed=None, status=None):
    """Response parameters for each size; `compressed` is a per-size list of booleans."""
    out = b""
    for index, size in enumerate(sizes):
        parameters = field_varint(1, size)
        if compressed is not None:
            parameters += bool_value(3, compressed[index])
        out += field_bytes(2, parameters)
    if status is not None:
        out += field_bytes(7, field_varint(1, status))
    return out


def read_fields(data):
    """Top-level fields of a protobuf message: {number: [value, ...]}."""
    fields = {}
    index = 0
    while index < len(data):
        key, index = read_varint(data, index)
        number, wire_type = key >> 3, key & 7
        if wire_type == 0:
            value, index = read_varint(data, index)
        elif wire_type == 2:
            length, index = read_varint(data, index)
            value = data[index:index + length]
            index += length
        else:
            raise ValueError("wire type %d" % wire_type)
        fields.setdefault(number, []).append(value)
    return fields


def read_varint(data, index):
    value = shift = 0
    while True:
        byte = data[index]
        index += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return value, index


def payload_size(response):
    """The body size of a SimpleResponse / StreamingOutputCallResponse payload (field 1)."""
    payloads = read_fields(response).get(1, [b""])
    return len(read_fields(payloads[0]).get(2, [b""])[0])


# gRPC and Connect framing.

def frame(message, compress=None):
    """One length-prefixed message; `compress` is None, "gzip" or "deflate"."""
    if compress is None:
        return b"\0" + struct.pack(">I", len(message)) + message
    data = gzip.compress(message) if compress == "gzip" else zlib.compress(message)
    return b"\1" + struct.pack(">I", len(data)) + data


def decompress(data, algorithm):
    if algorithm == "gzip":
        return gzip.decompress(data)
    if algorithm == "deflate":
        return zlib.decompress(data)
    raise ValueError("unknown algorithm %r" % algorithm)


def unframe(data):
    """[(flags, payload)] of length-prefixed messages."""
    messages = []
    while len(data) >= 5:
        flags = data[0]
        length = struct.unpack(">I", data[1:5])[0]
        messages.append((flags, data[5:5 + length]))
        data = data[5 + length:]
    if data:
        raise ValueError("%d trailing bytes" % len(data))
    return messages


def grpc_headers(method, extra=()):
    return [(":method", "POST"), (":scheme", "http"), (":path", TEST_SERVICE + method),
            (":authority", "localhost"), ("content-type", "application/grpc"),
            ("te", "trailers")] + list(extra)


class Stream:
    """What arrived on one stream."""

    def __init__(self):
        self.headers = None
        self.trailers = None
        self.data = b""
        self.ended = False
        self.reset_code = None
        self.order = []

    def header(self, name):
        for block in (self.headers or [], self.trailers or []):
            for key, value in block:
                if key == name:
                    return value
        return None


class Client:
    """An HTTP/2 connection to 127.0.0.1:port, driven by hand."""

    def __init__(self, port, auto_flush=True):
        self.sock = socket.create_connection(("127.0.0.1", port))
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        config = h2.config.H2Configuration(client_side=True, header_encoding="utf-8")
        self.conn = h2.connection.H2Connection(config=config)
        self.conn.initiate_connection()
        self.conn.update_settings({h2.settings.SettingCodes.INITIAL_WINDOW_SIZE: 1 << 24})
        self.conn.increment_flow_control_window(1 << 24)
        self.auto_flush = auto_flush
        self.streams = {}
        self.goaway = None
        self.pings = []
        self.ping_acks = []
        self.closed = False
        # Everything the server sent, how much of it h2 handled, how far read_raw parsed,
        # and whether h2 gave up.
        self.received = b""
        self.handled = 0
        self.scanned = 0
        self.broken = False
        self.flush()

    def flush(self):
        data = self.conn.data_to_send()
        if data and not self.closed:
            try:
                self.sock.sendall(data)
            except OSError:
                self.closed = True

    def request(self, headers, body=b"", end=True):
        stream_id = self.conn.get_next_available_stream_id()
        self.streams[stream_id] = Stream()
        self.conn.send_headers(stream_id, headers, end_stream=end and not body)
        if body:
            self.send(stream_id, body, end)
        self.flush()
        return stream_id

    def send(self, stream_id, body, end=False):
        """Sends `body` in DATA frames no larger than the peer allows."""
        size = self.conn.max_outbound_frame_size
        for start in range(0, len(body), size):
            last = start + size >= len(body)
            self.conn.send_data(stream_id, body[start:start + size], end_stream=end and last)
        self.flush()

    def reset(self, stream_id, code=8):
        self.conn.reset_stream(stream_id, error_code=code)
        self.flush()

    def pump(self, timeout):
        """Reads for up to `timeout` seconds (less if something arrives); False once closed."""
        if self.closed:
            return False
        self.sock.settimeout(timeout)
        try:
            data = self.sock.recv(1 << 20)
        except socket.timeout:
            return True
        except OSError:
            data = b""
        if not data:
            self.closed = True
            return False
        self.received += data
        if self.broken or self.conn.state_machine.state == h2.connection.ConnectionState.CLOSED:
            # h2 takes any GOAWAY as the end and refuses later frames (such as the PING
            # of a graceful shutdown), and some frames racing our resets upset it: read
            # the rest raw, as a gRPC client would.
            self.broken = True
            self.read_raw()
            return True
        try:
            events = self.conn.receive_data(data)
        except h2.exceptions.ProtocolError:
            self.broken = True
            self.read_raw()
            return True
        for event in events:
            self.handle(event)
        if self.conn.state_machine.state == h2.connection.ConnectionState.CLOSED:
            # A GOAWAY made h2 drop what it had to send, PING acknowledgements included.
            self.broken = True
            self.read_raw()
            return True
        self.handled = len(self.received)
        if self.auto_flush:
            self.flush()
        return True

    def handle(self, event):
        stream = self.streams.get(getattr(event, "stream_id", 0))
        if isinstance(event, h2.events.ResponseReceived):
            stream.headers = event.headers
            stream.order.append("headers")
        elif isinstance(event, h2.events.TrailersReceived):
            stream.trailers = event.headers
            stream.order.append("trailers")
        elif isinstance(event, h2.events.DataReceived):
            stream.data += event.data
            stream.order.append("data")
            self.conn.acknowledge_received_data(event.flow_controlled_length, event.stream_id)
        elif isinstance(event, h2.events.StreamEnded):
            stream.ended = True
            stream.order.append("end")
        elif isinstance(event, h2.events.StreamReset):
            if stream is not None:
                stream.reset_code = event.error_code
                stream.order.append("reset")
        elif isinstance(event, h2.events.ConnectionTerminated):
            self.goaway = (event.error_code, event.additional_data or b"")
        elif isinstance(event, h2.events.PingReceived):
            self.pings.append(event.ping_data)
        elif isinstance(event, h2.events.PingAckReceived):
            self.ping_acks.append(event.ping_data)

    def read_raw(self):
        """Reads the frames h2 did not handle: records a GOAWAY, acknowledges PINGs."""
        received = self.received
        while self.scanned + 9 <= len(received):
            offset = self.scanned
            length = struct.unpack(">I", b"\0" + received[offset:offset + 3])[0]
            end = offset + 9 + length
            if end > len(received):
                return
            self.scanned = end
            if end <= self.handled:
                continue
            kind, flags, payload = received[offset + 3], received[offset + 4], received[offset + 9:end]
            if kind == 0x7 and self.goaway is None:
                self.goaway = (struct.unpack(">I", payload[4:8])[0], payload[8:])
            elif kind == 0x6 and not flags & 0x1 and self.auto_flush and not self.closed:
                self.pings.append(payload)
                try:
                    self.sock.sendall(b"\0\0\x08\x06\x01\0\0\0\0" + payload)
                except OSError:
                    self.closed = True

    def wait(self, condition, timeout=10):
        """Pumps until `condition()` holds; returns whether it did."""
        deadline = time.monotonic() + timeout
        while not condition():
            remaining = deadline - time.monotonic()
            if remaining <= 0 or not self.pump(min(remaining, 0.5)):
                return condition()
        return True

    def call(self, headers, body=b"", timeout=10):
        """A whole call: sends the request, waits for the stream to end or reset."""
        stream_id = self.request(headers, body)
        stream = self.streams[stream_id]
        if not self.wait(lambda: stream.ended or stream.reset_code is not None, timeout):
            raise AssertionError("stream %d did not finish" % stream_id)
        return stream

    def close(self):
        try:
            self.sock.close()
        except OSError:
            pass


def run_cases(cases, selected):
    """Runs the named cases; prints one line each and a summary; returns success."""
    passed = failed = 0
    for name, case in cases:
        if selected and name not in selected:
            continue
        started = time.monotonic()
        try:
            case()
            print("PASS %s (%.1f s)" % (name, time.monotonic() - started))
            passed += 1
        except Exception as error:  # every failure becomes one line
            print("FAIL %s: %s: %s" % (name, type(error).__name__, error))
            failed += 1
    print("%d passed, %d failed" % (passed, failed))
    return failed == 0


def expect(condition, message):
    if not condition:
        raise AssertionError(message)
