"""Issue 15, terminal and XML safety: escape sequences and control characters of a
document (its text or its file name) never reach a terminal or a CI log raw (text,
github, the summary lines of a batch, ``qa: error:`` lines), and every XML report
(JUnit, the ITS-annotated XLIFF, the batch's combined JUnit) stays well-formed XML 1.0
whatever characters the translation holds; JSON, SARIF and HTML outputs parse (HTML keeps a control character as it is: a
browser shows it as nothing)."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from xml.etree import ElementTree

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from conftest import CORPORA
from hostile import GERMAN, assert_one_line_error, run

pytestmark = pytest.mark.reliability

#: what a terminal acts on: C0 controls but tab and newline, DEL, C1 controls (U+009B is
#: a one-character CSI on some terminals)
RAW_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
#: characters XML 1.0 forbids (https://www.w3.org/TR/xml/#charsets)
XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")

HOSTILE = ["\x1b]0;pwned\x07", "\x1b[2K\x1b[1A", "\x9b2J", "\x1b[31m", "\x07", "\x08\x08",
           "\x0b", "\x0c", "\x7f", "\x00", "\ufffe", "\uffff", "\u202e", "\x85"]


def _report(target: str):
    from qa.config import Config
    from qa.runner import check_documents

    return check_documents(GERMAN, target, Config(mt=False))


def _renders(report) -> dict[str, str]:
    from qa.report import RENDERERS

    return {fmt: RENDERERS[fmt](report) for fmt in ("text", "github", "junit", "sarif", "json",
                                                     "html")}


def _assert_safe(outputs: dict[str, str]) -> None:
    """Text and github outputs hold no raw control character; JUnit is well-formed XML
    without a forbidden character; JSON and SARIF parse; HTML parses and holds no raw
    escape sequence."""
    for fmt in ("text", "github"):
        assert not RAW_CONTROL.search(outputs[fmt]), (fmt, RAW_CONTROL.search(outputs[fmt]))
    assert not XML_FORBIDDEN.search(outputs["junit"])
    ElementTree.fromstring(outputs["junit"].split("\n", 1)[1])
    for fmt in ("json", "sarif"):
        json.loads(outputs[fmt])
        assert "\x1b" not in outputs[fmt]
    parser = HTMLParser()  # (a browser shows a control character as nothing: harmless)
    parser.feed(outputs["html"])
    parser.close()


def test_escape_sequences_of_a_translation_never_reach_the_terminal_ci_log_or_xml():
    target = ("The government presented the budget on Monday.\n\nThe opposition sharply "
              "criticised it.\n\nWeather \x1b]0;pwned\x07 in Bavaria will stay\x1b[2K\x1b[1A warm "
              "for 3 more days, forecasters said on Tuesday.")
    report = _report(target)
    assert any("\x1b" in f.message for f in report.findings)  # a message quotes them
    outputs = _renders(report)
    _assert_safe(outputs)
    assert "\\x1b" in outputs["text"]  # shown escaped, not dropped


@pytest.mark.parametrize("hostile", HOSTILE, ids=[repr(h) for h in HOSTILE])
def test_every_format_is_safe_with_each_control_character(hostile):
    target = (f"The government presented the {hostile}budget on Monday.\n\n"
              f"The opposition sharply criticised it.\n\nUnrelated {hostile} words {hostile} "
              "that translate nothing.")
    _assert_safe(_renders(_report(target)))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(HOSTILE) | st.characters(max_codepoint=0x9f)
                | st.characters(min_codepoint=0xfff0, max_codepoint=0xffff,
                                exclude_categories=["Cs"]),
                min_size=1, max_size=8),
       st.integers(min_value=0, max_value=80))
def test_generated_control_characters_anywhere_keep_every_output_safe(inserted, at):
    base = ("The government presented the budget on Monday. The opposition sharply "
            "criticised it. Extra words without a source.")
    at = min(at, len(base))
    target = base[:at] + "".join(inserted) + base[at:]
    _assert_safe(_renders(_report(target)))


def test_a_file_name_with_escape_sequences_is_shown_escaped(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "de.txt").write_text(GERMAN, encoding="utf-8")
    name = "en\x1b]0;pwned\x07\x1b[2J.txt"
    (tmp_path / name).write_text("The government presented the budget on Monday.\n\n"
                                 "Completely unrelated words here.\n", encoding="utf-8")
    for fmt in ("text", "github"):
        code, out, err = run(["check", "de.txt", name, "--no-mt", "--format", fmt], capsys)
        assert code in (0, 1), err
        assert not RAW_CONTROL.search(out) and not RAW_CONTROL.search(err), (fmt, out)
    code, out, err = run(["check", "de.txt", name, "--no-mt", "--format", "junit"], capsys)
    ElementTree.fromstring(out.split("\n", 1)[1])


def test_an_error_line_naming_a_hostile_file_is_escaped(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "de.txt").write_text(GERMAN, encoding="utf-8")
    name = "en\x1b]0;pwned\x07\x1b[2J.txt"
    (tmp_path / name).write_bytes(b"")
    code, _, err = run(["check", "de.txt", name, "--no-mt"], capsys)
    assert_one_line_error(code, err, "empty")
    assert not RAW_CONTROL.search(err), err
    code, _, err = run(["check", "de.txt", "missing\x1b[2J.txt", "--no-mt"], capsys)
    assert_one_line_error(code, err, "not found")
    assert not RAW_CONTROL.search(err), err


def test_a_batch_with_hostile_pair_names_and_errors_keeps_terminal_and_xml_safe(tmp_path, capsys,
                                                                               monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "de.txt").write_text(GERMAN, encoding="utf-8")
    (tmp_path / "en.txt").write_text("The government presented the budget \x1b[2K on Monday.\n\n"
                                     "Unrelated words \x9b2J here.\n", encoding="utf-8")
    (tmp_path / "empty\x1b[2J.txt").write_bytes(b"")
    (tmp_path / "m.yaml").write_text(
        'pairs:\n'
        '  - name: "ok\\e]0;pwned\\a\\x9b"\n    source: de.txt\n    target: en.txt\n'
        '  - name: "broken\\e[2K\\uFFFF"\n    source: de.txt\n    target: "empty\\e[2J.txt"\n',
        encoding="utf-8")
    code, out, err = run(["check", "m.yaml", "--no-mt", "--output-dir", "out", "--format", "text",
                          "--format", "github", "--format", "junit", "--format", "sarif"], capsys)
    assert code == 2, err
    assert not RAW_CONTROL.search(out) and not RAW_CONTROL.search(err), (out, err)
    for path in (tmp_path / "out").iterdir():
        text = path.read_text(encoding="utf-8")
        if path.name.endswith((".txt",)):
            assert not RAW_CONTROL.search(text), path.name
        if path.name.endswith(".xml"):
            assert not XML_FORBIDDEN.search(text), path.name
            ElementTree.fromstring(text.split("\n", 1)[1])
        if path.name.endswith((".json", ".sarif")):
            json.loads(text)


def test_a_bilingual_file_with_c1_controls_gives_well_formed_its_xliff(tmp_path, capsys):
    """XML 1.0 allows U+007F–U+009F in a document; the annotated copy stays well-formed
    and the text report shows them escaped."""
    source = (CORPORA / "xliff-newsroom" / "defective.xlf").read_text(encoding="utf-8")
    hostile = source.replace("</target>", "\x9b2J\x85\x7f&#x9b;</target>", 3)
    path = tmp_path / "hostile.xlf"
    path.write_text(hostile, encoding="utf-8")
    code, out, err = run(["check", path, "--no-mt", "--format", "xliff"], capsys)
    assert code in (0, 1), err
    assert not XML_FORBIDDEN.search(out)
    ElementTree.fromstring(out.encode("utf-8"))
    code, out, err = run(["check", path, "--no-mt", "--format", "text"], capsys)
    assert not RAW_CONTROL.search(out), out
