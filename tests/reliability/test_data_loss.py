"""Issue 15, data loss: a checker never destroys the user's copy. No output (``-o``,
``--output-dir``, a baseline, a fixed copy, the MT cache) may replace an input however
it is spelled (``..``, ``./``, doubled slashes, links), and two outputs never land on
one path."""

from __future__ import annotations


import pytest

from hostile import article, assert_one_line_error, run, snapshot

pytestmark = pytest.mark.reliability


@pytest.fixture
def home(tmp_path, monkeypatch):
    """The working folder, holding ``article/`` (de.txt, en.txt, terms.csv) and the
    other files a run may read: a lexicon, a config, a baseline, residue patterns."""
    article(tmp_path / "article", defective=True)
    (tmp_path / "lexicon.tsv").write_text("Haushalt\tbudget\n", encoding="utf-8")
    (tmp_path / "qa.toml").write_text("mt = false\n", encoding="utf-8")
    (tmp_path / "accepted.json").write_text('{"qa-baseline": 1, "entries": []}\n', encoding="utf-8")
    (tmp_path / "residue.tsv").write_text("TODO\ttodo left\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


#: every input of a full run, and the flags that make them inputs
INPUT_FLAGS = ["--termbase", "article/terms.csv", "--lexicon", "lexicon.tsv", "--config",
               "qa.toml", "--baseline", "accepted.json"]
PAIR_ARGS = ["article/de.txt", "article/en.txt"]


@pytest.mark.parametrize("output", [
    "article/en.txt", "article/de.txt", "./article/en.txt", "article//en.txt",
    "missing/../article/en.txt", "article/missing/../../article/en.txt",
    "article/./de.txt", "article/terms.csv", "lexicon.tsv", "qa.toml", "accepted.json"])
def test_check_output_is_never_an_input_however_spelled(home, capsys, output):
    before = snapshot(home)
    code, _, err = run(["check", *PAIR_ARGS, *INPUT_FLAGS, "-o", output], capsys)
    assert_one_line_error(code, err, "refusing to overwrite an input file")
    assert snapshot(home) == before and not (home / "missing").exists()


def test_check_output_as_an_absolute_path_or_through_a_link_is_an_input(home, capsys):
    (home / "link.txt").symlink_to(home / "article" / "en.txt")
    (home / "folder-link").symlink_to(home / "article")
    before = snapshot(home)
    for output in (home / "article" / "en.txt", "link.txt", "folder-link/de.txt"):
        code, _, err = run(["check", *PAIR_ARGS, "-o", output], capsys)
        assert_one_line_error(code, err, "refusing to overwrite an input file")
    assert snapshot(home) == before


def test_residue_patterns_are_an_input_too(home, capsys):
    (home / "qa.toml").write_text('mt = false\nresidue-patterns = "residue.tsv"\n', encoding="utf-8")
    before = snapshot(home)
    code, _, err = run(["check", *PAIR_ARGS, "--config", "qa.toml", "-o", "residue.tsv"], capsys)
    assert_one_line_error(code, err, "refusing to overwrite an input file")
    assert snapshot(home) == before


def test_a_differently_cased_output_never_replaces_the_input(home, capsys):
    """On a case-insensitive file system ``EN.TXT`` is ``en.txt``; on this one it is
    another file. Either way the translation survives."""
    before = (home / "article" / "en.txt").read_bytes()
    code, _, err = run(["check", *PAIR_ARGS, "--no-mt", "-o", "article/EN.TXT"], capsys)
    assert code in (1, 2), err
    assert (home / "article" / "en.txt").read_bytes() == before


@pytest.mark.parametrize("formats", [["text"], ["json"], ["text", "github"]])
def test_output_dir_set_to_the_article_folder_is_refused(home, capsys, formats):
    """``qa check de.txt en.txt --output-dir article --format text`` would write
    article/en.txt over the translation."""
    before = snapshot(home)
    flags = [f for fmt in formats for f in ("--format", fmt)]
    code, _, err = run(["check", *PAIR_ARGS, "--no-mt", "--output-dir", "article", *flags],
                       capsys)
    if formats == ["json"]:  # en.json replaces nothing: written beside the pair
        assert code == 1 and (home / "article" / "en.json").is_file()
        return
    assert_one_line_error(code, err, "refusing to overwrite an input file")
    assert snapshot(home) == before


def test_a_batch_over_the_article_folder_into_itself_is_refused(home, capsys):
    """``qa check article --output-dir article --format text``: the pair is named ``de``
    and its text report would be article/de.txt, the German source."""
    (home / "article" / "terms.csv").unlink()
    before = snapshot(home)
    code, _, err = run(["check", "article", "--no-mt", "--format", "text", "--output-dir",
                        "article"], capsys)
    assert_one_line_error(code, err, "would replace an input file")
    assert snapshot(home) == before


@pytest.mark.parametrize("output", ["article/de.txt", "article/en.txt", "article/terms.csv",
                                    "qa.toml", "missing/../article/en.txt"])
def test_baseline_never_writes_over_an_input(home, capsys, output):
    before = snapshot(home)
    code, _, err = run(["baseline", *PAIR_ARGS, "--termbase", "article/terms.csv", "--config",
                        "qa.toml", "-o", output], capsys)
    assert_one_line_error(code, err, "refusing to overwrite an input file")
    assert snapshot(home) == before


@pytest.mark.parametrize("output", ["article/de.txt", "article/terms.csv", "accepted.json",
                                    "qa.toml", "lexicon.tsv", "missing/../article/en.txt"])
def test_fix_never_writes_over_another_input(home, capsys, output):
    before = snapshot(home)
    code, _, err = run(["fix", *PAIR_ARGS, *INPUT_FLAGS, "-o", output], capsys)
    assert_one_line_error(code, err, "refusing to overwrite an input file")
    assert snapshot(home) == before


@pytest.mark.parametrize("outputs", [
    ["r.txt", "r.txt"], ["r.txt", "./r.txt"], ["r.txt", "missing/../r.txt"]])
def test_two_outputs_on_one_path_are_refused_before_any_check(home, capsys, monkeypatch, outputs):
    import qa.runner

    def no_check(*args, **kwargs):
        raise AssertionError("checked before the outputs were validated")

    monkeypatch.setattr(qa.runner, "check_files", no_check)
    code, _, err = run(["check", *PAIR_ARGS, "--format", "text", "--format", "json",
                        "-o", outputs[0], "-o", outputs[1]], capsys)
    assert_one_line_error(code, err)
    assert not (home / "r.txt").exists()


def test_text_and_github_reports_have_their_own_files(home, capsys):
    code, _, err = run(["check", *PAIR_ARGS, "--no-mt", "--output-dir", "out", "--format",
                        "text", "--format", "github", "--format", "junit"], capsys)
    assert code == 1, err
    assert sorted(p.name for p in (home / "out").iterdir()) == [
        "en.github.txt", "en.junit.xml", "en.txt"]


@pytest.mark.parametrize("names", [
    ["same", "same"], ["a/b", "a_b"], ["index", "combined"], ["index", "index-pair"],
    ["x", "X"], ["", ""], ["..", "."]])
def test_batch_pairs_whose_names_clash_get_reports_of_their_own(home, capsys, names):
    manifest = home / "m.toml"
    manifest.write_text("".join(f'[[pair]]\nname = "{n}"\nsource = "article/de.txt"\n'
                                'target = "article/en.txt"\n' for n in names), encoding="utf-8")
    code, _, err = run(["check", manifest, "--no-mt", "--format", "json", "--output-dir", "out"],
                       capsys)
    assert code == 1, err
    reports = sorted(p.name for p in (home / "out").iterdir())
    pair_reports = [r for r in reports if not r.startswith(("combined.", "index."))]
    # one report each, none of them the batch's own files (case folded: a Mac or Windows
    # file system would merge x.json and X.json)
    assert len({r.lower() for r in pair_reports}) == len(names), reports
    assert {"combined.json", "index.html"} <= set(reports)


def test_mt_cache_never_takes_a_user_file_or_folder(tmp_path):
    from qa.errors import ConfigError
    from qa.mt.cache import TranslationCache

    glossary = tmp_path / "glossary.csv"
    glossary.write_text("de,en\nHaus,house\n", encoding="utf-8")
    for path, needle in ((glossary, "not a qa translation cache"), (tmp_path, "is a folder")):
        with pytest.raises(ConfigError, match=needle):
            TranslationCache(path)
    assert glossary.read_text(encoding="utf-8") == "de,en\nHaus,house\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["glossary.csv"]


def test_mt_cache_never_writes_into_another_programs_sqlite_database(tmp_path):
    """An SQLite file that is not a qa translation cache (another program's database)
    is refused, not given a table of ours or moved aside."""
    import sqlite3

    from qa.errors import ConfigError
    from qa.mt.cache import TranslationCache

    other = tmp_path / "app.db"
    with sqlite3.connect(other) as db:
        db.execute("CREATE TABLE users (name TEXT)")
        db.execute("INSERT INTO users VALUES ('ada')")
    db.close()
    before = other.read_bytes()
    with pytest.raises(ConfigError, match="not a qa translation cache"):
        TranslationCache(other)
    assert other.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["app.db"]


def test_mt_cache_on_an_input_document_is_refused_through_the_cli(home, capsys):
    before = snapshot(home)
    code, _, err = run(["check", *PAIR_ARGS, "--config", "qa.toml"], capsys)
    (home / "qa.toml").write_text('mt = true\nmt-cache = "article/en.txt"\n', encoding="utf-8")
    code, _, err = run(["check", *PAIR_ARGS, "--config", "qa.toml"], capsys)
    assert code in (1, 2), err
    if code == 2:
        assert_one_line_error(code, err)
    assert snapshot(home) == {**before, "qa.toml": (home / "qa.toml").read_bytes()}
    assert not list(home.rglob("*.corrupt-*"))
