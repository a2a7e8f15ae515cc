"""Checks grpc.health.v1.Health with grpcio-health-checking's stubs.

Usage: python3 standard_services_health.py --port PORT --ready-file PATH
The Check cases run first. Then two Watch calls start; once both have their first
status the script creates PATH, and the test changes the statuses: it expects
grpc.testing.TestService to turn NOT_SERVING and sluice.test.Later (unknown until then)
SERVING. Prints "PASS name" or "FAIL name: reason" per case and a final
"N passed, M failed" line; exits non-zero when a case failed.
"""

import argparse
import sys

import grpc
from grpc_health.v1 import health_pb2, health_pb2_grpc

Request = health_pb2.HealthCheckRequest
Status = health_pb2.HealthCheckResponse


class Failure(Exception):
    pass


def expect(condition, message):
    if not condition:
        raise Failure(message)


def expect_status(response, status):
    expect(response.status == status, "expected %s, got %s" % (
        Status.ServingStatus.Name(status), Status.ServingStatus.Name(response.status)))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--ready-file", required=True)
    args = parser.parse_args()
    channel = grpc.insecure_channel("127.0.0.1:%d" % args.port)
    stub = health_pb2_grpc.HealthStub(channel)

    def check_server():
        expect_status(stub.Check(Request(service=""), timeout=10), Status.SERVING)

    def check_service():
        expect_status(stub.Check(Request(service="grpc.testing.TestService"), timeout=10),
                      Status.SERVING)

    def check_unknown_service():
        try:
            stub.Check(Request(service="sluice.test.Nope"), timeout=10)
        except grpc.RpcError as error:
            expect(error.code() == grpc.StatusCode.NOT_FOUND, "got %s" % error.code())
            return
        raise Failure("Check of an unknown service succeeded")

    def watch_sees_changes():
        service = stub.Watch(Request(service="grpc.testing.TestService"), timeout=30)
        later = stub.Watch(Request(service="sluice.test.Later"), timeout=30)
        try:
            expect_status(next(service), Status.SERVING)
            expect_status(next(later), Status.SERVICE_UNKNOWN)
            open(args.ready_file, "w").close()
            expect_status(next(service), Status.NOT_SERVING)
            expect_status(next(later), Status.SERVING)
            expect_status(stub.Check(Request(service="sluice.test.Later"), timeout=10),
                          Status.SERVING)
        finally:
            service.cancel()
            later.cancel()

    cases = [check_server, check_service, check_unknown_service, watch_sees_changes]
    passed = failed = 0
    for case in cases:
        try:
            case()
            passed += 1
            print("PASS %s" % case.__name__)
        except (Failure, grpc.RpcError, StopIteration) as error:
            failed += 1
            print("FAIL %s: %r" % (case.__name__, error))
    print("%d passed, %d failed" % (passed, failed))
    channel.close()
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
