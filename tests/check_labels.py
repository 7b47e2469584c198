#!/usr/bin/env python3
"""ctest `labels_check`: every CTest test has exactly one kind label, and no unit test
waits for a fixture (the PostgreSQL server).

The kinds (CMakeLists.txt says what each means): unit, integration, e2e, lint, fuzz.
`ctest -L unit` (`make unit`) must run with no PostgreSQL installed or started, so a
unit test may require no fixture. Reads CTest's own list of the tests, as configured:
    check_labels.py CTEST_COMMAND BUILD_DIR
Prints each test that breaks a rule with what is wrong; exit 1 when any does."""
import json
import subprocess
import sys

KINDS = {"unit", "integration", "e2e", "lint", "fuzz"}


def main() -> int:
    ctest, build_dir = sys.argv[1], sys.argv[2]
    listing = subprocess.run([ctest, "--show-only=json-v1"], cwd=build_dir, check=True,
                             capture_output=True, text=True)
    tests = json.loads(listing.stdout)["tests"]
    problems = []
    for test in tests:
        props = {p["name"]: p["value"] for p in test.get("properties", [])}
        kinds = sorted(KINDS & set(props.get("LABELS", [])))
        if len(kinds) != 1:
            problems.append(f"{test['name']}: labels {props.get('LABELS', [])}, "
                            f"want exactly one of {sorted(KINDS)}")
        if kinds == ["unit"] and props.get("FIXTURES_REQUIRED"):
            problems.append(f"{test['name']}: a unit test requires the fixture "
                            f"{props['FIXTURES_REQUIRED']} (a unit test needs no server)")
        if test["name"].endswith("_NOT_BUILT"):
            problems.append(f"{test['name']}: its executable is not built, so its tests "
                            "and their labels are unknown")
    for problem in problems:
        print("labels_check: " + problem, file=sys.stderr)
    if not problems:
        counts = {k: sum(1 for t in tests for p in t.get("properties", [])
                         if p["name"] == "LABELS" and k in p["value"]) for k in sorted(KINDS)}
        print(f"labels_check: {len(tests)} tests, each with one kind: {counts}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
