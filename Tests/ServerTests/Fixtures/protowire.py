"""Protobuf wire helpers shared by the server test scripts."""


def encode_varint(value):
    out = b""
    while True:
        bits = value & 0x7F
        value >>= 7
        if value:
            out += bytes([bits | 0x80])
        else:
            return out + bytes([bits])
