"""Prints one line per module and plugin with the counts of its Surefire/Failsafe XML reports, then the totals."""
import glob
import os
import xml.etree.ElementTree as ET

totals = {}
for plugin in ("surefire", "failsafe"):
    for reports in sorted(glob.glob(f"**/target/{plugin}-reports", recursive=True)):
        module = os.path.dirname(os.path.dirname(reports)) or "."
        counts = dict(tests=0, failures=0, errors=0, skipped=0)
        for report in glob.glob(os.path.join(reports, "TEST-*.xml")):
            suite = ET.parse(report).getroot()
            for key in counts:
                counts[key] += int(suite.get(key, 0))
        if counts["tests"] == 0:
            continue
        line = ", ".join(f"{k} {v}" for k, v in counts.items())
        print(f"{plugin:8} {module:32} {line}")
        for key, value in counts.items():
            totals.setdefault(plugin, dict.fromkeys(counts, 0))[key] += value
for plugin, counts in totals.items():
    print(f"{plugin:8} {'TOTAL':32} " + ", ".join(f"{k} {v}" for k, v in counts.items()))
if not totals:
    print("no test reports found")
else:
    # The plain closing line CI reads: every Surefire and Failsafe test of the run.
    failed = sum(c["failures"] + c["errors"] for c in totals.values())
    skipped = sum(c["skipped"] for c in totals.values())
    passed = sum(c["tests"] for c in totals.values()) - failed - skipped
    print(f"tests: {passed} passed, {failed} failed, {skipped} skipped")
