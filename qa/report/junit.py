"""JUnit XML for GitLab/Jenkins: a test suite per document pair, a test case per check
that ran or was skipped (checks left out by ``--select``/``--ignore`` are not listed);
findings that block the gate are failures, skipped checks are skipped."""

from __future__ import annotations

from xml.etree.ElementTree import Element, SubElement, tostring

from qa.checks import ALL_CHECKS
from qa.model import Report
from qa.report.locations import primary


def junit_tree(reports: list[Report]) -> Element:
    root = Element("testsuites", name="qa")
    for report in reports:
        suite = SubElement(root, "testsuite", name=f"{report.source.path} → {report.target.path}")
        skipped = {s.check: s.reason for s in report.skipped}
        tests = failures = skips = 0
        chosen = set(report.checks_run) | set(skipped)
        for cls in ALL_CHECKS:  # registry order
            if cls.code not in chosen:
                continue
            tests += 1
            case = SubElement(suite, "testcase", classname=f"qa.{cls.name.split('.')[0]}",
                              name=f"{cls.code} {cls.name}")
            if cls.code in skipped:
                skips += 1
                SubElement(case, "skipped", message=skipped[cls.code])
                continue
            found = [f for f in report.findings if f.code == cls.code]
            blocking = [f for f in found if report.gate.blocks(f)]
            lines = []
            for f in found:
                loc = primary(report, f)
                lines.append(f"{loc.path}:{loc.start_line}:{loc.start_column}: "
                             f"{f.severity.value} {f.message}")
            if blocking:
                failures += 1
                failure = SubElement(case, "failure", type=blocking[0].severity.value,
                                     message=f"{len(blocking)} finding(s): {blocking[0].message}")
                failure.text = "\n".join(lines)
            elif lines:
                SubElement(case, "system-out").text = "\n".join(lines)
        suite.set("tests", str(tests))
        suite.set("failures", str(failures))
        suite.set("errors", "0")
        suite.set("skipped", str(skips))
    return root


def render_junit(report: Report) -> str:
    return render_junit_many([report])


def render_junit_many(reports: list[Report]) -> str:
    xml = tostring(junit_tree(reports), encoding="unicode")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + xml + "\n"
