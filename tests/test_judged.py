"""Judged precision (qa.evaluation.judged) on a miniature of the WMT layout, with
judgement files written here — the real judgements key the research-only test sets."""

from __future__ import annotations

from pathlib import Path

import pytest

from qa.errors import QAError
from qa.evaluation import judged

SOURCE = ["Die Regierung legte am Montag den Haushalt vor.", "Der Minister schwieg dazu.",
          "Die Opposition kritisierte den Entwurf scharf."]
TARGET = ["The government presented the budget on Tuesday.", "The minister said nothing.",
          "The opposition sharply criticised the draft."]


@pytest.fixture()
def data(tmp_path) -> Path:
    _, src, ref = judged.MATERIAL[0]
    for rel, lines in ((src, SOURCE), (ref, TARGET)):
        path = tmp_path / rel
        path.parent.mkdir(parents=True)
        path.write_text("\n".join(lines * 100) + "\n", encoding="utf-8")
    return tmp_path


def test_documents_alternate_between_the_parts_in_blocks(data):
    docs = list(judged.documents(data, per_file=2 * judged.SPLIT_BLOCK))
    assert [d.part for d in docs] == ["dev"] * judged.SPLIT_BLOCK + ["test"] * judged.SPLIT_BLOCK
    assert {judged.part_of(0), judged.part_of(judged.SPLIT_BLOCK)} == {"dev", "test"}
    assert docs[0].lines[:3] == (1, 2, 3) and len(docs[0].lines) == judged.DOCUMENT_SEGMENTS


def test_findings_are_keyed_by_line_and_span_and_counted_by_verdict(data, tmp_path, monkeypatch):
    doc = next(judged.documents(data, per_file=1))
    located = judged.locate(doc, judged.check(doc))
    weekday = [l for l in located if l.key.code == "NUM01"]
    assert weekday and weekday[0].key.line == 1 and weekday[0].key.side in ("source", "target")
    tsv = tmp_path / "j.tsv"
    key = weekday[0].key
    tsv.write_text("\t".join(judged.FIELDS) + "\n" + "\t".join(map(str, (
        key.dataset, key.line, key.side, key.start, key.end, key.code, "real", "weekday changed")))
        + "\n", encoding="utf-8")
    monkeypatch.setattr(judged, "judgement_files", lambda: [tsv])
    result = judged.evaluate(data, per_file=1)
    assert result["by_code"]["NUM01"]["dev"]["real"] == 1
    assert result["documents"]["dev"]["documents"] == 1


def test_a_malformed_judgement_names_the_file_and_line(tmp_path):
    tsv = tmp_path / "bad.tsv"
    tsv.write_text("\t".join(judged.FIELDS) + "\nwmt21-refA\tx\ttarget\t0\t1\tNUM01\treal\t\n",
                   encoding="utf-8")
    with pytest.raises(QAError, match="bad.tsv:2"):
        judged.load_judgements([tsv])
    tsv.write_text("\t".join(judged.FIELDS) + "\nwmt21-refA\t1\ttarget\t0\t1\tNUM01\tmaybe\t\n",
                   encoding="utf-8")
    with pytest.raises(QAError, match="verdict must be one of"):
        judged.load_judgements([tsv])


def test_the_shipped_judgements_load_and_hold_no_test_set_text():
    rows = judged.load_judgements()
    assert len(rows) > 300
    for verdict, cause in rows.values():
        assert verdict in judged.VERDICTS and len(cause) <= 60
