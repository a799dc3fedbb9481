"""The results store and pair records of ``--executor ray`` (:mod:`qa.scale`), without
Ray: records survive the store byte for byte, keys follow the files and settings that
change a result, and choosing Ray without it installed is one line and exit 2."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from conftest import CORPORA
from qa.batch import PairSpec, discover, run_batch, write_outputs, write_records
from qa.cli import main
from qa.config import Config
from qa.scale.records import PairRecord, record_of
from qa.scale.store import FILE_NAME, open_store, pair_key, run_signature

FORMATS = ["json", "html", "sarif", "junit", "text", "github"]


@pytest.fixture(scope="module")
def results():
    return run_batch(discover(CORPORA), Config(mt=False), jobs=1)


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if not p.name.startswith(FILE_NAME)}


def test_outputs_rebuilt_from_the_store_are_the_direct_ones(results, tmp_path):
    broken = replace(results[0], report=None, error="de.txt: cannot be read")
    results = [*results, broken]
    write_outputs(results, tmp_path / "direct", FORMATS)
    store = open_store(tmp_path / "stored")
    keys = []
    for k, result in enumerate(results):
        keys.append(f"pair-{k}")
        store.put(keys[-1], "sig", record_of(result, FORMATS))
    store.close()
    reopened = open_store(tmp_path / "stored")
    write_records(list(reopened.records(keys, "sig")), tmp_path / "stored", FORMATS)
    assert _files(tmp_path / "stored") == _files(tmp_path / "direct")
    assert len(_files(tmp_path / "direct")) == len(results[:-1]) * len(FORMATS) + 4


def test_a_pair_is_kept_once_whatever_how_often_it_is_written(results, tmp_path):
    store = open_store(tmp_path)
    record = record_of(results[0], ["json"])
    for _ in range(3):  # a retried task writes its pair again
        store.put("k", "sig", record)
    store.put("k", "other signature", record)
    assert store.count("sig") == 1 and store.count() == 2
    assert store.done(["k", "absent"], "sig") == {"k"}
    assert store.get("k", "sig") == record
    assert store.get("absent", "sig") is None


def test_records_are_json_never_pickles(results):
    record = record_of(results[0], ["json"])
    assert PairRecord.from_json(record.to_json()) == record
    assert record.to_json().startswith('{"name": ')


def test_the_key_follows_the_pairs_files(tmp_path):
    (tmp_path / "de.txt").write_text("Der Hund schläft.\n")
    (tmp_path / "en.txt").write_text("The dog sleeps.\n")
    spec = PairSpec("a", str(tmp_path / "de.txt"), str(tmp_path / "en.txt"))
    before = pair_key(spec)
    assert pair_key(spec) == before
    assert pair_key(replace(spec, name="b")) != before  # reports name the pair
    (tmp_path / "en.txt").write_text("The dog is asleep.\n")
    assert pair_key(spec) != before
    (tmp_path / "terms.csv").write_text("de,en\nHund,dog\n")
    with_terms = replace(spec, termbase=(str(tmp_path / "terms.csv"),))
    changed = pair_key(with_terms)
    (tmp_path / "terms.csv").write_text("de,en\nHund,hound\n")
    assert pair_key(with_terms) != changed


def test_the_run_signature_follows_what_changes_a_record(tmp_path):
    base = run_signature(Config(mt=False), ["json"], show_accepted=False, quiet=False)
    assert run_signature(Config(mt=False), ["json"], show_accepted=False, quiet=False) == base
    assert run_signature(Config(mt=False, fail_on="minor"), ["json"], show_accepted=False,
                         quiet=False) != base
    assert run_signature(Config(mt=False), ["json", "html"], show_accepted=False,
                         quiet=False) != base
    assert run_signature(Config(mt=False), ["json"], show_accepted=True, quiet=False) != base
    # where the run is and which cluster checks it change no finding
    assert run_signature(Config(mt=False, executor="ray", address="10.0.0.1:6379"), ["json"],
                         show_accepted=False, quiet=False) == base
    terms = tmp_path / "terms.csv"
    terms.write_text("de,en\nHund,dog\n")
    with_terms = run_signature(Config(mt=False, termbase=(str(terms),)), ["json"],
                               show_accepted=False, quiet=False)
    terms.write_text("de,en\nHund,hound\n")
    assert run_signature(Config(mt=False, termbase=(str(terms),)), ["json"],
                         show_accepted=False, quiet=False) != with_terms


def test_executor_ray_without_ray_is_one_line_and_exit_2(capsys, tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "ray", None)  # import ray → ImportError
    code = main(["check", str(CORPORA), "--no-mt", "--executor", "ray",
                 "--output-dir", str(tmp_path)])
    err = capsys.readouterr().err
    assert code == 2
    assert err == "qa: error: --executor ray needs the 'scale' extra: pip install " \
                  "'qa-de-en[scale]'\n"


def test_ray_is_imported_only_for_executor_ray(tmp_path):
    probe = ("import sys; from qa.cli import main; "
             f"main(['check', {str(CORPORA)!r}, '--no-mt', '-q', '--output-dir', {str(tmp_path)!r}]); "
             "import qa.scale.ray_run; print('ray' in sys.modules)")
    run = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                         timeout=300)
    assert run.stdout.strip().splitlines()[-1] == "False", run.stderr
