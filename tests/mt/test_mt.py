"""MT backends, cache, skipping and the back-translation checks, on the tiny Marian
fixtures (tests/fixtures/mt, built by build_tiny_marian.py)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import FIXTURES, REPO
from qa.cli import main
from qa.config import Config
from qa.mt.cache import TranslationCache
from qa.mt.models import find_model
from qa.mt.service import MTService, build_service
from qa.runner import check_documents

DE_EN = FIXTURES / "mt" / "tiny-de-en"
EN_DE = FIXTURES / "mt" / "tiny-en-de"
RANDOM = FIXTURES / "mt" / "random-en-de"
GERMAN = ["Der Präsident besucht Berlin am Montag.", "Die Polizei meidet das Werk heute.",
          "Die Regierung kritisiert die Stadt am Freitag."]
ENGLISH = ["The president visits Berlin on Monday.", "The police avoids the plant today.",
           "The government criticises the city on Friday."]


def mt_config(tmp_path, **kw) -> Config:
    kw.setdefault("mt_cache", str(tmp_path / "cache.sqlite3"))
    return Config(mt_models=(("back", str(EN_DE)), ("forward", str(DE_EN))), **kw)


@pytest.fixture(scope="module")
def marian_de_en():
    from qa.mt.marian import MarianTranslator

    return MarianTranslator(find_model(str(DE_EN)), beam=1)


@pytest.mark.slow
def test_trained_toy_translates_exactly(marian_de_en):
    assert marian_de_en.translate(GERMAN, "de", "en") == ENGLISH
    assert marian_de_en.signature().startswith("marian:") and "beam1" in marian_de_en.signature()


@pytest.mark.slow
def test_random_model_loads_and_batches():
    from qa.mt.marian import MarianTranslator

    translator = MarianTranslator(find_model(str(RANDOM)), beam=1, batch_size=2)
    out = translator.translate(ENGLISH * 3, "en", "de")
    assert len(out) == 9 and all(isinstance(t, str) for t in out)


@pytest.mark.slow
def test_ctranslate2_matches_transformers(tmp_path, marian_de_en):
    from qa.mt.ct2 import CTranslate2Translator, convert

    converted = convert(DE_EN, tmp_path / "ct2")
    translator = CTranslate2Translator(find_model(str(converted)), beam=1)
    assert find_model(str(converted)).kind == "ctranslate2"
    assert translator.translate(GERMAN, "de", "en") == marian_de_en.translate(GERMAN, "de", "en")


@pytest.mark.slow
def test_cache_second_run_makes_no_model_calls(tmp_path):
    config = mt_config(tmp_path)
    first, _ = build_service(config)
    assert first.back_translate(ENGLISH) == GERMAN
    assert first.calls == 3
    second, _ = build_service(config)
    assert second.back_translate(ENGLISH) == GERMAN
    assert second.calls == 0


def test_cache_is_shared_by_concurrent_writers(tmp_path):
    one, two = TranslationCache(tmp_path / "c.db"), TranslationCache(tmp_path / "c.db")
    one.put_many("s", {f"t{i}": f"u{i}" for i in range(200)})
    two.put_many("s", {f"t{i}": f"v{i}" for i in range(100, 300)})
    got = one.get_many("s", [f"t{i}" for i in range(300)])
    assert len(got) == 300 and got["t150"] == "u150"  # first writer wins, no error


@pytest.mark.slow
def test_backtranslation_findings_carry_translations_and_scores(tmp_path):
    report = check_documents(" ".join(GERMAN[:2]),
                             "The president visits Berlin on Monday. The government criticises "
                             "the city on Friday.", mt_config(tmp_path, select=("mt",)))
    assert [f.code for f in report.findings] == ["MTB01"]
    data = report.findings[0].data
    assert data["backtranslation"] == "Die Regierung kritisiert die Stadt am Freitag."
    assert data["forward"] == "The police avoids the plant today."
    assert data["chrf_back"] < 40 and data["chrf_forward"] < 40 and "chrfpp_back" in data
    assert "marian:" in report.signature and "chrF" in report.signature


@pytest.mark.slow
def test_clean_pair_is_clean_with_mt(tmp_path):
    report = check_documents(" ".join(GERMAN), " ".join(ENGLISH), mt_config(tmp_path))
    assert [f for f in report.findings if f.code.startswith("MTB")] == []


def test_without_a_model_mt_checks_are_skipped_with_the_fix(tmp_path, monkeypatch):
    monkeypatch.setenv("HF_HUB_CACHE", str(tmp_path / "empty-hub"))
    report = check_documents(GERMAN[0], ENGLISH[0], Config())
    reasons = {s.check: s.reason for s in report.skipped}
    assert "qa models download" in reasons["MTB01"] and "MTB02" in reasons


def test_require_mt_is_exit_2(capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("HF_HUB_CACHE", str(tmp_path / "empty-hub"))
    de = tmp_path / "de.txt"
    en = tmp_path / "en.txt"
    de.write_text(" ".join(GERMAN), encoding="utf-8")
    en.write_text(" ".join(ENGLISH), encoding="utf-8")
    assert main(["check", str(de), str(en), "--require-mt"]) == 2
    assert "MT required" in capsys.readouterr().err


@pytest.mark.slow
def test_cli_with_fixture_models_writes_mt_evidence_to_json(capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("QA_CACHE_DIR", str(tmp_path))
    de = tmp_path / "de.txt"
    en = tmp_path / "en.txt"
    de.write_text(" ".join(GERMAN), encoding="utf-8")
    en.write_text(ENGLISH[0] + " " + ENGLISH[2] + " " + ENGLISH[2], encoding="utf-8")
    code = main(["check", str(de), str(en), "--format", "json", "--quiet",
                 "--mt-model", f"back={EN_DE}", "--mt-model", f"forward={DE_EN}"])
    report = json.loads(capsys.readouterr().out)
    mtb = [f for f in report["findings"] if f["code"] == "MTB01"]
    assert code == 1 and mtb
    assert {"backtranslation", "forward", "chrf_back", "chrf_forward"} <= set(mtb[0]["data"])


@pytest.mark.slow
def test_no_mt_never_imports_torch(tmp_path):
    code = ("import sys\nfrom qa.runner import check_documents\nfrom qa.config import Config\n"
            "check_documents('Der Präsident besucht Berlin am Montag.', "
            "'The president visits Berlin on Monday.', Config(mt=False))\n"
            "check_documents('Der Präsident besucht Berlin am Montag.', "
            "'The president visits Berlin on Monday.', Config())\n"
            "print([m for m in ('torch', 'transformers', 'ctranslate2') if m in sys.modules])")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=REPO, env={"HF_HUB_CACHE": str(tmp_path), "PATH": "/usr/bin:/bin",
                                           "HOME": str(tmp_path)})
    assert result.stdout.strip().endswith("[]"), result.stdout + result.stderr


@pytest.mark.slow
def test_service_reuses_translations_within_a_run(tmp_path):
    service, _ = build_service(mt_config(tmp_path, mt_cache="off"))
    assert isinstance(service, MTService) and service.cache is None
    service.back_translate(ENGLISH + ENGLISH)
    assert service.calls == 3
    service.back_translate(ENGLISH)
    assert service.calls == 3


@pytest.mark.slow
def test_long_input_is_truncated_to_the_model_not_a_crash():
    from qa.mt.marian import MarianTranslator

    translator = MarianTranslator(find_model(str(DE_EN)), beam=1)
    out = translator.translate([" ".join(GERMAN * 30)], "de", "en")
    assert len(out) == 1 and isinstance(out[0], str)
