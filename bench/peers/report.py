#!/usr/bin/env python3
"""Medians of bench/peers/ejabberd's runs, side by side: report.py RAW_TSV REPORT_MD HEADER"""
import csv
import statistics
import sys

raw, out, header = sys.argv[1], sys.argv[2], sys.argv[3]
rows = list(csv.DictReader(open(raw), delimiter="\t"))
by = {}
for r in rows:
    by.setdefault((r["side"], int(r["connections"])), []).append(r)


def med(side, c, key):
    values = [float(r[key]) for r in by.get((side, c), [])]
    return statistics.median(values) if values else float("nan")


lines = [
    "# Switchboard beside ejabberd", "", header, "",
    "Persisted and delivered chat messages per second (medians; every message archived in "
    "PostgreSQL and received by an online recipient), p99 of the HTTP send, and CPU per "
    "delivered message of the server process(es) and of PostgreSQL. Raw runs: `raw.tsv`.", "",
    "| connections | ejabberd delivered/s | Switchboard delivered/s | ratio | ejabberd p99 ms | "
    "Switchboard p99 ms | ejabberd CPU ms/msg (server · PostgreSQL) | Switchboard CPU ms/msg (server · PostgreSQL) | "
    "non-2xx (ejabberd · Switchboard) |",
    "|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
]
for c in sorted({k[1] for k in by}):
    e, s = med("ejabberd", c, "delivered_per_s"), med("switchboard", c, "delivered_per_s")
    lines.append(
        f"| {c} | {e:,.0f} | {s:,.0f} | {s / e if e else float('nan'):.2f} | "
        f"{med('ejabberd', c, 'p99_ms'):.1f} | {med('switchboard', c, 'p99_ms'):.1f} | "
        f"{med('ejabberd', c, 'server_cpu_ms_per_msg'):.2f} · {med('ejabberd', c, 'postgres_cpu_ms_per_msg'):.2f} | "
        f"{med('switchboard', c, 'server_cpu_ms_per_msg'):.2f} · {med('switchboard', c, 'postgres_cpu_ms_per_msg'):.2f} | "
        f"{med('ejabberd', c, 'non_2xx'):.0f} · {med('switchboard', c, 'non_2xx'):.0f} |")
open(out, "w").write("\n".join(lines) + "\n")
