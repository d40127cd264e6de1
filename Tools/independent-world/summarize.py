#!/usr/bin/env python3
"""Per-month deadline figures of an independent world, read from DIR/truth/ only.

    python3 Tools/independent-world/summarize.py DIR            # a table per month
    python3 Tools/independent-world/summarize.py DIR --json     # one summary.json-shaped object a line

The figures are what contract.md's summary.json says, computed from truth/YYYY-MM/institutions.csv:
only required institutions are counted; completion_rate = (completed + exited) / required, 0 when
nothing is required; by_county keyed by the 6-digit county code (`unknown` when none).
"""
import argparse
import calendar
import csv
import json
import os
import sys

COUNTIES = ["150802", "150821", "150822", "150823", "150824", "150825", "150826"]
NAMES = {"150802": "临河区", "150821": "五原县", "150822": "磴口县", "150823": "乌拉特前旗",
         "150824": "乌拉特中旗", "150825": "乌拉特后旗", "150826": "杭锦后旗", "unknown": "unknown"}
KEYS = ["required", "completed", "exited", "in_progress", "not_started", "overdue"]


def empty():
    d = {k: 0 for k in KEYS}
    d["completion_rate"] = 0.0
    return d


def finish(d):
    d["completion_rate"] = round((d["completed"] + d["exited"]) / d["required"], 4) if d["required"] else 0.0
    return d


def month_summary(path, month):
    y, m = map(int, month.split("-"))
    as_of = f"{y:04d}-{m:02d}-{calendar.monthrange(y, m)[1]:02d}"
    total = empty()
    by = {c: empty() for c in COUNTIES}
    with open(path, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            if row["reregistration_required"] != "true":
                continue
            c = row["county_code"] or "unknown"
            cell = by.setdefault(c, empty())
            for d in (total, cell):
                d["required"] += 1
                st = row["reregistration_status"]
                if st in d:
                    d[st] += 1
                if row["overdue"] == "true":
                    d["overdue"] += 1
    out = {"as_of": as_of, "deadline": "2021-12-31"}
    out.update(finish(total))
    out["by_county"] = {c: finish(by[c]) for c in sorted(by)}
    return out


def summaries(root):
    tdir = os.path.join(root, "truth")
    months = sorted(d for d in os.listdir(tdir) if os.path.isfile(os.path.join(tdir, d, "institutions.csv")))
    return [(mo, month_summary(os.path.join(tdir, mo, "institutions.csv"), mo)) for mo in months]


def main(argv=None):
    ap = argparse.ArgumentParser(description="truth summary per month")
    ap.add_argument("dir")
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args(argv)
    res = summaries(a.dir)
    if a.json:
        for _, s in res:
            print(json.dumps(s, ensure_ascii=False, sort_keys=False))
        return 0
    for mo, s in res:
        print(f"== {mo} (as of {s['as_of']})")
        print(f"   {'county':<12}{'required':>9}{'completed':>10}{'exited':>7}{'in_prog':>8}{'not_st':>7}"
              f"{'overdue':>8}{'rate':>8}")
        rows = [("all", s)] + [(c, s["by_county"][c]) for c in s["by_county"]]
        for c, d in rows:
            label = "all" if c == "all" else f"{c} {NAMES.get(c, '')}"
            print(f"   {label:<12}{d['required']:>9}{d['completed']:>10}{d['exited']:>7}{d['in_progress']:>8}"
                  f"{d['not_started']:>7}{d['overdue']:>8}{d['completion_rate']:>8.4f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
