"""JUnit XML for GitLab/Jenkins: a test suite per document pair, a test case per check
that ran or was skipped (checks left out by ``--select``/``--ignore`` are not listed);
findings that block the gate are failures, skipped checks are skipped. Findings a
baseline accepts never fail a case: they are listed in its ``system-out`` with the
reason; stale baseline entries are listed in the suite's ``system-out``. Findings are
placed as in the other CI outputs (:mod:`qa.report.locations`: in the translation)."""

from __future__ import annotations

from xml.etree.ElementTree import Element, SubElement, tostring

from qa.checks import ALL_CHECKS
from qa.text import escape_controls
from qa.model import Finding, Report
from qa.report.locations import display_path, primary


def _line(report: Report, finding: Finding) -> str:
    """``path:line:col: severity message``, and for an accepted finding why."""
    loc = primary(report, finding)
    text = f"{loc.path}:{loc.start_line}:{loc.start_column}: {finding.severity.value} {finding.message}"
    if finding.accepted is not None:
        text = f"accepted ({finding.accepted.reason or 'no reason given'}): {text}"
    return text


def _stale_lines(report: Report) -> list[str]:
    where = display_path(report.baseline) if report.baseline else "baseline"
    return [f"{where}: stale baseline entry {entry.code} “{entry.text}” ({entry.fingerprint}) "
            "matches no finding any more: remove it" for entry in report.stale]


def junit_tree(reports: list[Report]) -> Element:
    root = Element("testsuites", name="qa")
    for report in reports:
        suite = SubElement(root, "testsuite", name=f"{display_path(report.source.path)} → "
                                                     f"{display_path(report.target.path)}")
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
            if blocking:
                failures += 1
                failure = SubElement(case, "failure", type=blocking[0].severity.value,
                                     message=f"{len(blocking)} finding(s): {blocking[0].message}")
                failure.text = "\n".join(_line(report, f) for f in found if f.is_open)
            # accepted findings, and open ones that do not block, are listed, never failures
            listed = [f for f in found if not f.is_open or not blocking]
            if listed:
                SubElement(case, "system-out").text = "\n".join(_line(report, f) for f in listed)
        if report.stale:
            SubElement(suite, "system-out").text = "\n".join(_stale_lines(report))
        suite.set("tests", str(tests))
        suite.set("failures", str(failures))
        suite.set("errors", "0")
        suite.set("skipped", str(skips))
    return root


#: the non-characters XML 1.0 forbids beyond the controls (https://www.w3.org/TR/xml/#charsets)
_XML_NONCHARACTERS = str.maketrans({"\ufffe": "\\ufffe", "\uffff": "\\uffff"})


def xml_safe(xml: str) -> str:
    """Serialised XML with every character XML 1.0 forbids written out as an escape
    (``\\x1b``, ``\\uffff``): a translation's control characters and non-characters
    must not make the report unreadable to the CI that parses it."""
    return escape_controls(xml).translate(_XML_NONCHARACTERS)


def render_junit(report: Report) -> str:
    return render_junit_many([report])


def render_junit_many(reports: list[Report]) -> str:
    # control characters of a translation are not allowed in XML 1.0: written out
    xml = xml_safe(tostring(junit_tree(reports), encoding="unicode"))
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + xml + "\n"
