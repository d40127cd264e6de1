#!/usr/bin/env python3
"""Independent evaluation world for rereg (issue 22).

Writes monthly registry exports of Bayannur (巴彦淖尔市) training institutions and the truth
behind them:

    python3 Tools/independent-world/generate.py --seed 9 --institutions 1500 \
        --from 2021-09 --to 2022-01 --out DIR

DIR/input/YYYY-MM/   one month's export files (.csv and .xml only, no manifest)
DIR/truth/YYYY-MM/   records.csv, institutions.csv, files.csv

Written from domain.md, contract.md, the labelling guide, issue 22 and the truth-format
note only. Standard library only; the same seed gives the same bytes.
See README.md beside this file for the shares, hard cases and conventions.
"""
from __future__ import annotations

import argparse
import calendar
import csv
import io
import os
import random
import shutil
import sys
from datetime import date, timedelta

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import vocab as V  # noqa: E402
import summarize  # noqa: E402

POLICY_START = date(2021, 7, 24)
DEADLINE = date(2021, 12, 31)

# ============================================================== fixed shares (chosen before tuning)
KIND_SHARES = [
    ("subject", 0.27), ("mixed", 0.07), ("subject_high", 0.02), ("subject_preschool", 0.025),
    ("subject_foreign", 0.006), ("subject_listed", 0.004), ("subject_new", 0.02),
    ("undet_then_clear", 0.02), ("disguised", 0.05), ("undetermined", 0.035),
    ("arts", 0.085), ("sports", 0.055), ("scitech", 0.04), ("vocational", 0.05),
    ("npo_subject", 0.03), ("npo_nonsubject", 0.02), ("social_group", 0.015),
    ("oos", 0.125), ("edu_name_no_teaching", 0.02), ("subject_word_context", 0.02),
    ("sister", 0.012), ("prepolicy_npo_sister", 0.008),
]
REQUIRED_KINDS = {"subject", "mixed", "subject_high", "subject_preschool", "subject_foreign",
                  "subject_listed", "subject_new"}
SHARE = dict(
    indiv=0.22,                  # subject institutions run as 个体工商户 (92… codes)
    licensed_wording=0.30,       # subject scopes in licence-style generic wording
    licensed_wording_mixed=0.25,
    arts_filler=0.08,            # subject scope + 组织文化艺术交流活动-like filler
    non_listed_share=0.02,       # subject companies typed 股份有限公司(非上市…)
    new_style_scope=0.25,        # 许可项目：…一般项目：… scopes
    mixed_nonsubject_first=0.45,
    disg_subject=0.25, disg_youth=0.50, disg_new=0.35,
    voc_adult_words=0.40, sports_item_list=0.25, arts_item_list=0.10,
    arts_exclusion=0.15,
    undet_clear_to_subject=0.75,
    chain_seed=0.04, one_char_pair=0.02, county_conflict=0.012, devzone=0.10,
    new_nonrequired=0.12,
    app_in_both_lists=0.10, rereg_joins_application=0.06, split_healed=0.03,
    name_changed_linked=0.05, former_never=0.30, app_in_snapshot=0.70,
    market_codeless_variant=0.03, codeless_then_cancelled=0.025,
    suspended=0.05, npo_subject_no_code=0.10, npo_change=0.30,
    npo_nonsubj_cancelled_before=0.20, npo_nonsubj_cancelled_in=0.10,
    nonreq_cancel=0.05, absent=0.015, ragged=0.004, mojibake=0.004, duplicate=0.005, damaged_copy=0.002,
)
OUTCOMES = {
    "default": {"completed": .56, "exit_cancel": .12, "exit_revoke": .04, "exit_moved": .015,
                "exit_scope": .075, "in_progress": .075, "not_started": .115},
    "indiv": {"completed": .35, "exit_cancel": .30, "exit_revoke": .05, "exit_scope": .05,
              "in_progress": .05, "not_started": .20},
    "subject_preschool": {"completed": .40, "exit_scope": .25, "exit_cancel": .20, "not_started": .15},
    "foreign_listed": {"exit_scope": .40, "exit_cancel": .20, "not_started": .40},
    "subject_new": {"completed": .15, "exit_revoke": .25, "exit_cancel": .15, "exit_scope": .10,
                    "in_progress": .05, "not_started": .30},
    "disg_subject": {"exit_cancel": .20, "exit_scope": .15, "in_progress": .10, "not_started": .55},
    "undet_clear": {"completed": .65, "in_progress": .35},
}
COMPLETE_DIST = {"2021-08": .03, "2021-09": .07, "2021-10": .15, "2021-11": .25, "2021-12": .40, "2022-01": .10}
EXIT_DIST = {"2021-08": .08, "2021-09": .12, "2021-10": .20, "2021-11": .25, "2021-12": .27, "2022-01": .08}
INPROG_APP_DIST = {"2021-11": .2, "2021-12": .5, "2022-01": .3}
NEW_FOUND_DIST = {"2021-08": .30, "2021-09": .25, "2021-10": .20, "2021-11": .15, "2021-12": .10}
APP_LAG = {0: .35, 1: .45, 2: .15, 3: .05}
ENT_CANCEL_LAG = {0: .30, 1: .35, 2: .10, -1: .25}   # -1: stays active (former_registration_active)

ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
W18 = [pow(3, i, 31) for i in range(17)]
ORG_W = [3, 7, 9, 10, 5, 8, 4, 2]
ENT_END = {"cancelled", "revoked", "revoked_unc", "moved", "annulled"}
FLAG_ORDER = ["former_registration_active", "disguised_subject_risk", "preschool_subject",
              "foreign_capital", "listed_company", "new_after_policy", "subject_in_non_subject",
              "county_conflict", "invalid_credit_code", "ambiguous_link"]
STAGE_ORDER = ["preschool", "compulsory", "high_school"]


# ============================================================== small helpers
def wpick(r, weights):
    items = list(weights.items())
    total = sum(w for _, w in items)
    x = r.random() * total
    for k, w in items:
        x -= w
        if x < 0:
            return k
    return items[-1][0]


def pick(r, seq):
    return seq[r.randrange(len(seq))]


def mi(ym):
    y, m = ym.split("-")
    return int(y) * 12 + int(m) - 1


def ym(i):
    return f"{i // 12:04d}-{i % 12 + 1:02d}"


def mstart(i):
    return date(i // 12, i % 12 + 1, 1)


def mend(i):
    y, m = i // 12, i % 12 + 1
    return date(y, m, calendar.monthrange(y, m)[1])


def month_of(d):
    return d.year * 12 + d.month - 1


def rand_day(r, i, lo=1):
    last = mend(i).day
    return date(i // 12, i % 12 + 1, r.randint(min(lo, last), last))


def fullwidth(s):
    return "".join(chr(ord(c) + 0xFEE0) if ("0" <= c <= "9" or "A" <= c <= "Z" or "a" <= c <= "z") else c
                   for c in s)


def state_at(timeline, d):
    cur = None
    for when, val in timeline:
        if when <= d:
            cur = val
        else:
            break
    return cur


# ============================================================== codes and personal data
def credit_check(s17):
    total = sum(ALPHABET.index(c) * w for c, w in zip(s17, W18))
    return ALPHABET[(31 - total % 31) % 31]


def org_check(s8):
    total = 0
    for c, w in zip(s8, ORG_W):
        v = int(c) if c.isdigit() else ord(c) - 55
        total += v * w
    c = 11 - total % 11
    return "X" if c == 10 else ("0" if c == 11 else str(c))


def code_ok(code):
    return (len(code) == 18 and all(c in ALPHABET for c in code) and credit_check(code[:17]) == code[17]
            and org_check(code[8:16]) == code[16])


class CodeMint:
    def __init__(self, r):
        self.r = r
        self.used = set()

    def make(self, prefix2, region, style, all_digit=None):
        r = self.r
        for _ in range(1000):
            if style == "digits":
                org8 = "".join(str(r.randrange(10)) for _ in range(8))
            elif style == "MA":
                org8 = "MA" + "".join(pick(r, ALPHABET[:10] + "ABCDEFGHJKLMNPQRTUWXY" if k > 0 else "0123456789")
                                      for k in range(6))
            else:  # MJ, civil affairs
                org8 = "MJ" + "".join(str(r.randrange(10)) for _ in range(6))
            body = prefix2 + region + org8 + org_check(org8)
            code = body + credit_check(body)
            if all_digit is True and not code.isdigit():
                continue
            if all_digit is False and code.isdigit():
                continue
            if code in self.used:
                continue
            self.used.add(code)
            assert code_ok(code)
            return code
        raise RuntimeError("code space exhausted")


def typo_code(r, code):
    pos = r.randrange(2, 18)
    alts = {"0": "D", "1": "7", "7": "1", "8": "B", "B": "8", "5": "6", "6": "5", "2": "Z", "M": "N",
            "N": "M", "A": "4", "4": "A", "3": "8", "9": "4", "D": "0", "X": "K", "K": "X"}
    c = code[pos]
    new = alts.get(c)
    if new is None or new == c or new not in ALPHABET:
        new = pick(r, [x for x in ALPHABET if x != c])
    t = code[:pos] + new + code[pos + 1:]
    assert not code_ok(t)
    return t


def sci(code):
    return f"{int(code):.5E}".replace("E+", "E+")


def make_id_no(r):
    region = pick(r, V.ID_REGIONS)
    birth = date(1962, 1, 1) + timedelta(days=r.randrange(0, 365 * 36))
    body = region + birth.strftime("%Y%m%d") + f"{r.randrange(1000):03d}"
    w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    s = sum(int(c) * k for c, k in zip(body, w))
    return body + "10X98765432"[s % 11]


def make_phone(r):
    return pick(r, ["13", "15", "18", "17", "19"]) + "".join(str(r.randrange(10)) for _ in range(9))


def make_regno(r, region):
    return region + "".join(str(r.randrange(10)) for _ in range(9))


# ============================================================== business scopes
class Scope:
    __slots__ = ("text", "cat", "dept", "stages", "disguised")

    def __init__(self, text, cat, dept, stages, disguised):
        self.text, self.cat, self.dept, self.stages, self.disguised = text, cat, dept, frozenset(stages), disguised


DEPT = {"arts": "culture_tourism", "sports": "sports", "sci": "science_technology", "voc": "human_resources"}


def item(text, kind, stage_key=""):
    return (text, kind, frozenset(V.STAGE_SETS[stage_key]))


def compose(r, items, new_style=False, sep=None, cat_override=None, tails=True):
    kinds = [k for _, k, _ in items]
    teach = [k for k in kinds if k in DEPT]
    if "subj" in kinds:
        cat = "mixed" if teach else "subject"
        dept = "education"
        st = set().union(*[s for _, k, s in items if k == "subj"]) or {V.C}
    elif teach:
        assert "disg" not in kinds
        cat, dept = "non_subject", DEPT[teach[0]]
        st = set().union(*[s for _, k, s in items if k in DEPT])
    elif "disg" in kinds:
        cat, dept = "undetermined", ""
        st = set().union(*[s for _, k, s in items if k in ("disg", "undet")])
    elif "undet" in kinds:
        cat, dept = "undetermined", ""
        st = set().union(*[s for _, k, s in items if k == "undet"])
    else:
        cat, dept, st = "out_of_scope", "", set()
    if cat_override:
        cat = cat_override
        if cat == "out_of_scope":
            st = set()
    disguised = "disg" in kinds
    if sep is None:
        sep = wpick(r, {"；": .50, "、": .08, "，": .17, ";": .12, ",": .05, "。": .03, " ": .05})
    texts = [t for t, _, _ in items]
    if new_style:
        lic = [t for t, k, _ in items if k in ("subj", "voc")]
        gen = [t for t, k, _ in items if k not in ("subj", "voc")]
        text = ""
        if lic:
            text += "许可项目：" + "；".join(lic) + V.LICENCE_TAIL
            if r.random() < .4:
                text += "\n"
        if gen:
            text += "一般项目：" + "；".join(gen) + V.GENERAL_TAIL
    else:
        text = sep.join(texts)
        if r.random() < .25:
            text += "。"
        if tails and r.random() < .12:
            text += V.LICENCE_TAIL
    return Scope(text, cat, dept, st, disguised)


SECONDARY_ONLY = ("物理", "化学", "生物", "地理", "历史", "理化生")


def subjects_for(r, key):
    return pick(r, V.SUBJECT_LISTS_H if key == "H" else V.SUBJECT_LISTS)


def stage_phrase(r, key, subjects, pool=None):
    phrases = list(pool or V.STAGE_PHRASES[key])
    if subjects and any(w in subjects for w in SECONDARY_ONLY):
        phrases = [p for p in phrases if p not in ("小学", "小学生")] or phrases
    return pick(r, phrases)


def subject_item(r, stage_key, licensed=False, subjects=None):
    """One subject-teaching item; returns (item, used_licensed_wording)."""
    if licensed:
        if stage_key == "H":
            t = pick(r, ["高考文化课冲刺辅导", "高中各科课外辅导", "艺考生高考文化课辅导", "高中文化课补习"])
            return item(t, "subj", "H"), True
        pool = [w for w in V.LICENSED_WORDING if (w[0] in V.LICENSED_RARE) == (r.random() < .15)]
        t, k = pick(r, pool)
        return item(t, "subj", k), True
    subjects = subjects or subjects_for(r, stage_key)
    act = pick(r, V.SUBJECT_ACTS)
    key = stage_key
    form = wpick(r, {"A": .55, "B": .2, "C": .15, "E": .1})
    if key == "":
        form = "E" if form == "E" else "A"
    if form == "A":
        return item(stage_phrase(r, key, subjects) + subjects + act, "subj", key), False
    if form == "B":
        ph = {"C": ["小学、初中", "小学", "初中", "义务教育阶段"], "CH": ["中小学", "小学、初中、高中", "初高中"],
              "H": ["高中"]}[key]
        lb, rb = ("（", "）") if r.random() < .8 else ("(", ")")
        who = stage_phrase(r, key, subjects, ph)
        who = "小学生" if who == "小学" else who + "学生"
        return item(f"{subjects}{act}{lb}面向{who}{rb}", "subj", key), False
    if form == "C":
        return item(f"{stage_phrase(r, key, subjects)}学科类培训（{subjects}）", "subj", key), False
    return item(f"{subjects}，{pick(r, ['短期培训', '课外辅导', '短期辅导', '寒暑假培训'])}", "subj", ""), False


def ns_items(r, domain, n=1, learners=False):
    pool = {"arts": V.ARTS_ITEMS, "sports": V.SPORTS_ITEMS, "sci": V.SCI_ITEMS, "voc": V.VOC_ITEMS}[domain]
    out = []
    if learners:
        cands = [x for x in V.ITEM_LIST_WITH_LEARNERS if x[1] == domain]
        t, d, k = pick(r, cands)
        out.append(item(t, d, k))
    while len(out) < n:
        t = pick(r, pool)
        if all(t != o[0] for o in out):
            out.append(item(t, domain))
    return out


def fillers(r, n, pool=None):
    pool = pool or V.FILLERS
    out = []
    for _ in range(n):
        t = pick(r, pool)
        if all(t != o[0] for o in out):
            out.append(item(t, "filler"))
    return out


def scope_subject(r, stage_key, licensed=False, arts_filler=False, new_style=False, subjects=None):
    first, used = subject_item(r, stage_key, licensed, subjects)
    items = [first]
    rest = []
    if r.random() < .3:
        second, _ = subject_item(r, stage_key if r.random() < .5 else "", False)
        if second[0] != first[0]:
            rest.append(second)
    if r.random() < .2:
        rest.append(item(pick(r, ["教育信息咨询", "教育咨询服务", "教育培训咨询服务"]), "undet"))
    rest += fillers(r, r.choice([0, 0, 1, 1, 2, 3]))
    if arts_filler:
        rest.append(item(pick(r, V.ARTS_FILLERS), "filler"))
    r.shuffle(rest)
    return compose(r, items + rest, new_style=new_style), used


def scope_preschool(r, new_style=False):
    t, k = pick(r, V.PRESCHOOL_SUBJECT)
    items = [item(t, "subj", k)]
    if r.random() < .3:
        items.append(subject_item(r, "C")[0])
    items += fillers(r, r.choice([0, 1, 2]))
    return compose(r, items, new_style=new_style)


def scope_mixed(r, nonsubject_first, licensed=False, new_style=False, subjects=None):
    stage_key = wpick(r, {"C": .5, "CH": .35, "": .15})
    subj, used = subject_item(r, stage_key, licensed, subjects)
    domain = wpick(r, {"arts": .55, "sports": .25, "sci": .20})
    ns = ns_items(r, domain, r.choice([1, 1, 2]))
    if r.random() < .2:
        other = "sports" if domain != "sports" else "arts"
        ns += ns_items(r, other, 1)
    if nonsubject_first:
        if r.random() < .35 and not licensed:
            # one clause: "<arts> + <subject>" written with a comma, e.g. 艺术特色培训，小初高文化补习
            head = pick(r, ["艺术特色培训", "美术、舞蹈特长培训", "体育特长培训", "书法、美术培训"])
            dom = "sports" if "体育" in head else "arts"
            items = [(head, dom, frozenset()), subj]
            return compose(r, items + fillers(r, r.choice([0, 1])), new_style=False,
                           sep=pick(r, ["，", "；", "、"])), used, dom
        items = ns + [subj]
    else:
        items = [subj] + ns
    items += fillers(r, r.choice([0, 1, 2]))
    return compose(r, items, new_style=new_style), used, domain


def scope_nonsubject(r, domain, learners=False, exclusion=False, new_style=False):
    items = ns_items(r, domain, r.choice([1, 1, 2, 3]), learners=learners)
    if exclusion and not learners:
        t, k, s = items[0]
        if "（" not in t and "(" not in t:
            items[0] = (t + pick(r, ["（不含学科类培训）", "（不含中小学文化课培训）"]), k, s)
    items += fillers(r, r.choice([0, 1, 2]), V.FILLERS + V.ARTS_FILLERS)
    return compose(r, items, new_style=new_style)


def scope_vocational(r, adult_words=False, new_style=False):
    items = []
    if adult_words:
        items.append(item(pick(r, V.VOC_ADULT_SUBJECT_WORDS), "voc"))
    items += ns_items(r, "voc", r.choice([1, 2]) if not adult_words else r.choice([0, 1]))
    items += fillers(r, r.choice([0, 1]))
    return compose(r, items, new_style=new_style)


def scope_undetermined(r, new_style=False):
    items = [item(pick(r, V.UNDET_ITEMS), "undet")]
    if r.random() < .3:
        t, k = pick(r, V.UNDET_ITEMS_STAGED)
        items.append(item(t, "undet", k))
    elif r.random() < .3:
        t = pick(r, V.UNDET_ITEMS)
        if t != items[0][0]:
            items.append(item(t, "undet"))
    items += fillers(r, r.choice([0, 1, 2]), [f for f in V.FILLERS if "咨询" not in f])
    return compose(r, items, new_style=new_style)


def scope_disguised(r, youth, with_subject, new_style=False):
    items = []
    n = r.choice([1, 1, 2])
    for _ in range(n):
        if youth and r.random() < .35:
            t, k = pick(r, V.DISG_GENERIC_YOUTH)
            items.append(item(t, "disg", k))
        else:
            t = pick(r, V.DISG_SPECIFIC)
            k = ""
            if youth:
                suf, k = pick(r, V.DISG_YOUTH_SUFFIX)
                t += suf
            items.append(item(t, "disg", k))
    if youth and all("青少年" not in t and "中小学" not in t and "学生" not in t and "儿童" not in t
                     for t, _, _ in items):
        items[0] = (items[0][0] + "（面向青少年）", "disg", items[0][2])
    items += fillers(r, r.choice([0, 1, 2, 3]), V.DISG_FILLERS)
    if with_subject:
        subj, _ = subject_item(r, wpick(r, {"C": .6, "CH": .3, "": .1}))
        items.insert(r.randrange(len(items) + 1), subj)
    # the disguise never waits for a youth word: some scopes lead with a non-teaching item
    if not with_subject and r.random() < .4:
        r.shuffle(items)
    return compose(r, items, new_style=new_style)


def scope_template(r, items, cat=None, new_style=False):
    its = [item(t, "filler") for t in items]
    if cat == "undetermined":
        its = [item(t, "undet") if ("教育" in t and "咨询" in t) else (t, "filler", frozenset()) for t in items]
    k = len(its)
    if k >= 15:
        keep = [x for x in its if "家教" in x[0]]
        sel = [x for x in its if "家教" not in x[0]]
        r.shuffle(sel)
        its = sel[:r.randrange(14, len(sel) + 1)] + keep
        r.shuffle(its)
    return compose(r, its, new_style=new_style, cat_override=cat)


def npo_scope(r, ent_scope, mixed_domain=None, subjects=None):
    preschool = V.P in ent_scope.stages
    stages = set(ent_scope.stages) - {V.P} or {V.C}
    key = "CH" if stages == {V.C, V.H} else ("H" if stages == {V.H} else "C")
    if preschool:
        subjects = pick(r, ["语文、数学", "语文、数学、英语", "英语", "数学、英语"])
        stage = pick(r, ["小学", "小学一至三年级", "小学低年级"])
    else:
        subjects = subjects or subjects_for(r, key)
        stage = stage_phrase(r, key, subjects)
    form = r.randrange(5)
    if form == 0:
        t = f"{stage}{subjects}学科类培训（非营利性）"
    elif form == 1:
        t = f"开展{stage}{subjects}等学科类校外培训"
    elif form == 2:
        t = f"{stage}文化课程培训"
    elif form == 3:
        t = f"{stage}学科类培训：{subjects}"
    else:
        t = f"面向{stage}学生的{subjects}学科培训".replace("小学学生", "小学生")
    items = [item(t, "subj", key)]
    if ent_scope.cat == "mixed":
        items += ns_items(r, mixed_domain or "arts", 1)
    return compose(r, items, sep="；", tails=False)


def clear_subject_scope(r):
    """An application's 业务范围 that settles an undetermined institution as subject."""
    subjects = pick(r, ["语文、化学", "数学、物理", "语文、数学、英语", "英语、生物", "数学、化学", "历史、地理、语文"])
    stage = stage_phrase(r, "C", subjects)
    t = pick(r, [f"开展{stage}{subjects}学科类培训", f"{stage}{subjects}培训（非营利性）",
                 f"{stage}{subjects}学科类校外培训"])
    return compose(r, [item(t, "subj", "C")], sep="；", tails=False)


def exit_scope_for(r, preschool=False):
    if preschool:
        t = pick(r, ["幼儿美术、舞蹈培训", "幼儿体适能训练", "幼儿音乐启蒙培训"])
        dom = "sports" if "体适能" in t else "arts"
        items = [item(t, dom, "P")]
    else:
        dom = wpick(r, {"arts": .5, "sports": .25, "sci": .25})
        items = ns_items(r, dom, r.choice([1, 2]))
        if r.random() < .5:
            t, k, s = items[0]
            items[0] = (t + pick(r, ["（不含学科类培训）", "（不含中小学学科类培训）", "(不含学科类)"]), k, s)
    items += fillers(r, r.choice([0, 1]))
    return compose(r, items, sep="；")


# ============================================================== the world's institutions
class Person:
    __slots__ = ("name", "id_no", "phone")

    def __init__(self, r):
        if r.random() < .14:
            n = pick(r, V.MONGOL_NAMES)
            if r.random() < .25:
                sn = pick(r, V.MONGOL_SURNAMES)
                if sn != n[0]:
                    n = sn + n
        else:
            n = pick(r, V.SURNAMES) + "".join(pick(r, V.GIVEN) for _ in range(r.choice([1, 2, 2])))
        self.name, self.id_no, self.phone = n, make_id_no(r), make_phone(r)


class Reg:
    """One registration: an enterprise (ent), a non-profit (npo), a pre-policy non-profit
    (old_npo) or a social group (group)."""

    def __init__(self, role, **kw):
        self.role = role
        self.name = ""
        self.code = ""
        self.type = ""
        self.founded = None
        self.capital = ""
        self.authority = ""
        self.supervisor = ""
        self.address = ""
        self.person = None
        self.regno = ""
        self.cert_no = ""
        self.scopes = []      # [(date, Scope)]
        self.statuses = []    # [(date, status_norm)]
        self.foreign = False
        self.listed = False
        self.__dict__.update(kw)


class App:
    def __init__(self, accept, in_snapshot, name, scope):
        self.accept = accept
        self.in_snapshot = in_snapshot
        self.snap_name = name
        self.list_name = name
        self.first_snap_name = None   # name in the snapshot of the accept month (class 1)
        self.scope = scope


class Inst:
    def __init__(self, tid, kind):
        self.tid = tid
        self.kind = kind
        self.county = None
        self.devzone = False
        self.brand = ""
        self.person = None
        self.address = ""
        self.ent = None
        self.npo = None
        self.old_npo = None
        self.group = None
        self.app = None
        self.outcome = None
        self.plan = {}
        self.tags = {}            # tag -> first month index
        self.specials = {}        # month index -> dict(code_mode, name)
        self.conflict_county = None
        self.former_from = None   # month index from which civil records show the former code; None never
        self.indiv = False
        self.host = None

    def tag(self, t, m):
        if t not in self.tags or m < self.tags[t]:
            self.tags[t] = m


class World:
    def __init__(self, seed, n, first, last):
        self.r = random.Random(f"world-{seed}")
        self.seed = seed
        self.n = n
        self.first, self.last = first, last
        self.mint = CodeMint(random.Random(f"codes-{seed}"))
        self.insts = []
        self.used_names = set()
        self.used_brands = set()
        self.decks = {}
        self.build()

    # ---------------------------------------------------------- exact shares
    def deal(self, key, weights, n):
        """Labels dealt from a shuffled deck holding exactly the fixed share of each label among n
        draws (largest remainder), so that a share is a count, not a coin toss."""
        deck = self.decks.get(key)
        if deck is None:
            items = list(weights.items())
            tot = sum(w for _, w in items)
            raw = [(k, w / tot * n) for k, w in items]
            counts = {k: int(x) for k, x in raw}
            rest = n - sum(counts.values())
            for k, x in sorted(raw, key=lambda kx: -(kx[1] - int(kx[1])))[:rest]:
                counts[k] += 1
            deck = [k for k, _ in items for _ in range(counts[k])]
            self.r.shuffle(deck)
            self.decks[key] = deck
        if not deck:
            return wpick(self.r, weights)
        return deck.pop()

    def share(self, name, kind, share=None):
        share = SHARE[name] if share is None else share
        return self.deal((name, kind), {True: share, False: 1 - share}, self.kind_counts[kind])

    # ---------------------------------------------------------- skeleton
    def new_brand(self, avoid_near=True):
        r = self.r
        for _ in range(10000):
            x = r.random()
            if x < .06:
                b = pick(r, V.LOCAL_BRAND_PARTS) + pick(r, V.BRAND_CHARS)
            else:
                ln = 2 if x < .40 else (3 if x < .88 else 4)
                b = "".join(pick(r, V.BRAND_CHARS) for _ in range(ln))
            if len(set(b)) < len(b):
                continue
            if any(f in b for f in V.BRAND_FORBIDDEN):
                continue
            if b in self.used_brands:
                continue
            self.used_brands.add(b)
            return b
        raise RuntimeError("brands exhausted")

    def county_pick(self):
        return wpick(self.r, {c: s for c, _, _, s in V.COUNTIES})

    def make_address(self, county, devzone=False):
        r = self.r
        num = r.randrange(1, 300)
        if devzone:
            a = f"内蒙古自治区巴彦淖尔市巴彦淖尔经济技术开发区{pick(r, V.DEVZONE_STREETS)}{num}号"
            if r.random() < .4:
                a += f"{pick(r, ['创业大厦', '科技孵化中心', '综合服务楼'])}{r.randrange(2, 9)}楼{r.randrange(1, 30):02d}室"
            return a
        a = f"内蒙古自治区巴彦淖尔市{V.COUNTY_NAME[county]}"
        if r.random() < .45:
            a += pick(r, V.TOWNS[county])
        a += f"{pick(r, V.STREETS[county])}{num}号"
        if r.random() < .45:
            a += f"{pick(r, V.BUILDINGS)}{r.randrange(1, 20)}号楼{pick(r, ['底商', '1单元101', '2楼', '3楼301', '商铺'])}"
        return a

    def build(self):
        r = self.r
        counts = [(k, int(round(s * self.n))) for k, s in KIND_SHARES]
        seq = 0
        skeletons = []
        for kind, cnt in counts:
            if kind in ("sister", "prepolicy_npo_sister"):
                continue
            for _ in range(cnt):
                seq += 1
                inst = Inst(None, kind)
                skeletons.append(inst)
        self.n_sister = dict(counts)["sister"]
        self.n_pps = dict(counts)["prepolicy_npo_sister"]
        self.kind_counts = dict(counts)
        for inst in skeletons:
            inst.county = self.county_pick()
            inst.devzone = inst.county == "150802" and r.random() < SHARE["devzone"]  # place, not a case
            inst.brand = self.new_brand()
            inst.person = Person(r)
            inst.address = self.make_address(inst.county, inst.devzone)
            if inst.kind == "subject" and self.share("indiv", "subject"):
                inst.indiv = True
        self.plan_outcomes(skeletons)
        skeletons += self.relations(skeletons)
        pool = [i for i in skeletons if i.kind in ("subject", "mixed", "subject_high", "subject_preschool",
                                                     "subject_new", "undet_then_clear")
                and not i.devzone and not getattr(i, "chain", False) and not hasattr(i, "sister")
                and not hasattr(i, "pps") and not hasattr(i, "twin")]
        r.shuffle(pool)
        for inst in pool[:int(round(SHARE["county_conflict"] * len(pool)))]:
            inst.conflict_county = pick(r, [c for c, _, _, _ in V.COUNTIES if c != inst.county])
            inst.tag("code_county_conflict", -1)
        # deterministic id order: shuffle once, then number
        r.shuffle(skeletons)
        for i, inst in enumerate(skeletons, 1):
            inst.tid = f"T{i:06d}"
        self.insts = skeletons
        for inst in skeletons:
            if inst.kind != "sister":
                self.build_regs(inst)
        for inst in skeletons:
            if inst.kind == "sister":
                self.build_regs(inst)
        for inst in skeletons:
            self.build_timeline(inst)
        self.assign_hard_cases()

    # ---------------------------------------------------------- outcomes
    def plan_outcomes(self, insts):
        groups = {}
        for inst in insts:
            k = inst.kind
            if k == "disguised":
                inst.plan["disg_subject"] = self.share("disg_subject", k)
                inst.plan["youth"] = self.share("disg_youth", k)
                inst.plan["new"] = self.share("disg_new", k)
                if inst.plan["disg_subject"]:
                    groups.setdefault("disg_subject", []).append(inst)
            elif k == "undet_then_clear":
                inst.plan["to_subject"] = self.share("undet_clear_to_subject", k)
                if inst.plan["to_subject"]:
                    groups.setdefault("undet_clear", []).append(inst)
            elif k in REQUIRED_KINDS:
                if k in ("subject_foreign", "subject_listed"):
                    key = "foreign_listed"
                elif k in ("subject_preschool", "subject_new"):
                    key = k
                elif inst.indiv:
                    key = "indiv"
                else:
                    key = "default"
                groups.setdefault(key, []).append(inst)
        for key, members in groups.items():
            for inst in members:
                inst.outcome = self.deal(("outcome", key), OUTCOMES[key], len(members))

    # ---------------------------------------------------------- relations between institutions
    def relations(self, insts):
        r = self.r
        extra = []
        # chains: one brand across counties, different institutions
        fam = [i for i in insts if i.kind in ("subject", "mixed", "arts", "sports", "scitech") and not i.indiv]
        n_seeds = int(round(SHARE["chain_seed"] * len(fam)))
        pool = fam[:]
        r.shuffle(pool)
        taken = set()
        for seed in pool:
            if n_seeds <= 0:
                break
            if id(seed) in taken:
                continue
            others = [o for o in pool if id(o) not in taken and o is not seed and o.county != seed.county]
            k = r.choice([1, 1, 2])
            members = []
            counties = {seed.county}
            for o in others:
                if o.county not in counties:
                    members.append(o)
                    counties.add(o.county)
                if len(members) == k:
                    break
            if not members:
                continue
            taken.add(id(seed))
            for m in members:
                taken.add(id(m))
                self.used_brands.discard(m.brand)
                m.brand = seed.brand
                m.chain = True
            seed.chain = True
            n_seeds -= 1
        for i in insts:
            if getattr(i, "chain", False):
                i.tag("chain_brand_other_county", -1)
        # two brands one character apart
        trainers = [i for i in insts if i.kind in ("subject", "mixed", "arts", "sports", "scitech", "vocational",
                                                    "subject_high") and not getattr(i, "chain", False)]
        n_pairs = int(round(SHARE["one_char_pair"] * len(trainers)))
        r.shuffle(trainers)
        used = set()
        for a in trainers:
            if n_pairs <= 0:
                break
            if id(a) in used:
                continue
            pos = [k for k, c in enumerate(a.brand) if c in V.SIMILAR]
            if not pos:
                continue
            cand = [b for b in trainers if id(b) not in used and b is not a]
            if not cand:
                break
            b = cand[0]
            p = pick(r, pos)
            nb = a.brand[:p] + V.SIMILAR[a.brand[p]] + a.brand[p + 1:]
            if nb in self.used_brands or any(f in nb for f in V.BRAND_FORBIDDEN):
                continue
            self.used_brands.discard(b.brand)
            self.used_brands.add(nb)
            b.brand = nb
            if r.random() < .6:
                b.county = a.county
                b.devzone = False
                b.address = self.make_address(b.county)
            used.update((id(a), id(b)))
            a.tag("brand_one_char_apart", -1)
            b.tag("brand_one_char_apart", -1)
            a.twin = b
            b.twin = a
            n_pairs -= 1
        # sister companies: same brand, legal representative and address as a predecessor
        hosts = [i for i in insts if i.kind in ("subject", "mixed") and i.outcome == "completed" and not i.indiv
                 and not getattr(i, "chain", False) and not hasattr(i, "twin")]
        r.shuffle(hosts)
        for host in hosts[:self.n_sister]:
            s = Inst(None, "sister")
            s.county, s.devzone, s.brand, s.person, s.address = host.county, host.devzone, host.brand, host.person, host.address
            s.host = host
            host.sister = s
            host.tag("sister_same_rep_address", -1)
            s.tag("sister_same_rep_address", -1)
            extra.append(s)
        # pre-policy non-profits sharing brand and legal representative with an enterprise
        hosts2 = [i for i in insts if i.kind in ("subject", "mixed") and not i.indiv and not hasattr(i, "sister")
                  and not getattr(i, "chain", False) and not hasattr(i, "twin")]
        r.shuffle(hosts2)
        for host in hosts2[:self.n_pps]:
            s = Inst(None, "prepolicy_npo_sister")
            s.county, s.brand, s.person = host.county, host.brand, host.person
            s.address = host.address if r.random() < .5 else self.make_address(host.county)
            s.host = host
            s.plan["cancelled"] = self.deal("pps_cancelled", {True: .5, False: .5}, self.n_pps)
            host.pps = s
            host.tag("prepolicy_npo_sister", -1)
            s.tag("prepolicy_npo_sister", -1)
            extra.append(s)
        return extra

    # ---------------------------------------------------------- names
    def claim(self, name):
        if name in self.used_names:
            return False
        self.used_names.add(name)
        return True

    def ent_name(self, inst, industry, suffix="有限公司", forms=None, county=None):
        r = self.r
        county = county or inst.county
        cn = V.COUNTY_NAME[county]
        forms = forms or {"city_county": .35, "county": .25, "city": .15, "nmg": .05, "bracket": .06, "bare": .14}
        order = []
        f0 = wpick(r, forms)
        order.append(f0)
        order += [f for f in ("city_county", "county", "bracket", "city", "nmg", "bare") if f != f0]
        for f in order:
            if f not in forms:
                continue
            name = {
                "city_county": f"巴彦淖尔市{cn}{inst.brand}{industry}{suffix}",
                "county": f"{cn}{inst.brand}{industry}{suffix}",
                "city": f"巴彦淖尔市{inst.brand}{industry}{suffix}",
                "nmg": f"内蒙古{inst.brand}{industry}{suffix}",
                "bracket": f"{inst.brand}{industry}（{V.COUNTY_SHORT[county]}）{suffix}",
                "bare": f"{inst.brand}{industry}{suffix}",
            }[f]
            if self.claim(name):
                return name, f
        for k in range(2, 99):
            name = f"巴彦淖尔市{cn}{inst.brand}{pick(r, ['新', '华', '盛', '鑫', '博'])}{industry}{suffix}"
            if self.claim(name):
                return name, "city_county"
        raise RuntimeError("no free name")

    def npo_name(self, inst, brand=None, city_level=False):
        r = self.r
        brand = brand or inst.brand
        cn = V.COUNTY_NAME[inst.county]
        suf = pick(r, V.NPO_SUFFIX)
        cands = []
        if city_level:
            cands.append(f"巴彦淖尔市{brand}{suf}")
        x = r.random()
        if x < .75:
            cands.append(f"{cn}{brand}{suf}")
        else:
            cands.append(f"巴彦淖尔市{cn}{brand}{suf}")
        cands += [f"{cn}{brand}培训学校", f"巴彦淖尔市{cn}{brand}培训学校", f"{cn}{brand}文化培训学校",
                  f"{cn}{brand}学科培训学校"]
        for c in cands:
            if self.claim(c):
                return c
        raise RuntimeError("npo name")

    # ---------------------------------------------------------- registrations
    def ent_region(self, inst, form):
        if inst.conflict_county:
            return inst.conflict_county
        if inst.devzone:
            return "150891" if self.r.random() < .8 else "150800"
        if form in ("city", "nmg", "bare"):
            return "150800" if self.r.random() < .75 else inst.county
        return inst.county

    def authority_for(self, region, civil=False):
        if civil:
            return "巴彦淖尔市民政局" if region == "150800" else f"{V.COUNTY_NAME.get(region, '临河区')}民政局"
        if region == "150800":
            return "巴彦淖尔市市场监督管理局"
        if region == "150891":
            return "巴彦淖尔经济技术开发区市场监督管理局"
        if region == "152801":
            return "临河区市场监督管理局"
        return f"{V.COUNTY_NAME[region]}市场监督管理局"

    def capital(self):
        r = self.r
        amt = pick(r, [3, 5, 10, 10, 20, 30, 50, 50, 100, 100, 200, 300, 500, 1000])
        return amt

    def founded_date(self, new=False, lo=2006):
        r = self.r
        if new:
            i = mi(wpick(r, NEW_FOUND_DIST))
            d = rand_day(r, i)
            if d <= POLICY_START:
                d = POLICY_START + timedelta(days=r.randrange(2, 7))
            return d
        y = wpick(r, {y: (1 if y < 2012 else (2 if y < 2016 else 4)) for y in range(lo, 2022)})
        d = date(y, r.randint(1, 12), r.randint(1, 28))
        if d >= POLICY_START:
            d = date(2021, r.randint(1, 6), r.randint(1, 28))
        return d

    def make_ent(self, inst, industry, scope, type_=None, new=False, suffix=None, forms=None, code_prefix="91",
                 founded=None):
        r = self.r
        if suffix is None:
            suffix = "有限公司" if r.random() < .75 else "有限责任公司"
        if inst.indiv:
            brand_or_person = inst.brand
            name = None
            cn = V.COUNTY_NAME[inst.county]
            for cand in [f"{cn}{brand_or_person}{industry}", f"{cn}{inst.person.name}{industry}",
                         f"{cn}{brand_or_person}{pick(r, V.INDIV_SUBJECT)}"]:
                if self.claim(cand):
                    name = cand
                    break
            form = "county"
            assert name
        else:
            name_county = inst.conflict_county if inst.conflict_county else None
            if name_county:
                forms = {"city_county": .5, "county": .5}
            name, form = self.ent_name(inst, industry, suffix, forms, county=name_county)
        region = self.ent_region(inst, form)
        founded = founded or self.founded_date(new=new)
        if founded.year < 2003 and region == "150802" and r.random() < .5:
            region = "152801"
        style = "digits" if (founded.year < 2016 and r.random() < .95) else "MA"
        if inst.indiv:
            code_prefix = "92"
        code = self.mint.make(code_prefix, region, style)
        if type_ is None:
            type_ = "个体工商户" if inst.indiv else pick(r, V.DOMESTIC_TYPES)
        amt = self.capital()
        e = Reg("ent", name=name, code=code, type=type_, founded=founded, capital=amt,
                authority=self.authority_for(region), address=inst.address, person=inst.person,
                regno=make_regno(r, region if region != "150891" else "150800") if founded.year < 2016 else "",
                scopes=[(founded, scope)], statuses=[(founded, "active")])
        e.region = region
        e.form = form
        e.suffix = suffix if not inst.indiv else ""
        return e

    def build_regs(self, inst):
        r = self.r
        k = inst.kind
        ns = r.random() < SHARE["new_style_scope"]
        if k in ("subject", "subject_new"):
            lic = self.share("licensed_wording", k)
            af = self.share("arts_filler", k)
            stage_key = wpick(r, {"C": .55, "CH": .3, "": .15})
            inst.subjects = subjects_for(r, stage_key)
            scope, used = scope_subject(r, stage_key, lic, af, new_style=ns or k == "subject_new",
                                        subjects=inst.subjects)
            if used:
                inst.tag("licensed_school_wording", -1)
            if af:
                inst.tag("arts_filler_not_mixed", -1)
            type_ = None
            if self.share("non_listed_share", k) and not inst.indiv:
                type_ = pick(r, V.NON_LISTED_SHARE_TYPES)
                inst.tag("foreign_or_listed_variant", -1)
            ind = pick(r, V.IND_SUBJECT) if not inst.indiv else pick(r, V.INDIV_SUBJECT)
            suffix = "股份有限公司" if type_ and "股份" in type_ else None
            inst.ent = self.make_ent(inst, ind, scope, type_=type_, new=(k == "subject_new"), suffix=suffix)
        elif k == "mixed":
            first = self.share("mixed_nonsubject_first", k)
            lic = self.share("licensed_wording_mixed", k)
            inst.subjects = subjects_for(r, "C")
            scope, used, inst.mixed_domain = scope_mixed(r, first, lic, new_style=ns, subjects=inst.subjects)
            if first:
                inst.tag("mixed_subject_after_arts", -1)
            if used:
                inst.tag("licensed_school_wording", -1)
            inst.ent = self.make_ent(inst, pick(r, V.IND_MIXED), scope)
        elif k == "subject_high":
            inst.subjects = subjects_for(r, "H")
            scope, used = scope_subject(r, "H", self.share("licensed_wording", k, .30), False, new_style=ns,
                                        subjects=inst.subjects)
            if used:
                inst.tag("licensed_school_wording", -1)
            inst.ent = self.make_ent(inst, pick(r, V.IND_SUBJECT), scope)
        elif k == "subject_preschool":
            inst.ent = self.make_ent(inst, pick(r, ["教育科技", "文化教育", "教育咨询", "早教科技", "教育发展"]),
                                     scope_preschool(r, ns))
        elif k in ("subject_foreign", "subject_listed"):
            scope, _ = scope_subject(r, wpick(r, {"C": .6, "CH": .4}), r.random() < .3, False, ns)
            if k == "subject_foreign":
                t = pick(r, V.FOREIGN_TYPES)
                inst.ent = self.make_ent(inst, pick(r, ["教育科技", "教育咨询", "文化教育"]), scope, type_=t)
                inst.ent.foreign = True
            else:
                t = pick(r, V.LISTED_TYPES)
                inst.ent = self.make_ent(inst, pick(r, ["教育科技", "教育"]), scope, type_=t, suffix="股份有限公司")
                inst.ent.listed = True
            inst.tag("foreign_or_listed_variant", -1)
        elif k == "undet_then_clear":
            inst.ent = self.make_ent(inst, pick(r, V.IND_UNDET), scope_undetermined(r, ns))
            inst.tag("undetermined_then_clear", -1)
        elif k == "disguised":
            p = inst.plan
            scope = scope_disguised(r, p["youth"], p["disg_subject"], ns)
            inst.ent = self.make_ent(inst, pick(r, V.IND_DISG), scope, new=p["new"])
            inst.tag("disguised_training", -1)
        elif k == "undetermined":
            inst.indiv = r.random() < .15
            ind = pick(r, V.IND_UNDET) if not inst.indiv else pick(r, ["托管中心", "学生托管部", "教育咨询部"])
            inst.ent = self.make_ent(inst, ind, scope_undetermined(r, ns), new=r.random() < SHARE["new_nonrequired"])
        elif k in ("arts", "sports", "scitech"):
            dom = {"arts": "arts", "sports": "sports", "scitech": "sci"}[k]
            learners = self.share("sports_item_list" if k == "sports" else "arts_item_list", k)
            excl = self.share("arts_exclusion", k)
            scope = scope_nonsubject(r, dom, learners, excl, ns)
            if learners:
                inst.tag("adult_vocational_or_item_list", -1)
            ind = pick(r, {"arts": V.IND_ARTS, "sports": V.IND_SPORTS, "sci": V.IND_SCI}[dom])
            inst.indiv = r.random() < .12
            if inst.indiv:
                ind = pick(r, {"arts": ["美术工作室", "舞蹈室", "琴行", "书画院"], "sports": ["跆拳道馆", "游泳馆", "武术馆"],
                               "sci": ["编程工作室", "机器人工作室"]}[dom])
            inst.ent = self.make_ent(inst, ind, scope, new=r.random() < SHARE["new_nonrequired"])
        elif k == "vocational":
            adult = self.share("voc_adult_words", k)
            ind = pick(r, V.IND_VOC)
            if ind == "机动车驾驶员培训" and not adult:
                scope = compose(r, [item("机动车驾驶员培训", "voc")] + fillers(r, r.choice([0, 1])), new_style=ns)
            else:
                if ind == "机动车驾驶员培训":
                    ind = "职业技能培训"
                scope = scope_vocational(r, adult, ns)
            if adult:
                inst.tag("adult_vocational_or_item_list", -1)
            inst.ent = self.make_ent(inst, ind, scope, new=r.random() < SHARE["new_nonrequired"])
        elif k == "oos":
            ind, items = pick(r, V.OOS_TEMPLATES)
            coop = "合作社" in ind
            scope = scope_template(r, items, new_style=ns and not coop)
            if coop:
                inst.ent = self.make_ent(inst, ind, scope, type_="农民专业合作社", suffix="", code_prefix="93",
                                         forms={"county": .7, "city_county": .3})
            else:
                inst.ent = self.make_ent(inst, ind, scope, new=r.random() < SHARE["new_nonrequired"])
        elif k == "subject_word_context":
            ind, items = pick(r, V.SUBJECT_WORD_TEMPLATES)
            if ind.startswith("*"):
                # brand ends in 学 so that the name reads …学科技… (优学科技)
                self.used_brands.discard(inst.brand)
                for _ in range(100):
                    b = pick(r, ["优", "智", "乐", "博", "慧", "勤", "善", "易", "好", "趣"]) + "学"
                    if len(inst.brand) > 2:
                        b = inst.brand[0] + b
                    if b not in self.used_brands:
                        break
                inst.brand = b
                self.used_brands.add(b)
                ind = "科技"
            inst.ent = self.make_ent(inst, ind, scope_template(r, items, new_style=ns))
            inst.tag("subject_word_not_taught", -1)
        elif k == "edu_name_no_teaching":
            ind, items, cat = pick(r, V.EDU_NAME_TEMPLATES)
            inst.ent = self.make_ent(inst, ind, scope_template(r, items, cat=cat))
            inst.tag("teaching_word_in_name_or_exclusion", -1)
        elif k == "sister":
            host = inst.host
            ind, items, cat = pick(r, [v for v in V.SISTER_VARIANTS if v[0] not in host.ent.name])
            its = [item(t, "arts" if "培训" in t else ("undet" if "教育" in t else "filler")) for t in items]
            scope = compose(r, its, sep="；")
            assert scope.cat == cat, (scope.cat, cat)
            # same region prefix form as the host, so that only the industry word differs
            forms = {host.ent.form: 1.0} if host.ent.form in ("city_county", "county", "city", "bare", "nmg", "bracket") else None
            inst.ent = self.make_ent(inst, ind, scope, forms=forms)
        elif k == "npo_subject":
            self.make_old_npo(inst, subject=True)
        elif k == "npo_nonsubject":
            self.make_old_npo(inst, subject=False)
        elif k == "prepolicy_npo_sister":
            if inst.plan["cancelled"]:
                self.make_old_npo(inst, subject=False, cancelled_before=True)
            else:
                self.make_old_npo(inst, subject=True, no_code=True)
        elif k == "social_group":
            self.make_group(inst)
        else:
            raise ValueError(k)

    def make_old_npo(self, inst, subject, no_code=False, cancelled_before=None):
        r = self.r
        cn = V.COUNTY_NAME[inst.county]
        if subject:
            sufs = V.OLD_NPO_SUBJECT_SUFFIX[:]
            r.shuffle(sufs)
            stage_key = wpick(r, {"C": .6, "CH": .4})
            inst.subjects = subjects_for(r, stage_key)
            lic = self.share("licensed_wording", inst.kind, .40) if inst.kind == "npo_subject" else r.random() < .4
            scope, used = scope_subject(r, stage_key, lic, subjects=inst.subjects)
            if used:
                inst.tag("licensed_school_wording", -1)
            dom = None
        else:
            suf, dom = pick(r, V.OLD_NPO_NONSUBJ)
            sufs = [suf, "培训学校" if dom != "voc" else "职业培训学校"]
            scope = scope_nonsubject(r, dom) if dom != "voc" else scope_vocational(r)
        name = None
        city = r.random() < .25
        for suf in sufs:
            for cand in ([f"巴彦淖尔市{inst.brand}{suf}"] if city else []) + [f"{cn}{inst.brand}{suf}",
                                                                           f"巴彦淖尔市{cn}{inst.brand}{suf}"]:
                if self.claim(cand):
                    name = cand
                    break
            if name:
                break
        assert name
        region = "150800" if name.startswith("巴彦淖尔市") and cn not in name else inst.county
        founded = self.founded_date(lo=2008)
        if no_code is False and subject and inst.kind == "npo_subject" and self.share("npo_subject_no_code", "npo_subject"):
            no_code = True
        code = "" if no_code else self.mint.make("52", region, "MJ")
        sup = (f"{cn}教育局" if region != "150800" else "巴彦淖尔市教育局") if subject else \
            {"arts": "巴彦淖尔市文化旅游广电局", "sports": "巴彦淖尔市体育局", "voc": "巴彦淖尔市人力资源和社会保障局",
             "sci": "巴彦淖尔市科学技术局"}[dom]
        statuses = [(founded, "normal")]
        if cancelled_before is None and not subject:
            x = r.random()
            if x < SHARE["npo_nonsubj_cancelled_before"]:
                cancelled_before = True
            elif x < SHARE["npo_nonsubj_cancelled_before"] + SHARE["npo_nonsubj_cancelled_in"]:
                cancelled_before = False
                cm = r.randrange(self.first + 1, self.last + 1) if self.last > self.first else self.first
                statuses.append((rand_day(r, cm), "cancelled"))
        if cancelled_before:
            cd = founded + timedelta(days=r.randrange(200, 2000))
            if cd >= POLICY_START:
                cd = date(2021, r.randint(1, 6), r.randint(1, 28))
            if cd <= founded:
                cd = founded + timedelta(days=30)
            statuses.append((cd, "cancelled"))
        prefix = V.COUNTY_SHORT[inst.county] if region != "150800" else "巴"
        o = Reg("old_npo", name=name, code=code, type="民办非企业单位", founded=founded,
                capital=pick(r, [3, 5, 10, 30]), authority=self.authority_for(region, civil=True), supervisor=sup,
                address=inst.address, person=inst.person,
                cert_no=f"{prefix}民证字第{r.randrange(1, 900):04d}号",
                scopes=[(founded, scope)], statuses=statuses)
        o.region = region
        inst.old_npo = o
        if subject and inst.kind == "npo_subject" and r.random() < SHARE["npo_change"] and self.last > self.first:
            cm = r.randrange(self.first + 1, self.last + 1)
            d = rand_day(r, cm)
            new_scope = npo_scope(r, scope, subjects=getattr(inst, "subjects", None))
            o.scopes.append((d, new_scope))
            o.change_date = d

    def make_group(self, inst):
        r = self.r
        cands = [(n, s, sc, "150800", None) for n, s, sc in V.SOCIAL_GROUPS]
        for c, cn, _, _ in V.COUNTIES:
            cands += [(f"{cn}{suf}", f"{cn}{supw}", sc, c, c) for suf, supw, sc in V.COUNTY_GROUPS]
        cands = [x for x in cands if x[0] not in self.used_names]
        if not cands:
            raise RuntimeError("groups exhausted")
        own = [x for x in cands if x[4] in (None, inst.county)]
        name, sup, sc, region, county = pick(r, own or cands)
        self.claim(name)
        if county and county != inst.county:
            inst.county = county
            inst.address = self.make_address(county)
        founded = self.founded_date(lo=2000)
        scope = compose(r, [item(sc, "filler")], sep="；")
        g = Reg("group", name=name, code=self.mint.make("51", region, "MJ"), type="社会团体", founded=founded,
                capital=pick(r, [3, 5, 10]), authority=self.authority_for(region, civil=True), supervisor=sup,
                address=inst.address, person=inst.person, cert_no=f"巴社证字第{r.randrange(1, 400):04d}号",
                scopes=[(founded, scope)], statuses=[(founded, "normal")])
        g.region = region
        inst.group = g

    # ---------------------------------------------------------- timelines
    def build_timeline(self, inst):
        r = self.r
        ent = inst.ent
        if ent is None:
            return
        f_m = month_of(ent.founded)
        earliest = max(self.first + 1, f_m + 1)
        if inst.kind == "undet_then_clear":
            if inst.plan["to_subject"]:
                a = r.randrange(earliest, self.last + 1) if earliest <= self.last else self.last + 1
                lag = wpick(r, {0: .4, 1: .4, 2: .2})
                c = a + lag if inst.outcome == "completed" else None
                if c is not None and c > self.last:
                    inst.outcome = "in_progress"
                    c = None
                self.plan_rereg(inst, a, c, clear_subject_scope(r))
            else:
                m = r.randrange(earliest, self.last + 1) if earliest <= self.last else self.last + 1
                ent.scopes.append((rand_day(r, m), exit_scope_for(r)))
            return
        o = inst.outcome
        if o is None:
            # not required: occasional cancellation
            if r.random() < SHARE["nonreq_cancel"] and earliest <= self.last:
                ent.statuses.append((rand_day(r, r.randrange(earliest, self.last + 1)), "cancelled"))
            return
        if o == "completed":
            c = max(mi(wpick(r, COMPLETE_DIST)), f_m + 1)
            lag = wpick(r, APP_LAG)
            a = max(c - lag, f_m, mi("2021-08"))
            scope = npo_scope(r, ent.scopes[0][1], getattr(inst, "mixed_domain", None), getattr(inst, "subjects", None))
            self.plan_rereg(inst, a, c, scope)
        elif o == "in_progress":
            a = max(mi(wpick(r, INPROG_APP_DIST)), f_m + 1)
            scope = npo_scope(r, ent.scopes[0][1], getattr(inst, "mixed_domain", None), getattr(inst, "subjects", None))
            self.plan_rereg(inst, a, None, scope)
        elif o.startswith("exit_"):
            m = max(mi(wpick(r, EXIT_DIST)), f_m + 1)
            if o == "exit_scope":
                m = max(m, earliest)
                ent.scopes.append((rand_day(r, m), exit_scope_for(r, preschool=inst.kind == "subject_preschool")))
            else:
                st = {"exit_cancel": "cancelled", "exit_moved": "moved",
                      "exit_revoke": pick(r, ["revoked", "revoked_unc"])}[o]
                ent.statuses.append((rand_day(r, m), st))
        elif o == "not_started":
            if self.deal("suspended", {True: SHARE["suspended"], False: 1 - SHARE["suspended"]},
                         sum(1 for i in self.insts if i.outcome == "not_started")) and earliest <= self.last:
                m = r.randrange(earliest, self.last + 1)
                ent.statuses.append((rand_day(r, m), pick(r, ["suspended", "liquidating"])))
                inst.tag("suspended_not_exit", m)

    def plan_rereg(self, inst, a, c, scope):
        """Application accepted in month a, registered in month c (None: still pending)."""
        r = self.r
        ent = inst.ent
        accept = rand_day(r, a)
        if accept <= ent.founded:
            accept = ent.founded + timedelta(days=3)
        city = r.random() < .15 and not getattr(inst, "chain", False)
        npo_name = self.npo_name(inst, city_level=city)
        pending_at_first = accept <= mend(self.first) and (c is None or c > self.first)
        in_snap = r.random() < SHARE["app_in_snapshot"] or (a < self.first and pending_at_first)
        inst.app = App(accept, in_snap, npo_name, scope)
        inst.app_month = a
        if c is None:
            inst.reg_month = None
            return
        reg = rand_day(r, c)
        if c == a and reg < accept:
            reg, accept = accept, reg
            inst.app.accept = accept
        region = "150800" if (npo_name.startswith("巴彦淖尔市") and V.COUNTY_NAME[inst.county] not in npo_name) \
            else inst.county
        person = inst.person if r.random() < .88 else Person(r)
        address = inst.address if r.random() < .85 else self.make_address(inst.county)
        cn = V.COUNTY_NAME[inst.county]
        npo = Reg("npo", name=npo_name, code=self.mint.make("52", region, "MJ"),
                  type=pick(r, ["民办非企业单位", "民办非企业单位", "民办非企业单位（法人）", "社会服务机构"]),
                  founded=reg, capital=pick(r, [3, 5, 10, 20, 30]), authority=self.authority_for(region, civil=True),
                  supervisor=f"{cn}教育局" if region != "150800" else "巴彦淖尔市教育局",
                  address=address, person=person,
                  cert_no=f"{V.COUNTY_SHORT[inst.county] if region != '150800' else '巴'}民证字第{r.randrange(100, 999):04d}号",
                  scopes=[(reg, scope)], statuses=[(reg, "normal")])
        npo.region = region
        inst.npo = npo
        inst.reg_month = c
        inst.former_from = c if r.random() >= SHARE["former_never"] else None
        lag = wpick(r, ENT_CANCEL_LAG)
        if lag >= 0:
            cm = c + lag
            d = rand_day(r, cm, lo=reg.day if cm == c else 1)
            if d < reg:
                d = reg
            ent.statuses.append((d, "cancelled"))

    # ---------------------------------------------------------- hard cases needing several institutions' plans
    def assign_hard_cases(self):
        r = self.r
        first, last = self.first, self.last
        comp = [i for i in self.insts if i.npo is not None]
        r.shuffle(comp)
        # 1. the same application in the civil snapshot and the business list, names differing
        elig = [i for i in comp if first <= i.app_month < i.reg_month and not hasattr(i, "sister")]
        for inst in elig[:int(round(SHARE["app_in_both_lists"] * len(comp)))]:
            inst.app.in_snapshot = True
            canonical = inst.npo.name
            variant = self.name_variant_app(inst, canonical)
            if variant is None:
                continue
            if r.random() < .5:
                inst.app.first_snap_name, inst.app.list_name = canonical, variant
            else:
                inst.app.first_snap_name, inst.app.list_name = variant, canonical
            inst.app.snap_name = canonical
            inst.tag("app_in_both_lists", inst.app_month)
            inst.case1 = True
        # 2. a later civil registration joining its application: registration named with a prefix the
        #    application lacked (or the reverse), no former code when it arrives
        elig = [i for i in comp if first <= i.app_month < i.reg_month <= last and not getattr(i, "case1", False)]
        n2 = int(round(SHARE["rereg_joins_application"] * len(comp)))
        done = 0
        for inst in elig:
            if done >= n2:
                break
            cn = V.COUNTY_NAME[inst.county]
            core = inst.npo.name.replace("巴彦淖尔市", "").replace(cn, "")
            bare = core
            full = f"巴彦淖尔市{core}" if r.random() < .5 else f"巴彦淖尔市{cn}{core}"
            self.used_names.discard(inst.npo.name)
            if bare in self.used_names or full in self.used_names or bare == full:
                self.used_names.add(inst.npo.name)
                continue
            self.used_names.update((bare, full))
            inst.app.snap_name = inst.app.list_name = bare
            inst.npo.name = full
            if full.startswith("巴彦淖尔市") and cn not in full:
                inst.npo.region = "150800"
                inst.npo.code = self.mint.make("52", "150800", "MJ")
                inst.npo.authority = "巴彦淖尔市民政局"
            inst.former_from = None if r.random() < .5 else (
                inst.reg_month + 1 if inst.reg_month < last else None)
            inst.tag("rereg_joins_application", inst.reg_month)
            inst.case2 = True
            done += 1
        # 6. splits healed by a later former code: new brand, no former code until a later month
        elig = [i for i in comp if first <= i.reg_month < last and not getattr(i, "case1", False)
                and not getattr(i, "case2", False) and not hasattr(i, "sister")]
        n6 = int(round(SHARE["split_healed"] * len(comp)))
        for inst in elig[:n6]:
            if not self.rebrand_npo(inst):
                continue
            inst.former_from = r.randrange(inst.reg_month + 1, last + 1)
            if r.random() < .5:
                inst.npo.person = Person(r)
            inst.case6 = True
            inst.tag("split_healed_by_former_code", min(inst.app_month, inst.reg_month) if inst.app_month >= first
                     else inst.reg_month)
        # new brand at re-registration but the former code shown from the start
        elig = [i for i in comp if not any(getattr(i, c, False) for c in ("case1", "case2", "case6"))
                and not hasattr(i, "sister")]
        for inst in elig[n6:n6 + int(round(SHARE["name_changed_linked"] * len(comp)))]:
            if self.rebrand_npo(inst):
                inst.former_from = inst.reg_month
        # 4. sister-company ties: the non-profit often arrives without a former code
        for inst in comp:
            if hasattr(inst, "sister") and not getattr(inst, "case2", False):
                x = r.random()
                if x < .6:
                    inst.former_from = None
                elif inst.reg_month < last:
                    inst.former_from = r.randrange(inst.reg_month + 1, last + 1)
        # 3. market rows without a usable code and with a variant name
        ents = [i for i in self.insts if i.ent is not None]
        r.shuffle(ents)
        n3 = int(round(SHARE["market_codeless_variant"] * len(ents)))
        done = 0
        for inst in ents:
            if done >= n3:
                break
            ent = inst.ent
            lo = max(first + 1, month_of(ent.founded) + 1)
            quiet = [m for m in range(lo, last + 1) if not self.ent_changes_in(ent, m) and m not in inst.specials]
            if not quiet:
                continue
            m = pick(r, quiet)
            variant = self.name_variant_ent(inst)
            if variant is None:
                continue
            mode = wpick(r, {"blank": .3, "na": .25, "typo": .25, "sci": .2})
            if mode == "sci" and not ent.code.isdigit():
                self.recode_all_digit(inst)
            inst.specials[m] = {"code_mode": mode, "name": variant}
            inst.tag("market_row_codeless_variant", m)
            done += 1
        # 12. a code-less or Excel-damaged market row in the month its enterprise is cancelled
        cands = []
        for inst in self.insts:
            if inst.ent is None or inst.outcome is None:
                continue
            for d, st in inst.ent.statuses:
                if st == "cancelled" and first + 1 <= month_of(d) <= last:
                    cands.append((inst, month_of(d)))
        r.shuffle(cands)
        req = [i for i in self.insts if i.outcome is not None]
        n12 = int(round(SHARE["codeless_then_cancelled"] * len(req)))
        for inst, m in cands[:n12]:
            if m in inst.specials:
                continue
            mode = wpick(r, {"blank": .3, "na": .2, "sci": .3, "typo": .2})
            if mode == "sci" and not inst.ent.code.isdigit():
                self.recode_all_digit(inst)
            spec = {"code_mode": mode, "name": None}
            if r.random() < .5:
                spec["name"] = self.name_variant_ent(inst)
            inst.specials[m] = spec
            inst.tag("codeless_row_then_cancelled", m)
        # names claimed by variants must not collide with real ones: checked in name_variant_*

    def rebrand_npo(self, inst):
        old = inst.npo.name
        nb = self.new_brand()
        new = old.replace(inst.brand, nb, 1)
        if new == old or new in self.used_names:
            return False
        self.used_names.discard(old)
        self.used_names.add(new)
        inst.npo.name = new
        inst.app.snap_name = inst.app.list_name = new
        inst.npo_brand = nb
        inst.name_changed = True
        return True

    def ent_changes_in(self, ent, m):
        return any(month_of(d) == m for d, _ in ent.scopes[1:]) or any(month_of(d) == m for d, _ in ent.statuses[1:])

    def recode_all_digit(self, inst):
        ent = inst.ent
        self.mint.used.discard(ent.code)
        prefix = ent.code[:2]
        ent.code = self.mint.make(prefix, ent.code[2:8], "digits", all_digit=True)

    def name_variant_ent(self, inst):
        r = self.r
        ent = inst.ent
        name = ent.name
        cn = V.COUNTY_NAME[inst.conflict_county or inst.county]
        cands = []
        if name.startswith("巴彦淖尔市" + cn):
            cands += [name[len("巴彦淖尔市"):], name.replace("巴彦淖尔市" + cn, "巴彦淖尔市", 1)]
        elif name.startswith(cn):
            cands += ["巴彦淖尔市" + name]
        elif name.startswith("巴彦淖尔市"):
            cands += [name[len("巴彦淖尔市"):], "巴彦淖尔市" + cn + name[len("巴彦淖尔市"):]]
        elif not name.startswith("内蒙古"):
            cands += ["巴彦淖尔市" + name]
        if name.endswith("有限责任公司"):
            cands.append(name[:-len("有限责任公司")] + "有限公司")
        elif name.endswith("有限公司") and not name.endswith("股份有限公司"):
            cands.append(name[:-len("有限公司")] + "有限责任公司")
        r.shuffle(cands)
        for c in cands:
            if c not in self.used_names:
                self.used_names.add(c)
                return c
        return None

    def name_variant_app(self, inst, canonical):
        r = self.r
        cn = V.COUNTY_NAME[inst.county]
        cands = []
        if canonical.startswith("巴彦淖尔市"):
            cands.append(canonical[len("巴彦淖尔市"):])
        elif canonical.startswith(cn):
            cands.append("巴彦淖尔市" + canonical)
        brand = getattr(inst, "npo_brand", inst.brand)
        pos = [k for k, c in enumerate(brand) if c in V.SIMILAR]
        if pos:
            p = pick(r, pos)
            nb = brand[:p] + V.SIMILAR[brand[p]] + brand[p + 1:]
            if nb not in self.used_brands:
                cands.append(canonical.replace(brand, nb, 1))
        if canonical.endswith("学校"):
            cands.append(canonical[:-2] + "学较")
        r.shuffle(cands)
        for c in cands:
            if c not in self.used_names:
                self.used_names.add(c)
                return c
        return None


# ============================================================== monthly logical records
class LRec:
    __slots__ = ("inst", "registry", "layout_kind", "role", "reg", "name", "status", "scope", "code",
                 "code_mode", "date", "biz_type", "done_date", "former", "quiet", "special", "meta", "county")

    def __init__(self, **kw):
        self.code_mode = "normal"
        self.former = ""
        self.quiet = False
        self.special = False
        self.biz_type = ""
        self.done_date = None
        self.date = None
        for k, v in kw.items():
            setattr(self, k, v)


def month_records(world, m):
    """Logical records of month m: market snapshot, civil snapshot, civil business list."""
    end = mend(m)
    out = []
    for inst in world.insts:
        ent = inst.ent
        if ent is not None and ent.founded <= end:
            st = state_at(ent.statuses, end)
            sc = state_at(ent.scopes, end)
            spec = inst.specials.get(m)
            rec = LRec(inst=inst, registry="market", layout_kind="snapshot", role="ent", reg=ent,
                       name=spec["name"] if spec and spec.get("name") else ent.name, status=st, scope=sc,
                       code=ent.code, date=ent.founded, county=inst.county)
            if spec:
                rec.code_mode = spec["code_mode"]
                rec.special = True
            out.append(rec)
        for reg in (inst.old_npo, inst.group):
            if reg is not None and reg.founded <= end:
                out.append(LRec(inst=inst, registry="civil", layout_kind="snapshot", role=reg.role, reg=reg,
                                name=reg.name, status=state_at(reg.statuses, end), scope=state_at(reg.scopes, end),
                                code=reg.code, date=reg.founded, county=inst.county))
                cd = getattr(reg, "change_date", None)
                if cd is not None and month_of(cd) == m:
                    out.append(LRec(inst=inst, registry="civil", layout_kind="business_list", role=reg.role,
                                    reg=reg, name=reg.name, status="normal", scope=state_at(reg.scopes, end),
                                    code=reg.code, date=reg.founded, biz_type="变更登记", done_date=cd,
                                    county=inst.county, special=True))
                for d, s in reg.statuses[1:]:
                    if s == "cancelled" and month_of(d) == m:
                        out.append(LRec(inst=inst, registry="civil", layout_kind="business_list", role=reg.role,
                                        reg=reg, name=reg.name, status="cancelled", scope=state_at(reg.scopes, end),
                                        code=reg.code, date=reg.founded, biz_type="注销登记", done_date=d,
                                        county=inst.county, special=True))
        app, npo = inst.app, inst.npo
        if app is not None:
            pending = app.accept <= end and (npo is None or npo.founded > end)
            if pending and app.in_snapshot:
                nm = app.snap_name
                if month_of(app.accept) == m and app.first_snap_name:
                    nm = app.first_snap_name
                out.append(LRec(inst=inst, registry="civil", layout_kind="snapshot", role="app", reg=None, name=nm,
                                status="pending_new" if month_of(app.accept) == m else "pending", scope=app.scope,
                                code="", county=inst.county, special=month_of(app.accept) == m))
            if month_of(app.accept) == m:
                out.append(LRec(inst=inst, registry="civil", layout_kind="business_list", role="app", reg=None,
                                name=app.list_name, status="pending_new", scope=app.scope, code="", biz_type="受理",
                                done_date=app.accept, county=inst.county, special=True))
        if npo is not None and npo.founded <= end:
            former = inst.ent.code if (inst.former_from is not None and m >= inst.former_from) else ""
            out.append(LRec(inst=inst, registry="civil", layout_kind="snapshot", role="npo", reg=npo, name=npo.name,
                            status=state_at(npo.statuses, end), scope=state_at(npo.scopes, end), code=npo.code,
                            date=npo.founded, former=former, county=inst.county,
                            special=month_of(npo.founded) == m or (former != "" and inst.former_from == m)))
            if month_of(npo.founded) == m:
                out.append(LRec(inst=inst, registry="civil", layout_kind="business_list", role="npo", reg=npo,
                                name=npo.name, status="normal", scope=state_at(npo.scopes, end), code=npo.code,
                                date=npo.founded, biz_type="成立登记", done_date=npo.founded, former=former,
                                county=inst.county, special=True))
    return out


def signature(rec):
    return (rec.role, rec.layout_kind, rec.status, rec.scope.text if rec.scope else "", rec.name, rec.code, rec.former)


# ============================================================== layouts
D_ISO, D_SLASH, D_DOT, D_COMPACT, D_CN, D_CNFW, D_TIME, D_SERIAL = range(8)


def fmt_date(d, style):
    if d is None:
        return ""
    if style == D_ISO:
        return d.isoformat()
    if style == D_SLASH:
        return d.strftime("%Y/%m/%d")
    if style == D_DOT:
        return d.strftime("%Y.%m.%d")
    if style == D_COMPACT:
        return d.strftime("%Y%m%d")
    if style == D_CN:
        return f"{d.year}年{d.month:02d}月{d.day:02d}日"
    if style == D_CNFW:
        return fullwidth(f"{d.year}年{d.month:02d}月{d.day:02d}日")
    if style == D_TIME:
        return d.isoformat() + " 00:00:00"
    return str((d - date(1899, 12, 30)).days)


def fmt_capital(amt, style, r):
    if style == 0:
        return f"{amt}(万)"
    if style == 1:
        return f"{amt}(万人民币元)"
    if style == 2:
        return f"{amt:,}(万)" if amt >= 1000 else f"{amt}(万)"
    if style == 3:
        return f"{amt}.000000万人民币"
    if style == 4:
        return f"{amt}万元"
    return str(amt * 10000)


MARKET_ACTIVE_WORDS = {"MA": ["存续"], "MB": ["在业", "存续"], "MC": ["存续（在营、开业、在册）"], "MD": ["在业"],
                       "ME": ["存续", "在业"], "MF": ["存续"]}
ENT_STATUS_WORD = {"cancelled": "注销", "revoked": "吊销", "revoked_unc": "吊销，未注销", "moved": "迁出",
                   "suspended": "停业", "liquidating": "清算", "annulled": "撤销"}

LAYOUTS = {
    # ---------------- market regulation
    "MA": dict(registry="market_regulation", kind="snapshot", fmt="csv", enc="gb18030", bom=False, nl="\r\n",
               excel=True, titles=["{group}市场主体登记信息", "导出日期：{asof_cn}"], pad_titles=True, footer="合计",
               cols=[("序号", "seq"), ("企业名称", "name"), ("统一社会信用代码", "code"), ("企业类型", "type"),
                     ("法定代表人", "rep"), ("成立日期", "founded"), ("注册资本", "capital"), ("登记状态", "status"),
                     ("登记机关", "authority"), ("住所", "address"), ("经营范围", "scope"), ("蒙古文名称", "mongol")],
               dates={D_SLASH: .8, D_SERIAL: .2}, capital=[0, 2], null="", ascii_brackets=.3, quote_all=False,
               name="{prefix}市场主体登记信息_{group_py}_{yyyymm}.csv"),
    "MB": dict(registry="market_regulation", kind="snapshot", fmt="csv", enc="utf-8", bom=True, nl="\n",
               excel=False, titles=[], footer=None, trailing_blank=True,
               cols=[("XH", "seq"), ("QYMC", "name"), ("TYSHXYDM", "code"), ("QYLX", "type"), ("FDDBR", "rep"),
                     ("CLRQ", "founded"), ("ZCZB", "capital"), ("DJZT", "status"), ("DJJG", "authority"),
                     ("ZS", "address"), ("JYFW", "scope"), ("SZSF", "province")],
               dates={D_COMPACT: .6, D_TIME: .4}, capital=[1, 3], null="N/A", ascii_brackets=.6, quote_all=False,
               name="qydj_{group_py}_{yyyymm}.csv"),
    "MC": dict(registry="market_regulation", kind="snapshot", fmt="xml", enc="gbk", decl="GBK", xml="elements",
               root=("DATA", "RECORD"),
               cols=[("QYMC", "name"), ("TYSHXYDM", "code"), ("QYLX", "type"), ("FDDBR", "rep"),
                     ("CLRQ", "founded"), ("ZCZB", "capital"), ("DJZT", "status"), ("DJJG", "authority"),
                     ("ZS", "address"), ("JYFW", "scope")],
               dates={D_CN: .85, D_CNFW: .15}, capital=[0, 4], null="", ascii_brackets=0.0,
               name="scjg_{group_py}_{yyyymm}.xml"),
    "MD": dict(registry="market_regulation", kind="snapshot", fmt="xml", enc="utf-8", decl="UTF-8", xml="attributes",
               root=("rows", "row"),
               cols=[("企业名称", "name"), ("统一社会信用代码", "code"), ("注册号", "regno"), ("企业类型", "type"),
                     ("法人代表", "rep"), ("注册日期", "founded"), ("注册资金", "capital"), ("经营状态", "status"),
                     ("登记机关", "authority"), ("注册地址", "address"), ("经营范围", "scope"), ("地区", "district")],
               dates={D_DOT: .9, D_ISO: .1}, capital=[3, 0], null="", ascii_brackets=.5,
               name="企业信息_{group}_{yyyymm}.xml"),
    "ME": dict(registry="market_regulation", kind="snapshot", fmt="csv", enc="utf-8", bom=False, nl="\r\n",
               excel=False, titles=["企业信息查询结果"], pad_titles=False, footer=None, blank_inside=True,
               cols=[("序号", "seq"), ("地区", "district"), ("企业名称", "name"), ("统一社会信用代码", "code"),
                     ("注册号", "regno"), ("企业类型", "type"), ("法人代表", "rep"), ("法定代表人身份证号", "rep_id"),
                     ("联系电话", "phone"), ("注册日期", "founded"), ("注册资金", "capital"), ("经营状态", "status"),
                     ("登记机关", "authority"), ("注册地址", "address"), ("经营范围", "scope"), ("所在省份", "province")],
               dates={D_ISO: .85, D_CNFW: .1, D_DOT: .05}, capital=[4, 2, 0], null="N/A", ascii_brackets=.2,
               quote_all=True, name="enterprise_export_{group_py}_{yyyymm}.csv"),
    "MF": dict(registry="market_regulation", kind="snapshot", fmt="xml", enc="gb18030", decl="GB18030",
               xml="elements", root=("RECORDS", "RECORD"), meta_block=True,
               cols=[("企业名称", "name"), ("统一社会信用代码", "code"), ("企业类型", "type"), ("法定代表人", "rep"),
                     ("成立日期", "founded"), ("注册资本", "capital"), ("登记状态", "status"),
                     ("登记机关", "authority"), ("住所", "address"), ("经营范围", "scope"), ("行业门类", "industry"),
                     ("蒙古文名称", "mongol")],
               dates={D_TIME: .7, D_ISO: .3}, capital=[0, 1], null="", ascii_brackets=.1,
               name="市场监管_企业登记_{group}_{yyyymm}.xml"),
    # ---------------- civil affairs snapshot
    "CA": dict(registry="civil_affairs", kind="snapshot", fmt="xml", enc="utf-8", decl="UTF-8", xml="elements",
               root=("DATA", "RECORD"),
               cols=[("SHZZMC", "name"), ("TYSHXYDM", "code"), ("FDDBR", "rep"), ("CLRQ", "founded"),
                     ("DJZT", "status"), ("DJJG", "authority"), ("YWZGDW", "supervisor"), ("ZS", "address"),
                     ("YWFW", "scope"), ("YTYSHXYDM", "former"), ("KBZJ", "funds"), ("DJZH", "cert_no")],
               dates={D_ISO: 1.0}, capital=[4], null="", ascii_brackets=.2, name="mz_shzz_{yyyymm}.xml"),
    "CB": dict(registry="civil_affairs", kind="snapshot", fmt="csv", enc="gb18030", bom=False, nl="\r\n",
               excel=False, titles=["巴彦淖尔市社会组织信息（截至{asof_cn}）"], pad_titles=False, footer="总计",
               cols=[("序号", "seq"), ("社会组织名称", "name"), ("统一社会信用代码", "code"), ("登记证号", "cert_no"),
                     ("社会组织类型", "org_type"), ("法定代表人", "rep"), ("法定代表人身份证号", "rep_id"),
                     ("联系电话", "phone"), ("成立登记日期", "founded"), ("登记状态", "status"),
                     ("登记管理机关", "authority"), ("业务主管单位", "supervisor"), ("住所", "address"),
                     ("业务范围", "scope"), ("开办资金", "funds"), ("原统一社会信用代码", "former")],
               dates={D_CN: .9, D_SLASH: .1}, capital=[4], null="", ascii_brackets=.3, quote_all=False,
               name="民政_社会组织名录_{yyyymm}.csv"),
    "CE": dict(registry="civil_affairs", kind="snapshot", fmt="xml", enc="gbk", decl="GBK", xml="attributes",
               root=("rows", "row"),
               cols=[("社会组织名称", "name"), ("统一社会信用代码", "code"), ("社会组织类型", "org_type"),
                     ("法定代表人", "rep"), ("成立登记日期", "founded"), ("登记状态", "status"),
                     ("登记管理机关", "authority"), ("业务主管单位", "supervisor"), ("住所", "address"),
                     ("业务范围", "scope"), ("注册资金", "funds"), ("原统一社会信用代码", "former")],
               dates={D_COMPACT: .9, D_ISO: .1}, capital=[4], null="", ascii_brackets=0.0,
               name="社会组织登记信息_{yyyymm}.xml"),
    "CF": dict(registry="civil_affairs", kind="snapshot", fmt="csv", enc="utf-8", bom=True, nl="\n", excel=False,
               titles=[], footer=None,
               cols=[("SHZZMC", "name"), ("TYSHXYDM", "code"), ("FDDBR", "rep"), ("CLRQ", "founded"),
                     ("DJZT", "status"), ("ZS", "address"), ("YWFW", "scope"), ("YWZGDW", "supervisor"),
                     ("YTYSHXYDM", "former"), ("地区", "district")],
               dates={D_SLASH: .7, D_SERIAL: .3}, capital=[4], null="N/A", ascii_brackets=.4, quote_all=False,
               name="shzz_snapshot_{yyyymm}.csv"),
    # ---------------- civil affairs monthly business list
    "BA": dict(registry="civil_affairs", kind="business_list", fmt="csv", enc="utf-8", bom=True, nl="\r\n",
               excel=False, titles=["巴彦淖尔市民政局社会组织登记业务办理情况（{y}年{m}月）"], pad_titles=True,
               footer="合计",
               cols=[("序号", "seq"), ("业务类型", "biz_type"), ("社会组织名称", "name"), ("统一社会信用代码", "code"),
                     ("社会组织类型", "org_type"), ("法定代表人", "rep"), ("住所", "address"), ("业务范围", "scope"),
                     ("开办资金", "funds"), ("办结日期", "done_date"), ("登记状态", "status"),
                     ("登记管理机关", "authority"), ("业务主管单位", "supervisor")],
               dates={D_ISO: .9, D_CN: .1}, capital=[4], null="", ascii_brackets=.2, quote_all=False,
               name="民政局登记业务_{yyyymm}.csv"),
    "BB": dict(registry="civil_affairs", kind="business_list", fmt="xml", enc="gb18030", decl="GB18030",
               xml="attributes", root=("rows", "row"),
               cols=[("序号", "seq"), ("业务类型", "biz_type"), ("社会组织名称", "name"), ("统一社会信用代码", "code"),
                     ("法定代表人", "rep"), ("住所", "address"), ("业务范围", "scope"), ("办结日期", "done_date"),
                     ("登记状态", "status"), ("登记管理机关", "authority")],
               dates={D_CN: .8, D_CNFW: .2}, capital=[4], null="", ascii_brackets=0.0,
               name="mzj_ywbl_{yyyymm}.xml"),
    "BC": dict(registry="civil_affairs", kind="business_list", fmt="csv", enc="gb18030", bom=False, nl="\n",
               excel=False, titles=[], footer=None,
               cols=[("序号", "seq"), ("业务类型", "biz_type"), ("社会组织名称", "name"), ("统一社会信用代码", "code"),
                     ("原统一社会信用代码", "former"), ("社会组织类型", "org_type"), ("法定代表人", "rep"),
                     ("联系电话", "phone"), ("办结日期", "done_date"), ("登记状态", "status"), ("住所", "address"),
                     ("业务范围", "scope")],
               dates={D_DOT: .8, D_COMPACT: .2}, capital=[4], null="", ascii_brackets=.3, quote_all=False,
               name="登记业务办理情况_{yyyymm}.csv"),
}
GROUPS = [("G1", ["150802"], "临河区", "linhe"), ("G2", ["150821", "150822", "150826"], "五原磴口杭后", "wdh"),
          ("G3", ["150823", "150824", "150825"], "乌拉特三旗", "wlt")]
ROTATION = [  # per month of the campaign (cycled): market layouts for G1..G3, civil snapshot, business list
    (("MA", "MB", "MC"), "CA", "BA"),
    (("ME", "MA", "MD"), "CB", "BB"),
    (("MB", "MF", "MA"), "CF", "BC"),
    (("MA", "MD", "ME"), "CE", "BA"),
    (("MF", "ME", "MB"), "CB", "BC"),
]
INDUSTRY_CATS = ["教育", "租赁和商务服务业", "文化、体育和娱乐业", "科学研究和技术服务业", "居民服务、修理和其他服务业"]


class Renderer:
    def __init__(self, world, m, r):
        self.world, self.m, self.r = world, m, r
        self.asof = mend(m)

    # --------------------------------------------------------- field values
    def values(self, rec, lay, seq):
        r = self.r
        reg = rec.reg
        inst = rec.inst
        v = {}
        v["seq"] = str(seq)
        v["name"] = self.noisy_name(rec.name, lay)
        code_s, state = self.render_code(rec, lay)
        v["code"] = code_s
        v["regno"] = (reg.regno if reg is not None and rec.role == "ent" else "") or lay["null"]
        if rec.role == "ent":
            t = reg.type
            if t == "个体工商户" and lay["id"] in ("MB", "ME") and r.random() < .6:
                t = "个体户"
            v["type"] = t
        v["org_type"] = {"npo": reg.type if reg else "", "old_npo": "民办非企业单位", "group": "社会团体",
                         "app": "民办非企业单位"}.get(rec.role, "")
        person = reg.person if reg is not None else inst.person
        if rec.role == "app":
            person = inst.npo.person if inst.npo is not None else inst.person
        v["rep"] = person.name if r.random() > .01 else person.name + " "
        v["rep_id"] = person.id_no
        v["phone"] = person.phone
        d = rec.date if rec.role != "app" else None
        v["founded"] = self.date(d, lay) if d else lay["null"]
        v["done_date"] = self.date(rec.done_date, lay) if rec.done_date else ""
        if reg is not None:
            amt = reg.capital
            v["capital"] = fmt_capital(amt, pick(r, lay["capital"]), r)
            v["funds"] = fmt_capital(amt, pick(r, lay["capital"]), r)
            v["authority"] = reg.authority
            v["supervisor"] = reg.supervisor or lay["null"]
            v["cert_no"] = reg.cert_no or lay["null"]
        else:
            v["capital"] = v["funds"] = lay["null"]
            cn = V.COUNTY_NAME[inst.county]
            city = rec.name.strip().startswith("巴彦淖尔市") and cn not in rec.name
            v["authority"] = "巴彦淖尔市民政局" if city else f"{cn}民政局"
            v["supervisor"] = "巴彦淖尔市教育局" if city else f"{cn}教育局"
            v["cert_no"] = lay["null"]
        v["status"] = self.status_word(rec, lay)
        addr = (reg.address if reg is not None else (inst.npo.address if inst.npo is not None else inst.address))
        v["address"] = self.noisy_address(addr)
        sc = rec.scope.text if rec.scope else ""
        if lay.get("ascii_brackets", 0) and r.random() < lay["ascii_brackets"]:
            sc = sc.replace("（", "(").replace("）", ")")
        v["scope"] = sc
        v["former"] = rec.former or lay["null"]
        v["biz_type"] = rec.biz_type
        v["province"] = "内蒙古自治区"
        v["district"] = V.COUNTY_NAME[inst.county] if r.random() < .8 else "巴彦淖尔市"
        v["industry"] = pick(r, INDUSTRY_CATS)
        v["mongol"] = pick(r, V.MONGOL_SCRIPT) if r.random() < .03 else ""
        return v, state

    def date(self, d, lay):
        r = self.r
        style = wpick(r, lay["dates"])
        if r.random() < .06:
            style = pick(r, [D_ISO, D_SLASH, D_DOT, D_COMPACT, D_CN, D_CNFW, D_TIME] +
                         ([D_SERIAL] if lay["fmt"] == "csv" else []))
        return fmt_date(d, style)

    def status_word(self, rec, lay):
        r = self.r
        if rec.role == "ent":
            if rec.status == "active":
                return pick(r, MARKET_ACTIVE_WORDS.get(lay["id"], ["存续"]))
            return ENT_STATUS_WORD[rec.status]
        if rec.status == "pending_new":
            return "受理中"
        if rec.status == "pending":
            return pick(r, ["审查中", "受理中", "审查中"])
        return {"normal": "正常", "cancelled": "注销", "annulled": "撤销"}[rec.status]

    def noisy_name(self, name, lay):
        r = self.r
        if lay.get("ascii_brackets", 0) and r.random() < lay["ascii_brackets"]:
            name = name.replace("（", "(").replace("）", ")")
        x = r.random()
        if x < .025 and len(name) > 4:
            k = r.randrange(2, len(name) - 1)
            name = name[:k] + " " + name[k:]
        elif x < .04 and len(name) > 4:
            k = r.randrange(2, len(name) - 1)
            name = name[:k] + "\u3000" + name[k:]
        elif x < .05:
            name = " " + name
        return name

    def noisy_address(self, a):
        r = self.r
        x = r.random()
        if x < .3:
            a = a.replace("内蒙古自治区", "", 1)
        elif x < .45:
            a = a.replace("内蒙古自治区巴彦淖尔市", "", 1) if "经济技术开发区" not in a else a.replace("内蒙古自治区", "", 1)
        elif x < .5:
            a = a.replace("内蒙古自治区", "内蒙古", 1)
        if r.random() < .05:
            a = "".join(fullwidth(c) if c.isdigit() else c for c in a)
        return a

    def render_code(self, rec, lay):
        """The code as written, and what it is after any cleaning: ok, blank or invalid."""
        r = self.r
        code = rec.code
        mode = rec.code_mode
        excel = lay.get("excel", False)
        if not code:
            return (lay["null"] if lay["null"] else ""), "blank"
        if mode == "blank":
            return "", "blank"
        if mode == "na":
            return "N/A", "blank"
        if mode == "typo":
            t = typo_code(r, code)
            if excel and t.isdigit():
                return sci(t), "invalid"
            return t, "invalid"
        if mode == "sci":
            return sci(code), "invalid"
        if excel and code.isdigit():
            return sci(code), "invalid"
        x = r.random()
        if x < .03:
            return code.lower(), "ok"
        if x < .05:
            return code[:6] + " " + code[6:12] + " " + code[12:], "ok"
        if x < .07 and lay["fmt"] == "csv" and lay["enc"] == "utf-8":
            return "\ufeff" + code, "ok"
        if x < .10:
            return fullwidth(code), "ok"
        if x < .11:
            return code[:8] + "-" + code[8:], "ok"
        if x < .13:
            return code + " ", "ok"
        return code, "ok"

    # --------------------------------------------------------- files
    def render_file(self, lay_id, recs, fname, group_label):
        r = self.r
        lay = dict(LAYOUTS[lay_id])
        lay["id"] = lay_id
        order = recs[:]
        r.shuffle(order)
        if lay["kind"] == "business_list":
            order.sort(key=lambda x: (x.done_date or date(1900, 1, 1)))
        # exact duplicates
        rows = []   # (rec, values, code_state, damage)
        for rec in order:
            rows.append([rec, None, None, None])
            if r.random() < SHARE["duplicate"]:
                rows.append([rec, "DUP", None, None])
        seq = 0
        built = []
        for rec, dup, _, _ in rows:
            if dup == "DUP":
                prev = built[-1]
                built.append([prev[0], dict(prev[1]), prev[2], None])
                continue
            seq += 1
            vals, state = self.values(rec, lay, seq)
            built.append([rec, vals, state, None])
        # damage in place: only quiet records (state unchanged since last month, nothing special),
        # never a row that has an exact duplicate
        dup_of = {k - 1 for k in range(1, len(built)) if built[k][0] is built[k - 1][0]}
        can_moj = lay["enc"] == "utf-8"
        for k, b in enumerate(built):
            rec = b[0]
            if not rec.quiet or rec.special or k in dup_of or (k - 1) in dup_of:
                continue
            x = r.random()
            if lay["fmt"] == "csv" and x < SHARE["ragged"]:
                b[3] = "ragged_row"
            elif x < SHARE["ragged"] + SHARE["mojibake"] and can_moj:
                b[3] = "mojibake"
        # a damaged second copy of a row (the intact one stays): possible in any month
        out = []
        for k, b in enumerate(built):
            out.append(b)
            if b[3] is None and k not in dup_of and (k - 1) not in dup_of and r.random() < SHARE["damaged_copy"]:
                kinds = (["ragged_row"] if lay["fmt"] == "csv" else []) + (["mojibake"] if can_moj else [])
                if kinds:
                    out.append([b[0], dict(b[1]), b[2], pick(r, kinds)])
        built = out
        if lay["fmt"] == "csv":
            data, records = self.write_csv(lay, built, group_label)
        else:
            data, records = self.write_xml(lay, built, group_label)
        info = dict(source_file=fname, registry=lay["registry"], layout=lay["kind"], format=lay["fmt"],
                    encoding=lay["enc"], declared_encoding=lay.get("decl", ""),
                    bom="true" if lay.get("bom") else "false",
                    line_ending={"\r\n": "CRLF", "\n": "LF"}.get(lay.get("nl", ""), "LF"),
                    excel_saved="true" if lay.get("excel") else "false",
                    title_rows=str(len(lay.get("titles", []))), header_style=self.header_style(lay),
                    layout_id=lay_id, record_count=str(len(records)))
        return data, records, info

    def header_style(self, lay):
        heads = [h for h, _ in lay["cols"]]
        return "pinyin" if any(h in ("QYMC", "SHZZMC") for h in heads) else "chinese"

    def title_text(self, t, group_label):
        a = self.asof
        return t.format(group=group_label, asof_cn=f"{a.year}年{a.month}月{a.day}日", y=a.year, m=a.month)

    def write_csv(self, lay, built, group_label):
        r = self.r
        buf = io.StringIO()
        quoting = csv.QUOTE_ALL if lay.get("quote_all") else csv.QUOTE_MINIMAL
        w = csv.writer(buf, quoting=quoting, lineterminator=lay["nl"])
        ncol = len(lay["cols"])
        for t in lay.get("titles", []):
            tt = self.title_text(t, group_label)
            w.writerow([tt] + ([""] * (ncol - 1) if lay.get("pad_titles") else []))
        w.writerow([h for h, _ in lay["cols"]])
        records = []
        blank_at = r.randrange(len(built)) if (lay.get("blank_inside") and built) else -1
        for k, (rec, vals, state, damage) in enumerate(built):
            if k == blank_at and k > 0:
                buf.write(lay["nl"])
            cells = [vals.get(f, "") for _, f in lay["cols"]]
            if damage == "mojibake":
                cells = self.mojibake_cells(cells, lay)
                if r.random() < .5:
                    cells = self.ragged_cells(cells, lay)
            elif damage == "ragged_row":
                cells = self.ragged_cells(cells, lay)
            w.writerow(cells)
            records.append((rec, damage, state))
        if lay.get("footer"):
            n = len(built)
            cells = [lay["footer"], f"共{n}条"] + [""] * (ncol - 2)
            w.writerow(cells)
            records.append((None, "footer_row", "blank"))
        if lay.get("trailing_blank"):
            buf.write(lay["nl"])
        text = buf.getvalue()
        data = text.encode(lay["enc"])
        if lay.get("bom"):
            data = b"\xef\xbb\xbf" + data
        return data, records

    def ragged_cells(self, cells, lay):
        r = self.r
        heads = [f for _, f in lay["cols"]]
        if r.random() < .6 and "address" in heads:
            k = heads.index("address")
            a = cells[k]
            cut = max(1, len(a) // 2)
            return cells[:k] + [a[:cut], a[cut:]] + cells[k + 1:]
        k = r.randrange(1, len(cells))
        return cells[:k] + cells[k + 1:]

    def mojibake_cells(self, cells, lay):
        r = self.r
        heads = [f for _, f in lay["cols"]]
        out = cells[:]
        for f in ("name", "address", "scope"):
            if f in heads:
                k = heads.index(f)
                s = out[k]
                if len(s) > 3:
                    a = r.randrange(0, len(s) - 2)
                    b = min(len(s), a + r.randrange(2, 5))
                    out[k] = s[:a] + "\ufffd" * (b - a) + s[b:]
        return out

    def write_xml(self, lay, built, group_label):
        r = self.r
        root, recname = lay["root"]
        enc = lay["enc"]
        parts = [f'<?xml version="1.0" encoding="{lay["decl"]}"?>\n']
        if lay.get("meta_block"):
            a = self.asof
            parts.append("<EXPORT>\n  <META><导出单位>巴彦淖尔市市场监督管理局</导出单位>"
                         f"<导出日期>{a.isoformat()}</导出日期><地区>{esc(group_label)}</地区></META>\n")
        parts.append(f"<{root}>\n")
        records = []
        for rec, vals, state, damage in built:
            if damage == "mojibake":
                vals = dict(vals)
                heads = [f for _, f in lay["cols"]]
                cells = self.mojibake_cells([vals.get(f, "") for f in heads], lay)
                vals = dict(zip(heads, cells))
            elif damage == "ragged_row":
                damage = None
            if lay["xml"] == "elements":
                parts.append(f"  <{recname}>")
                for h, f in lay["cols"]:
                    val = vals.get(f, "")
                    if val == "" and r.random() < .5:
                        parts.append(f"<{h}/>")
                    else:
                        parts.append(f"<{h}>{esc(val)}</{h}>")
                parts.append(f"</{recname}>\n")
            else:
                attrs = []
                for h, f in lay["cols"]:
                    val = vals.get(f, "")
                    if val == "" and r.random() < .5:
                        continue
                    attrs.append(f'{h}="{esc(val, attr=True)}"')
                parts.append(f"  <{recname} " + " ".join(attrs) + "/>\n")
            records.append((rec, damage, state))
        parts.append(f"</{root}>\n")
        if lay.get("meta_block"):
            parts.append("</EXPORT>\n")
        text = "".join(parts)
        if enc == "gbk":
            data = text.encode("gbk", errors="xmlcharrefreplace")
        else:
            data = text.encode(enc)
        return data, records


def esc(s, attr=False):
    s = s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    if attr:
        s = s.replace('"', "&quot;").replace("\n", "&#10;").replace("\r", "&#13;").replace("\t", "&#9;")
    return s


# ============================================================== truth
class TState:
    def __init__(self):
        self.first = None
        self.seen = {}          # role -> latest accepted LRec
        self.app_seen = False
        self.required = None
        self.already_np = False
        self.rereg_visible = None


def current_scopes(ts, asof):
    active = []
    for role, rec in ts.seen.items():
        if role == "ent" and rec.status not in ENT_END:
            active.append(rec)
        elif role in ("npo", "old_npo", "group") and rec.status == "normal":
            active.append(rec)
        elif role == "app" and "npo" not in ts.seen:
            active.append(rec)
    if not active:
        active = [rec for role, rec in ts.seen.items() if role != "app"] or list(ts.seen.values())
    return active


def combine(recs):
    scopes = [x.scope for x in recs if x.scope is not None]
    cats = [s.cat for s in scopes]
    if "subject" in cats or "mixed" in cats:
        cat = "mixed" if ("mixed" in cats or "non_subject" in cats) else "subject"
        stages = set().union(*[s.stages for s in scopes if s.cat in ("subject", "mixed")])
        dept = "education"
    elif "non_subject" in cats:
        cat = "non_subject"
        ns = [s for s in scopes if s.cat == "non_subject"]
        dept = ns[0].dept
        stages = set().union(*[s.stages for s in ns])
    elif "undetermined" in cats:
        cat, dept = "undetermined", ""
        stages = set().union(*[s.stages for s in scopes if s.cat == "undetermined"])
    else:
        cat, dept, stages = "out_of_scope", "", set()
    disguised = any(s.disguised for s in scopes) and cat in ("subject", "mixed", "undetermined")
    return cat, dept, stages, disguised


def truth_rows(world, states, m, accepted, invalid_tids):
    asof = mend(m)
    rows = []
    for inst in world.insts:
        ts = states[inst.tid]
        for rec in accepted.get(inst.tid, []):
            if ts.first is None:
                ts.first = m
            prev = ts.seen.get(rec.role)
            # within a month the snapshot and the business list agree; keep one
            if prev is None or prev is not rec:
                ts.seen[rec.role] = rec
            if rec.role == "app":
                ts.app_seen = True
            if rec.role in ("app", "npo") and ts.rereg_visible is None:
                ts.rereg_visible = m
        if ts.first is None:
            continue
        cur = current_scopes(ts, asof)
        cat, dept, stages, disguised = combine(cur)
        if ts.required is None and cat != "undetermined":
            prepolicy_np = "old_npo" in ts.seen
            ts.required = cat in ("subject", "mixed") and not prepolicy_np
            ts.already_np = cat in ("subject", "mixed") and prepolicy_np
        required = bool(ts.required)
        npo = ts.seen.get("npo")
        ent = ts.seen.get("ent")
        completed = npo is not None and npo.status == "normal" and npo.reg.founded <= asof
        status = "not_required"
        if required:
            if completed:
                status = "completed"
            elif (ent is not None and ent.status in ENT_END) or (npo is not None and npo.status == "cancelled") \
                    or cat in ("non_subject", "out_of_scope"):
                status = "exited"
            elif ts.app_seen:
                status = "in_progress"
            else:
                status = "not_started"
        elif ts.already_np:
            status = "already_nonprofit"
        overdue = required and status in ("in_progress", "not_started") and asof > DEADLINE
        days = (asof - DEADLINE).days if overdue else 0
        if completed:
            name, code = npo.reg.name, npo.reg.code
            former = [inst.ent.code]
        elif inst.ent is not None:
            name, code, former = inst.ent.name, inst.ent.code, []
        elif inst.old_npo is not None:
            name, code, former = inst.old_npo.name, inst.old_npo.code, []
        else:
            name, code, former = inst.group.name, inst.group.code, []
        flags = set()
        subj = cat in ("subject", "mixed")
        if status == "completed" and ent is not None and ent.status not in ENT_END:
            flags.add("former_registration_active")
        if disguised:
            flags.add("disguised_subject_risk")
        if subj and V.P in stages:
            flags.add("preschool_subject")
        if subj and inst.ent is not None and inst.ent.foreign:
            flags.add("foreign_capital")
        if subj and inst.ent is not None and inst.ent.listed:
            flags.add("listed_company")
        if subj and inst.ent is not None and inst.ent.founded > POLICY_START:
            flags.add("new_after_policy")
        if inst.conflict_county:
            flags.add("county_conflict")
        if inst.tid in invalid_tids:
            flags.add("invalid_credit_code")
        tags = {t for t, fm in inst.tags.items() if fm <= m}
        if ts.rereg_visible is not None and ts.rereg_visible <= m:
            if inst.npo is not None and (inst.former_from is None or inst.former_from > inst.reg_month):
                tags.add("rereg_without_former_code")
            if getattr(inst, "name_changed", False):
                tags.add("name_changed_beyond_affixes")
        if status == "in_progress" or getattr(ts, "was_in_progress", False):
            ts.was_in_progress = True
            tags.add("codeless_application")
        if "preschool_subject" in flags and status == "completed":
            ts.preschool_kept = True
        if getattr(ts, "preschool_kept", False):
            tags.add("preschool_kept_by_old_licence")
        rows.append(dict(
            truth_id=inst.tid, name=name, credit_code=code, former_credit_codes="|".join(former),
            county_code=inst.county, category=cat, department=dept,
            stages="|".join(s for s in STAGE_ORDER if s in stages),
            reregistration_required="true" if required else "false", reregistration_status=status,
            completed_on=npo.reg.founded.isoformat() if (status == "completed") else "",
            overdue="true" if overdue else "false", days_overdue=str(days),
            flags="|".join(f for f in FLAG_ORDER if f in flags), hard_cases="|".join(sorted(tags))))
    rows.sort(key=lambda x: x["truth_id"])
    return rows


# ============================================================== driver
INST_COLS = ["truth_id", "name", "credit_code", "former_credit_codes", "county_code", "category", "department",
             "stages", "reregistration_required", "reregistration_status", "completed_on", "overdue",
             "days_overdue", "flags", "hard_cases"]
FILE_COLS = ["source_file", "registry", "layout", "format", "encoding", "declared_encoding", "bom", "line_ending",
             "excel_saved", "title_rows", "header_style", "layout_id", "record_count"]


def write_csv_file(path, cols, rows):
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(cols)
        for row in rows:
            w.writerow([row[c] for c in cols])


def generate(seed, n, first_ym, last_ym, out):
    first, last = mi(first_ym), mi(last_ym)
    if last < first:
        raise SystemExit("--to is before --from")
    world = World(seed, n, first, last)
    for sub in ("input", "truth"):
        p = os.path.join(out, sub)
        if os.path.isdir(p):
            shutil.rmtree(p)
    states = {inst.tid: TState() for inst in world.insts}
    prev_sig = {}
    for m in range(first, last + 1):
        r = random.Random(f"month-{seed}-{ym(m)}")
        recs = month_records(world, m)
        # quiet records: same as last month, nothing special; only these may be absent or damaged
        cur_sig = {}
        kept = []
        for rec in recs:
            key = (rec.inst.tid, rec.role, rec.layout_kind)
            sig = signature(rec)
            cur_sig[key] = sig
            rec.quiet = (m > first and prev_sig.get(key) == sig and not rec.special)
            if rec.quiet and rec.layout_kind == "snapshot" and r.random() < SHARE["absent"]:
                continue
            kept.append(rec)
        prev_sig = cur_sig
        rot = ROTATION[(m - mi("2021-09")) % len(ROTATION)]
        files = []
        for (gid, counties, glabel, gpy), lay_id in zip(GROUPS, rot[0]):
            sel = [x for x in kept if x.registry == "market" and x.county in counties]
            files.append((lay_id, sel, glabel, gpy))
        files.append((rot[1], [x for x in kept if x.registry == "civil" and x.layout_kind == "snapshot"], "", ""))
        files.append((rot[2], [x for x in kept if x.registry == "civil" and x.layout_kind == "business_list"], "", ""))
        in_dir = os.path.join(out, "input", ym(m))
        tr_dir = os.path.join(out, "truth", ym(m))
        os.makedirs(in_dir, exist_ok=True)
        os.makedirs(tr_dir, exist_ok=True)
        renderer = Renderer(world, m, r)
        rec_rows = []
        file_rows = []
        accepted = {}
        invalid = set()
        yyyymm = ym(m).replace("-", "")
        for lay_id, sel, glabel, gpy in files:
            lay = LAYOUTS[lay_id]
            fname = lay["name"].format(group=glabel, group_py=gpy, yyyymm=yyyymm,
                                       prefix="巴彦淖尔市" if lay_id == "MA" else "")
            data, records, info = renderer.render_file(lay_id, sel, fname, glabel)
            with open(os.path.join(in_dir, fname), "wb") as f:
                f.write(data)
            file_rows.append(info)
            for k, (rec, damage, state) in enumerate(records, 1):
                if rec is None:
                    rec_rows.append(dict(source_file=fname, record_ref=str(k), truth_id="", expected="rejected",
                                         reject_code="footer_row"))
                    continue
                rec_rows.append(dict(source_file=fname, record_ref=str(k), truth_id=rec.inst.tid,
                                     expected="rejected" if damage else "accepted", reject_code=damage or ""))
                if not damage:
                    accepted.setdefault(rec.inst.tid, []).append(rec)
                    if state == "invalid":
                        invalid.add(rec.inst.tid)
        rec_rows.sort(key=lambda x: (x["source_file"], int(x["record_ref"])))
        file_rows.sort(key=lambda x: x["source_file"])
        # fold the month's accepted evidence in a fixed order: snapshots, then business lists
        for tid in accepted:
            accepted[tid].sort(key=lambda x: (x.layout_kind != "snapshot", x.role))
        inst_rows = truth_rows(world, states, m, accepted, invalid)
        write_csv_file(os.path.join(tr_dir, "records.csv"),
                       ["source_file", "record_ref", "truth_id", "expected", "reject_code"], rec_rows)
        write_csv_file(os.path.join(tr_dir, "institutions.csv"), INST_COLS, inst_rows)
        write_csv_file(os.path.join(tr_dir, "files.csv"), FILE_COLS, file_rows)
    return world


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seed", type=int, default=9)
    ap.add_argument("--institutions", type=int, default=1500)
    ap.add_argument("--from", dest="first", default="2021-09")
    ap.add_argument("--to", dest="last", default="2022-01")
    ap.add_argument("--out", required=True)
    ap.add_argument("--no-check", action="store_true", help="skip the self-check")
    ap.add_argument("--summary", action="store_true", help="print the per-month truth summary")
    a = ap.parse_args(argv)
    generate(a.seed, a.institutions, a.first, a.last, a.out)
    if not a.no_check:
        import selfcheck
        problems = selfcheck.check(a.out)
        if problems:
            for p in problems[:50]:
                print("SELF-CHECK:", p, file=sys.stderr)
            print(f"self-check failed: {len(problems)} problem(s)", file=sys.stderr)
            return 1
        print("self-check passed", file=sys.stderr)
    if a.summary:
        summarize.main([a.out])
    return 0


if __name__ == "__main__":
    sys.exit(main())
