#!/usr/bin/env python3
"""Reference codec for Sluice's contract tests: protoc + python protobuf.

The schemas under Schemas/ are compiled by `protoc --descriptor_set_out
--include_imports` into a descriptor pool at run time (no generated _pb2 code).
Each case under Cases/ is one message in protobuf text format whose first lines
are comments naming its type:

    # message: sluice.contract.v1.Scalars
    # decode-as: sluice.contract.v1.UnknownTarget   (optional)

`decode-as` cases are written as `message` and read back as the (smaller or
differently shaped) `decode-as` type: the golden files then hold the writer's
bytes and the reader's JSON, and checks compare against the reader's value.

Subcommands:
    generate [--check]          write (or, with --check, verify) Golden/,
                                Malformed/ and MalformedJSON/
    check-binary CASE FILE      decode FILE as the case's type and compare
    check-json CASE FILE        parse FILE as proto3 JSON and compare
    check-all DIR               check every DIR/<case>.binpb and DIR/<case>.json
                                (one process for a whole test run)
    decode-binary TYPE FILE     print FILE's message in text format
    decode-json TYPE FILE       print FILE's JSON message in text format

check-* exit 0 when equal, 1 with a readable diff when not, 2 on usage errors.
"""

import argparse
import json
import math
import os
import shutil
import subprocess
import sys
import tempfile

sys.dont_write_bytecode = True  # keep __pycache__ out of the fixtures folder (before local imports)

from google.protobuf import descriptor_pb2  # noqa: E402
from google.protobuf import descriptor_pool  # noqa: E402
from google.protobuf import json_format  # noqa: E402
from google.protobuf import message_factory  # noqa: E402
from google.protobuf import text_format  # noqa: E402
from google.protobuf.internal import type_checkers  # noqa: E402

import malformed_corpus  # noqa: E402
from reference_values import canonical_json, diff_messages  # noqa: E402

FIXTURES = os.path.dirname(os.path.abspath(__file__))
SCHEMAS = os.path.join(FIXTURES, "Schemas")
CASES = os.path.join(FIXTURES, "Cases")

# python protobuf prints FLT_MAX as 3.4028235e+38 but then rejects that text as
# "too large": it range-checks the double before rounding to float. Accept every
# double that rounds to a finite float (below FLT_MAX + half an ulp), as the
# proto3 JSON spec and protobuf's conformance tests expect.
_FLOAT_LIMIT = math.nextafter(float.fromhex("0x1.fffffep+127") + 2.0**103, 0.0)
type_checkers._FLOAT_MAX = _FLOAT_LIMIT  # noqa: SLF001
type_checkers._FLOAT_MIN = -_FLOAT_LIMIT  # noqa: SLF001


class UsageError(Exception):
    """A bad argument: unknown case, type or file."""


# MARK: Descriptor pool


def _protoc_command():
    """protoc from PROTOC or PATH; else the one grpcio-tools bundles."""
    explicit = os.environ.get("PROTOC")
    if explicit:
        return [explicit], []
    found = shutil.which("protoc")
    if found:
        return [found], []
    import grpc_tools  # noqa: PLC0415 (only needed without a system protoc)

    include = os.path.join(os.path.dirname(grpc_tools.__file__), "_proto")
    return [sys.executable, "-m", "grpc_tools.protoc"], ["-I" + include]


def build_pool():
    """Compiles every schema with protoc and loads the result into a fresh pool."""
    protos = []
    for root, _, files in os.walk(SCHEMAS):
        for name in files:
            if name.endswith(".proto"):
                protos.append(os.path.relpath(os.path.join(root, name), SCHEMAS))
    protos.sort()
    command, extra = _protoc_command()
    with tempfile.TemporaryDirectory() as scratch:
        out = os.path.join(scratch, "schemas.binpb")
        subprocess.run(
            command + extra + ["-I" + SCHEMAS, "--include_imports", "--descriptor_set_out=" + out] + protos,
            check=True,
        )
        with open(out, "rb") as handle:
            files = descriptor_pb2.FileDescriptorSet.FromString(handle.read())
    pool = descriptor_pool.DescriptorPool()
    for file in files.file:
        pool.Add(file)
    return pool


POOL = None


def pool():
    global POOL
    if POOL is None:
        POOL = build_pool()
    return POOL


def message_class(full_name):
    try:
        descriptor = pool().FindMessageTypeByName(full_name)
    except KeyError:
        raise UsageError(f"unknown message type {full_name!r}") from None
    return message_factory.GetMessageClass(descriptor)


# MARK: Cases


class Case:
    """One Cases/<name>.txtpb file."""

    def __init__(self, path):
        self.path = path
        self.name = os.path.splitext(os.path.basename(path))[0]
        with open(path, encoding="utf-8") as handle:
            self.text = handle.read()
        self.message_type = None
        self.decode_as = None
        for line in self.text.splitlines():
            if not line.startswith("#"):
                break
            key, _, value = line[1:].partition(":")
            if key.strip() == "message":
                self.message_type = value.strip()
            elif key.strip() == "decode-as":
                self.decode_as = value.strip()
        if self.message_type is None:
            raise UsageError(f"{path}: first line must be '# message: <type>'")

    @property
    def reader_type(self):
        """The type the golden bytes and JSON are read as."""
        return self.decode_as or self.message_type

    def written(self):
        """The case's message as its writer type."""
        message = message_class(self.message_type)()
        text_format.Parse(self.text, message, descriptor_pool=pool())
        return message

    def binary(self):
        return self.written().SerializeToString(deterministic=True)

    def value(self):
        """The message a reader of `reader_type` sees."""
        if self.decode_as is None:
            return self.written()
        return message_class(self.decode_as).FromString(self.binary())


def all_cases():
    names = sorted(name for name in os.listdir(CASES) if name.endswith(".txtpb"))
    return [Case(os.path.join(CASES, name)) for name in names]


def find_case(name):
    if os.path.isfile(name):
        return Case(name)
    path = os.path.join(CASES, name if name.endswith(".txtpb") else name + ".txtpb")
    if not os.path.isfile(path):
        raise UsageError(f"no case {name!r} in {CASES}")
    return Case(path)


def report(case, actual, check_unknown):
    differences = []
    diff_messages(case.value(), actual, "", differences, check_unknown)
    if not differences:
        return 0
    print(f"{case.name} ({case.reader_type}): {len(differences)} difference(s)")
    for line in differences[:50]:
        print("  " + line)
    if len(differences) > 50:
        print(f"  ... and {len(differences) - 50} more")
    return 1


# MARK: Commands


def command_check_binary(arguments):
    case = find_case(arguments.case)
    data = read_bytes(arguments.file)
    try:
        actual = message_class(case.reader_type).FromString(data)
    except Exception as error:  # noqa: BLE001 (report any decode error)
        print(f"{case.name}: python protobuf cannot decode {arguments.file} as {case.reader_type}: {error}")
        return 1
    return report(case, actual, check_unknown=True)


def command_check_json(arguments):
    case = find_case(arguments.case)
    data = read_bytes(arguments.file)
    actual = message_class(case.reader_type)()
    try:
        json_format.Parse(data.decode("utf-8"), actual, descriptor_pool=pool())
    except Exception as error:  # noqa: BLE001 (report any parse error)
        print(f"{case.name}: python protobuf rejects {arguments.file} as {case.reader_type} JSON: {error}")
        return 1
    return report(case, actual, check_unknown=False)


def command_check_all(arguments):
    """Checks every DIR/<case>.binpb and DIR/<case>.json in one process."""
    if not os.path.isdir(arguments.directory):
        raise UsageError(f"no directory {arguments.directory!r}")
    checked = failed = 0
    for case in all_cases():
        for extension, check in (("binpb", command_check_binary), ("json", command_check_json)):
            path = os.path.join(arguments.directory, f"{case.name}.{extension}")
            if not os.path.isfile(path):
                continue
            checked += 1
            if check(argparse.Namespace(case=case.path, file=path)) != 0:
                failed += 1
    print(f"reference.py: checked {checked} files against {len(all_cases())} cases, {failed} differ")
    return 1 if failed or checked == 0 else 0


def command_decode_binary(arguments):
    message = message_class(arguments.type).FromString(read_bytes(arguments.file))
    print(text_format.MessageToString(message, descriptor_pool=pool(), print_unknown_fields=True), end="")
    return 0


def command_decode_json(arguments):
    message = message_class(arguments.type)()
    json_format.Parse(read_bytes(arguments.file).decode("utf-8"), message, descriptor_pool=pool())
    print(text_format.MessageToString(message, descriptor_pool=pool()), end="")
    return 0


def read_bytes(path):
    if not os.path.isfile(path):
        raise UsageError(f"no file {path!r}")
    with open(path, "rb") as handle:
        return handle.read()


def _map_counts(message):
    """Largest number of entries in any map (Struct included) inside `message`."""
    largest = 0
    for field, value in message.ListFields():
        entry = field.message_type
        if entry is not None and entry.GetOptions().map_entry:
            largest = max(largest, len(value))
            if entry.fields_by_name["value"].message_type is not None:
                for item in value.values():
                    largest = max(largest, _map_counts(item))
        elif entry is not None and field.is_repeated:
            for item in value:
                largest = max(largest, _map_counts(item))
        elif entry is not None:
            largest = max(largest, _map_counts(value))
    return largest


def golden_outputs():
    """Every generated file, as {relative path: bytes}."""
    outputs = {}
    index = []
    for case in all_cases():
        data = case.binary()
        value = case.value()
        outputs[f"Golden/{case.name}.binpb"] = data
        outputs[f"Golden/{case.name}.json"] = canonical_json(value).encode("utf-8")
        reencoded = value.SerializeToString(deterministic=True)
        index.append(
            {
                "name": case.name,
                "message": case.message_type,
                "readAs": case.reader_type,
                # A field-number-order encoder must reproduce the golden bytes exactly
                # after decoding them (maps with 2+ entries have no fixed order).
                "binaryExact": reencoded == data and _map_counts(value) < 2,
            }
        )
    outputs["Golden/index.json"] = (json.dumps(index, indent=1) + "\n").encode("utf-8")
    outputs.update(malformed_corpus.outputs(message_class, pool()))
    return outputs


def command_generate(arguments):
    outputs = golden_outputs()
    folders = ("Golden", "Malformed", "MalformedJSON")
    existing = set()
    for folder in folders:
        base = os.path.join(FIXTURES, folder)
        if os.path.isdir(base):
            existing |= {f"{folder}/{name}" for name in os.listdir(base)}
    if arguments.check:
        problems = sorted(existing - set(outputs))
        problems = [f"stale: {path}" for path in problems]
        for path, data in sorted(outputs.items()):
            full = os.path.join(FIXTURES, path)
            if not os.path.isfile(full):
                problems.append(f"missing: {path}")
            elif read_bytes(full) != data:
                problems.append(f"differs: {path}")
        for line in problems:
            print(line)
        if problems:
            print("fixtures are out of date: run Tests/ContractTests/Fixtures/regenerate.sh")
            return 1
        print(f"{len(outputs)} generated fixture files up to date")
        return 0
    for path in sorted(existing - set(outputs)):
        os.remove(os.path.join(FIXTURES, path))
    for folder in folders:
        os.makedirs(os.path.join(FIXTURES, folder), exist_ok=True)
    for path, data in sorted(outputs.items()):
        with open(os.path.join(FIXTURES, path), "wb") as handle:
            handle.write(data)
    print(f"wrote {len(outputs)} files under {FIXTURES}")
    return 0


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    generate = commands.add_parser("generate", help="write Golden/, Malformed/, MalformedJSON/")
    generate.add_argument("--check", action="store_true", help="verify instead of writing")
    generate.set_defaults(run=command_generate)
    for name, run in (("check-binary", command_check_binary), ("check-json", command_check_json)):
        sub = commands.add_parser(name, help="compare FILE with CASE's value")
        sub.add_argument("case", help="case name (Cases/<case>.txtpb) or path")
        sub.add_argument("file")
        sub.set_defaults(run=run)
    check_all = commands.add_parser("check-all", help="check every <case>.binpb / <case>.json in DIR")
    check_all.add_argument("directory")
    check_all.set_defaults(run=command_check_all)
    for name, run in (("decode-binary", command_decode_binary), ("decode-json", command_decode_json)):
        sub = commands.add_parser(name, help="print FILE as text format")
        sub.add_argument("type", help="full message name, e.g. sluice.contract.v1.Scalars")
        sub.add_argument("file")
        sub.set_defaults(run=run)
    arguments = parser.parse_args(argv)
    try:
        return arguments.run(arguments)
    except UsageError as error:
        print(f"reference.py: {error}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
