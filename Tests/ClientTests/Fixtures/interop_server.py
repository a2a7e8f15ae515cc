"""grpc.testing.TestService on grpcio, for Sluice's client tests.

Generates the Python stubs from Sluice's schemas into a temporary directory, serves
h2c (or TLS with --tls-cert/--tls-key) on 127.0.0.1 at an ephemeral port, prints
`PORT <n>` and serves until stdin closes or the process is terminated.

Behaviour follows gRPC's interop test descriptions: payloads of the requested sizes,
`x-grpc-test-echo-initial` / `x-grpc-test-echo-trailing-bin` echoed, `response_status`
returned, gzip responses when `response_compressed` / `ResponseParameters.compressed`
ask for them, and nothing registered for UnimplementedCall.
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from concurrent import futures

ECHO_INITIAL = "x-grpc-test-echo-initial"
ECHO_TRAILING = "x-grpc-test-echo-trailing-bin"


def generate_stubs(schemas, directory):
    protos = ["grpc/testing/empty.proto", "grpc/testing/messages.proto", "grpc/testing/test.proto"]
    subprocess.run(
        [sys.executable, "-m", "grpc_tools.protoc", "-I", schemas,
         "--python_out", directory, "--grpc_python_out", directory] + protos,
        check=True)
    # The generated modules live in `grpc.testing`, inside grpcio's own `grpc` package.
    import grpc
    grpc.__path__.append(os.path.join(directory, "grpc"))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--schemas", required=True)
    parser.add_argument("--tls-cert")
    parser.add_argument("--tls-key")
    args = parser.parse_args()

    directory = tempfile.mkdtemp(prefix="sluice-client-interop-")
    try:
        generate_stubs(args.schemas, directory)
        serve(args)
    finally:
        shutil.rmtree(directory, ignore_errors=True)
    # grpcio's worker threads would keep the interpreter alive.
    os._exit(0)


def serve(args):
    import grpc
    from grpc.testing import empty_pb2, messages_pb2, test_pb2_grpc

    def status_code(number):
        for code in grpc.StatusCode:
            if code.value[0] == number:
                return code
        return grpc.StatusCode.UNKNOWN

    def echo_metadata(context):
        metadata = dict(context.invocation_metadata())
        if ECHO_INITIAL in metadata:
            context.send_initial_metadata(((ECHO_INITIAL, metadata[ECHO_INITIAL]),))
        if ECHO_TRAILING in metadata:
            context.set_trailing_metadata(((ECHO_TRAILING, metadata[ECHO_TRAILING]),))

    def check_status(status, context):
        if status.code != 0:
            context.abort(status_code(status.code), status.message)

    def payload(size):
        return messages_pb2.Payload(body=b"\0" * size)

    def respond(request, context):
        if request.HasField("response_status"):
            check_status(request.response_status, context)
        for parameters in request.response_parameters:
            if parameters.interval_us > 0:
                time.sleep(parameters.interval_us / 1_000_000)
            if parameters.HasField("compressed"):
                if parameters.compressed.value:
                    context.set_compression(grpc.Compression.Gzip)
                else:
                    context.disable_next_message_compression()
            yield messages_pb2.StreamingOutputCallResponse(payload=payload(parameters.size))

    class TestService(test_pb2_grpc.TestServiceServicer):
        def EmptyCall(self, request, context):
            echo_metadata(context)
            return empty_pb2.Empty()

        def UnaryCall(self, request, context):
            echo_metadata(context)
            if request.HasField("response_compressed") and request.response_compressed.value:
                context.set_compression(grpc.Compression.Gzip)
            if request.HasField("response_status"):
                check_status(request.response_status, context)
            return messages_pb2.SimpleResponse(payload=payload(request.response_size))

        def StreamingOutputCall(self, request, context):
            echo_metadata(context)
            yield from respond(request, context)

        def StreamingInputCall(self, request_iterator, context):
            echo_metadata(context)
            total = sum(len(request.payload.body) for request in request_iterator)
            return messages_pb2.StreamingInputCallResponse(aggregated_payload_size=total)

        def FullDuplexCall(self, request_iterator, context):
            echo_metadata(context)
            for request in request_iterator:
                yield from respond(request, context)

        def HalfDuplexCall(self, request_iterator, context):
            echo_metadata(context)
            requests = list(request_iterator)
            for request in requests:
                yield from respond(request, context)

        def UnimplementedCall(self, request, context):
            context.abort(grpc.StatusCode.UNIMPLEMENTED, "UnimplementedCall is not implemented")

    server = grpc.server(futures.ThreadPoolExecutor(max_workers=16))
    test_pb2_grpc.add_TestServiceServicer_to_server(TestService(), server)
    if args.tls_cert:
        with open(args.tls_key, "rb") as key, open(args.tls_cert, "rb") as cert:
            credentials = grpc.ssl_server_credentials(((key.read(), cert.read()),))
        port = server.add_secure_port("127.0.0.1:0", credentials)
    else:
        port = server.add_insecure_port("127.0.0.1:0")
    server.start()
    print(f"PORT {port}", flush=True)

    done = threading.Event()

    def watch_stdin():
        sys.stdin.read()
        done.set()

    threading.Thread(target=watch_stdin, daemon=True).start()
    done.wait()
    server.stop(grace=None).wait()


if __name__ == "__main__":
    main()
