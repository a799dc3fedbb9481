"""Bilingual files in a batch manifest (``file = "memory.tmx"``): checked as a single
run on the file checks it, beside document pairs; a malformed entry is one line."""

from __future__ import annotations

import json
import shutil

from conftest import CORPORA
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
