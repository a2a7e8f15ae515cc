"""Checks gRPC server reflection with grpcio-reflection's client and raw v1 calls.

Usage: python3 standard_services_reflection.py --port PORT
- v1alpha through ProtoReflectionDescriptorDatabase: a DescriptorPool built from the
  server finds grpc.testing.TestService with its methods and message types, nested
  enums, and fails to find unknown names; a message class made from the pool calls
  TestService/UnaryCall (what grpcurl does).
- v1 with raw requests on one stream: list_services, file_containing_symbol with its
  imports, and error responses (NOT_FOUND for unknown files, types and extensions,
  INVALID_ARGUMENT for an empty request), answered in order.
Prints "PASS name" or "FAIL name: reason" per case and a final "N passed, M failed"
line; exits non-zero when a case failed.
"""

import argparse
import sys

import grpc
from google.protobuf import descriptor_pb2, descriptor_pool, message_factory
from grpc_reflection.v1alpha import reflection_pb2
from grpc_reflection.v1alpha.proto_reflection_descriptor_database import (
    ProtoReflectionDescriptorDatabase)

SERVICES = [
    "grpc.testing.TestService",
    "grpc.health.v1.Health",
    "grpc.reflection.v1.ServerReflection",
    "grpc.reflection.v1alpha.ServerReflection",
]
TEST_SERVICE_METHODS = {
    "EmptyCall": ("grpc.testing.Empty", "grpc.testing.Empty"),
    "UnaryCall": ("grpc.testing.SimpleRequest", "grpc.testing.SimpleResponse"),
    "StreamingOutputCall": ("grpc.testing.StreamingOutputCallRequest",
                            "grpc.testing.StreamingOutputCallResponse"),
    "StreamingInputCall": ("grpc.testing.StreamingInputCallRequest",
                           "grpc.testing.StreamingInputCallResponse"),
    "FullDuplexCall": ("grpc.testing.StreamingOutputCallRequest",
                       "grpc.testing.StreamingOutputCallResponse"),
    "HalfDuplexCall": ("grpc.testing.StreamingOutputCallRequest",
                       "grpc.testing.StreamingOutputCallResponse"),
    "UnimplementedCall": ("grpc.testing.Empty", "grpc.testing.Empty"),
}


class Failure(Exception):
    pass


def expect(condition, message):
    if not condition:
        raise Failure(message)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    args = parser.parse_args()
    channel = grpc.insecure_channel("127.0.0.1:%d" % args.port)
    database = ProtoReflectionDescriptorDatabase(channel)
    pool = descriptor_pool.DescriptorPool(database)

    def v1alpha_lists_services():
        services = list(database.get_services())
        expect(services == SERVICES, "services %r" % services)

    def v1alpha_pool_finds_test_service():
        service = pool.FindServiceByName("grpc.testing.TestService")
        expect(service.file.name == "grpc/testing/test.proto", "file %s" % service.file.name)
        methods = {m.name: (m.input_type.full_name, m.output_type.full_name)
                   for m in service.methods}
        expect(methods == TEST_SERVICE_METHODS, "methods %r" % methods)
        streaming = pool.FindMethodByName("grpc.testing.TestService.FullDuplexCall")
        expect(streaming.client_streaming and streaming.server_streaming, "FullDuplexCall kind")
        request = pool.FindMessageTypeByName("grpc.testing.SimpleRequest")
        fields = {f.name: f.number for f in request.fields}
        expect(fields.get("response_size") == 2 and fields.get("payload") == 3,
               "SimpleRequest fields %r" % fields)
        expect(request.fields_by_name["response_type"].enum_type.full_name
               == "grpc.testing.PayloadType", "response_type is not a PayloadType")

    def v1alpha_pool_finds_nested_enums_and_values():
        status = pool.FindEnumTypeByName("grpc.health.v1.HealthCheckResponse.ServingStatus")
        names = [value.name for value in status.values]
        expect(names == ["UNKNOWN", "SERVING", "NOT_SERVING", "SERVICE_UNKNOWN"],
               "values %r" % names)
        file = database.FindFileContainingSymbol("grpc.health.v1.HealthCheckResponse.SERVING")
        expect(file.name == "grpc/health/v1/health.proto", "file %s" % file.name)
        field = pool.FindFieldByName("grpc.reflection.v1.ServerReflectionRequest.list_services")
        expect(field.containing_oneof.name == "message_request", "list_services not in oneof")

    def v1alpha_unknown_names_are_not_found():
        for find, name in [(pool.FindMessageTypeByName, "grpc.testing.Nope"),
                           (pool.FindServiceByName, "grpc.testing.NopeService"),
                           (pool.FindFileByName, "grpc/testing/nope.proto")]:
            try:
                find(name)
            except KeyError:
                continue
            raise Failure("found %s" % name)
        numbers = list(database.FindAllExtensionNumbers("grpc.testing.SimpleRequest"))
        expect(numbers == [], "extension numbers %r" % numbers)
        try:
            database.FindAllExtensionNumbers("grpc.testing.Nope")
        except KeyError:
            return
        raise Failure("extension numbers of an unknown type")

    def pool_types_call_the_server():
        request_type = message_factory.GetMessageClass(
            pool.FindMessageTypeByName("grpc.testing.SimpleRequest"))
        response_type = message_factory.GetMessageClass(
            pool.FindMessageTypeByName("grpc.testing.SimpleResponse"))
        call = channel.unary_unary("/grpc.testing.TestService/UnaryCall",
                                   request_serializer=lambda m: m.SerializeToString(),
                                   response_deserializer=response_type.FromString)
        response = call(request_type(response_size=7), timeout=10)
        expect(len(response.payload.body) == 7, "payload of %d" % len(response.payload.body))

    def v1_raw_requests_on_one_stream():
        # v1 and v1alpha messages are the same on the wire.
        Request = reflection_pb2.ServerReflectionRequest
        call = channel.stream_stream("/grpc.reflection.v1.ServerReflection/ServerReflectionInfo",
                                     request_serializer=Request.SerializeToString,
                                     response_deserializer=reflection_pb2.ServerReflectionResponse.FromString)
        requests = [
            Request(list_services=""),
            Request(file_containing_symbol="grpc.testing.TestService.UnaryCall"),
            Request(file_by_filename="grpc/testing/nope.proto"),
            Request(file_containing_symbol="grpc.testing.SimpleResponse"),
            Request(all_extension_numbers_of_type="grpc.testing.Nope"),
            Request(file_containing_extension=reflection_pb2.ExtensionRequest(
                containing_type="grpc.testing.SimpleRequest", extension_number=100)),
            Request(),
        ]
        responses = list(call(iter(requests), timeout=10))
        expect(len(responses) == len(requests), "%d responses" % len(responses))
        for request, response in zip(requests, responses):
            expect(response.original_request == request, "out of order: %r" % response)
        names = [s.name for s in responses[0].list_services_response.service]
        expect(names == SERVICES, "services %r" % names)
        files = [descriptor_pb2.FileDescriptorProto.FromString(b)
                 for b in responses[1].file_descriptor_response.file_descriptor_proto]
        expect([f.name for f in files] == ["grpc/testing/test.proto", "grpc/testing/empty.proto",
                                           "grpc/testing/messages.proto"],
               "files %r" % [f.name for f in files])
        expect([s.name for s in files[0].service] == ["TestService", "UnimplementedService"],
               "services of test.proto")
        for index, code in [(2, grpc.StatusCode.NOT_FOUND), (4, grpc.StatusCode.NOT_FOUND),
                            (5, grpc.StatusCode.NOT_FOUND), (6, grpc.StatusCode.INVALID_ARGUMENT)]:
            kind = responses[index].WhichOneof("message_response")
            expect(kind == "error_response", "response %d is %s" % (index, kind))
            error = responses[index].error_response
            expect(error.error_code == code.value[0], "error code %d" % error.error_code)
        files = responses[3].file_descriptor_response.file_descriptor_proto
        expect([descriptor_pb2.FileDescriptorProto.FromString(b).name for b in files]
               == ["grpc/testing/messages.proto"], "SimpleResponse file")

    cases = [v1alpha_lists_services, v1alpha_pool_finds_test_service,
             v1alpha_pool_finds_nested_enums_and_values, v1alpha_unknown_names_are_not_found,
             pool_types_call_the_server, v1_raw_requests_on_one_stream]
    passed = failed = 0
    for case in cases:
        try:
            case()
            passed += 1
            print("PASS %s" % case.__name__)
        except (Failure, grpc.RpcError, KeyError, AssertionError, TypeError) as error:
            failed += 1
            print("FAIL %s: %r" % (case.__name__, error))
    print("%d passed, %d failed" % (passed, failed))
    channel.close()
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
