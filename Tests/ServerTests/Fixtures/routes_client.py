"""Plain HTTP routes and RPCs on one keep-alive connection.

usage: routes_client.py http1|h2 PORT

Sends, on a single connection: GET /metrics, a Connect JSON unary RPC, HEAD /metrics,
GET /metrics?name=x, POST /metrics, then GET /metrics again. HTTP/1.1 uses http.client
(a body sent after a HEAD answer would corrupt the next response); h2c uses the `h2`
library. Prints one JSON object: the answers in order (status, lowercase headers, body
bytes received, whether the body names the RPC in sluice_rpc_calls_total) and how many
TCP connections were used.
"""

import http.client
import json
import socket
import sys

import h2.config
import h2.connection
import h2.events

RPC_PATH = "/grpc.testing.TestService/UnaryCall"
RPC_BODY = b'{"responseSize": 3}'
REQUESTS = [
    ("GET", "/metrics", None),
    ("POST", RPC_PATH, RPC_BODY),
    ("HEAD", "/metrics", None),
    ("GET", "/metrics?name=x", None),
    ("POST", "/metrics", b"x"),
    ("GET", "/metrics", None),
]


def summary(status, headers, body):
    text = body.decode("utf-8", "replace")
    counted = any(
        line.startswith("sluice_rpc_calls_total") and RPC_PATH in line
        for line in text.splitlines()
    )
    return {"status": status, "headers": headers, "bodyBytes": len(body), "countsRPC": counted}


def http1(port):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    answers, ports = [], set()
    for method, path, body in REQUESTS:
        headers = {"content-type": "application/json"} if body else {}
        connection.request(method, path, body=body, headers=headers)
        ports.add(connection.sock.getsockname()[1])
        response = connection.getresponse()
        data = response.read()
        answers.append(summary(
            response.status, {k.lower(): v for k, v in response.getheaders()}, data))
    connection.close()
    return {"answers": answers, "connections": len(ports)}


def h2c(port):
    sock = socket.create_connection(("127.0.0.1", port), timeout=10)
    connection = h2.connection.H2Connection(h2.config.H2Configuration(client_side=True))
    connection.initiate_connection()
    sock.sendall(connection.data_to_send())
    answers = []
    for method, path, body in REQUESTS:
        stream = connection.get_next_available_stream_id()
        headers = [(":method", method), (":path", path), (":scheme", "http"),
                   (":authority", f"127.0.0.1:{port}")]
        if body:
            headers.append(("content-type", "application/json"))
        connection.send_headers(stream, headers, end_stream=body is None)
        if body:
            connection.send_data(stream, body, end_stream=True)
        sock.sendall(connection.data_to_send())
        status, response_headers, data, done = 0, {}, b"", False
        while not done:
            chunk = sock.recv(65536)
            if not chunk:
                raise RuntimeError("connection closed")
            for event in connection.receive_data(chunk):
                if getattr(event, "stream_id", None) != stream:
                    continue
                if isinstance(event, h2.events.ResponseReceived):
                    for name, value in event.headers:
                        name, value = name.decode(), value.decode()
                        if name == ":status":
                            status = int(value)
                        else:
                            response_headers[name] = value
                elif isinstance(event, h2.events.DataReceived):
                    data += event.data
                    connection.acknowledge_received_data(len(event.data), stream)
                elif isinstance(event, (h2.events.StreamEnded, h2.events.StreamReset)):
                    done = True
            sock.sendall(connection.data_to_send())
        answers.append(summary(status, response_headers, data))
    connection.close_connection()
    sock.sendall(connection.data_to_send())
    sock.close()
    return {"answers": answers, "connections": 1}


if __name__ == "__main__":
    mode, port = sys.argv[1], int(sys.argv[2])
    print(json.dumps(http1(port) if mode == "http1" else h2c(port)))
