"""qa.lang.frequency.zipf: wordfreq's answer, read from a trie cached in qa's cache folder
(and wordfreq itself for anything the fast path cannot tokenise with certainty)."""

from __future__ import annotations

import itertools
import os
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
import wordfreq
from wordfreq.tokens import lossy_tokenize

from qa.lang import frequency
from qa.lang.frequency import _plain_tokens, zipf

REPO = Path(__file__).resolve().parents[2]

EDGE_CASES = [
    "", " ", "-", "'", "’", "--", "a", "A", "Haus", "HAUS", "haus", "Straße", "STRASSE",
    "strasse", "Maß", "Masse", "ß", "ẞ", "Öl", "öl", "Ölpreis", "Äußerung", "Éclair", "éclair",
    "naïve", "Ærø", "ĳssel", "Ĳssel", "ǅemal", "İstanbul", "ﬁnal", "natu\u0308rlich",
    "2020", "2021", "1990s", "90er", "2020er", "COVID-19", "G7", "G20", "A380", "007", "0",
    "12", "3.5", "3,5", "1.000", "10 000", "U.S.", "e.g.", "Dr.", "Macron's", "Macron’s",
    "don't", "don’t", "DON'T", "o'hara", "O'Hara", "l'arc", "l’arc", "qu'un", "aujourd'hui",
    "rock'n'roll", "students'", "'tis", "it's", "1'000", "a'1", "Harvard-Professorin",
    "E-Mail", "e-mail", "-haus", "haus-", "Nord-Süd-Dialog", "New York", "new  york",
    "Los Angeles Times", "ab 12 Uhr", "the the", "Bundes-Kanzler", "x-y-z", "Twitter",
    "Tiktok", "µm", "µ", "ºC", "ª", "Ω", "Москва", "東京", "\u200bHaus", "Haus\n", "\tHaus",
    "Haus.", "(Haus)", "„Haus“", "\"Haus\"", "Haus/Garten", "Haus–Garten", "Haus—Garten",
    "Haus\u2010Garten", "Haus\u00a0Garten", "über-", "œuvre", "Œuvre", "ǰ", "ŉ", "ſ",
    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "xqzvw", "zzz'zz", "workers'", "Bezos’",
    "’Twas", "''abc''", "a''b", "'l'arc", "qu'", "l'-arc", "1'", "90s'", "' '", "d'Ampezzo",
    "PRS_ORG", "prs_org", "_", "__", "a__b", "_'", "'_a", "x_'e", "O'Neill's", "rock 'n' roll", "'n'", "’’", "x'y'", "es’ war", "O'Hara's", "L'Oréal", "D'Angelo", "l'Équipe",
    "d'Alema", "qu'il", "l'a'e'i", "a'h'b", "c'est-à-dire", "aujourd’hui", "l'1",
]


def _corpus_words() -> list[str]:
    words = set()
    for path in sorted((REPO / "corpora").glob("*/*.txt")):
        text = path.read_text(encoding="utf-8")
        for raw in text.split():
            words.add(raw)
            words.add(raw.strip(".,;:!?()[]{}\"„“”‚‘’«»"))
    return sorted(w for w in words if w)


def _wordfreq_words() -> list[str]:
    words = []
    for lang in ("de", "en"):
        words += wordfreq.top_n_list(lang, 1500)
        # and a sample across the whole list: rare words, digits, apostrophes
        words += list(itertools.islice(wordfreq.iter_wordlist(lang), 0, None, 97))
    return words


def _cased(words: list[str]) -> list[str]:
    return [variant for w in words for variant in {w, w.capitalize(), w.upper()}]


@pytest.fixture(scope="module")
def fresh_zipf():
    frequency.zipf.cache_clear()
    yield zipf
    frequency.zipf.cache_clear()


@pytest.mark.parametrize("lang", ["de", "en"])
def test_zipf_is_wordfreq_s_answer_for_edge_cases(lang, fresh_zipf):
    for word in EDGE_CASES:
        assert fresh_zipf(word, lang) == wordfreq.zipf_frequency(word, lang), (word, lang)


@pytest.mark.parametrize("lang", ["de", "en"])
def test_zipf_is_wordfreq_s_answer_for_real_words(lang, fresh_zipf):
    words = _cased(_corpus_words()) + _cased(_wordfreq_words())
    assert len(words) > 5000
    wrong = [(w, fresh_zipf(w, lang), wordfreq.zipf_frequency(w, lang)) for w in words
             if fresh_zipf(w, lang) != wordfreq.zipf_frequency(w, lang)]
    assert not wrong, wrong[:20]
    plain = sum(1 for w in words if _plain_tokens(w) is not None)
    assert plain > 0.9 * len(words)  # nearly every real word takes the fast path


def test_zipf_combines_multi_word_and_number_tokens_like_wordfreq(fresh_zipf):
    rng = __import__("random").Random(7)
    top = {lang: wordfreq.top_n_list(lang, 3000) for lang in ("de", "en")}
    for lang, words in top.items():
        for _ in range(400):
            a, b, c = rng.sample(words, 3)
            number = str(rng.choice([7, 12, 99, 100, 1848, 1999, 2019, 2024, 2039, 2040,
                                     2077, 12345, 2_000_000]))
            for phrase in (f"{a} {b}", f"{a}-{b}-{c}", f"{a}{number}", f"{number} {a}",
                           f"{a.capitalize()}-{number}", number, f"{a}'{b}"):
                assert fresh_zipf(phrase, lang) == wordfreq.zipf_frequency(phrase, lang), \
                    (phrase, lang)


def test_fast_path_tokens_are_wordfreq_s_tokens_for_every_letter_it_accepts():
    """Every character the fast path treats as a letter, in every position it can take,
    splits (or not) exactly as wordfreq's tokenizer splits it."""
    letters = [chr(o) for o in range(0x250) if chr(o).isalpha()]
    templates = ("{c}", "a{c}b", "{c}{c}", "1{c}2", "{c}9", "{c}-{c}", "x{c}'{c}y",
                 "x{c}’{c}y", "{c}'s", "{c}{c}'{c}", "{c}'{c}", "{c} b", "{c}{c}{c}'a",
                 "{c}'", "'{c}", "{c}{c}’", "’{c}{c}", "'{c}'a", "{c}' b", "a '{c}",
                 "{c}_{c}", "_{c}", "{c}_", "_{c}'e", "{c}_'{c}", "9_{c}", "{c}_1",
                 "{c}'a'{c}", "{c}'{c}'a", "{c}a'e'{c}", "l'{c}", "qu'{c}", "{c}'h'a'b",
                 "a'{c}'{c}a", "{c}{c}{c}'{c}'e")
    checked = 0
    for c, template in itertools.product(letters, templates):
        word = template.format(c=c)
        for lang in ("de", "en"):
            tokens = _plain_tokens(word)
            if tokens is not None:
                assert tokens == lossy_tokenize(word, lang), (word, lang)
                checked += 1
    assert checked > 5000


def test_plain_tokens_decline_what_they_cannot_be_sure_of():
    for word in ("3.5", "U.S.", "Москва", "natu\u0308rlich\u0301x", "Haus/Garten", "a'1",
                 "İstanbul", "µm", "x_'e", "a''b", "1'a"):
        assert _plain_tokens(word) is None, word
    assert _plain_tokens("Harvard-Professorin") == ["harvard", "professorin"]
    assert _plain_tokens("Straße") == ["strasse"]
    assert _plain_tokens("Macron’s") == ["macron's"]
    assert _plain_tokens("workers'") == ["workers"] and _plain_tokens("’Twas") == ["twas"]
    assert _plain_tokens("PRS_ORG") == ["prs_org"]
    assert _plain_tokens("l'arc") == ["l", "arc"] and _plain_tokens("l’arc") == ["l'arc"]
    assert _plain_tokens("qu'il l'a") == ["qu", "il", "l", "a"]
    assert _plain_tokens("") == []


def test_other_languages_are_asked_of_wordfreq():
    assert zipf("maison", "fr") == wordfreq.zipf_frequency("maison", "fr")


def _run(code: str, cache: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "QA_CACHE_DIR": str(cache)}
    return subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                          text=True, check=True)


_PROBE = ("import sys\nfrom qa.lang.frequency import zipf\n"
          "print(zipf('Regierung', 'de'), zipf('Harvard-Professorin', 'de'), "
          "zipf('government', 'en'), 'wordfreq' in sys.modules)")


def test_the_tries_are_built_once_into_a_fresh_cache_folder_then_read(tmp_path):
    expected = (f"{wordfreq.zipf_frequency('Regierung', 'de')} "
                f"{wordfreq.zipf_frequency('Harvard-Professorin', 'de')} "
                f"{wordfreq.zipf_frequency('government', 'en')}")
    first = _run(_PROBE, tmp_path)
    assert first.stdout.strip() == f"{expected} True"  # built with wordfreq's own lists
    files = sorted(p.relative_to(tmp_path / "qa").as_posix() for p in tmp_path.rglob("*")
                   if p.is_file() and p.suffix != ".ok")  # (each has its stamp beside it)
    version = wordfreq.__version__ if hasattr(wordfreq, "__version__") else \
        frequency.installed("wordfreq")[0]
    assert [re.sub(r"-\d+\.marisa$", ".marisa", f) for f in files] == \
        [f"wordfreq-{version}/large_de.marisa", f"wordfreq-{version}/large_en.marisa"]
    mtimes = [p.stat().st_mtime_ns for p in sorted(tmp_path.rglob("*.marisa"))]
    second = _run(_PROBE, tmp_path)
    assert second.stdout.strip() == f"{expected} False"  # read, wordfreq never imported
    assert [p.stat().st_mtime_ns for p in sorted(tmp_path.rglob("*.marisa"))] == mtimes


@pytest.mark.slow
def test_concurrent_first_runs_do_not_corrupt_the_cache(tmp_path):
    env = {**os.environ, "QA_CACHE_DIR": str(tmp_path)}
    runs = [subprocess.Popen([sys.executable, "-c", _PROBE], env=env, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True) for _ in range(3)]
    outputs = [run.communicate() for run in runs]
    assert all(run.returncode == 0 for run in runs), [err for _, err in outputs]
    answers = {out.rsplit(" ", 1)[0] for out, _ in outputs}
    assert len(answers) == 1
    assert not list(tmp_path.rglob("*.tmp"))  # every temporary file renamed or removed
    assert _run(_PROBE, tmp_path).stdout.strip() == f"{answers.pop()} False"


def test_signature_names_the_installed_wordfreq():
    from importlib.metadata import version

    assert frequency.signature() == f"wordfreq-{version('wordfreq')}"


def test_a_plain_word_s_normalisation_matches_wordfreq_s():
    word = "natu\u0308rlich"  # combining diaeresis: NFC composes it
    assert _plain_tokens(word) == ["natürlich"]
    assert unicodedata.normalize("NFC", word) == "natürlich"
