"""Runs gRPC interop test cases against a server with grpcio.

Usage: python3 interop_client.py --port PORT --schemas /path/to/Schemas [--cases a,b,...]
       [--tls-ca CA.pem [--tls-cert CERT.pem --tls-key KEY.pem]]
Prints one line per case ("PASS name" or "FAIL name: reason") and a final
"N passed, M failed" line; exits non-zero when a case failed.
"""

import argparse
import importlib
import os
import sys
import tempfile
import threading

import grpc
from grpc_tools import protoc


def generate_stubs(schemas):
    out = tempfile.mkdtemp(prefix="sluice-interop-")
    protos = ["grpc/testing/empty.proto", "grpc/testing/messages.proto", "grpc/testing/test.proto"]
    include = os.path.join(os.path.dirname(protoc.__file__), "_proto")
    code = protoc.main(["protoc", "-I" + schemas, "-I" + include, "--python_out=" + out,
                        "--grpc_python_out=" + out] + protos)
    if code != 0:
        raise RuntimeError("protoc failed with %d" % code)
    # The generated package is named "grpc" too: load it under its own path.
    import importlib.util
    def load(name, path):
        spec = importlib.util.spec_from_file_location(name, path)
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
        setattr(sys.modules["grpc.testing"], name.rsplit(".", 1)[1], module)
        return module
    base = os.path.join(out, "grpc", "testing")
    import types
    package = types.ModuleType("grpc.testing")
    package.__path__ = [base]
    sys.modules["grpc.testing"] = package
    grpc.testing = package
    load("grpc.testing.empty_pb2", os.path.join(base, "empty_pb2.py"))
    messages = load("grpc.testing.messages_pb2", os.path.join(base, "messages_pb2.py"))
    load("grpc.testing.test_pb2", os.path.join(base, "test_pb2.py"))
    test_grpc = load("grpc.testing.test_pb2_grpc", os.path.join(base, "test_pb2_grpc.py"))
    empty = sys.modules["grpc.testing.empty_pb2"]
    return empty, messages, test_grpc


class Failure(Exception):
    pass


def expect(condition, message):
    if not condition:
        raise Failure(message)


def expect_code(call, code, message=None):
    try:
        call()
    except grpc.RpcError as error:
        expect(error.code() == code, "expected %s, got %s: %s" % (code, error.code(), error.details()))
        if message is not None:
            expect(error.details() == message, "expected message %r, got %r" % (message, error.details()))
        return error
    raise Failure("expected %s, the call succeeded" % code)


def open_channel(port, tls_ca, tls_cert, tls_key):
    """A plaintext (h2c) channel, or a TLS one trusting tls_ca (with a client certificate
    when tls_cert and tls_key are given)."""
    target = "127.0.0.1:%d" % port
    if tls_ca is None:
        return grpc.insecure_channel(target)

    def read(path):
        with open(path, "rb") as file:
            return file.read()

    credentials = grpc.ssl_channel_credentials(
        root_certificates=read(tls_ca),
        private_key=read(tls_key) if tls_key else None,
        certificate_chain=read(tls_cert) if tls_cert else None)
    return grpc.secure_channel(
        target, credentials, options=[("grpc.ssl_target_name_override", "localhost")])


def run_cases(channel, empty, messages, test_grpc, selected):
    stub = test_grpc.TestServiceStub(channel)
    unimplemented = test_grpc.UnimplementedServiceStub(channel)
    request_sizes = [27182, 8, 1828, 45904]
    response_sizes = [31415, 9, 2653, 58979]

    def payload(size):
        return messages.Payload(body=b"\0" * size)

    def empty_unary():
        response = stub.EmptyCall(empty.Empty(), timeout=10)
        expect(response == empty.Empty(), "non-empty response")

    def large_unary():
        request = messages.SimpleRequest(response_size=314159, payload=payload(271828))
        response = stub.UnaryCall(request, timeout=10)
        expect(len(response.payload.body) == 314159, "response size %d" % len(response.payload.body))

    def client_streaming():
        requests = (messages.StreamingInputCallRequest(payload=payload(size)) for size in request_sizes)
        response = stub.StreamingInputCall(requests, timeout=10)
        expect(response.aggregated_payload_size == 74922, "aggregated %d" % response.aggregated_payload_size)

    def server_streaming():
        request = messages.StreamingOutputCallRequest(
            response_parameters=[messages.ResponseParameters(size=size) for size in response_sizes])
        sizes = [len(r.payload.body) for r in stub.StreamingOutputCall(request, timeout=10)]
        expect(sizes == response_sizes, "sizes %r" % sizes)

    def ping_pong():
        import queue
        outgoing = queue.Queue()
        def requests():
            while True:
                item = outgoing.get()
                if item is None:
                    return
                yield item
        responses = stub.FullDuplexCall(requests(), timeout=10)
        for request_size, response_size in zip(request_sizes, response_sizes):
            outgoing.put(messages.StreamingOutputCallRequest(
                response_parameters=[messages.ResponseParameters(size=response_size)],
                payload=payload(request_size)))
            response = next(responses)
            expect(len(response.payload.body) == response_size, "size %d" % len(response.payload.body))
        outgoing.put(None)
        expect(next(responses, None) is None, "extra response")

    def empty_stream():
        responses = list(stub.FullDuplexCall(iter([]), timeout=10))
        expect(responses == [], "got %d responses" % len(responses))

    def custom_metadata():
        initial = ("x-grpc-test-echo-initial", "test_initial_metadata_value")
        trailing = ("x-grpc-test-echo-trailing-bin", b"\x0a\x0b\x0a\x0b\x0a\x0b")
        request = messages.SimpleRequest(response_size=314159, payload=payload(271828))
        response, call = stub.UnaryCall.with_call(request, metadata=[initial, trailing], timeout=10)
        expect(initial in list(call.initial_metadata()), "initial %r" % (call.initial_metadata(),))
        expect(trailing in list(call.trailing_metadata()), "trailing %r" % (call.trailing_metadata(),))
        stream_request = messages.StreamingOutputCallRequest(
            response_parameters=[messages.ResponseParameters(size=314159)], payload=payload(271828))
        call = stub.FullDuplexCall(iter([stream_request]), metadata=[initial, trailing], timeout=10)
        sizes = [len(r.payload.body) for r in call]
        expect(sizes == [314159], "sizes %r" % sizes)
        expect(initial in list(call.initial_metadata()), "stream initial %r" % (call.initial_metadata(),))
        expect(trailing in list(call.trailing_metadata()), "stream trailing %r" % (call.trailing_metadata(),))

    def status_with(message):
        status = messages.EchoStatus(code=2, message=message)
        expect_code(lambda: stub.UnaryCall(messages.SimpleRequest(response_status=status), timeout=10),
                    grpc.StatusCode.UNKNOWN, message)
        stream_request = messages.StreamingOutputCallRequest(response_status=status)
        expect_code(lambda: list(stub.FullDuplexCall(iter([stream_request]), timeout=10)),
                    grpc.StatusCode.UNKNOWN, message)

    def status_code_and_message():
        status_with("test status message")

    def special_status_message():
        status_with("\t\ntest with whitespace\r\nand Unicode BMP \u263a and non-BMP \U0001f608\t\n")

    def unimplemented_method():
        expect_code(lambda: stub.UnimplementedCall(empty.Empty(), timeout=10),
                    grpc.StatusCode.UNIMPLEMENTED)

    def unimplemented_service():
        expect_code(lambda: unimplemented.UnimplementedCall(empty.Empty(), timeout=10),
                    grpc.StatusCode.UNIMPLEMENTED)

    def cancel_after_begin():
        never = threading.Event()
        def requests():
            never.wait()
            return
            yield
        future = stub.StreamingInputCall.future(requests(), timeout=10)
        future.cancel()
        never.set()
        expect(future.cancelled(), "not cancelled")
        expect(future.code() == grpc.StatusCode.CANCELLED, "code %s" % future.code())

    def cancel_after_first_response():
        import queue
        outgoing = queue.Queue()
        def requests():
            while True:
                item = outgoing.get()
                if item is None:
                    return
                yield item
        call = stub.FullDuplexCall(requests(), timeout=10)
        outgoing.put(messages.StreamingOutputCallRequest(
            response_parameters=[messages.ResponseParameters(size=31415)], payload=payload(27182)))
        response = next(call)
        expect(len(response.payload.body) == 31415, "size %d" % len(response.payload.body))
        call.cancel()
        outgoing.put(None)
        expect(call.code() == grpc.StatusCode.CANCELLED, "code %s" % call.code())

    def timeout_on_sleeping_server():
        request = messages.StreamingOutputCallRequest(payload=payload(27182))
        done = threading.Event()
        def requests():
            yield request
            done.wait(10)
        call = stub.FullDuplexCall(requests(), timeout=0.001)
        try:
            list(call)
        except grpc.RpcError:
            pass
        done.set()
        expect(call.code() == grpc.StatusCode.DEADLINE_EXCEEDED, "code %s" % call.code())

    def compressed_requests():
        # Not the spec's client_compressed_* cases (the server does not check
        # expect_compressed): gzip-compressed requests must decode.
        request = messages.SimpleRequest(response_size=314159, payload=payload(271828))
        response = stub.UnaryCall(request, timeout=10, compression=grpc.Compression.Gzip)
        expect(len(response.payload.body) == 314159, "size %d" % len(response.payload.body))
        requests = (messages.StreamingInputCallRequest(payload=payload(size)) for size in request_sizes)
        response = stub.StreamingInputCall(requests, timeout=10, compression=grpc.Compression.Deflate)
        expect(response.aggregated_payload_size == 74922, "aggregated %d" % response.aggregated_payload_size)

    cases = [
        ("empty_unary", empty_unary), ("large_unary", large_unary),
        ("client_streaming", client_streaming), ("server_streaming", server_streaming),
        ("ping_pong", ping_pong), ("empty_stream", empty_stream),
        ("custom_metadata", custom_metadata), ("status_code_and_message", status_code_and_message),
        ("special_status_message", special_status_message),
        ("unimplemented_method", unimplemented_method),
        ("unimplemented_service", unimplemented_service),
        ("cancel_after_begin", cancel_after_begin),
        ("cancel_after_first_response", cancel_after_first_response),
        ("timeout_on_sleeping_server", timeout_on_sleeping_server),
        ("compressed_requests", compressed_requests),
    ]
    passed = failed = 0
    for name, case in cases:
        if selected and name not in selected:
            continue
        try:
            case()
            print("PASS %s" % name)
            passed += 1
        except Exception as error:  # every failure becomes one line
            print("FAIL %s: %s: %s" % (name, type(error).__name__, error))
            failed += 1
        sys.stdout.flush()
    channel.close()
    print("%d passed, %d failed" % (passed, failed))
    return failed == 0


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--schemas", required=True)
    parser.add_argument("--cases", default="")
    parser.add_argument("--tls-ca", help="connect over TLS, trusting this CA file")
    parser.add_argument("--tls-cert", help="client certificate for mTLS (with --tls-key)")
    parser.add_argument("--tls-key", help="private key of --tls-cert")
    args = parser.parse_args()
    empty, messages, test_grpc = generate_stubs(args.schemas)
    selected = set(filter(None, args.cases.split(",")))
    channel = open_channel(args.port, args.tls_ca, args.tls_cert, args.tls_key)
    sys.exit(0 if run_cases(channel, empty, messages, test_grpc, selected) else 1)


if __name__ == "__main__":
    main()
