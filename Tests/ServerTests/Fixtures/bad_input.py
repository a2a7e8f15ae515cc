"""Sends bad input to a server, each case followed by a good call that must still work.

Usage: python3 bad_input.py --port PORT
Prints one line per case and a final "N passed, M failed" line.
"""

import argparse
import socket
import struct
import sys

import grpc
from protowire import encode_varint

PREFACE = b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"
EMPTY_CALL = "/grpc.testing.TestService/EmptyCall"
UNARY_CALL = "/grpc.testing.TestService/UnaryCall"


def identity(data):
    return data


def good_call(channel):
    call = channel.unary_unary(EMPTY_CALL, request_serializer=identity, response_deserializer=identity)
    response = call(b"", timeout=10)
    if response != b"":
        raise AssertionError("EmptyCall answered %r" % response)


def read_frames(sock):
    """Reads frames until the peer closes; returns their types."""
    data = b""
    sock.settimeout(5)
    try:
        while True:
            chunk = sock.recv(65536)
            if not chunk:
                break
            data += chunk
    except socket.timeout:
        pass
    types = []
    while len(data) >= 9:
        length = struct.unpack(">I", b"\0" + data[:3])[0]
        types.append(data[3])
        data = data[9 + length:]
    return types


def garbage_after_preface(port, channel):
    sock = socket.create_connection(("127.0.0.1", port))
    sock.sendall(PREFACE + b"\x00\x00\x04\x00\x00\x00\x00\x00\x00" + b"this is not an HTTP/2 frame at all")
    types = read_frames(sock)
    sock.close()
    if 7 not in types:
        raise AssertionError("no GOAWAY, frame types %r" % types)


def garbage_instead_of_preface(port, channel):
    sock = socket.create_connection(("127.0.0.1", port))
    sock.sendall(b"\x16\x03\x01garbage garbage\r\n\r\n")
    sock.settimeout(5)
    try:
        sock.recv(65536)
    except socket.timeout:
        raise AssertionError("the server neither answered nor closed")
    sock.close()


def unknown_method(port, channel):
    call = channel.unary_unary("/grpc.testing.TestService/NoSuchMethod",
                               request_serializer=identity, response_deserializer=identity)
    try:
        call(b"", timeout=10)
    except grpc.RpcError as error:
        if error.code() != grpc.StatusCode.UNIMPLEMENTED:
            raise AssertionError("got %s" % error.code())
        return
    raise AssertionError("the call succeeded")


def oversized_message(port, channel):
    # SimpleRequest.payload (field 3) holding Payload.body (field 2) of 5 MiB.
    body = b"\0" * (5 << 20)
    payload = b"\x12" + encode_varint(len(body)) + body
    request = b"\x1a" + encode_varint(len(payload)) + payload
    call = channel.unary_unary(UNARY_CALL, request_serializer=identity, response_deserializer=identity)
    try:
        call(request, timeout=10)
    except grpc.RpcError as error:
        if error.code() != grpc.StatusCode.RESOURCE_EXHAUSTED:
            raise AssertionError("got %s: %s" % (error.code(), error.details()))
        return
    raise AssertionError("the call succeeded")



def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    args = parser.parse_args()
    options = [("grpc.max_send_message_length", 64 << 20), ("grpc.max_receive_message_length", 64 << 20)]
    channel = grpc.insecure_channel("127.0.0.1:%d" % args.port, options=options)
    passed = failed = 0
    for case in [garbage_after_preface, garbage_instead_of_preface, unknown_method, oversized_message]:
        try:
            case(args.port, channel)
            good_call(channel)
            print("PASS %s" % case.__name__)
            passed += 1
        except Exception as error:
            print("FAIL %s: %s: %s" % (case.__name__, type(error).__name__, error))
            failed += 1
        sys.stdout.flush()
    channel.close()
    print("%d passed, %d failed" % (passed, failed))
    sys.exit(0 if failed == 0 else 1)


if __name__ == "__main__":
    main()
