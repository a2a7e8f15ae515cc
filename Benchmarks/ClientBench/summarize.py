#!/usr/bin/env python3
"""Prints the client benchmark's results (JSON lines from client-bench) as Markdown: the
median of each figure per client and concurrency, then Sluice / grpc-swift-2 ratios.

Usage: summarize.py RESULTS.jsonl
"""
import json
import statistics
import sys
from collections import defaultdict

runs = defaultdict(list)
with open(sys.argv[1]) as results:
    for line in results:
        if line.strip():
            row = json.loads(line)
            runs[(row["concurrency"], row["client"])].append(row)


def median(rows, key):
    return statistics.median(row[key] for row in rows)


print("| concurrent tasks | client | calls/s | p50 µs | p99 µs | client CPU µs/call | allocations/call | errors |")
print("|--:|---|--:|--:|--:|--:|--:|--:|")
concurrencies = sorted({c for c, _ in runs})
for concurrency in concurrencies:
    for client in ["sluice", "grpc-swift-2"]:
        rows = runs.get((concurrency, client))
        if not rows:
            continue
        name = "Sluice" if client == "sluice" else "grpc-swift-2"
        print(
            f"| {concurrency} | {name} | {median(rows, 'calls_per_second'):,.0f} "
            f"| {median(rows, 'p50_us'):.0f} | {median(rows, 'p99_us'):.0f} "
            f"| {median(rows, 'cpu_us_per_call'):.1f} | {median(rows, 'allocations_per_call'):.1f} "
            f"| {sum(row['errors'] for row in rows)} |"
        )
print()
print("| concurrent tasks | calls/s ratio | p99 ratio | CPU/call ratio | allocations/call ratio |")
print("|--:|--:|--:|--:|--:|")
for concurrency in concurrencies:
    sluice, grpc = runs.get((concurrency, "sluice")), runs.get((concurrency, "grpc-swift-2"))
    if not sluice or not grpc:
        continue
    def ratio(key):
        return median(sluice, key) / max(median(grpc, key), 1e-9)
    print(
        f"| {concurrency} | {ratio('calls_per_second'):.2f}× | {ratio('p99_us'):.2f}× "
        f"| {ratio('cpu_us_per_call'):.2f}× | {ratio('allocations_per_call'):.2f}× |"
    )
