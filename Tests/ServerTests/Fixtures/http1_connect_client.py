"""Calls the interop server with python connectrpc (the Connect protocol) over HTTP/1.1
or HTTP/2 (h2c with prior knowledge), with the proto or JSON codec.

Usage: python3 http1_connect_client.py --port PORT --schemas /path/to/Schemas
       --http {1,2} --codec {proto,json}
Prints one line per case ("PASS name" or "FAIL name: reason") and a final
"N passed, M failed" line; exits non-zero when a case failed.

connectrpc's client speaks through pyqwest, which uses HTTP/1.1 for plaintext URLs
unless its transport is made with http_version=HTTP2 (then: h2c with prior knowledge).
No protoc plugin for connectrpc is installed, so the stubs are protoc's python messages
and the calls go through connectrpc's generic client (execute_unary & co.) with a codec
that adapts google.protobuf messages.
"""

import argparse
import importlib.util
import os
import sys
import tempfile

from google.protobuf import json_format
from grpc_tools import protoc
from pyqwest import HTTPVersion, SyncClient, SyncHTTPTransport

from connectrpc.client import ConnectClientSync, ResponseMetadata
from connectrpc.code import Code
from connectrpc.errors import ConnectError
from connectrpc.method import IdempotencyLevel, MethodInfo, StreamType


def generate_messages(schemas):
    """Compiles the interop and health messages with protoc; returns the modules."""
    out = tempfile.mkdtemp(prefix="sluice-connect-")
    files = ["grpc/testing/empty.proto", "grpc/testing/messages.proto", "grpc/health/v1/health.proto"]
    include = os.path.join(os.path.dirname(protoc.__file__), "_proto")
    code = protoc.main(["protoc", "-I" + schemas, "-I" + include, "--python_out=" + out] + files)
    if code != 0:
        raise RuntimeError("protoc failed with %d" % code)
    modules = []
    for name in files:
        path = os.path.join(out, name.replace(".proto", "_pb2.py"))
        module_name = "sluice_" + name.replace("/", "_").replace(".proto", "_pb2")
        spec = importlib.util.spec_from_file_location(module_name, path)
        module = importlib.util.module_from_spec(spec)
        sys.modules[module_name] = module
        spec.loader.exec_module(module)
        modules.append(module)
    return modules


class ProtobufCodec:
    """A connectrpc codec for google.protobuf messages (binary or JSON)."""

    def __init__(self, json):
        self.json = json

    def name(self):
        return "json" if self.json else "proto"

    def encode(self, message):
        if self.json:
            return json_format.MessageToJson(message, indent=None).encode()
        return message.SerializeToString()

    def decode(self, data, message_class):
        if self.json:
            return json_format.Parse(bytes(data), message_class(), ignore_unknown_fields=True)
        return message_class.FromString(bytes(data))


class Failure(Exception):
    pass


def expect(condition, message):
    if not condition:
        raise Failure(message)


def expect_error(code, call):
    try:
        result = call()
        if hasattr(result, "__next__"):
            list(result)
    except ConnectError as error:
        expect(error.code == code, "expected %s, got %s: %s" % (code, error.code, error.message))
        return error
    raise Failure("expected %s, the call succeeded" % code)


class Cases:
    def __init__(self, client, http_client, address, empty, messages, health):
        self.client = client
        self.http_client = http_client
        self.address = address
        self.empty = empty
        self.messages = messages
        self.health = health

    def method(self, name, request, response, stream=StreamType.UNARY,
               service="grpc.testing.TestService", idempotency=IdempotencyLevel.UNKNOWN):
        return MethodInfo(name=name, service_name=service, input=request, output=response,
                          idempotency_level=idempotency, stream_type=stream)

    def unary_call(self):
        return self.method("UnaryCall", self.messages.SimpleRequest, self.messages.SimpleResponse)

    def streaming_output(self):
        m = self.messages
        return self.method("StreamingOutputCall", m.StreamingOutputCallRequest,
                           m.StreamingOutputCallResponse, StreamType.SERVER_STREAM)

    def http_version(self, version):
        # The transport really speaks the HTTP version asked for.
        with self.http_client.stream(
                method="POST", url=self.address + "/grpc.testing.TestService/EmptyCall",
                headers={"content-type": "application/json"}, content=b"{}") as response:
            body = b"".join(response.content)
            expect(response.status == 200 and body == b"{}",
                   "EmptyCall answered %d %r" % (response.status, body))
            expect(response.http_version == version, "spoke %r" % response.http_version)

    def empty_unary(self):
        empty = self.client.execute_unary(
            request=self.empty.Empty(),
            method=self.method("EmptyCall", self.empty.Empty, self.empty.Empty))
        expect(empty == self.empty.Empty(), "EmptyCall answered %r" % empty)

    def large_unary(self):
        # The 314159-byte response is gzip-compressed (connectrpc accepts gzip), the
        # 271828-byte request too (connectrpc sends gzip by default).
        request = self.messages.SimpleRequest(
            response_size=314159, payload=self.messages.Payload(body=b"\0" * 271828))
        with ResponseMetadata() as meta:
            response = self.client.execute_unary(request=request, method=self.unary_call())
        expect(len(response.payload.body) == 314159, "got %d bytes" % len(response.payload.body))
        expect(meta.http_status == 200, "HTTP status %r" % meta.http_status)

    def server_streaming(self):
        sizes = [31415, 9, 2653, 58979]
        request = self.messages.StreamingOutputCallRequest(
            response_parameters=[self.messages.ResponseParameters(size=s) for s in sizes])
        responses = list(self.client.execute_server_stream(
            request=request, method=self.streaming_output()))
        got = [len(r.payload.body) for r in responses]
        expect(got == sizes, "got sizes %r" % got)

    def client_streaming(self):
        m = self.messages
        sizes = [27182, 8, 1828, 45904]
        requests = iter([m.StreamingInputCallRequest(payload=m.Payload(body=b"\0" * s)) for s in sizes])
        response = self.client.execute_client_stream(
            request=requests,
            method=self.method("StreamingInputCall", m.StreamingInputCallRequest,
                               m.StreamingInputCallResponse, StreamType.CLIENT_STREAM))
        expect(response.aggregated_payload_size == 74922,
               "aggregated %d" % response.aggregated_payload_size)

    def status_code_and_message(self):
        m = self.messages
        status = m.EchoStatus(code=2, message="test status message")
        error = expect_error(Code.UNKNOWN, lambda: self.client.execute_unary(
            request=m.SimpleRequest(response_status=status), method=self.unary_call()))
        expect(error.message == "test status message", "message %r" % error.message)
        error = expect_error(Code.UNKNOWN, lambda: self.client.execute_server_stream(
            request=m.StreamingOutputCallRequest(response_status=status),
            method=self.streaming_output()))
        expect(error.message == "test status message", "stream message %r" % error.message)

    def unimplemented_method(self):
        expect_error(Code.UNIMPLEMENTED, lambda: self.client.execute_unary(
            request=self.empty.Empty(),
            method=self.method("UnimplementedCall", self.empty.Empty, self.empty.Empty)))
        expect_error(Code.UNIMPLEMENTED, lambda: self.client.execute_unary(
            request=self.empty.Empty(),
            method=self.method("NoSuchMethod", self.empty.Empty, self.empty.Empty)))

    def metadata_echo(self):
        m = self.messages
        headers = {"x-grpc-test-echo-initial": "test_initial_metadata_value",
                   "x-grpc-test-echo-trailing-bin": "q6ur"}
        with ResponseMetadata() as meta:
            self.client.execute_unary(request=m.SimpleRequest(response_size=1),
                                      method=self.unary_call(), headers=headers)
        expect(meta.headers.get("x-grpc-test-echo-initial") == "test_initial_metadata_value",
               "headers %r" % list(meta.headers.items()))
        expect(meta.trailers.get("x-grpc-test-echo-trailing-bin") == "q6ur",
               "unary trailers %r" % list(meta.trailers.items()))
        with ResponseMetadata() as meta:
            list(self.client.execute_server_stream(
                request=m.StreamingOutputCallRequest(
                    response_parameters=[m.ResponseParameters(size=1)]),
                method=self.streaming_output(), headers=headers))
        expect(meta.headers.get("x-grpc-test-echo-initial") == "test_initial_metadata_value",
               "stream headers %r" % list(meta.headers.items()))
        expect(meta.trailers.get("x-grpc-test-echo-trailing-bin") == "q6ur",
               "stream trailers %r" % list(meta.trailers.items()))

    def timeout_on_sleeping_server(self):
        m = self.messages
        request = m.StreamingOutputCallRequest(
            response_parameters=[m.ResponseParameters(size=1, interval_us=5_000_000)])
        expect_error(Code.DEADLINE_EXCEEDED, lambda: self.client.execute_server_stream(
            request=request, method=self.streaming_output(), timeout_ms=300))

    def bidi_streaming(self, http_version):
        m = self.messages
        requests = iter([m.StreamingOutputCallRequest(
            response_parameters=[m.ResponseParameters(size=s)]) for s in [31415, 9]])
        method = self.method("FullDuplexCall", m.StreamingOutputCallRequest,
                             m.StreamingOutputCallResponse, StreamType.BIDI_STREAM)
        call = lambda: self.client.execute_bidi_stream(request=requests, method=method)
        if http_version == 1:
            error = expect_error(Code.UNIMPLEMENTED, call)
            expect("HTTP/2" in error.message, "message %r" % error.message)
        else:
            got = [len(r.payload.body) for r in call()]
            expect(got == [31415, 9], "got sizes %r" % got)

    def get_for_no_side_effects(self):
        h = self.health
        method = self.method("Check", h.HealthCheckRequest, h.HealthCheckResponse,
                             service="grpc.health.v1.Health",
                             idempotency=IdempotencyLevel.NO_SIDE_EFFECTS)
        with ResponseMetadata() as meta:
            response = self.client.execute_unary(
                request=h.HealthCheckRequest(service="grpc.testing.TestService"), method=method,
                use_get=True)
        expect(response.status == h.HealthCheckResponse.SERVING, "status %r" % response.status)
        expect(meta.http_status == 200, "HTTP status %r" % meta.http_status)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--schemas", required=True)
    parser.add_argument("--http", type=int, choices=[1, 2], required=True)
    parser.add_argument("--codec", choices=["proto", "json"], required=True)
    args = parser.parse_args()
    empty, messages, health = generate_messages(args.schemas)
    version = HTTPVersion.HTTP2 if args.http == 2 else HTTPVersion.HTTP1
    transport = SyncHTTPTransport(http_version=version)
    http_client = SyncClient(transport)
    address = "http://127.0.0.1:%d" % args.port
    client = ConnectClientSync(address, codec=ProtobufCodec(args.codec == "json"),
                               http_client=http_client, timeout_ms=20_000)
    cases = Cases(client, http_client, address, empty, messages, health)
    passed = failed = 0
    names = ["http_version", "empty_unary", "large_unary", "server_streaming", "client_streaming",
             "status_code_and_message", "unimplemented_method", "metadata_echo",
             "timeout_on_sleeping_server", "bidi_streaming", "get_for_no_side_effects"]
    for name in names:
        try:
            if name == "bidi_streaming":
                cases.bidi_streaming(args.http)
            elif name == "http_version":
                cases.http_version(version)
            else:
                getattr(cases, name)()
            print("PASS %s" % name)
            passed += 1
        except Exception as error:
            print("FAIL %s: %s: %s" % (name, type(error).__name__, error))
            failed += 1
        sys.stdout.flush()
    transport.close()
    print("%d passed, %d failed" % (passed, failed))
    sys.exit(0 if failed == 0 else 1)


if __name__ == "__main__":
    main()
