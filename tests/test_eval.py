"""`qa eval` on a tiny data folder of our own (the real data stay outside the repo)."""

from __future__ import annotations

import json

from qa.cli import main


def test_eval_writes_accuracy_documents(tmp_path, capsys):
    demetr = tmp_path / "data" / "demetr"
    demetr.mkdir(parents=True)
    item = {"id": 101, "src_sent": "Die Firma beschäftigt 3.200 Menschen in Hamburg.",
            "eng_sent": "The company employs 3,200 people in Hamburg.",
            "mt_sent": "The company employs 3,200 people in Hamburg.",
            "pert_sent": "The company employs 4,100 people in Hamburg.", "pert_check": True}
    (demetr / "critical_id10_numbers_replaced.json").write_text(json.dumps([item]))
    out = tmp_path / "docs"
    assert main(["eval", str(tmp_path / "data"), "--out", str(out)]) == 0
    text = (out / "accuracy.md").read_text()
    # recall, precision against the clean twin, category recall and precision
    assert "| critical_id10_numbers_replaced | 1 | 100.0% | 100.0% | 100.0% | 100.0% |" in text
    assert "flagged: **0.0%** with MT off" in text
    assert json.loads((out / "accuracy.json").read_text())["demetr"]["mt_off"]["negatives"] == 1
    assert main(["eval", str(tmp_path / "nothing")]) == 2
