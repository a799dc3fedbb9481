"""Issue 15, caches are data: nothing qa reads back from disk can run code (no pickle,
marshal or ``allow_pickle`` anywhere in the package), and every cache that is damaged
or of the wrong shape (garbage, empty, a folder in its place, another kind of trie, a
trie of the right kind with values that do not decode, another program's database, a
broken Hugging Face ``refs/main``) is rebuilt or bypassed: never executed, never a
crash, never wrong answers on later runs."""

from __future__ import annotations

import re
from pathlib import Path

import marisa_trie
import pytest

from conftest import REPO

pytestmark = pytest.mark.reliability

#: ways of reading back data that can execute code or build arbitrary objects
UNSAFE_LOADS = re.compile(r"\b(pickle|cPickle|dill|joblib|marshal|shelve)\.(load|loads|Unpickler|open)\b"
                          r"|allow_pickle\s*=\s*True|\bimport (pickle|marshal|shelve|dill)\b"
                          r"|torch\.load\((?![^)]*weights_only\s*=\s*True)|\byaml\.load\("
                          r"|\byaml\.unsafe_load|\bUnsafeLoader\b|(?<![.\w])eval\(")


def test_no_code_executing_deserialiser_anywhere_in_the_package():
    hits = [f"{path.relative_to(REPO)}:{n}: {line.strip()}"
            for path in sorted((REPO / "qa").rglob("*.py"))
            for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
            if UNSAFE_LOADS.search(line) and not line.lstrip().startswith("#")]
    assert not hits, "\n".join(hits)


@pytest.fixture
def cache(tmp_path, monkeypatch):
    """An empty qa cache folder for this test only."""
    monkeypatch.setenv("QA_CACHE_DIR", str(tmp_path / "cache"))
    from qa.paths import cache_dir

    return cache_dir()


def _damage(path: Path, how: str) -> None:
    """Put a damaged cache at ``path``: garbage, nothing, a folder, another trie kind, a
    byte trie whose values are no UTF-8 or no two-byte records."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if how == "garbage":
        path.write_bytes(b"\x80\x04\x95cos\nsystem\n(S'touch pwned'\ntR." * 50)
    elif how == "empty":
        path.write_bytes(b"")
    elif how == "folder":
        path.mkdir()
    elif how == "key-trie":
        marisa_trie.Trie(["haus", "hund", "x"]).save(str(path))
    elif how == "bad-values":
        marisa_trie.BytesTrie([("haus", b"\xff\xfe\x00"), ("hund", b"\x00"),
                               ("the", b"\xff"), ("der", b"\xff")]).save(str(path))
    elif how == "truncated":
        marisa_trie.BytesTrie([(f"w{i}", b"v") for i in range(5000)]).save(str(path))
        path.write_bytes(path.read_bytes()[:-100])


#: a file that is no trie, and two that are valid tries of the wrong kind or with
#: values that do not decode (no stamp of qa's beside them: qa.paths.cache_is_intact)
DAMAGES = ["garbage", "empty", "folder", "truncated", "key-trie", "bad-values"]

DING = ("# tiny Ding dictionary for the cache tests\n"
        "Haus {n}; Häuser {pl} :: house; houses\n"
        "Hund {m} :: dog\n"
        "laufen {vi} :: to run\n")


def _ding(tmp_path: Path) -> Path:
    path = tmp_path / "de-en"
    path.write_text(DING, encoding="utf-8")
    return path


@pytest.mark.parametrize("how", DAMAGES)
def test_a_damaged_ding_cache_is_rebuilt(cache, tmp_path, how):
    from qa.lang.lexicon import _ding_english_cached, _load_ding_cached

    ding = _ding(tmp_path)
    fresh = dict(_load_ding_cached(ding).items())
    english = sorted(_ding_english_cached(ding, fresh))
    assert fresh and english
    for trie in sorted(cache.glob("ding-*.marisa")):
        if trie.is_file():
            trie.unlink()
        _damage(trie, how)
    for _ in range(2):  # rebuilt, then read back from the rebuilt file
        table = _load_ding_cached(ding)
        assert dict(table.items()) == fresh
        assert {key: table.get(key) for key in fresh} == fresh
        assert sorted(_ding_english_cached(ding, table)) == english


def _seeded(cache: Path, pattern: str, build) -> Path:
    """The cache file matching ``pattern``, copied from the user's own cache folder
    into ``cache`` (built there first by ``build`` if missing): a damaged copy is then
    rebuilt here without a first build of seconds."""
    import shutil

    from qa.paths import cache_dir

    real = cache_dir()
    found = sorted(real.glob(pattern))
    if not found:
        build()
        found = sorted(real.glob(pattern))
    assert found, pattern
    copy = cache / found[0].relative_to(real)
    copy.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(found[0], copy)
    return copy


@pytest.fixture
def seeded_cache(tmp_path, monkeypatch):
    """(the test's empty cache folder, a function that seeds it from the user's cache
    and points QA_CACHE_DIR at it)."""
    folder = tmp_path / "cache" / "qa"

    def seed(pattern: str, build) -> Path:
        path = _seeded(folder, pattern, build)
        monkeypatch.setenv("QA_CACHE_DIR", str(tmp_path / "cache"))
        return path

    return seed


def _frequency_damaged(seeded_cache, how):
    from qa.lang import frequency

    words = ["der", "haus", "regierung", "zzzqx"]
    real = frequency._trie("de")
    if real is None:
        pytest.skip("wordfreq 3 is not installed")
    expected = [real.get(w) for w in words]
    path = seeded_cache("wordfreq-*/*_de-*.marisa", lambda: frequency._trie("de"))
    path.unlink()
    _damage(path, how)
    for _ in range(2):
        trie = frequency._trie.__wrapped__("de")
        assert [trie.get(w) for w in words] == expected


def test_a_damaged_word_frequency_cache_is_rebuilt(seeded_cache):
    _frequency_damaged(seeded_cache, "garbage")


@pytest.mark.parametrize("how", ["key-trie", "bad-values"])
def test_a_word_frequency_cache_of_the_wrong_shape_is_rebuilt(seeded_cache, how):
    _frequency_damaged(seeded_cache, how)


def _word_list_damaged(seeded_cache, monkeypatch, how):
    from qa.lang import dictionary

    path = seeded_cache("simplemma-*/de.dic", lambda: dictionary.known_word("Haus", "de"))
    monkeypatch.setattr(dictionary, "_simplemma", dictionary._simplemma.__wrapped__)
    monkeypatch.setattr(dictionary, "_word_list", dictionary._word_list.__wrapped__)
    path.unlink()
    _damage(path, how)
    for _ in range(2):
        assert dictionary.known_word("Regierung", "de")
        assert dictionary.known_word("Haus", "de") and not dictionary.known_word("Zzqxv", "de")


def test_a_damaged_word_list_cache_is_rebuilt(seeded_cache, monkeypatch):
    _word_list_damaged(seeded_cache, monkeypatch, "garbage")


@pytest.mark.parametrize("how", ["key-trie", "bad-values"])
def test_a_word_list_cache_of_the_wrong_shape_is_rebuilt(seeded_cache, monkeypatch, how):
    _word_list_damaged(seeded_cache, monkeypatch, how)


def _wordnet_damaged(seeded_cache, how):
    from qa.lang import wordnet

    folder = wordnet.default_wordnet_path()
    if folder is None or wordnet.load_wordnet() is None:
        pytest.skip("wordnet-base is not installed")
    expected = sorted(wordnet.load_wordnet().antonyms("rise"))
    assert expected
    pattern = (f"wordnet-v{wordnet.CACHE_VERSION}-d{wordnet.HYPERNYM_LOWEST}"
               f"{wordnet.HYPERNYM_DEPTH}-c{wordnet.MAX_CLUSTER}-*.marisa")
    path = seeded_cache(pattern, wordnet.load_wordnet)
    path.unlink()
    _damage(path, how)
    for _ in range(2):
        assert sorted(wordnet.WordNet(wordnet._cached_trie(folder)).antonyms("rise")) == expected


def test_a_damaged_wordnet_cache_is_rebuilt(seeded_cache):
    _wordnet_damaged(seeded_cache, "garbage")


@pytest.mark.parametrize("how", ["key-trie", "bad-values"])
def test_a_wordnet_cache_of_the_wrong_shape_is_rebuilt(seeded_cache, how):
    _wordnet_damaged(seeded_cache, how)


def test_a_damaged_translation_cache_is_moved_aside_and_rebuilt(tmp_path, capsys):
    from qa.mt.cache import TranslationCache

    path = tmp_path / "cache.sqlite3"
    path.write_bytes(b"SQLite format 3\x00" + b"but damaged after its header" * 100)
    cache = TranslationCache(path)
    cache.put_many("sig", {"a": "b"})
    assert cache.get_many("sig", ["a"]) == {"a": "b"}
    assert "damaged" in capsys.readouterr().err
    assert list(tmp_path.glob("cache.sqlite3.corrupt-*"))


def test_a_translation_cache_of_the_wrong_shape_is_rebuilt_not_a_crash(tmp_path, capsys):
    """Our table name with other columns (an older or tampered cache)."""
    import sqlite3

    from qa.mt.cache import TranslationCache

    path = tmp_path / "cache.sqlite3"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE translations (a INTEGER)")
    db.close()
    cache = TranslationCache(path)
    cache.put_many("sig", {"Haus": "house"})
    assert cache.get_many("sig", ["Haus"]) == {"Haus": "house"}


@pytest.mark.parametrize("ref", [b"\xff\xfe\x00garbage", b"../../../../etc", b"a" * 5000, b"",
                                 b"0123456789abcdef0123456789abcdef01234567", None],
                         ids=["binary", "path", "huge", "empty", "missing-snapshot", "folder"])
def test_a_corrupt_hub_ref_falls_back_to_a_usable_snapshot(tmp_path, monkeypatch, ref):
    """A damaged ``refs/main`` in the Hugging Face cache (binary, a path outside the
    snapshots, huge, empty, naming no snapshot, a folder) is no traceback: the newest
    snapshot that holds a model is used."""
    from qa.mt.models import find_model

    monkeypatch.setenv("HF_HUB_CACHE", str(tmp_path))
    repo = tmp_path / "models--acme--opus-de-en"
    snapshot = repo / "snapshots" / "fedcba9876543210fedcba9876543210fedcba98"
    snapshot.mkdir(parents=True)
    (snapshot / "config.json").write_text("{}", encoding="utf-8")
    (snapshot / "model.safetensors").write_bytes(b"\0")
    (repo / "refs").mkdir()
    if ref is None:
        (repo / "refs" / "main").mkdir()
    else:
        (repo / "refs" / "main").write_bytes(ref)
    found = find_model("acme/opus-de-en")
    assert found is not None and found.path == snapshot and found.kind == "transformers"


def test_a_scale_store_record_is_json_and_a_tampered_one_is_not_loaded_as_code(tmp_path):
    from qa.scale import records

    source = Path(records.__file__).read_text(encoding="utf-8")
    assert "json" in source and not UNSAFE_LOADS.search(source)
