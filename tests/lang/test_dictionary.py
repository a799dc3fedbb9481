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
    assert files == ["de.dic"]  # written whole, under its final name
