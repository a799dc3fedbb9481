"""German compounds, folding and the simplemma word lists (qa.lang)."""

from __future__ import annotations

from qa.lang.german import compound_splits
from qa.lang.normalise import fold


def test_compound_splits_offer_the_linking_elements():
    splits = dict((head, stems) for stems, head in compound_splits("Wirtschaftsstandort"))
    assert splits["standort"] == ["wirtschafts", "wirtschaft"]
    assert dict((h, s) for s, h in compound_splits("Sonnenschein"))["schein"] == \
        ["sonnen", "sonne", "sonn"]


def test_compound_splits_respect_the_minimum_lengths():
    assert all(len(head) >= 4 and all(len(s) >= 3 for s in stems)
               for stems, head in compound_splits("Versandart"))
    assert ("art" in [head for _, head in compound_splits("Versandart", min_head=3)])
    assert list(compound_splits("Haus")) == []


def test_fold_ignores_case_and_accents():
    assert fold("Élysée-Palast") == "elysee-palast"
    assert fold("Straße") == "strasse"


def test_known_word_and_lemma_read_simplemma_s_word_lists():
    import simplemma

    from qa.lang.dictionary import german_lemma, known_word

    for word, lang in (("Regierung", "de"), ("Rotorblättern", "de"), ("government", "en"),
                       ("Putin", "de"), ("xqzvw", "de"), ("Haus", "en")):
        assert known_word(word, lang) == simplemma.is_known(word, lang=lang), word
    assert german_lemma("Verteidigungsrates") == simplemma.lemmatize("Verteidigungsrates", lang="de")


def test_word_lists_are_cached_as_tries_in_qa_s_cache_folder(tmp_path):
    import os
    import subprocess
    import sys

    env = {**os.environ, "QA_CACHE_DIR": str(tmp_path)}
    code = "from qa.lang.dictionary import known_word; print(known_word('Regierung', 'de'))"
    for _ in range(2):  # built on the first run, read on the second
        out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                             text=True, check=True)
        assert out.stdout.strip() == "True" and out.stderr == ""
    files = sorted(p.name for p in tmp_path.glob("qa/simplemma-*/*"))
    assert files == ["de.dic", "de.dic.ok"]  # written whole, under its final name, stamped


def _words_for_lookup() -> list[str]:
    import itertools
    from pathlib import Path

    import wordfreq

    words = set()
    for path in sorted((Path(__file__).resolve().parents[2] / "corpora").glob("*/*.txt")):
        for raw in path.read_text(encoding="utf-8").split():
            words.update({raw, raw.strip(".,;:!?()[]{}\"„“”‚‘’«»")})
    for lang in ("de", "en"):
        words.update(itertools.islice(wordfreq.iter_wordlist(lang), 0, 60_000, 23))
    words.update(["", "'", "’", "Haus", "haus", "HAUS", "don't", "don’t", "donʼt", "Don't",
                  "o'clock", "O’Clock", "rock'n'roll", "l'amour", "Macron's", "Macron’s",
                  "natu\u0308rlich", "Straße", "STRASSE", "ǅemal", "İstanbul", "ß", "x'"])
    return sorted(words)


def test_known_word_reads_the_trie_as_simplemma_looks_up(tmp_path):
    """known_word opens the cached trie itself (no simplemma import) and must give
    simplemma.is_known's answer for every token: case reversal, apostrophe variants."""
    import simplemma
    from simplemma.utils import normalize_token

    from qa.lang.dictionary import _simplemma, _word_list, known_word

    words = _words_for_lookup()
    assert len(words) > 5000
    assert _word_list("de") is not None and _word_list("en") is not None
    lookup = _simplemma()[0]  # simplemma's own lookup over the same cached trie
    for lang in ("de", "en"):
        wrong = [w for w in words if known_word(w, lang) != (
            lookup.get_lemma(normalize_token(w), lang) is not None)]
        assert not wrong, (lang, wrong[:20])
        wrong = [w for w in words if w and known_word(w, lang) != simplemma.is_known(w, lang=lang)]
        assert not wrong, (lang, wrong[:20])


def test_known_word_does_not_import_simplemma_once_the_tries_exist(tmp_path):
    import os
    import subprocess
    import sys

    env = {**os.environ, "QA_CACHE_DIR": str(tmp_path)}
    code = ("import sys\nfrom qa.lang.dictionary import known_word\n"
            "print(known_word('Regierung', 'de'), known_word('Macron’s', 'en'), "
            "'simplemma' in sys.modules)")
    outputs = [subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                              text=True, check=True).stdout.split() for _ in range(2)]
    assert outputs[0][:2] == outputs[1][:2] and outputs[0][0] == "True"
    assert outputs[0][2] == "True" and outputs[1][2] == "False"  # built once, then mapped


def test_dictionary_signature_names_the_installed_simplemma():
    from importlib.metadata import version

    from qa.lang.dictionary import signature

    assert signature() == f"simplemma-{version('simplemma')}"


DING = """# Version :: 1.9
Haus {n}; Gebäude {n} :: house; building
Regierung {f} | Regierungen {pl} :: government | governments
Straße {f} :: street; road
Jahr {n} :: year
zu Hause :: at home
"""


def test_a_ding_dictionary_is_cached_as_a_trie_with_the_parsed_entries(tmp_path, monkeypatch):
    import subprocess
    import sys

    from qa.lang import lexicon

    monkeypatch.setenv("QA_CACHE_DIR", str(tmp_path / "cache"))
    path = tmp_path / "de-en"
    path.write_text(DING * 3, encoding="utf-8")
    parsed = lexicon._compact(lexicon._load_ding(path))
    first = lexicon._load_ding_cached(path)  # parsed and written
    files = sorted(p.name for p in (tmp_path / "cache" / "qa").iterdir())
    assert len(files) == 2 and files[0].startswith("ding-v3-") and files[0].endswith(".marisa")
    assert files[1] == files[0] + ".ok"  # the stamp that says qa wrote it
    second = lexicon._load_ding_cached(path)  # mapped from the cache
    for table in (first, second):
        assert dict(table.items()) == parsed and len(table) == len(parsed)
        assert table.get("nothing-like-it", "") == "" and "nothing-like-it" not in table
        assert all(table[k] == v and k in table for k, v in parsed.items())
    loaded = lexicon._load_lexicon(str(path), path.stat().st_size, path.stat().st_mtime_ns)
    assert loaded.translations("Häuser") == frozenset(
        (parsed.get(__import__("qa.lang.german", fromlist=["stem"]).stem("Häuser"), "")).split())
    # concurrent first loads in fresh processes leave one whole file and no temporaries
    fresh = tmp_path / "fresh"
    code = (f"from pathlib import Path\nfrom qa.lang.lexicon import _load_ding_cached\n"
            f"print(len(_load_ding_cached(Path({str(path)!r}))))")
    env = {**__import__("os").environ, "QA_CACHE_DIR": str(fresh)}
    runs = [subprocess.Popen([sys.executable, "-c", code], env=env, stdout=subprocess.PIPE,
                             text=True) for _ in range(3)]
    assert {run.communicate()[0].strip() for run in runs} == {str(len(parsed))}
    assert sorted(p.suffix for p in (fresh / "qa").iterdir()) == [".marisa", ".ok"]


def test_a_lexicon_knows_which_english_words_it_translates_to(tmp_path, monkeypatch):
    """``has_english``: the English side of a lexicon (the aligner counts an English word
    no source word explains only when the dictionary knows it). Ding's is a trie cached
    beside the dictionary's; other lexicons collect theirs; a termbase overlay adds its
    own."""
    from qa.lang import english, lexicon

    monkeypatch.setenv("QA_CACHE_DIR", str(tmp_path / "cache"))
    path = tmp_path / "de-en"
    path.write_text(DING, encoding="utf-8")
    ding = lexicon._load_lexicon(str(path), path.stat().st_size, path.stat().st_mtime_ns)
    names = sorted(p.name for p in (tmp_path / "cache" / "qa").iterdir()
                   if not p.name.endswith(".ok"))
    assert [n.split("-")[0] + "-" + n.split("-")[1] for n in names] == ["ding-en", "ding-v3"]
    again = lexicon._load_lexicon(str(path), path.stat().st_size, path.stat().st_mtime_ns + 1)
    for lex in (ding, again):  # built, then mapped from the cache
        assert lex.has_english(english.stem("governments")) and lex.has_english("street")
        assert not lex.has_english("budget")
    table = tmp_path / "lex.tsv"
    table.write_text("de\ten\nHaushalt\tbudget\n", encoding="utf-8")
    tsv = lexicon.load_lexicon(table)
    assert tsv.has_english("budget") and not tsv.has_english("street")
    merged = ding.merged(tsv)
    assert merged.has_english("budget") and merged.has_english("street")


def test_an_unstamped_word_list_in_a_read_only_cache_folder_is_not_used(monkeypatch):
    """A cache folder qa cannot write (a read-only CI cache) with word lists it did not
    stamp: simplemma answers from memory, no check fails on the PermissionError."""
    from pathlib import Path

    from qa.lang import dictionary

    def refuse(self, missing_ok=False):
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "unlink", refuse)
    monkeypatch.setattr(dictionary, "_simplemma", dictionary._simplemma.__wrapped__)
    monkeypatch.setattr(dictionary, "_word_list", dictionary._word_list.__wrapped__)
    monkeypatch.setattr("qa.paths.cache_is_intact", lambda path: False)
    assert dictionary._word_list("de") is None
    assert dictionary.known_word("Regierung", "de") and not dictionary.known_word("Zzqxv", "de")
