"""Proto3 JSON canonical form and NaN-aware message comparison for reference.py."""

import json
import struct

from google.protobuf import json_format
from google.protobuf import message_factory
from google.protobuf import text_format
from google.protobuf import unknown_fields
from google.protobuf.descriptor import FieldDescriptor

# Well-known types whose JSON form is a string, number or bool, never an object.
SCALAR_JSON_TYPES = {
    "google.protobuf.Timestamp",
    "google.protobuf.Duration",
    "google.protobuf.FieldMask",
    "google.protobuf.Empty",
    "google.protobuf.DoubleValue",
    "google.protobuf.FloatValue",
    "google.protobuf.Int64Value",
    "google.protobuf.UInt64Value",
    "google.protobuf.Int32Value",
    "google.protobuf.UInt32Value",
    "google.protobuf.BoolValue",
    "google.protobuf.StringValue",
    "google.protobuf.BytesValue",
}
SPECIAL_JSON_TYPES = SCALAR_JSON_TYPES | {
    "google.protobuf.Any",
    "google.protobuf.Struct",
    "google.protobuf.Value",
    "google.protobuf.ListValue",
}


# MARK: Canonical JSON


def _map_key_order(key_field):
    if key_field.cpp_type == FieldDescriptor.CPPTYPE_BOOL:
        return lambda key: key == "true"
    if key_field.cpp_type == FieldDescriptor.CPPTYPE_STRING:
        return lambda key: key
    return int


def _sorted_value(value):
    """google.protobuf.Value JSON with Struct keys sorted."""
    if isinstance(value, dict):
        return {key: _sorted_value(value[key]) for key in sorted(value)}
    if isinstance(value, list):
        return [_sorted_value(item) for item in value]
    return value


def _sorted_maps(descriptor, obj):
    """MessageToDict output with every map's keys in ascending key order."""
    name = descriptor.full_name
    if name in SCALAR_JSON_TYPES:
        return obj
    if name in ("google.protobuf.Struct", "google.protobuf.Value", "google.protobuf.ListValue"):
        return _sorted_value(obj)
    if name == "google.protobuf.Any":
        inner = descriptor.file.pool.FindMessageTypeByName(obj["@type"].rsplit("/", 1)[-1])
        if inner.full_name in SPECIAL_JSON_TYPES and "value" in obj:
            return {"@type": obj["@type"], "value": _sorted_maps(inner, obj["value"])}
        rest = {key: value for key, value in obj.items() if key != "@type"}
        return {"@type": obj["@type"], **_sorted_maps(inner, rest)}
    by_json_name = {field.json_name: field for field in descriptor.fields}
    result = {}
    for key, value in obj.items():
        field = by_json_name[key]
        message = field.message_type
        if message is not None and message.GetOptions().map_entry:
            key_order = _map_key_order(message.fields_by_name["key"])
            value_type = message.fields_by_name["value"].message_type
            result[key] = {
                entry: (_sorted_maps(value_type, value[entry]) if value_type else value[entry])
                for entry in sorted(value, key=key_order)
            }
        elif message is not None and field.is_repeated:
            result[key] = [_sorted_maps(message, item) for item in value]
        elif message is not None:
            result[key] = _sorted_maps(message, value)
        else:
            result[key] = value
    return result


def canonical_json(message):
    """Proto3 JSON: json_name keys in field-number order, map keys sorted, compact, UTF-8."""
    obj = json_format.MessageToDict(message, descriptor_pool=message.DESCRIPTOR.file.pool)
    obj = _sorted_maps(message.DESCRIPTOR, obj)
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"), allow_nan=False) + "\n"


# MARK: Comparison


def _float_equal(field, left, right):
    if left != left and right != right:  # both NaN, whatever the payload
        return True
    layout = "<f" if field.cpp_type == FieldDescriptor.CPPTYPE_FLOAT else "<d"
    return struct.pack(layout, left) == struct.pack(layout, right)  # tells -0.0 from 0.0


def _show(field, value):
    if field is not None and field.message_type is not None:
        text = text_format.MessageToString(value, as_one_line=True, descriptor_pool=value.DESCRIPTOR.file.pool)
        return "{ " + text + " }" if text else "{}"
    return repr(value)


def _unknown(message):
    entries = []
    for entry in unknown_fields.UnknownFieldSet(message):
        data = entry.data
        if entry.wire_type == 3:  # group: compare its nested set
            data = repr([(inner.field_number, inner.wire_type, inner.data) for inner in data])
        entries.append((entry.field_number, entry.wire_type, data))
    return entries


def _diff_any(expected, actual, path, out, check_unknown):
    if expected.type_url != actual.type_url:
        out.append(f"{path}.type_url: expected {expected.type_url!r}, got {actual.type_url!r}")
        return
    try:
        packed = expected.DESCRIPTOR.file.pool.FindMessageTypeByName(expected.type_url.rsplit("/", 1)[-1])
        cls = message_factory.GetMessageClass(packed)
    except KeyError:
        if expected.value != actual.value:
            out.append(f"{path}.value: expected {expected.value!r}, got {actual.value!r}")
        return
    inner_path = f"{path}[{expected.type_url.rsplit('/', 1)[-1]}]"
    try:
        inner_actual = cls.FromString(actual.value)
    except Exception as error:  # noqa: BLE001 (any decode error is a difference)
        out.append(f"{inner_path}: packed value does not decode: {error}")
        return
    diff_messages(cls.FromString(expected.value), inner_actual, inner_path, out, check_unknown)


def _diff_value(field, expected, actual, path, out, check_unknown):
    if field.message_type is not None:
        diff_messages(expected, actual, path, out, check_unknown)
    elif field.cpp_type in (FieldDescriptor.CPPTYPE_FLOAT, FieldDescriptor.CPPTYPE_DOUBLE):
        if not _float_equal(field, expected, actual):
            out.append(f"{path}: expected {expected!r}, got {actual!r}")
    elif expected != actual:
        out.append(f"{path}: expected {_show(field, expected)}, got {_show(field, actual)}")


def diff_messages(expected, actual, path, out, check_unknown=True):
    """Appends one line per difference between two messages of the same type."""
    descriptor = expected.DESCRIPTOR
    if descriptor.full_name == "google.protobuf.Any":
        _diff_any(expected, actual, path or "<root>", out, check_unknown)
        return
    for field in descriptor.fields:
        where = f"{path}.{field.name}" if path else field.name
        left = getattr(expected, field.name)
        right = getattr(actual, field.name)
        entry = field.message_type
        if entry is not None and entry.GetOptions().map_entry:
            value_field = entry.fields_by_name["value"]
            for key in sorted(set(left) | set(right), key=repr):
                here = f"{where}[{key!r}]"
                if key not in right:
                    out.append(f"{here}: expected {_show(value_field, left[key])}, got nothing")
                elif key not in left:
                    out.append(f"{here}: expected nothing, got {_show(value_field, right[key])}")
                else:
                    _diff_value(value_field, left[key], right[key], here, out, check_unknown)
        elif field.is_repeated:
            if len(left) != len(right):
                out.append(f"{where}: expected {len(left)} elements, got {len(right)}")
            for index, (one, other) in enumerate(zip(left, right)):
                _diff_value(field, one, other, f"{where}[{index}]", out, check_unknown)
        elif field.has_presence and expected.HasField(field.name) != actual.HasField(field.name):
            if expected.HasField(field.name):
                out.append(f"{where}: expected {_show(field, left)}, got unset")
            else:
                out.append(f"{where}: expected unset, got {_show(field, right)}")
        elif not field.has_presence or expected.HasField(field.name):
            _diff_value(field, left, right, where, out, check_unknown)
    if check_unknown:
        left_unknown, right_unknown = _unknown(expected), _unknown(actual)
        if left_unknown != right_unknown:
            out.append(f"{path or '<root>'} unknown fields: expected {left_unknown}, got {right_unknown}")
