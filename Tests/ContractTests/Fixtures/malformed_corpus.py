"""Decoder hardening corpus: malformed binary and JSON inputs and the error each must raise.

Each entry names the message type it is decoded as and the expected error kind, a
case name of `ProtoDecodingError` / `JSONDecodingError` (Docs/GeneratedCode.md).
`reference.py generate` writes the inputs, a manifest.json per folder and a
README.md table that also records what python protobuf does with each input, so
the places where python is more lenient than Sluice are written down and checked.
"""

import json

V1 = "sluice.contract.v1."


# MARK: Wire-format builders


def varint(value):
    value &= (1 << 64) - 1
    out = bytearray()
    while True:
        byte = value & 0x7F
        value >>= 7
        if value:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)


def tag(field, wire_type):
    return varint((field << 3) | wire_type)


def length_delimited(field, payload):
    return tag(field, 2) + varint(len(payload)) + payload


def nest(field, depth, innermost=b""):
    """`depth` levels of a message field numbered `field` around `innermost`."""
    data = innermost
    for _ in range(depth):
        data = length_delimited(field, data)
    return data


def nest_map(field, depth):
    """`depth` levels of map<string, Self> entries (key "k") through field `field`."""
    data = b""
    for _ in range(depth):
        data = length_delimited(field, length_delimited(1, b"k") + length_delimited(2, data))
    return data


def ping_pong(depth):
    """Ping.pong (2) / Pong.ping (2) alternating `depth` levels."""
    return nest(2, depth)


# MARK: Binary corpus: (name, message, bytes, expected error, what it tests)

BINARY = [
    ("truncated_tag", "Scalars", b"\x80", "truncated", "a tag varint with its continuation bit set and nothing after"),
    ("truncated_varint_value", "Scalars", tag(3, 0) + b"\x80\x80", "truncated", "int32 value varint cut short"),
    ("truncated_fixed32", "Scalars", tag(9, 5) + b"\x01\x02", "truncated", "fixed32 with 2 of 4 bytes"),
    ("truncated_fixed64", "Scalars", tag(10, 1) + b"\x01" * 7, "truncated", "fixed64 with 7 of 8 bytes"),
    ("varint_11_bytes", "Scalars", tag(3, 0) + b"\xff" * 10 + b"\x01", "malformedVarint", "a varint longer than 10 bytes"),
    (
        "varint_10th_byte_overflow",
        "Scalars",
        tag(6, 0) + b"\xff" * 9 + b"\x7f",
        "malformedVarint",
        "10-byte varint whose last byte carries bits past 64",
    ),
    ("field_number_zero_varint", "Scalars", b"\x00\x01", "invalidFieldNumber", "tag with field number 0, wire type 0"),
    ("field_number_zero_length", "Scalars", b"\x02\x00", "invalidFieldNumber", "tag with field number 0, wire type 2"),
    (
        "field_number_too_large",
        "Scalars",
        tag(1 << 29, 0) + b"\x01",
        "invalidFieldNumber",
        "field number 2^29, one past the largest legal",
    ),
    ("length_missing", "Scalars", tag(14, 2), "truncated", "string tag with no length"),
    ("length_past_end", "Scalars", tag(14, 2) + b"\x05ab", "lengthOutOfRange", "string length 5 with 2 bytes left"),
    (
        "length_0x7fffffff_tiny_buffer",
        "Scalars",
        tag(15, 2) + varint(0x7FFFFFFF) + b"ab",
        "lengthOutOfRange",
        "bytes length 2^31-1 on a 2-byte remainder (must not allocate)",
    ),
    (
        "length_over_2gb",
        "Scalars",
        tag(15, 2) + varint((1 << 64) - 1) + b"ab",
        "lengthOutOfRange",
        "bytes length 2^64-1 (negative as int64)",
    ),
    (
        "unknown_field_length_past_end",
        "Scalars",
        tag(1000, 2) + b"\x0aab",
        "lengthOutOfRange",
        "an unknown length-delimited field that runs past the end",
    ),
    (
        "group_unknown_field",
        "Scalars",
        tag(1000, 3) + tag(1, 0) + b"\x01" + tag(1000, 4),
        "groupsNotSupported",
        "a well-formed group (wire types 3/4) under an unknown field number",
    ),
    (
        "group_known_field",
        "Scalars",
        tag(3, 3) + tag(3, 4),
        "groupsNotSupported",
        "an empty group under the number of the int32 field",
    ),
    ("group_unterminated", "Scalars", tag(1000, 3), "groupsNotSupported", "start-group with no end-group"),
    ("group_end_alone", "Scalars", tag(1000, 4), "groupsNotSupported", "end-group with no start-group"),
    ("wire_type_6", "Scalars", tag(1000, 6) + b"\x00", "invalidWireType(6)", "wire type 6 does not exist"),
    ("wire_type_7", "Scalars", tag(1000, 7) + b"\x00", "invalidWireType(7)", "wire type 7 does not exist"),
    (
        "wrong_wire_type_int32_as_length",
        "Scalars",
        tag(3, 2) + b"\x01\x00",
        "wireTypeMismatch(3)",
        "int32 field 3 sent length-delimited",
    ),
    (
        "wrong_wire_type_string_as_varint",
        "Scalars",
        tag(14, 0) + b"\x01",
        "wireTypeMismatch(14)",
        "string field 14 sent as a varint",
    ),
    (
        "wrong_wire_type_fixed32_as_fixed64",
        "Scalars",
        tag(9, 1) + b"\x00" * 8,
        "wireTypeMismatch(9)",
        "fixed32 field 9 sent as fixed64",
    ),
    (
        "wrong_wire_type_message_as_varint",
        "OptionalScalars",
        tag(17, 0) + b"\x01",
        "wireTypeMismatch(17)",
        "message field 17 sent as a varint",
    ),
    (
        "wrong_wire_type_repeated_double_as_varint",
        "RepeatedScalars",
        tag(1, 0) + b"\x01",
        "wireTypeMismatch(1)",
        "repeated double field 1 sent as a varint (only fixed64 or packed are valid)",
    ),
    (
        "packed_fixed32_partial",
        "RepeatedScalars",
        tag(9, 2) + b"\x03\x01\x02\x03",
        "truncated",
        "packed fixed32 run of 3 bytes",
    ),
    (
        "packed_varint_runs_off_run",
        "RepeatedScalars",
        tag(3, 2) + b"\x02\x01\x80" + tag(13, 0) + b"\x01",
        "truncated",
        "packed int32 run whose last varint continues past the run's end",
    ),
    (
        "nested_length_past_parent",
        "OptionalScalars",
        tag(17, 2) + b"\x03" + tag(14, 2) + b"\x05a" + b"bcde",
        "lengthOutOfRange",
        "inner string longer than its enclosing message (bytes exist after the parent)",
    ),
    (
        "nested_invalid_wire_type",
        "OptionalScalars",
        length_delimited(17, tag(1000, 7) + b"\x00"),
        "invalidWireType(7)",
        "wire type 7 inside a nested message",
    ),
    (
        "map_entry_truncated",
        "MapKeys",
        tag(1, 2) + b"\x03" + tag(1, 0) + b"\x01" + tag(2, 2),
        "truncated",
        "map entry whose value has no length",
    ),
    ("invalid_utf8_string", "Scalars", length_delimited(14, b"\xff\xfe"), "invalidUTF8", "0xFF 0xFE in a string"),
    ("invalid_utf8_overlong", "Scalars", length_delimited(14, b"\xc0\x80"), "invalidUTF8", "overlong encoding of U+0000"),
    (
        "invalid_utf8_surrogate",
        "Scalars",
        length_delimited(14, b"\xed\xa0\x80"),
        "invalidUTF8",
        "UTF-8 encoded surrogate U+D800",
    ),
    (
        "invalid_utf8_above_max",
        "Scalars",
        length_delimited(14, b"\xf4\x90\x80\x80"),
        "invalidUTF8",
        "code point above U+10FFFF",
    ),
    (
        "invalid_utf8_cut_sequence",
        "Scalars",
        length_delimited(14, b"ok\xe6\x97"),
        "invalidUTF8",
        "3-byte sequence cut after 2 bytes",
    ),
    (
        "invalid_utf8_repeated",
        "RepeatedScalars",
        length_delimited(14, b"fine") + length_delimited(14, b"\x80"),
        "invalidUTF8",
        "second element of a repeated string",
    ),
    (
        "invalid_utf8_map_key",
        "MapKeys",
        length_delimited(12, length_delimited(1, b"\xff") + length_delimited(2, b"v")),
        "invalidUTF8",
        "string map key",
    ),
    (
        "invalid_utf8_map_value",
        "MapKeys",
        length_delimited(12, length_delimited(1, b"k") + length_delimited(2, b"\xff")),
        "invalidUTF8",
        "string map value",
    ),
    (
        "invalid_utf8_nested",
        "OptionalScalars",
        length_delimited(17, length_delimited(14, b"\xc3")),
        "invalidUTF8",
        "string inside a nested message",
    ),
    ("invalid_utf8_oneof", "Oneofs", length_delimited(2, b"\xe2\x82"), "invalidUTF8", "string oneof member"),
    ("deep_nesting_200", "Tree", nest(2, 200), "recursionLimitExceeded", "Tree.child nested 200 levels"),
    ("deep_nesting_200_repeated", "Tree", nest(3, 200), "recursionLimitExceeded", "Tree.children nested 200 levels"),
    ("deep_nesting_200_map", "Tree", nest_map(4, 200), "recursionLimitExceeded", "Tree.named map values nested 200 levels"),
    ("deep_nesting_200_oneof", "Tree", nest(5, 200), "recursionLimitExceeded", "Tree.linked oneof nested 200 levels"),
    ("deep_nesting_200_mutual", "Ping", ping_pong(200), "recursionLimitExceeded", "Ping/Pong alternating 200 levels"),
]


# MARK: JSON corpus: (name, message, text, expected error, what it tests)


def deep(prefix, suffix, depth, middle):
    return prefix * depth + middle + suffix * depth


JSON = [
    ("empty_input", "Scalars", "", "unexpectedEnd", "no value at all"),
    ("unexpected_end", "Scalars", '{"int32Value":1', "unexpectedEnd", "object never closed"),
    ("unterminated_string", "Scalars", '{"stringValue":"abc', "unexpectedEnd", "string never closed"),
    ("top_level_array", "Scalars", "[]", "unexpectedCharacter", "a message must be an object"),
    ("trailing_comma", "Scalars", '{"int32Value":1,}', "unexpectedCharacter", "comma before }"),
    ("missing_colon", "Scalars", '{"int32Value" 1}', "unexpectedCharacter", "no colon after key"),
    ("unquoted_key", "Scalars", "{int32Value:1}", "unexpectedCharacter", "bare key"),
    ("single_quotes", "Scalars", "{'int32Value':1}", "unexpectedCharacter", "single-quoted key"),
    ("trailing_garbage", "Scalars", "{} x", "trailingGarbage", "text after the value"),
    ("two_objects", "Scalars", "{}{}", "trailingGarbage", "a second value"),
    ("bad_escape", "Scalars", '{"stringValue":"\\q"}', "invalidString", "\\q is not an escape"),
    ("bad_unicode_escape", "Scalars", '{"stringValue":"\\u12G4"}', "invalidString", "non-hex digit in \\u"),
    ("lone_high_surrogate", "Scalars", '{"stringValue":"\\ud800"}', "invalidString", "high surrogate alone"),
    ("lone_low_surrogate", "Scalars", '{"stringValue":"\\udc00x"}', "invalidString", "low surrogate alone"),
    (
        "reversed_surrogates",
        "Scalars",
        '{"stringValue":"\\udc00\\ud800"}',
        "invalidString",
        "low surrogate before high",
    ),
    ("raw_control_character", "Scalars", '{"stringValue":"a\x01b"}', "invalidString", "unescaped U+0001"),
    ("invalid_utf8", "Scalars", b'{"stringValue":"\xff"}', "invalidString", "0xFF byte in the text"),
    ("int32_fraction", "Scalars", '{"int32Value":1.5}', "invalidNumber", "1.5 for int32"),
    ("int32_fraction_string", "Scalars", '{"int32Value":"1.5"}', "invalidNumber", '"1.5" for int32'),
    ("int64_letters", "Scalars", '{"int64Value":"abc"}', "invalidNumber", '"abc" for int64'),
    ("int32_leading_zero", "Scalars", '{"int32Value":01}', "invalidNumber", "leading zero"),
    ("int32_plus_sign", "Scalars", '{"int32Value":+1}', "invalidNumber", "leading plus"),
    ("int32_overflow", "Scalars", '{"int32Value":2147483648}', "numberOutOfRange", "INT32_MAX + 1"),
    ("int32_underflow", "Scalars", '{"int32Value":-2147483649}', "numberOutOfRange", "INT32_MIN - 1"),
    ("uint32_negative", "Scalars", '{"uint32Value":-1}', "numberOutOfRange", "-1 for uint32"),
    ("int64_overflow", "Scalars", '{"int64Value":"9223372036854775808"}', "numberOutOfRange", "INT64_MAX + 1"),
    ("uint64_overflow", "Scalars", '{"uint64Value":"18446744073709551616"}', "numberOutOfRange", "UINT64_MAX + 1"),
    ("float_overflow", "Scalars", '{"floatValue":3.5e38}', "numberOutOfRange", "beyond FLT_MAX"),
    ("double_overflow", "Scalars", '{"doubleValue":1.8e308}', "numberOutOfRange", "beyond DBL_MAX"),
    ("nan_literal", "Scalars", '{"doubleValue":NaN}', "unexpectedCharacter", 'bare NaN (must be "NaN")'),
    ("infinity_lowercase", "Scalars", '{"doubleValue":"infinity"}', "invalidNumber", 'must be "Infinity"'),
    ("bool_as_string", "Scalars", '{"boolValue":"true"}', "unexpectedCharacter", "bool must be a literal"),
    ("bool_as_number", "Scalars", '{"boolValue":1}', "unexpectedCharacter", "bool must be a literal"),
    ("string_as_number", "Scalars", '{"stringValue":1}', "unexpectedCharacter", "string must be quoted"),
    ("bad_base64", "Scalars", '{"bytesValue":"!!!!"}', "invalidBase64", "not base64 characters"),
    ("bad_base64_padding", "Scalars", '{"bytesValue":"a==="}', "invalidBase64", "too much padding"),
    ("bad_base64_length", "Scalars", '{"bytesValue":"abcde"}', "invalidBase64", "5 characters cannot be base64"),
    ("unknown_field", "Scalars", '{"noSuchField":1}', "unknownField", "field not in the schema"),
    ("unknown_enum_name", "Scalars", '{"enumValue":"SIGNED_NOPE"}', "unknownEnumValue", "enum name not in the schema"),
    ("duplicate_key", "Scalars", '{"int32Value":1,"int32Value":2}', "duplicateField", "same key twice"),
    (
        "duplicate_json_and_proto_name",
        "Scalars",
        '{"int32Value":1,"int32_value":2}',
        "duplicateField",
        "JSON name and proto name of one field",
    ),
    ("oneof_two_members", "Oneofs", '{"choiceInt32":1,"choiceString":"x"}', "duplicateField", "two members of one oneof"),
    ("null_in_repeated", "RepeatedScalars", '{"int32Values":[1,null]}', "unexpectedCharacter", "null array element"),
    ("map_int_key_not_number", "MapKeys", '{"int32Key":{"abc":"x"}}', "invalidNumber", "map<int32,_> key \"abc\""),
    ("map_bool_key_uppercase", "MapKeys", '{"boolKey":{"TRUE":"x"}}', "unexpectedCharacter", 'bool key must be "true"/"false"'),
    ("timestamp_bad_month", "WellKnown", '{"timestamp":"2024-13-01T00:00:00Z"}', "invalidTimestamp", "month 13"),
    ("timestamp_no_zone", "WellKnown", '{"timestamp":"2024-01-01T00:00:00"}', "invalidTimestamp", "no Z or offset"),
    ("timestamp_feb_30", "WellKnown", '{"timestamp":"2023-02-30T00:00:00Z"}', "invalidTimestamp", "February 30"),
    ("timestamp_year_10000", "WellKnown", '{"timestamp":"10000-01-01T00:00:00Z"}', "invalidTimestamp", "past 9999"),
    (
        "timestamp_10_fraction_digits",
        "WellKnown",
        '{"timestamp":"2024-01-01T00:00:00.1234567891Z"}',
        "invalidTimestamp",
        "more than nanosecond precision",
    ),
    ("duration_no_unit", "WellKnown", '{"duration":"1.5"}', "invalidDuration", "missing the s suffix"),
    ("duration_out_of_range", "WellKnown", '{"duration":"315576000001s"}', "invalidDuration", "past 10,000 years"),
    (
        "duration_10_fraction_digits",
        "WellKnown",
        '{"duration":"1.0000000001s"}',
        "invalidDuration",
        "more than nanosecond precision",
    ),
    ("field_mask_underscore", "WellKnown", '{"fieldMask":"foo_bar"}', "invalidFieldMask", "paths are lowerCamelCase"),
    ("any_missing_type", "WellKnown", '{"any":{"int32Value":1}}', "invalidAny", "no @type"),
    (
        "any_unknown_type",
        "WellKnown",
        '{"any":{"@type":"type.googleapis.com/no.such.Type"}}',
        "unknownAnyType",
        "@type not in the registry",
    ),
    (
        "any_wkt_without_value",
        "WellKnown",
        '{"any":{"@type":"type.googleapis.com/google.protobuf.Duration","seconds":1}}',
        "unknownField",
        'a packed well-known type must use "value"',
    ),
    ("depth_200", "Tree", deep('{"child":', "}", 200, "{}"), "recursionLimitExceeded", "Tree.child nested 200 levels"),
    (
        "depth_200_struct",
        "WellKnown",
        '{"struct":' + deep('{"a":', "}", 200, "1") + "}",
        "recursionLimitExceeded",
        "Struct nested 200 levels",
    ),
    (
        "depth_200_list_value",
        "WellKnown",
        '{"value":' + deep("[", "]", 200, "1") + "}",
        "recursionLimitExceeded",
        "Value lists nested 200 levels",
    ),
]


# MARK: Output


def _python_binary(message_class, message, data):
    try:
        parsed = message_class(V1 + message).FromString(data)
    except Exception as error:  # noqa: BLE001 (any rejection counts)
        return "rejects", type(error).__name__
    from google.protobuf import unknown_fields  # noqa: PLC0415

    if len(unknown_fields.UnknownFieldSet(parsed)):
        return "accepts", "keeps it as an unknown field"
    return "accepts", "decodes a value"


def _python_json(message_class, pool, message, text):
    from google.protobuf import json_format  # noqa: PLC0415

    try:
        decoded = text.decode("utf-8") if isinstance(text, bytes) else text
        json_format.Parse(decoded, message_class(V1 + message)(), descriptor_pool=pool)
    except Exception as error:  # noqa: BLE001 (any rejection counts)
        return "rejects", type(error).__name__
    return "accepts", ""


def _readme(title, intro, rows, extension):
    lines = [
        f"# {title}",
        "",
        intro,
        "",
        "Generated by `../reference.py generate`; edit `../malformed_corpus.py`, not this file.",
        "`manifest.json` holds the same table for tests.",
        "",
        "| file | message | expected error | python protobuf | what |",
        "|---|---|---|---|---|",
    ]
    for row in rows:
        python = row["python"] + (f" ({row['pythonDetail']})" if row["pythonDetail"] else "")
        lines.append(
            f"| `{row['name']}.{extension}` | `{row['message']}` | `{row['expected']}` | {python} | {row['what']} |"
        )
    lenient = [row["name"] for row in rows if row["python"] == "accepts"]
    lines += [
        "",
        "Where python protobuf accepts an input, Sluice rejects it on purpose: "
        + (", ".join(f"`{name}`" for name in lenient) if lenient else "none")
        + ".",
        "",
    ]
    return "\n".join(lines)


def _manifest(rows, extension):
    entries = [
        {
            "file": f"{row['name']}.{extension}",
            "message": row["message"],
            "expected": row["expected"],
            "python": row["python"],
        }
        for row in rows
    ]
    return (json.dumps(entries, indent=1) + "\n").encode("utf-8")


def outputs(message_class, pool):
    """{relative path: bytes} for Malformed/ and MalformedJSON/."""
    files = {}
    rows = []
    for name, message, data, expected, what in BINARY:
        python, detail = _python_binary(message_class, message, data)
        files[f"Malformed/{name}.binpb"] = data
        rows.append(
            {"name": name, "message": V1 + message, "expected": expected, "python": python, "pythonDetail": detail, "what": what}
        )
    intro = (
        "Binary inputs every decoder must reject. Sluice rejects groups (wire types 3/4) and a "
        "known field sent with the wrong wire type, which protobuf's own parsers keep as unknown fields."
    )
    files["Malformed/README.md"] = _readme("Malformed binary inputs", intro, rows, "binpb").encode("utf-8")
    files["Malformed/manifest.json"] = _manifest(rows, "binpb")

    rows = []
    for name, message, text, expected, what in JSON:
        python, detail = _python_json(message_class, pool, message, text)
        files[f"MalformedJSON/{name}.json"] = text if isinstance(text, bytes) else text.encode("utf-8")
        rows.append(
            {"name": name, "message": V1 + message, "expected": expected, "python": python, "pythonDetail": detail, "what": what}
        )
    intro = "Proto3 JSON inputs every decoder must reject (with default options: unknown fields are errors)."
    files["MalformedJSON/README.md"] = _readme("Malformed JSON inputs", intro, rows, "json").encode("utf-8")
    files["MalformedJSON/manifest.json"] = _manifest(rows, "json")
    return files
