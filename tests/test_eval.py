"""`qa eval` on a tiny data folder of our own, one miniature per dataset (the real data
stay outside the repo): every section is computed and written, with and without MT."""

from __future__ import annotations

import csv
import json

import pytest

from qa.cli import main

PAIRS = [
    ("Die Firma beschäftigt 3.200 Menschen in Hamburg.", "The company employs 3,200 people in Hamburg."),
    ("Der Umsatz stieg im Jahr 2023 um vier Prozent.", "Revenue rose by four percent in 2023."),
    ("Bürgermeister Peter Tschentscher besuchte das Werk am Dienstag.",
     "Mayor Peter Tschentscher visited the plant on Tuesday."),
    ("Die neue Halle soll im Frühjahr 2025 fertig sein.", "The new hall is to be finished in spring 2025."),
]


def _write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    root = tmp_path_factory.mktemp("data")
    item = {"id": 101, "src_sent": PAIRS[0][0], "eng_sent": PAIRS[0][1], "mt_sent": PAIRS[0][1],
            "pert_sent": "The company employs 4,100 people in Hamburg.", "pert_check": True}
    _write(root / "demetr/critical_id10_numbers_replaced.json", json.dumps([item]))
    _write(root / "demetr/PROVENANCE.md", "# DEMETR — miniature\n\n- **Source repository:** "
           "https://example.org/demetr\n- **Commit:** snapshot HEAD `0123456789abcdef` (2022)\n")
    src = "\n".join(de for de, _ in PAIRS) + "\n"
    ref = "\n".join(en for _, en in PAIRS) + "\n"
    _write(root / "wmt21-news-deen/txt/sources/newstest2021.de-en.src.de", src)
    _write(root / "wmt21-news-deen/txt/references/newstest2021.de-en.ref.A.en", ref)
    base = root / "wmt22-general-deen"
    _write(base / "txt/sources/generaltest2022.de-en.src.de", src)
    _write(base / "txt/references/generaltest2022.de-en.ref.A.en", ref)
    wrong = ref.replace("3,200", "2,300").replace("Tschentscher", "Scholz")
    _write(base / "txt/system-outputs/generaltest2022.de-en.hyp.Good.en", ref)
    _write(base / "txt/system-outputs/generaltest2022.de-en.hyp.Bad.en", wrong)
    scores = ["SYS SID RAW.SCR Z.SCR N"]
    for sid in range(1, len(PAIRS) + 1):
        scores.append(f"Good.1 {sid} 90 0.8 1")
        scores.append(f"Bad.1 {sid} {20 if sid in (1, 3) else 85} {-1.5 if sid in (1, 3) else 0.6} 1")
    _write(base / "humaneval/DA/newstest2022-toen/ad-seg-scores-de-en.csv", "\n".join(scores) + "\n")
    terms = root / "wmt23-terminology-deen"
    _write(terms / "deen.de", "Die Versorgung der Patienten ist gut.\nDie Verletzung heilte schnell.\n")
    _write(terms / "deen.en", "The treatment of the patients is good.\nThe injury healed quickly.\n")
    _write(terms / "deen.term.proper", json.dumps([{"de": "Versorgung", "en": "treatment"}]) + "\n"
           + json.dumps([{"de": "Verletzung", "en": "injury"}]) + "\n")
    rows = [{"": "0", "src": PAIRS[0][0], "mt": PAIRS[0][1], "ref": PAIRS[0][1], "correctness": "1",
             "repetitions": "0", "named-entities": "0", "omission": "0", "strong-unsupport": "0",
             "full-unsupport": "0"},
            {"": "1", "src": PAIRS[2][0], "mt": "Mayor Olaf Scholz visited the plant on Tuesday.",
             "ref": PAIRS[2][1], "correctness": "0", "repetitions": "0", "named-entities": "1",
             "omission": "0", "strong-unsupport": "0", "full-unsupport": "0"}]
    path = root / "nmt-hallucinations-deen/guerreiro2022_corpus_w_annotations.csv"
    path.parent.mkdir(parents=True)
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    _write(root / "dfki-mt-testsuite-deen/items.json", json.dumps({"items": [
        {"category": "Negation", "source_sentence": "Er kam nicht.",
         "negative_tokens": ["He came."], "positive_tokens": ["He did not come."]}]}))
    return root


def _eval(data, out, *extra):
    assert main(["eval", str(data), "--out", str(out), "--quiet", *extra]) == 0
    return (out / "accuracy.md").read_text(), json.loads((out / "accuracy.json").read_text())


def test_eval_without_mt_writes_every_section(data, tmp_path, capsys):
    text, results = _eval(data, tmp_path / "docs", "--no-mt")
    # DEMETR: recall, precision against the clean twin, category recall and precision
    assert "| critical_id10_numbers_replaced | 1 | 100.0% | 100.0% | 100.0% | 100.0% |" in text
    assert "flagged: **0.0%** with MT off." in text
    assert results["demetr"]["mt_off"]["negatives"] == 1
    assert results["demetr"]["mt_on"] is None and "not run (--no-mt)" in text
    refs = results["wmt_references"]["mt_off"]
    assert [r["segments_flagged_pct"] for r in refs] == [0.0, 0.0]
    systems = results["wmt22_systems"]["mt_off"]
    bad = next(s for s in systems["systems"] if s["system"] == "Bad")
    assert bad["flagged"] == 2 and bad["mean_z_flagged"] == -1.5
    assert systems["all"]["auc_severity_vs_low_score"] == 1.0
    terms = results["wmt23_terminology"]
    assert terms["sentences_with_terms"] == 2 and terms["reference_false_alarm_pct"] == 0.0
    assert terms["corrupted_recall_pct"] == 100.0
    errors = results["nmt_errors"]["mt_off"]
    assert errors["named-entities"]["recall_pct"] == 100.0
    assert errors["named-entities"]["precision_pct"] == 100.0
    assert errors["correct"]["false_positive_pct"] == 0.0
    assert results["dfki"]["mt_off"] == [{
        "category": "Negation", "wrong_outputs": 1, "wrong_flagged_pct": 100.0,
        "right_outputs": 1, "right_flagged_pct": 0.0, "precision_pct": 100.0}]
    assert [row["sentence_pairs"] for row in results["alignment"]] == [8, 8]  # WMT21 + WMT22
    # segmentation: per language, both WMT files (4 lines → paragraphs of 3 and 1 each)
    seg = results["segmentation"]
    assert [(row["language"], row["boundaries"], row["qa"]["f1"], row["pysbd"]["sentences"])
            for row in seg["languages"]] == [("de", 4, 100.0, 8), ("en", 4, 100.0, 8)]
    assert seg["peer"].startswith("pysbd ") and f"{seg['peer']} alone" in text
    assert "| de | qa | 4 | 100.00% | 100.00% | 100.00% |" in text
    assert "`python benchmarks/segmentation.py`" in text
    assert results["data_provenance"] == [{"folder": "demetr", "title": "DEMETR — miniature",
                                           "source": "https://example.org/demetr",
                                           "commit": "0123456789ab"}]
    for heading in ("## Data", "## DEMETR", "## WMT human references", "## WMT22 system outputs",
                    "## WMT23 terminology", "## Real NMT errors", "## DFKI", "## Alignment",
                    "## Sentence segmentation"):
        assert heading in text


@pytest.mark.slow
def test_eval_with_the_toy_mt_models_runs_a_second_pass(data, tmp_path):
    text, results = _eval(data, tmp_path / "docs")
    assert "toy fixture models" in results["mt_models"] and not results["mt_real"]
    for name in ("demetr", "wmt_references", "wmt22_systems", "nmt_errors", "dfki"):
        assert results[name]["mt_on"], name
    assert "recall (MT on)" in text


def test_eval_refuses_a_folder_without_data(tmp_path, capsys):
    assert main(["eval", str(tmp_path / "nothing")]) == 2
    assert "no evaluation data" in capsys.readouterr().err


@pytest.mark.parametrize("content, message", [
    ("{broken", "x.json: not a DEMETR JSON file"),
    ('[{"id": 1}]', "demetr: not in the expected format (KeyError: 'src_sent')"),
])
def test_eval_reports_malformed_data_in_one_line(tmp_path, capsys, content, message):
    _write(tmp_path / "data/demetr/x.json", content)
    assert main(["eval", str(tmp_path / "data"), "--out", str(tmp_path / "out"), "-q"]) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1 and "Traceback" not in err
    assert not (tmp_path / "out" / "accuracy.md").exists()
