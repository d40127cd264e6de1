#!/usr/bin/env python3
"""Self-check of an independent world: re-reads every input file with its own parser and
compares with truth/, then checks institutions.csv against contract.md's definitions.

    python3 Tools/independent-world/selfcheck.py DIR
"""
import calendar
import csv
import io
import os
import re
import sys
import xml.etree.ElementTree as ET
from datetime import date

ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
FLAGS = ["former_registration_active", "disguised_subject_risk", "preschool_subject", "foreign_capital",
         "listed_company", "new_after_policy", "subject_in_non_subject", "county_conflict",
         "invalid_credit_code", "ambiguous_link"]
CATS = {"subject", "non_subject", "mixed", "undetermined", "out_of_scope"}
DEPTS = {"education", "culture_tourism", "sports", "human_resources", "science_technology"}
COUNTIES = {"150802", "150821", "150822", "150823", "150824", "150825", "150826"}
DEADLINE = date(2021, 12, 31)


def code_ok(c):
    if len(c) != 18 or any(x not in ALPHABET for x in c):
        return False
    w = [pow(3, i, 31) for i in range(17)]
    s = sum(ALPHABET.index(x) * k for x, k in zip(c[:17], w))
    if ALPHABET[(31 - s % 31) % 31] != c[17]:
        return False
    ow = [3, 7, 9, 10, 5, 8, 4, 2]
    t = sum((int(x) if x.isdigit() else ord(x) - 55) * k for x, k in zip(c[8:16], ow))
    v = 11 - t % 11
    return c[16] == ("X" if v == 10 else ("0" if v == 11 else str(v)))


def read_csv(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def parse_csv_file(data, info):
    if data.startswith(b"\xef\xbb\xbf"):
        text = data[3:].decode("utf-8")
    else:
        text = data.decode(info["encoding"])
    rows = list(csv.reader(io.StringIO(text, newline="")))
    rows = [r for r in rows if r != []]          # blank lines are not records
    skip = int(info["title_rows"])
    header = rows[skip]
    return header, rows[skip + 1:]


def parse_xml_file(data, info):
    enc = info["encoding"]
    text = data.decode(enc)
    m = re.match(r'<\?xml[^>]*encoding="([^"]+)"[^>]*\?>', text)
    if not m or m.group(1).upper() != info["declared_encoding"].upper():
        raise ValueError("declared encoding mismatch")
    root = ET.fromstring(text[m.end():])
    best = None
    for el in root.iter():
        kids = list(el)
        if len(kids) >= 1:
            tags = {k.tag for k in kids}
            if len(tags) == 1 and (best is None or len(kids) > len(list(best))):
                best = el
    recs = list(best) if best is not None else []
    out = []
    for r in recs:
        vals = list(r.attrib.values()) + [(c.text or "") for c in r]
        out.append(vals)
    return out


def check(root):
    problems = []
    P = problems.append
    tdir = os.path.join(root, "truth")
    idir = os.path.join(root, "input")
    months = sorted(os.listdir(tdir))
    prev_required = {}
    prev_ids = set()
    for mo in months:
        y, m = map(int, mo.split("-"))
        asof = date(y, m, calendar.monthrange(y, m)[1])
        files = read_csv(os.path.join(tdir, mo, "files.csv"))
        recs = read_csv(os.path.join(tdir, mo, "records.csv"))
        insts = read_csv(os.path.join(tdir, mo, "institutions.csv"))
        ids = {r["truth_id"] for r in insts}
        if len(ids) != len(insts):
            P(f"{mo}: duplicate truth_id in institutions.csv")
        if not prev_ids <= ids:
            P(f"{mo}: {len(prev_ids - ids)} institutions vanished")
        prev_ids = ids
        on_disk = sorted(os.listdir(os.path.join(idir, mo)))
        listed = sorted(f["source_file"] for f in files)
        if on_disk != listed:
            P(f"{mo}: files on disk differ from files.csv")
        if any(not (x.endswith(".csv") or x.endswith(".xml")) for x in on_disk):
            P(f"{mo}: a file that is neither .csv nor .xml")
        by_file = {}
        seen = set()
        for r in recs:
            key = (r["source_file"], int(r["record_ref"]))
            if key in seen:
                P(f"{mo}: record listed twice {key}")
            seen.add(key)
            by_file.setdefault(r["source_file"], []).append(r)
            if r["expected"] == "accepted":
                if r["reject_code"] or not r["truth_id"]:
                    P(f"{mo}: accepted record with reject code or no id {key}")
            elif r["expected"] == "rejected":
                if r["reject_code"] not in ("footer_row", "ragged_row", "mojibake"):
                    P(f"{mo}: bad reject code {key}")
                if (r["reject_code"] == "footer_row") != (r["truth_id"] == ""):
                    P(f"{mo}: footer/truth_id mismatch {key}")
            else:
                P(f"{mo}: bad expected {key}")
            if r["truth_id"] and r["truth_id"] not in ids:
                P(f"{mo}: record names unknown institution {key}")
        for info in files:
            fn = info["source_file"]
            rows = sorted(by_file.get(fn, []), key=lambda x: int(x["record_ref"]))
            if [int(x["record_ref"]) for x in rows] != list(range(1, len(rows) + 1)):
                P(f"{mo}/{fn}: record_refs not 1..n")
            if int(info["record_count"]) != len(rows):
                P(f"{mo}/{fn}: files.csv count {info['record_count']} != records.csv {len(rows)}")
            with open(os.path.join(idir, mo, fn), "rb") as f:
                data = f.read()
            if info["bom"] == "true" and not data.startswith(b"\xef\xbb\xbf"):
                P(f"{mo}/{fn}: BOM missing")
            if info["bom"] == "false" and data.startswith(b"\xef\xbb\xbf"):
                P(f"{mo}/{fn}: unexpected BOM")
            try:
                if info["format"] == "csv":
                    header, body = parse_csv_file(data, info)
                    parsed = body
                else:
                    header = None
                    parsed = parse_xml_file(data, info)
            except Exception as e:  # noqa: BLE001
                P(f"{mo}/{fn}: cannot parse: {e}")
                continue
            if len(parsed) != len(rows):
                P(f"{mo}/{fn}: parsed {len(parsed)} records, truth has {len(rows)}")
                continue
            for cells, t in zip(parsed, rows):
                moj = any("\ufffd" in c for c in cells)
                code = t["reject_code"]
                if code == "mojibake" and not moj:
                    P(f"{mo}/{fn}#{t['record_ref']}: mojibake without U+FFFD")
                if code != "mojibake" and moj:
                    P(f"{mo}/{fn}#{t['record_ref']}: U+FFFD in a record not marked mojibake")
                if header is not None:
                    if code == "ragged_row" and len(cells) == len(header):
                        P(f"{mo}/{fn}#{t['record_ref']}: ragged row with full field count")
                    if code == "" and len(cells) != len(header):
                        P(f"{mo}/{fn}#{t['record_ref']}: accepted row with {len(cells)} fields")
                    if code == "footer_row" and cells[0] not in ("合计", "总计"):
                        P(f"{mo}/{fn}#{t['record_ref']}: footer without 合计/总计")
                    if code != "footer_row" and cells and cells[0] in ("合计", "总计"):
                        P(f"{mo}/{fn}#{t['record_ref']}: unmarked footer")
        # institutions
        for r in insts:
            tid = r["truth_id"]
            req = r["reregistration_required"]
            st = r["reregistration_status"]
            cat = r["category"]
            flags = [f for f in r["flags"].split("|") if f]
            if req not in ("true", "false"):
                P(f"{mo}/{tid}: bad required")
            if req == "true" and st not in ("completed", "exited", "in_progress", "not_started"):
                P(f"{mo}/{tid}: required with status {st}")
            if req == "false" and st not in ("not_required", "already_nonprofit"):
                P(f"{mo}/{tid}: not required with status {st}")
            if (st == "completed") != bool(r["completed_on"]):
                P(f"{mo}/{tid}: completed_on mismatch")
            if r["completed_on"] and date.fromisoformat(r["completed_on"]) > asof:
                P(f"{mo}/{tid}: completed after as-of")
            od = req == "true" and st in ("in_progress", "not_started") and asof > DEADLINE
            if (r["overdue"] == "true") != od:
                P(f"{mo}/{tid}: overdue mismatch")
            if int(r["days_overdue"]) != ((asof - DEADLINE).days if od else 0):
                P(f"{mo}/{tid}: days_overdue mismatch")
            if cat not in CATS:
                P(f"{mo}/{tid}: category {cat}")
            if cat in ("subject", "mixed") and r["department"] != "education":
                P(f"{mo}/{tid}: subject not education")
            if cat == "non_subject" and r["department"] not in DEPTS - {"education"}:
                P(f"{mo}/{tid}: non_subject department {r['department']}")
            if cat in ("undetermined", "out_of_scope") and r["department"]:
                P(f"{mo}/{tid}: department on {cat}")
            if cat == "out_of_scope" and (req == "true" or r["stages"]):
                P(f"{mo}/{tid}: out_of_scope required or staged")
            if cat == "undetermined" and prev_required.get(tid) is None and req == "true":
                P(f"{mo}/{tid}: undetermined from the start yet required")
            if prev_required.get(tid) == "true" and req != "true":
                P(f"{mo}/{tid}: requirement dropped")
            prev_required[tid] = req
            if st == "already_nonprofit" and cat not in ("subject", "mixed"):
                P(f"{mo}/{tid}: already_nonprofit but {cat}")
            if any(f not in FLAGS for f in flags) or flags != [f for f in FLAGS if f in flags]:
                P(f"{mo}/{tid}: flags {flags}")
            if "subject_in_non_subject" in flags or "ambiguous_link" in flags:
                P(f"{mo}/{tid}: flag the truth never sets")
            if "former_registration_active" in flags and st != "completed":
                P(f"{mo}/{tid}: former_registration_active without completion")
            if "disguised_subject_risk" in flags and cat in ("out_of_scope", "non_subject"):
                P(f"{mo}/{tid}: disguised flag on {cat}")
            for fl in ("preschool_subject", "foreign_capital", "listed_company", "new_after_policy"):
                if fl in flags and cat not in ("subject", "mixed"):
                    P(f"{mo}/{tid}: {fl} on {cat}")
            if r["credit_code"] and not code_ok(r["credit_code"]):
                P(f"{mo}/{tid}: invalid truth credit code")
            for fc in [x for x in r["former_credit_codes"].split("|") if x]:
                if not code_ok(fc):
                    P(f"{mo}/{tid}: invalid former code")
            if st == "completed" and (not r["credit_code"].startswith("52") or not r["former_credit_codes"]):
                P(f"{mo}/{tid}: completed without 52 code / former code")
            if st != "completed" and r["former_credit_codes"]:
                P(f"{mo}/{tid}: former code before completion")
            if r["county_code"] not in COUNTIES:
                P(f"{mo}/{tid}: county {r['county_code']}")
            if any(s not in ("preschool", "compulsory", "high_school") for s in r["stages"].split("|") if s):
                P(f"{mo}/{tid}: stages")
            if " " in r["name"] or "(" in r["name"] or "\u3000" in r["name"]:
                P(f"{mo}/{tid}: name not canonical")
    return problems


if __name__ == "__main__":
    probs = check(sys.argv[1])
    for p in probs[:100]:
        print(p)
    print(f"{len(probs)} problem(s)")
    sys.exit(1 if probs else 0)
