#!/usr/bin/env python3
"""Helpers for run.sh.

  summarize.py row NAME SERVER H2LOAD_OUT LOG_TSV CPU_TICKS CPU_SECONDS HWM_KB
      appends one JSON line (req/s, p50/p99, CPU, RSS) to stdout.
  summarize.py table RESULTS_JSONL
      prints the Markdown table with Sluice / grpc-swift-2 ratios.
"""
import json
import os
import re
import sys


def percentile(sorted_values, p):
    if not sorted_values:
        return float("nan")
    index = min(len(sorted_values) - 1, max(0, round(p / 100 * len(sorted_values) + 0.5) - 1))
    return sorted_values[index]


def row(name, server, h2load_out, log_tsv, cpu_ticks, cpu_seconds, hwm_kb):
    text = open(h2load_out).read()
    rps = float(re.search(r"finished in [\d.]+\w+, ([\d.]+) req/s", text).group(1))
    req = re.search(r"requests: (\d+) total, \d+ started, (\d+) done, (\d+) succeeded, (\d+) failed", text)
    status = re.search(r"status codes: (\d+) 2xx", text)
    durations = []
    for line in open(log_tsv):
        cols = line.split("\t")
        if len(cols) >= 3 and cols[1] != "-1":
            durations.append(int(cols[2]))
    durations.sort()
    ticks = os.sysconf("SC_CLK_TCK")
    cpu = int(cpu_ticks) / ticks
    done = int(req.group(2))
    print(json.dumps({
        "scenario": name, "server": server, "rps": rps,
        "requests": done, "succeeded": int(req.group(3)), "failed": int(req.group(4)),
        "ok2xx": int(status.group(1)) if status else 0,
        "p50_ms": percentile(durations, 50) / 1000, "p99_ms": percentile(durations, 99) / 1000,
        "cpu_pct": 100 * cpu / float(cpu_seconds),
        "cpu_us_per_req": 1e6 * cpu / done if done else float("nan"),
        "rss_mib": int(hwm_kb) / 1024,
    }))


def fmt_rps(v):
    return f"{v / 1000:.1f}k" if v >= 1000 else f"{v:.0f}"


def ratio(a, b):
    return f"{a / b:.2f}x" if b else "n/a"


def table(path):
    rows = [json.loads(line) for line in open(path) if line.strip()]
    scenarios = []
    for r in rows:
        if r["scenario"] not in scenarios:
            scenarios.append(r["scenario"])
    print("| Scenario | Server | req/s | p50 ms | p99 ms | CPU % | CPU µs/req | peak RSS MiB | failed |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|")
    for s in scenarios:
        by = {r["server"]: r for r in rows if r["scenario"] == s}
        for server in ("sluice", "grpc-swift-2", "nghttpd"):
            r = by.get(server)
            if not r:
                continue
            print(f"| {s} | {server} | {fmt_rps(r['rps'])} | {r['p50_ms']:.3f} | {r['p99_ms']:.3f} | "
                  f"{r['cpu_pct']:.0f} | {r['cpu_us_per_req']:.1f} | {r['rss_mib']:.1f} | {r['failed']} |")
        a, b = by.get("sluice"), by.get("grpc-swift-2")
        if a and b:
            print(f"| {s} | **Sluice / grpc-swift-2** | **{ratio(a['rps'], b['rps'])}** | "
                  f"{ratio(a['p50_ms'], b['p50_ms'])} | {ratio(a['p99_ms'], b['p99_ms'])} | "
                  f"{ratio(a['cpu_pct'], b['cpu_pct'])} | {ratio(a['cpu_us_per_req'], b['cpu_us_per_req'])} | "
                  f"{ratio(a['rss_mib'], b['rss_mib'])} | |")


if __name__ == "__main__":
    if sys.argv[1] == "row":
        row(*sys.argv[2:9])
    else:
        table(sys.argv[2])
