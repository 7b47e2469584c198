#!/usr/bin/env python3
"""Converts the Export Administration Regulations as transcribed in shared/data/ear
(eCFR issue of 2026-09-24, see its PROVENANCE.md) into the project's rules files:

  data/rules/ccl.json            every ECCN of 15 CFR 774 Supp. 1 with its controls,
                                 paragraphs and list-based license exceptions
  data/rules/country_chart.json  every row of 15 CFR 738 Supp. 1 and the Country Groups
                                 of 15 CFR 740 Supp. 1

Usage: scripts/convert_ear.py [EAR_DIR] [--out DIR]
  EAR_DIR defaults to ../shared/data/ear (from the repository root); DIR to data/rules.

Deterministic: the same input gives the same bytes (sorted keys where order is not the
regulation's, one entry per line). Python 3 standard library only.
"""

import csv
import json
import os
import re
import sys

EDITION_DATE = "2026-09-24"
EDITION = "eCFR " + EDITION_DATE
CCL_FILE = "ccl_" + EDITION_DATE + ".jsonl"
CHART_FILE = "country_chart_" + EDITION_DATE + ".csv"
FOOTNOTES_FILE = "country_chart_footnotes_" + EDITION_DATE + ".json"
GROUPS_FILE = "country_groups_" + EDITION_DATE + ".csv"

# Chart texts of "special" controls (the chart does not decide them) whose words name the
# destinations: each pattern is (regular expression on the chart text, decision). A
# decision names countries, Country Groups, Country Groups excluded, or worldwide (every
# destination but those excepted). The citation is the section the text itself refers to.
GROUPS_D145_NOT_A56 = {"groups": ["D:1", "D:4", "D:5"], "except_groups": ["A:5", "A:6"]}
SPECIAL_PATTERNS = [
    # 15 CFR 742.4(a)(5), 742.6(a)(6)(ii), (a)(6)(iii)(A), (a)(10), (a)(13): worldwide.
    (r"^(To or within any destination worldwide|Worldwide control|Worldwide \(see)",
     "worldwide", {"worldwide": True}),
    # 15 CFR 742.7, 742.13, part 742: "A license is required for ALL destinations, except
    # Canada" (checked before the plain "all destinations" texts).
    (r"license is required for ALL destinations, except Canada",
     "worldwide_except_canada", {"worldwide": True, "except_countries": ["CA"]}),
    (r"(license is required for (ALL|all) destinations)",
     "worldwide", {"worldwide": True}),
    # 15 CFR 742.15(a): EI controls apply to all destinations except Canada.
    (r"^Refer to § 742\.15", "encryption_742_15",
     {"worldwide": True, "except_countries": ["CA"], "citation": "15 CFR 742.15(a)"}),
    # 15 CFR 742.6(a)(7).
    (r"^China, Russia,? or Venezuela", "named_countries",
     {"countries": ["CN", "RU", "VE"]}),
    # 15 CFR 742.4(a)(4), 742.6(a)(6)(i), (a)(12), (a)(13): Macau or Country Group D:5.
    (r"^To or within Macau or a destination specified in Country Group D:5 ",
     "macau_or_d5", {"countries": ["MO"], "groups": ["D:5"]}),
    # 15 CFR 742.6(a)(6)(iii)(B).
    (r"^To or within the United Arab Emirates or destinations specified in Country Groups "
     r"D:1, D:4, and D:5 .*excluding any destination also specified in Country Groups A:5 or "
     r"A:6", "uae_or_d145_not_a56", dict(GROUPS_D145_NOT_A56, countries=["AE"])),
    (r"^To or within destinations specified in Country Groups D:1, D:4, and D:5 .*excluding "
     r"any destination also specified in Country Groups A:5 or A:6", "d145_not_a56",
     dict(GROUPS_D145_NOT_A56)),
    # Anti-terrorism controls the chart does not decide (15 CFR 742.8, 742.19).
    (r"to Iran and North Korea", "named_countries", {"countries": ["IR", "KP"]}),
    (r"(to North Korea for anti-terrorism reasons|of these items to North Korea for "
     r"anti-terrorism)", "named_countries", {"countries": ["KP"]}),
    # Regional stability to Iraq and/or Pakistan (15 CFR 742.6(a)(8), (a)(9)); "other than
    # 2B999.h.2" is not matched: it limits the entry by paragraph in words.
    (r"^A license is required for items controlled by this entry for export or reexport to "
     r"Iraq (or|and) Pakistan or transfer within Iraq (or|and) Pakistan",
     "named_countries", {"countries": ["IQ", "PK"]}),
    (r"^A license is required for items controlled by this entry for export or reexport to "
     r"Iraq (or|and) transfer within Iraq", "named_countries", {"countries": ["IQ"]}),
    (r"^A license is required for items controlled by this entry for export or reexport to "
     r"Pakistan or transfer within Pakistan", "named_countries", {"countries": ["PK"]}),
    # 15 CFR 746.8: Russia and Belarus.
    (r"^See § 746\.8 for specific license requirements", "named_countries",
     {"countries": ["BY", "RU"], "citation": "15 CFR 746.8"}),
    # 15 CFR 746.1(b): the UN Security Council sanctions; the chart marks the destinations
    # they concern with its footnote 1 ("See § 746.1(b) for United Nations Security
    # Council Sanctions under the EAR").
    (r"^See § 746\.1(\(b\))?( of the EAR)? for UN controls", "un_chart_footnote_1",
     {"chart_footnote": "1", "citation": "15 CFR 746.1(b); 15 CFR 738 Supp. 1 footnote 1"}),
]


def fail(message):
    sys.stderr.write("convert_ear.py: " + message + "\n")
    sys.exit(1)


def dumps(value):
    return json.dumps(value, ensure_ascii=False, sort_keys=False, separators=(", ", ": "))


def decide_special(chart):
    for regex, name, decision in SPECIAL_PATTERNS:
        if re.search(regex, chart):
            out = {"pattern": name}
            out.update(decision)
            return out
    return None


PARAGRAPH_MENTION = re.compile(r"\b\d[A-E]\d{3}\.([a-z])\b")
LIST_MENTION = re.compile(r"(?:^|[\s,(])([a-z])\.\d")


def paragraph_letters(entry):
    """First segments the data shows the entry to have: a control's paragraphs, a
    paragraph named in a scope text ("3A001.b.2", "and b.3"), and, since the CFR letters
    paragraphs in order, every letter before the highest one named (y and z are the
    CCL's special paragraphs and count only when named)."""
    letters = set()
    for control in entry["controls"]:
        for paragraph in control["paragraphs"]:
            letters.add(paragraph.split(".")[0])
        scope = control["scope"]
        for match in PARAGRAPH_MENTION.finditer(scope):
            if match.group(0).startswith(entry["eccn"]):
                letters.add(match.group(1))
        if PARAGRAPH_MENTION.search(scope):
            for match in LIST_MENTION.finditer(scope):
                letters.add(match.group(1))
    ordinary = [c for c in letters if c not in ("y", "z")]
    if ordinary:
        top = max(ordinary)
        letters.update(chr(c) for c in range(ord("a"), ord(top) + 1))
    return "".join(sorted(letters))


def convert_ccl(path):
    entries = []
    seen = set()
    with open(path, encoding="utf-8") as f:
        for line_number, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                raw = json.loads(line)
            except json.JSONDecodeError as e:
                fail(f"{path}:{line_number}: invalid JSON: {e}")
            eccn = raw.get("eccn", "")
            if not re.fullmatch(r"\d[A-E]\d{3}", eccn):
                fail(f"{path}:{line_number}: eccn: '{eccn}' is not an ECCN")
            if eccn in seen:
                fail(f"{path}:{line_number}: eccn: {eccn} is listed twice")
            seen.add(eccn)
            controls = []
            for control in raw["controls"]:
                out = {
                    "reason": control["reason"],
                    "columns": control["columns"],
                    "mode": control["mode"],
                    "paragraphs": control["paragraphs"],
                    "special": control["special"],
                }
                if control["mode"] not in ("entire", "only", "except"):
                    fail(f"{path}:{line_number}: {eccn}: unknown control mode '{control['mode']}'")
                if control["special"]:
                    out["chart_text"] = control["chart"]
                    decision = decide_special(control["chart"])
                    if decision is not None:
                        out["decision"] = decision
                out["scope"] = control["scope"]
                controls.append(out)
            exceptions = []
            for ex in raw["license_exceptions"]:
                item = {"code": ex["code"], "status": ex["status"]}
                if "value_limit" in ex:
                    item["value_limit"] = ex["value_limit"]
                exceptions.append(item)
            entries.append({
                "eccn": eccn,
                "heading": raw["heading"],
                "citation": f"15 CFR 774 Supp. 1, ECCN {eccn} ({EDITION})",
                "reserved": raw["reserved"],
                "itar": raw["itar"],
                "series600": raw["series600"],
                "series515": raw["series515"],
                "paragraph_letters": paragraph_letters(raw),
                "controls": controls,
                "license_exceptions": exceptions,
            })
    entries.sort(key=lambda e: e["eccn"])
    header = {
        "about": "GENERATED by scripts/convert_ear.py from shared/data/ear/" + CCL_FILE +
                 " (15 CFR 774 Supp. 1, " + EDITION + "); do not edit: change the converter "
                 "or its input and run it again.",
        "edition": EDITION,
        "effective": {"from": EDITION_DATE},
    }
    return header, entries


def read_csv(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.reader(f))


def convert_chart(chart_path, groups_path, footnotes_path):
    chart = read_csv(chart_path)
    columns = chart[0][3:]
    groups_rows = read_csv(groups_path)
    group_names = groups_rows[0][1:]
    with open(footnotes_path, encoding="utf-8") as f:
        footnotes = json.load(f)
    groups = {}
    for line_number, row in enumerate(groups_rows[1:], 2):
        if len(row) != len(group_names) + 1:
            fail(f"{groups_path}:{line_number}: expected {len(group_names) + 1} fields")
        groups[row[0]] = [g for g, cell in zip(group_names, row[1:]) if cell == "X"]
    countries = []
    for line_number, row in enumerate(chart[1:], 2):
        if len(row) != len(columns) + 3:
            fail(f"{chart_path}:{line_number}: expected {len(columns) + 3} fields")
        code, name, notes = row[0], row[1], row[2].split()
        for note in notes:
            if note not in footnotes:
                fail(f"{chart_path}:{line_number}: footnote {note} is not in {footnotes_path}")
        country = {
            "code": code,
            "name": name,
            "footnotes": notes,
            "marked": [c for c, cell in zip(columns, row[3:]) if cell == "X"],
            "citation": f"15 CFR 738 Supp. 1 ({name}) ({EDITION})",
        }
        if code in groups:
            country["groups"] = groups[code]
            country["groups_citation"] = f"15 CFR 740 Supp. 1 ({EDITION})"
        elif "5" in notes:
            # Chart footnote 5: "Refer to Switzerland for licensing requirements for
            # Liechtenstein under the EAR"; the groups supplement has no Liechtenstein row.
            country["groups"] = groups["CH"]
            country["groups_citation"] = (f"15 CFR 740 Supp. 1 (Switzerland, per 15 CFR 738 "
                                          f"Supp. 1 footnote 5) ({EDITION})")
        else:
            fail(f"{chart_path}:{line_number}: {code} has no Country Groups row")
        countries.append(country)
    # The chart has no Hong Kong row: since 85 FR 83765 (2020-12-23) the EAR treat Hong
    # Kong as China (15 CFR 738 Supp. 1 and 740 Supp. 1 no longer list it separately).
    china = next(c for c in countries if c["code"] == "CN")
    hong_kong = dict(china, code="HK", name="Hong Kong")
    hong_kong["citation"] = china["citation"] + "; Hong Kong treated as China (85 FR 83765)"
    hong_kong["groups_citation"] = (china["groups_citation"] +
                                    "; Hong Kong treated as China (85 FR 83765)")
    countries.append(hong_kong)
    countries.sort(key=lambda c: c["code"])
    header = {
        "about": "GENERATED by scripts/convert_ear.py from shared/data/ear/" + CHART_FILE +
                 " and " + GROUPS_FILE + " (15 CFR 738 Supp. 1 and 740 Supp. 1, " + EDITION +
                 "); do not edit: change the converter or its input and run it again. The "
                 "AT1/AT2 columns and the rows of Cuba, Iran, North Korea and Syria are "
                 "incomplete in the source (its PROVENANCE.md): the engine decides those by "
                 "the regulation's text (countries.json: anti_terrorism, embargoes).",
        "edition": EDITION,
        "effective": {"from": EDITION_DATE},
        "columns": columns,
        "footnotes": {k: footnotes[k] for k in sorted(footnotes, key=int)},
    }
    return header, countries


def write_lines(path, header, key, rows):
    """The header's fields, then `key` as an array with one row per line."""
    parts = ["{"]
    for name, value in header.items():  # insertion order: fixed by the code above
        parts.append(f"  {dumps(name)}: {dumps(value)},")
    parts.append(f"  {dumps(key)}: [")
    for i, row in enumerate(rows):
        parts.append("    " + dumps(row) + ("," if i + 1 < len(rows) else ""))
    parts.append("  ]")
    parts.append("}")
    text = "\n".join(parts) + "\n"
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def main(argv):
    args = list(argv)
    out_dir = "data/rules"
    if "--out" in args:
        i = args.index("--out")
        if i + 1 >= len(args):
            fail("--out needs a directory")
        out_dir = args[i + 1]
        del args[i:i + 2]
    if len(args) > 1:
        fail("usage: convert_ear.py [EAR_DIR] [--out DIR]")
    ear_dir = args[0] if args else os.path.join("..", "shared", "data", "ear")
    for name in (CCL_FILE, CHART_FILE, FOOTNOTES_FILE, GROUPS_FILE):
        if not os.path.isfile(os.path.join(ear_dir, name)):
            fail(f"{os.path.join(ear_dir, name)}: input file not found")
    os.makedirs(out_dir, exist_ok=True)
    header, entries = convert_ccl(os.path.join(ear_dir, CCL_FILE))
    write_lines(os.path.join(out_dir, "ccl.json"), header, "eccns", entries)
    header, countries = convert_chart(os.path.join(ear_dir, CHART_FILE),
                                      os.path.join(ear_dir, GROUPS_FILE),
                                      os.path.join(ear_dir, FOOTNOTES_FILE))
    write_lines(os.path.join(out_dir, "country_chart.json"), header, "countries", countries)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
