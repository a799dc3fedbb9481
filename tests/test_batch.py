"""Batch runs: directory convention, TOML/YAML manifests, parallel checking, index and
combined outputs, and one broken pair that does not hide the others."""

from __future__ import annotations

import json
import os
from xml.etree import ElementTree

import jsonschema

from conftest import CORPORA, FIXTURES
from qa.cli import main
from qa.config import Config

SCHEMA = json.loads((FIXTURES / "schemas" / "sarif-schema-2.1.0.json").read_text())


def test_directory_convention_over_corpora(capsys, tmp_path):
    out = tmp_path / "reports"
    code = main(["check", str(CORPORA), "--no-mt", "--output-dir", str(out)])
    assert code == 0, capsys.readouterr()
    names = sorted(p.name for p in out.iterdir())
    assert {"index.html", "combined.json", "combined.sarif", "combined.junit.xml"} <= set(names)
    assert "france-politics.html" in names and "france-politics.json" in names
    index = (out / "index.html").read_text()
    assert index.count("<tr>") == 4 and "all passed" in index
    jsonschema.validate(json.loads((out / "combined.sarif").read_text()), SCHEMA)
    assert len(json.loads((out / "combined.sarif").read_text())["runs"]) == 3
    assert len(ElementTree.parse(out / "combined.junit.xml").getroot().findall("testsuite")) == 3


def test_manifest_with_defective_pairs_fails_and_a_broken_pair_is_an_error(capsys, tmp_path, write):
    broken = write("broken/en.txt", b"\xff\xfe\x00bin\x00ary")
    manifest = write("qa.toml", "\n".join(
        f'[[pair]]\nname = "{p}"\nsource = "{CORPORA / p / "de.txt"}"\n'
        f'target = "{CORPORA / p / "en.defective.txt"}"\ntermbase = ["{CORPORA / p / "terms.csv"}"]\n'
        for p in ("france-politics", "web-spyware", "business-windpower")))
    out = tmp_path / "out"
    assert main(["check", manifest, "--no-mt", "--output-dir", str(out), "--format", "json"]) == 1
    combined = json.loads((out / "combined.json").read_text())
    assert [p["report"]["summary"]["passed"] for p in combined["pairs"]] == [False] * 3
    with open(manifest, "a", encoding="utf-8") as fh:
        fh.write(f'[[pair]]\nname = "broken"\nsource = "{CORPORA / "france-politics" / "de.txt"}"\n'
                 f'target = "{broken}"\n')
    capsys.readouterr()
    assert main(["check", manifest, "--no-mt", "--output-dir", str(out)]) == 2
    err = capsys.readouterr().err
    assert "broken: error:" in err and "binary" in err
    index = (out / "index.html").read_text()
    assert "error:" in index and "france-politics.html" in index


def test_yaml_manifest(capsys, tmp_path, write):
    manifest = write("qa.yaml", "pairs:\n" + "".join(
        f"  - name: {p}\n    source: {CORPORA / p / 'de.txt'}\n    target: {CORPORA / p / 'en.txt'}\n"
        for p in ("france-politics", "web-spyware")))
    assert main(["check", manifest, "--no-mt", "--output-dir", str(tmp_path / "o"),
                 "--format", "sarif"]) == 0
    assert (tmp_path / "o" / "france-politics.sarif").is_file()


def test_bad_manifest_is_one_line_exit_2(capsys, write):
    manifest = write("bad.toml", "[[pair]]\nsource = 'x'\n")
    assert main(["check", manifest, "--no-mt"]) == 2
    assert "needs 'source' and 'target'" in capsys.readouterr().err


def test_batch_glob_from_config(capsys, tmp_path, write):
    write("articles/one/source.de.txt", (CORPORA / "france-politics" / "de.txt").read_text())
    write("articles/one/en.txt", (CORPORA / "france-politics" / "en.txt").read_text())
    config = write("qa.toml", 'batch-glob = "**/*.de.txt"\n')
    code = main(["check", str(tmp_path / "articles"), "--config", config, "--no-mt",
                 "--output-dir", str(tmp_path / "out"), "--format", "json"])
    assert code == 0 and (tmp_path / "out" / "one.json").is_file()


def test_worker_limit_is_passed_to_the_workers_not_set_here(monkeypatch):
    """The segmentation limit reaches each worker through its initializer; the calling
    process's environment is left alone."""
    from qa.batch import discover, run_batch

    monkeypatch.delenv("QA_WORKERS", raising=False)
    results = run_batch(discover(CORPORA), Config(mt=False), jobs=2, segment_workers=1)
    assert len(results) == 3 and all(r.report is not None for r in results)
    assert "QA_WORKERS" not in os.environ
    from qa import segment
    from qa.batch import _init_worker

    monkeypatch.setenv("QA_WORKERS", "8")
    try:
        _init_worker(1)  # what each worker process runs first: an explicit limit
        assert segment._workers() == 1 and os.environ["QA_WORKERS"] == "8"
    finally:
        segment.limit_workers(None)
    assert segment._workers() == 8


def test_batch_verdict_wording():
    from qa.batch import PairResult, PairSpec, batch_verdict
    from qa.model import Gate

    class _Report:
        def __init__(self, passed):
            self.gate = Gate(passed, None, None, () if passed else ("score 1 below minimum 2",))

    spec = PairSpec("a", "de.txt", "en.txt")
    ok, bad, broken = PairResult(spec, _Report(True)), PairResult(spec, _Report(False)), \
        PairResult(spec, error="x")
    assert batch_verdict([ok, ok]) == "all passed"
    assert batch_verdict([ok, bad, broken]) == "1 failed, 1 error"
    assert batch_verdict([broken, broken]) == "2 errors"
