"""Batch runs: directory convention, TOML/YAML manifests, parallel checking, index and
combined outputs, and one broken pair that does not hide the others."""

from __future__ import annotations

import json
from xml.etree import ElementTree

import jsonschema

from conftest import CORPORA, FIXTURES, corpus_pairs
from qa.cli import main
from qa.config import Config

SCHEMA = json.loads((FIXTURES / "schemas" / "sarif-schema-2.1.0.json").read_text())
CORPUS_PAIRS = corpus_pairs()  # every corpora/ folder is a pair of the directory convention


def test_directory_convention_over_corpora(capsys, tmp_path):
    out = tmp_path / "reports"
    code = main(["check", str(CORPORA), "--no-mt", "--output-dir", str(out)])
    assert code == 0, capsys.readouterr()
    names = sorted(p.name for p in out.iterdir())
    assert {"index.html", "combined.json", "combined.sarif", "combined.junit.xml"} <= set(names)
    assert "france-politics.html" in names and "france-politics.json" in names
    index = (out / "index.html").read_text()
    assert index.count("<tr>") == len(CORPUS_PAIRS) + 1 and "all passed" in index
    jsonschema.validate(json.loads((out / "combined.sarif").read_text()), SCHEMA)
    assert len(json.loads((out / "combined.sarif").read_text())["runs"]) == len(CORPUS_PAIRS)
    assert len(ElementTree.parse(out / "combined.junit.xml").getroot().findall("testsuite")) == len(CORPUS_PAIRS)


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


def test_pairs_checked_in_worker_processes_are_the_pairs_checked_here():
    from qa.batch import _check_one, discover, run_batch

    specs = discover(CORPORA)
    pooled = run_batch(specs, Config(mt=False), jobs=2)
    assert len(pooled) == len(CORPUS_PAIRS) and all(r.report is not None for r in pooled)
    here = [_check_one((spec, Config(mt=False))) for spec in specs]
    assert [r.report.findings for r in pooled] == [r.report.findings for r in here]


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


# --- companions (termbase, baseline) and CI output of batch runs ---------------------

import shutil  # noqa: E402

import pytest  # noqa: E402

PAIRS = ("france-politics", "web-spyware")


@pytest.fixture
def articles(tmp_path, monkeypatch):
    """articles/<pair>/de.txt + en.txt (the defective translation) + terms.csv for two
    corpora pairs, in a temporary working directory."""
    for pair in PAIRS:
        folder = tmp_path / "articles" / pair
        folder.mkdir(parents=True)
        shutil.copy(CORPORA / pair / "de.txt", folder / "de.txt")
        shutil.copy(CORPORA / pair / "en.defective.txt", folder / "en.txt")
        shutil.copy(CORPORA / pair / "terms.csv", folder / "terms.csv")
    monkeypatch.chdir(tmp_path)
    return tmp_path / "articles"


def _manifest(path, pairs, extra=""):
    path.write_text("".join(f'[[pair]]\nname = "{p}"\nsource = "articles/{p}/de.txt"\n'
                            f'target = "articles/{p}/en.txt"\n{extra}\n' for p in pairs),
                    encoding="utf-8")
    return str(path)


def _combined(out):
    return {p["name"]: p for p in json.loads((out / "combined.json").read_text())["pairs"]}


def _accept_all(folder, code, where=None):
    """A baseline accepting every ``code`` finding of the pair in ``folder``."""
    from qa import baseline
    from qa.runner import check_files

    report = check_files(folder / "de.txt", folder / "en.txt",
                         Config(mt=False, termbase=(str(folder / "terms.csv"),)))
    found = [f for f in report.findings if f.code == code]
    assert found
    path = where or folder / baseline.FILE_NAME
    path.write_text(baseline.render(baseline.entries_for(found, report.source, report.target,
                                                         reason="ok")), encoding="utf-8")
    return len(found)


def test_a_manifest_pair_uses_the_termbase_and_baseline_beside_it(articles, capsys):
    """The same rule as folder runs: terms.csv beside the source is the pair's termbase
    (terminology checks do not silently vanish), qa-baseline.json its baseline."""
    manifest = _manifest(articles.parent / "qa.toml", PAIRS)
    main(["check", manifest, "--no-mt", "--output-dir", "out", "--format", "json"])
    codes = [f["code"] for f in _combined(articles.parent / "out")["france-politics"]["report"]["findings"]]
    assert "TRM02" in codes
    accepted = _accept_all(articles / "france-politics", "TRM02")
    main(["check", manifest, "--no-mt", "--output-dir", "out", "--format", "json"])
    pairs = _combined(articles.parent / "out")
    statuses = [f["status"] for f in pairs["france-politics"]["report"]["findings"] if f["code"] == "TRM02"]
    assert statuses == ["accepted"] * accepted
    assert all(f["status"] == "open" for f in pairs["web-spyware"]["report"]["findings"])
    _manifest(articles.parent / "qa.toml", PAIRS, "termbase = []\n")  # named: no termbase
    main(["check", manifest, "--no-mt", "--output-dir", "out", "--format", "json"])
    codes = [f["code"] for f in _combined(articles.parent / "out")["france-politics"]["report"]["findings"]]
    assert "TRM02" not in codes


def test_folder_runs_read_the_baseline_beside_the_translation(articles, capsys):
    accepted = _accept_all(articles / "web-spyware", "TRM02")
    main(["check", "articles", "--no-mt", "--output-dir", "out", "--format", "json"])
    findings = _combined(articles.parent / "out")["web-spyware"]["report"]["findings"]
    assert sum(f["status"] == "accepted" for f in findings) == accepted
    line = next(l for l in capsys.readouterr().out.splitlines() if l.startswith("web-spyware: "))
    assert line.endswith(f" findings · {accepted} accepted")


def test_a_manifest_baseline_key_is_the_pairs_baseline(articles, capsys):
    from qa.batch import read_manifest

    _accept_all(articles / "france-politics", "TRM02", articles.parent / "reviewed.json")
    manifest = articles.parent / "qa.yaml"
    manifest.write_text("pairs:\n  - name: fp\n    source: articles/france-politics/de.txt\n"
                        "    target: articles/france-politics/en.txt\n    baseline: reviewed.json\n",
                        encoding="utf-8")
    (spec,) = read_manifest(manifest)
    assert spec.baseline == "reviewed.json" and spec.termbase == ("articles/france-politics/terms.csv",)
    main(["check", str(manifest), "--no-mt", "--output-dir", "out", "--format", "json"])
    findings = _combined(articles.parent / "out")["fp"]["report"]["findings"]
    assert {f["status"] for f in findings if f["code"] == "TRM02"} == {"accepted"}


def test_a_missing_termbase_or_baseline_in_a_manifest_is_that_pairs_error_row(articles, capsys):
    manifest = articles.parent / "qa.toml"
    manifest.write_text(
        '[[pair]]\nname = "ok"\nsource = "articles/france-politics/de.txt"\n'
        'target = "articles/france-politics/en.txt"\n'
        '[[pair]]\nname = "no-terms"\nsource = "articles/web-spyware/de.txt"\n'
        'target = "articles/web-spyware/en.txt"\ntermbase = "articles/web-spyware/gone.csv"\n'
        '[[pair]]\nname = "no-baseline"\nsource = "articles/web-spyware/de.txt"\n'
        'target = "articles/web-spyware/en.txt"\nbaseline = "gone.json"\n', encoding="utf-8")
    assert main(["check", str(manifest), "--no-mt", "--output-dir", "out"]) == 2
    err = capsys.readouterr().err.splitlines()
    assert "no-terms: error: articles/web-spyware/gone.csv: termbase not found" in err
    assert "no-baseline: error: gone.json: baseline not found" in err
    pairs = _combined(articles.parent / "out")
    assert pairs["ok"]["report"] is not None and pairs["no-terms"]["report"] is None
    main(["check", str(manifest), "--no-mt", "--output-dir", "out", "--format", "github"])
    assert ("::error file=articles/web-spyware/en.txt,title=qa::no-terms could not be checked: "
            "articles/web-spyware/gone.csv: termbase not found") in capsys.readouterr().out.splitlines()


def test_a_manifest_that_is_not_a_table_is_one_line(write, capsys):
    assert main(["check", write("qa.yaml", "- just\n- a list\n"), "--no-mt"]) == 2
    assert "manifest lists no pairs" in capsys.readouterr().err


def test_a_manifest_key_of_the_wrong_type_is_one_line(articles, capsys):
    manifest = articles.parent / "qa.toml"
    manifest.write_text('[[pair]]\nsource = "a/de.txt"\ntarget = "a/en.txt"\nbaseline = 3\n')
    assert main(["check", str(manifest), "--no-mt"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "pair 1: source, target, baseline and termbase must be" in err


def test_github_format_annotates_every_pair_on_stdout(articles, capsys):
    """GitHub Actions reads annotations from stdout only; text and github reports get
    files of their own; the summary lists each blocking finding as a linter line."""
    code = main(["check", "articles", "--no-mt", "--output-dir", "out",
                 "--format", "text", "--format", "github", "--severity-policy", "declared"])
    out = capsys.readouterr().out
    assert code == 1
    annotated = {line.split("file=")[1].split(",")[0] for line in out.splitlines()
                 if line.startswith("::error ")}
    assert annotated == {f"articles/{p}/en.txt" for p in PAIRS}
    folder = articles.parent / "out"
    text = (folder / "france-politics.txt").read_text()
    github = (folder / "france-politics.github.txt").read_text()
    assert text.startswith("articles/france-politics/en.txt:") and github.startswith("::")
    summary = out[out.index("france-politics: failed"):].splitlines()
    assert "  articles/france-politics/en.txt:5:102: major TRM02 'Elysee Palace': the termbase " \
           "forbids it; use 'Élysée Palace'" in summary
    assert ("  articles/france-politics/en.txt:11:63: major OMA01 source sentence not translated: "
            "“Bereits zum dritten Mal in diesem Jahr hatte das Kabinett den Artikel…” "
            "[German: articles/france-politics/de.txt:11:67]") in summary
    assert str(articles) not in out


def test_batch_summary_lists_only_blocking_findings(articles, capsys):
    main(["check", "articles", "--no-mt", "--output-dir", "out", "--fail-on", "critical"])
    out = capsys.readouterr().out
    assert not any(line.startswith("  ") for line in out.splitlines())  # nothing is critical
    assert "france-politics: passed · score" in out


def test_every_format_has_its_own_file_ending():
    from qa.report import EXTENSIONS, RENDERERS

    endings = [EXTENSIONS[fmt] for fmt in RENDERERS]
    assert len(set(endings)) == len(endings)


def test_manifest_paths_are_relative_to_the_working_directory(articles, capsys):
    """A manifest elsewhere names its pairs relative to itself; reports name them
    relative to where qa runs (the repository root), never by machine path."""
    (articles.parent / "ci").mkdir()
    manifest = articles.parent / "ci" / "changed.toml"
    manifest.write_text('[[pair]]\nname = "fp"\nsource = "../articles/france-politics/de.txt"\n'
                        'target = "../articles/france-politics/en.txt"\n', encoding="utf-8")
    main(["check", str(manifest), "--no-mt", "--output-dir", "out", "--format", "sarif"])
    sarif = (articles.parent / "out" / "combined.sarif").read_text()
    jsonschema.validate(json.loads(sarif), SCHEMA)
    assert str(articles.parent) not in sarif
    assert '"uri": "articles/france-politics/en.txt"' in sarif


def test_batch_summary_counts_accepted_findings_and_stale_entries(articles, capsys):
    from qa import baseline
    from qa.model import BaselineEntry

    path = articles / "france-politics" / baseline.FILE_NAME
    accepted = _accept_all(articles / "france-politics", "TRM02")
    entries = baseline.parse(path.read_text(encoding="utf-8"), str(path))
    path.write_text(baseline.render([*entries, BaselineEntry("f" * 32, "NUM01", "999")]),
                    encoding="utf-8")
    main(["check", "articles", "--no-mt", "--output-dir", "out"])
    line = next(l for l in capsys.readouterr().out.splitlines() if l.startswith("france-politics: "))
    assert line.endswith(f" findings · {accepted} accepted · 1 stale baseline entry")


def test_batch_text_reports_follow_show_accepted_and_quiet(capsys, tmp_path):
    articles = tmp_path / "articles" / "fp"
    articles.mkdir(parents=True)
    pair = CORPORA / "france-politics"
    for name in ("de.txt", "terms.csv"):
        (articles / name).write_bytes((pair / name).read_bytes())
    (articles / "en.txt").write_bytes((pair / "en.defective.txt").read_bytes())
    assert main(["baseline", str(articles / "de.txt"), str(articles / "en.txt"),
                 "--termbase", str(articles / "terms.csv"), "--no-mt"]) == 0
    out = tmp_path / "reports"
    code = main(["check", str(tmp_path / "articles"), "--format", "text", "--output-dir",
                 str(out), "--show-accepted", "-q"])
    text = (out / "fp.txt").read_text()
    assert code == 0, capsys.readouterr()
    assert ": accepted (" in text and "--show-accepted lists them" not in text
    assert "skipped" not in text
