"""Calls a server guarded by a bearer-token interceptor with grpcio, with and without a
token, and prints one line per call:

    <case> <STATUS_CODE_NAME> principal=<x-principal header or -> messages=<n> details=<details>

Usage: python3 interceptors_auth_client.py --port PORT
Calls grpc.testing.TestService/EmptyCall (unary) and StreamingOutputCall (server
streaming) with raw protobuf bytes, so no generated stubs are needed.
"""

import argparse

import grpc

EMPTY_CALL = "/grpc.testing.TestService/EmptyCall"
STREAMING_OUTPUT_CALL = "/grpc.testing.TestService/StreamingOutputCall"
# StreamingOutputCallRequest { response_parameters: [{ size: 1 }, { size: 1 }] }
TWO_RESPONSES = bytes([0x12, 0x02, 0x08, 0x01, 0x12, 0x02, 0x08, 0x01])


def principal(metadata):
    for key, value in metadata or ():
        if key == "x-principal":
            return value
    return "-"


def unary(channel, metadata):
    call = channel.unary_unary(EMPTY_CALL, request_serializer=None, response_deserializer=None)
    try:
        _, outcome = call.with_call(b"", metadata=metadata, timeout=10)
        return "OK", principal(outcome.initial_metadata()), 1, ""
    except grpc.RpcError as error:
        return error.code().name, principal(error.initial_metadata()), 0, error.details()


def streaming(channel, metadata):
    call = channel.unary_stream(
        STREAMING_OUTPUT_CALL, request_serializer=None, response_deserializer=None)
    responses = call(TWO_RESPONSES, metadata=metadata, timeout=10)
    count = 0
    try:
        for _ in responses:
            count += 1
        return "OK", principal(responses.initial_metadata()), count, ""
    except grpc.RpcError as error:
        return error.code().name, principal(error.initial_metadata()), count, error.details()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    args = parser.parse_args()
    cases = [
        ("unary-no-token", unary, None),
        ("unary-wrong-token", unary, [("authorization", "Bearer mallory-token")]),
        ("unary-malformed", unary, [("authorization", "Basic YWxpY2U6cHc=")]),
        ("unary-token", unary, [("authorization", "Bearer alice-token")]),
        ("stream-no-token", streaming, None),
        ("stream-token", streaming, [("authorization", "Bearer alice-token")]),
    ]
    with grpc.insecure_channel("127.0.0.1:%d" % args.port) as channel:
        for name, call, metadata in cases:
            code, who, count, details = call(channel, metadata)
            print("%s %s principal=%s messages=%d details=%s" % (name, code, who, count, details),
                  flush=True)


if __name__ == "__main__":
    main()
