"""Score, gate and crash isolation: computed once, in the runner."""

from __future__ import annotations

import pytest

from qa.checks import ALL_CHECKS
from qa.config import Config
from qa.model import Category, Finding, Severity
from qa.runner import check_documents, decide_gate, mqm_score


def _f(severity: str) -> Finding:
    return Finding("OMA01", "alignment.omission", Category.OMISSION, Severity(severity), "m")


def test_mqm_score_is_the_raw_mqm_2_scoring_model():
    # OQS = 100 × (1 − APT / EWC), penalties minor 1, major 5, critical 25
    assert mqm_score([], 200) == 100.0
    assert mqm_score([_f("minor")], 1000) == 99.9
    assert mqm_score([_f("major")], 400) == 98.75
    assert mqm_score([_f("major")] * 10, 400) == 87.5  # ten majors read differently
    assert mqm_score([_f("critical")], 1000) == 97.5
    assert mqm_score([_f("major"), _f("minor")], 500) == 98.8
    assert mqm_score([_f("info")] * 10, 100) == 100.0
    assert mqm_score([_f("critical")] * 10, 100) == 0.0  # clamped


@pytest.mark.parametrize("fail_on,severities,passed", [
    ("major", ["minor", "info"], True),
    ("major", ["major"], False),
    ("major", ["critical"], False),
    ("minor", ["minor"], False),
    ("critical", ["major"], True),
    ("never", ["critical"], True),
    ("minor", ["info"] * 5, True),
])
def test_gate(fail_on, severities, passed):
    gate = decide_gate([_f(s) for s in severities], 100.0, Config(fail_on=fail_on))
    assert gate.passed is passed
    assert bool(gate.reasons) is not passed


def test_min_score_gate():
    gate = decide_gate([], 80.0, Config(min_score=90.0, fail_on="never"))
    assert not gate.passed and "below minimum" in gate.reasons[0]


def test_crashing_check_is_isolated_and_reported(monkeypatch, capsys):
    victim = ALL_CHECKS[1]

    def boom(self, ctx):
        raise RuntimeError("kaputt")

    monkeypatch.setattr(victim, "run", boom)
    report = check_documents("Ein Satz hier. Noch ein Satz dort.",
                             "One sentence here. Another sentence there.")
    assert victim.code not in report.checks_run
    assert any(s.check == victim.code and "kaputt" in s.reason for s in report.skipped)
    assert "kaputt" in capsys.readouterr().err


def test_select_and_ignore():
    report = check_documents("Ein Satz.", "One sentence.", Config(select=("alignment.omission",)))
    assert report.checks_run == ("OMA01",)
    everything = tuple(sorted({c.category.value for c in ALL_CHECKS}))
    report = check_documents("Ein Satz.", "One sentence.", Config(ignore=everything))
    assert report.checks_run == ()


def test_signature_records_settings():
    a = check_documents("Ein Satz.", "One sentence.", Config())
    b = check_documents("Ein Satz.", "One sentence.", Config(fail_on="minor"))
    c = check_documents("Ein Satz.", "One sentence.", Config(mt=False))
    assert a.signature.startswith("qa:")
    assert len({a.signature, b.signature, c.signature}) == 3
    assert "mt:off" in c.signature


def test_public_api():
    import qa

    report = qa.check_documents("Ein Satz.", "One sentence.")
    assert isinstance(report, qa.Report) and report.passed
    assert qa.Severity.MAJOR.rank > qa.Severity.MINOR.rank


def test_adequacy_checks_skip_without_a_lexicon():
    report = check_documents("Die Regierung legte den Haushalt vor.",
                             "The government presented the budget.",
                             Config(lexicon="none", select=("adequacy",)))
    assert {s.check for s in report.skipped} == {"LEX01", "LEX02"}
    assert all("trans-de-en" in s.reason for s in report.skipped)


def test_user_residue_patterns_extend_the_builtin_list(write):
    patterns = write("residue.tsv", "ui\tjetzt im app store laden|get the app\n")
    source = "Castex überstand das Votum. Die Regierung bleibt im Amt."
    target = "Castex survived the vote.\n\nGet the app\n\nThe government remains in office."
    plain = check_documents(source, target, Config(select=("artefact",)))
    extended = check_documents(source, target,
                               Config(select=("artefact",), residue_patterns=patterns))
    assert not plain.findings
    assert [f.code for f in extended.findings] == ["ART01"]


def test_langdetect_backend_is_selectable():
    report = check_documents("Die Opposition kritisierte den Besuch. Die Regierung schwieg.",
                             "The opposition criticised the visit. Die Regierung schwieg dazu "
                             "jedoch völlig.",
                             Config(select=("untranslated.sentence",),
                                    language_detector="langdetect"))
    assert [f.code for f in report.findings] == ["UNT01"]


def test_findings_inside_markdown_link_targets_and_code_are_dropped(tmp_path):
    """A forbidden term in a link's URL or a German number format in inline code is
    markup, not the translation's wording: no finding, so no fix rewrites the link."""
    from qa.config import Config
    from qa.runner import check_documents, load_document

    terms = tmp_path / "terms.csv"
    terms.write_text("de,en,forbidden\nWhatsApp,WhatsApp,Whatsapp\n", encoding="utf-8")
    source = load_document("de.md", "de", text=(
        "Dienste wie WhatsApp bieten [auf der Website](https://example.com/Whatsapp) "
        "keinen Schutz. Der Befehl `x = 4,2` hilft.\n"))
    target = load_document("en.md", "en", text=(
        "Services such as Whatsapp offer [on the website](https://example.com/Whatsapp) "
        "no protection. The command `x = 4,2` helps.\n"))
    report = check_documents(source, target, Config(mt=False, termbase=(str(terms),)))
    flagged = [report.target.text[f.target_span[0]:f.target_span[1]]
               for f in report.findings if f.target_span]
    url = report.target.text.index("https://")
    assert "Whatsapp" in flagged  # the prose one
    assert all(not (url <= f.target_span[0] < url + 30) for f in report.findings if f.target_span)
    assert not [f for f in report.findings if f.code == "NUM02"]
