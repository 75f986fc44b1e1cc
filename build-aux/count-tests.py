#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Counts the individual test cases of a `meson test` run.

GLib tests speak TAP, so each of their `ok` / `not ok` lines is one case; a
program that crashed midway counts its unrun planned cases as failed. Tests
that are not TAP (the desktop and AppStream validators) count as one case.
The last line printed is "N passed, N failed"."""

import json
import re
import sys

passed = failed = skipped = 0
for line in open(sys.argv[1], encoding="utf-8"):
    test = json.loads(line)
    out = test.get("stdout") or ""
    oks = re.findall(r"^(not ok|ok)\b(.*)$", out, re.M)
    plan = re.search(r"^1\.\.(\d+)", out, re.M)
    if not oks and not plan:
        if test["result"] == "SKIP":
            skipped += 1
        elif test["result"] == "OK":
            passed += 1
        else:
            failed += 1
        continue
    for verdict, rest in oks:
        if "# SKIP" in rest:
            skipped += 1
        elif verdict == "ok":
            passed += 1
        else:
            failed += 1
    if test["result"] not in ("OK", "SKIP"):
        unrun = int(plan.group(1)) - len(oks) if plan else 0
        failed += max(unrun, 0 if any(v == "not ok" for v, _ in oks) else 1)

if skipped:
    print(f"{skipped} skipped")
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
