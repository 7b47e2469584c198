#!/usr/bin/env python3
"""CPU seconds per target from the compile and link log of scripts/ci-times.sh.

Each log entry is `/usr/bin/time -f "%e %U %S %C"`: wall, user, system, command. A
compile's target is the CMakeFiles/<target>.dir folder of its object; a link's is its
output (-o). Prints, per target: steps, CPU seconds, and the slowest step."""
import re
import sys
from collections import defaultdict

cpu = defaultdict(float)
steps = defaultdict(int)
slowest = {}
for line in open(sys.argv[1], encoding="utf-8", errors="replace"):
    parts = line.split(" ", 3)
    if len(parts) < 4 or not re.match(r"^[0-9.]+$", parts[0]):
        continue  # "Command exited with non-zero status" and the like
    wall, user, system, command = float(parts[0]), float(parts[1]), float(parts[2]), parts[3]
    m = re.search(r"CMakeFiles/([^/ ]+)\.dir/", command)
    kind = "compile" if " -c " in command else "link"
    if kind == "link":
        out = re.search(r" -o (\S+)", command)
        target = out.group(1).rsplit("/", 1)[-1] if out else "?"
        target = re.sub(r"^lib|\.a$", "", target)
    else:
        target = m.group(1) if m else "?"
    key = f"{target} ({kind})"
    cpu[key] += user + system
    steps[key] += 1
    src = re.search(r" -c (\S+)", command)
    name = src.group(1).split("/", 3)[-1] if src else target
    if user + system > slowest.get(key, (0, ""))[0]:
        slowest[key] = (user + system, name)
total = sum(cpu.values())
print(f"{'target (step)':44} {'steps':>5} {'CPU s':>8}  slowest step")
for key in sorted(cpu, key=cpu.get, reverse=True):
    print(f"{key:44} {steps[key]:5} {cpu[key]:8.1f}  {slowest[key][1]} {slowest[key][0]:.1f} s")
print(f"{'total':44} {sum(steps.values()):5} {total:8.1f}  (= {total / 2:.0f} s on 2 busy cores)")
