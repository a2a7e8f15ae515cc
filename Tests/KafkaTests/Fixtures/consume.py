#!/usr/bin/env python3
"""Reads a topic from the beginning and prints its records as JSON, one per line.

Used by the Kafka tests to check what the Swift producer wrote, with an independent
client (confluent-kafka). Partitions are assigned explicitly (no consumer group
rebalance: tansu assigns group partitions only after about half of
session.timeout.ms). Reads until it has --count records and then no new record came
for --idle seconds, or until --timeout seconds passed; exits 0 either way (the
caller compares what it got).

Each line: {"topic", "partition", "offset", "key", "value", "headers": [[name, value]]}
with bytes as lowercase hex and a null key as null.
"""

import argparse
import json
import sys
import time

from confluent_kafka import OFFSET_BEGINNING, Consumer, TopicPartition


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--bootstrap", required=True)
    parser.add_argument("--topic", required=True)
    parser.add_argument("--count", type=int, required=True)
    parser.add_argument("--timeout", type=float, default=30.0)
    parser.add_argument("--idle", type=float, default=0.0)
    options = parser.parse_args()

    consumer = Consumer({
        "bootstrap.servers": options.bootstrap,
        "group.id": "sluice-kafka-tests",
        "enable.auto.commit": False,
        "auto.offset.reset": "earliest",
        "log_level": 0,
    })
    give_up = time.monotonic() + options.timeout
    partitions = []
    while not partitions and time.monotonic() < give_up:
        metadata = consumer.list_topics(options.topic, timeout=5)
        topic = metadata.topics.get(options.topic)
        if topic is not None and topic.error is None:
            partitions = sorted(topic.partitions)
        else:
            time.sleep(0.1)
    if not partitions:
        print(f"topic {options.topic} not found", file=sys.stderr)
        return 1
    consumer.assign([TopicPartition(options.topic, p, OFFSET_BEGINNING) for p in partitions])

    seen = 0
    last_record = time.monotonic()
    while time.monotonic() < give_up:
        if seen >= options.count and time.monotonic() - last_record >= options.idle:
            break
        message = consumer.poll(0.1)
        if message is None:
            continue
        last_record = time.monotonic()
        if message.error():
            print(f"consumer error: {message.error()}", file=sys.stderr)
            continue
        key = message.key()
        print(json.dumps({
            "topic": message.topic(),
            "partition": message.partition(),
            "offset": message.offset(),
            "key": None if key is None else key.hex(),
            "value": (message.value() or b"").hex(),
            "headers": [[name, (value or b"").hex()] for name, value in (message.headers() or [])],
        }), flush=True)
        seen += 1
    consumer.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
