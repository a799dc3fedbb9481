"""Bilingual files in a batch manifest (``file = "memory.tmx"``): checked as a single
run on the file checks it, beside document pairs; a malformed entry is one line; a file
of more units than ``chunk-units`` is checked in chunks, every unit in exactly one."""

from __future__ import annotations

import json
import shutil

from conftest import CORPORA, translation_memory
from qa.cli import main


def test_a_manifest_file_entry_is_the_single_files_report(capsys, tmp_path, monkeypatch):
    for name in ("clean.tmx", "defective.tmx"):
        shutil.copy(CORPORA / "tmx-memory" / name, tmp_path / name)
    (tmp_path / "qa.toml").write_text(
        '[[pair]]\nfile = "clean.tmx"\n[[pair]]\nname = "bad"\nfile = "defective.tmx"\n'
        f'[[pair]]\nname = "france"\nsource = "{CORPORA}/france-politics/de.txt"\n'
        f'target = "{CORPORA}/france-politics/en.txt"\n')
    monkeypatch.chdir(tmp_path)
    code = main(["check", "qa.toml", "--no-mt", "--format", "json", "--output-dir", "out"])
    capsys.readouterr()
    for name, file in (("clean", "clean.tmx"), ("bad", "defective.tmx")):
        main(["check", file, "--no-mt", "--format", "json"])
        assert (tmp_path / "out" / f"{name}.json").read_text() == capsys.readouterr().out
    combined = json.loads((tmp_path / "out" / "combined.json").read_text())
    assert [p["name"] for p in combined["pairs"]] == ["clean", "bad", "france"]
    assert [p["source"] for p in combined["pairs"][:2]] == ["clean.tmx", "defective.tmx"]
    assert combined["pairs"][0]["report"]["units"]["checked"] > 0
    passed = [p["report"]["summary"]["passed"] for p in combined["pairs"]]
    assert passed == [True, False, True] and code == 1


def test_a_file_entry_must_name_a_bilingual_file(capsys, tmp_path):
    manifest = tmp_path / "qa.toml"
    manifest.write_text('[[pair]]\nfile = "de.txt"\n')
    assert main(["check", str(manifest), "--no-mt", "--output-dir", str(tmp_path / "o")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "'file' takes a bilingual file" in err


def _unit_findings(report: dict) -> set[tuple[str, str]]:
    """(check, unit) of the findings about one unit as a whole (empty or copied target,
    inline codes): what a unit's neighbours cannot change."""
    return {(f["code"], f["data"]["unit"]) for f in report["findings"]
            if f["code"] in ("UNT03", "MRK01")}


def test_a_big_file_is_checked_in_chunks_each_unit_once(capsys, tmp_path, monkeypatch):
    translation_memory(tmp_path / "memory.tmx", 2000, "defective.tmx")
    (tmp_path / "qa.toml").write_text('[[pair]]\nfile = "memory.tmx"\n')
    monkeypatch.chdir(tmp_path)
    main(["check", "qa.toml", "--no-mt", "--format", "json", "--output-dir", "out",
          "--chunk-units", "600"])
    main(["check", "memory.tmx", "--no-mt", "--format", "json", "-o", "whole.json"])
    capsys.readouterr()
    pairs = json.loads((tmp_path / "out" / "combined.json").read_text())["pairs"]
    whole = json.loads((tmp_path / "whole.json").read_text())
    reports = [p["report"] for p in pairs]
    assert [p["name"] for p in pairs] == ["memory units 1-600", "memory units 601-1200",
                                          "memory units 1201-1800", "memory units 1801-1900"]
    # every unit in exactly one chunk: checked and skipped counts add up to the file's
    for key in ("checked", "untranslated"):
        assert sum(r["units"][key] for r in reports) == whole["units"][key]
    skipped = [r["units"]["skipped"] for r in reports]
    assert {k: sum(s.get(k, 0) for s in skipped) for k in whole["units"]["skipped"]} \
        == whole["units"]["skipped"]
    assert set().union(*map(_unit_findings, reports)) == _unit_findings(whole)
    # findings point at their unit's lines in the file, in every chunk
    lines = (tmp_path / "memory.tmx").read_text(encoding="utf-8").splitlines()
    unit_line = {line.split('tuid="')[1].split('"')[0]: k + 1
                 for k, line in enumerate(lines) if 'tuid="' in line}
    sarif = json.loads((tmp_path / "out" / "combined.sarif").read_text())
    placed = [(r["properties"]["unit"], r["locations"][0]["physicalLocation"]["region"]["startLine"])
              for run in sarif["runs"] for r in run["results"] if r["properties"].get("unit")]
    ordinals = [int(unit.rsplit("-", 1)[1]) for unit, _ in placed]
    assert min(ordinals) < 600 and max(ordinals) >= 1800  # the first chunk's and the last's
    assert all(0 <= line - unit_line[unit] < 8 for unit, line in placed)


def test_a_file_within_the_chunk_size_or_chunk_units_0_is_checked_whole(capsys, tmp_path, monkeypatch):
    translation_memory(tmp_path / "memory.tmx", 300)
    (tmp_path / "qa.toml").write_text('[[pair]]\nfile = "memory.tmx"\n')
    monkeypatch.chdir(tmp_path)
    for size in ("300", "0"):
        main(["check", "qa.toml", "--no-mt", "--format", "json", "--output-dir", f"o{size}",
              "--chunk-units", size])
        pairs = json.loads((tmp_path / f"o{size}" / "combined.json").read_text())["pairs"]
        assert [p["name"] for p in pairs] == ["memory"]
    capsys.readouterr()


def _copied_tail(path, copied: int) -> None:
    """Make the last ``copied`` units' English the copy of their German (a memory whose
    end was never translated)."""
    import re

    text = path.read_text(encoding="utf-8")
    tus = list(re.finditer(r"<tu .*?</tu>", text, re.S))
    out, at = [], 0
    for m in tus[-copied:]:
        de = re.search(r'<tuv xml:lang="de-DE"><seg>(.*?)</seg>', m.group(0), re.S)
        unit = re.sub(r'(<tuv xml:lang="en-GB"><seg>).*?(</seg>)',
                      lambda e: e.group(1) + de.group(1) + e.group(2), m.group(0), flags=re.S) \
            if de else m.group(0)
        out += [text[at:m.start()], unit]
        at = m.end()
    path.write_text("".join(out) + text[at:], encoding="utf-8")


def test_the_languages_of_a_split_file_are_judged_on_the_whole_file(capsys, tmp_path, monkeypatch):
    """A last chunk of copied German targets alone looks German; the file does not: the
    chunk is checked and its copies reported, not refused."""
    translation_memory(tmp_path / "memory.tmx", 1000)
    _copied_tail(tmp_path / "memory.tmx", 150)
    (tmp_path / "qa.toml").write_text('[[pair]]\nfile = "memory.tmx"\n')
    monkeypatch.chdir(tmp_path)
    code = main(["check", "qa.toml", "--no-mt", "--format", "json", "--output-dir", "out",
                 "--chunk-units", "200"])
    capsys.readouterr()
    pairs = json.loads((tmp_path / "out" / "combined.json").read_text())["pairs"]
    assert len(pairs) == 5 and not any(p.get("error") for p in pairs) and code == 1
    assert any(f["code"] == "UNT03" for f in pairs[-1]["report"]["findings"])


def test_a_file_with_a_baseline_is_checked_whole(capsys, tmp_path, monkeypatch):
    """Accepted findings are known by fingerprints numbered over the whole file: a file
    with a baseline is not split."""
    translation_memory(tmp_path / "memory.tmx", 2000, "defective.tmx")
    monkeypatch.chdir(tmp_path)
    assert main(["baseline", "memory.tmx", "--no-mt"]) == 0
    (tmp_path / "qa.toml").write_text('[[pair]]\nfile = "memory.tmx"\n')
    main(["check", "qa.toml", "--no-mt", "--format", "json", "--output-dir", "out",
          "--chunk-units", "600"])
    capsys.readouterr()
    pairs = json.loads((tmp_path / "out" / "combined.json").read_text())["pairs"]
    assert [p["name"] for p in pairs] == ["memory"] and pairs[0]["report"]["summary"]["passed"]
