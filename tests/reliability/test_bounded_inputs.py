"""Issue 15, inputs bounded: qa reads only regular files (a FIFO with no writer, a
link to ``/dev/zero``, a folder, as any of its inputs, is one line and exit 2), refuses
a file over the size limit before reading it, and finishes on pathological documents
(a 5 MB line without a sentence end, 2,000 sentences in one paragraph, a 1 MB word, a
100,000-entry termbase, entity bombs in XML). The alarms here are hang guards, far
above the expected times, not performance assertions."""

from __future__ import annotations

import os
import signal
import time
from contextlib import contextmanager

import pytest

from conftest import CORPORA
from hostile import ENGLISH, GERMAN, assert_one_line_error, home, run  # noqa: F401 (home: a fixture)

pytestmark = pytest.mark.reliability

#: seconds after which a run is taken to hang (each guarded run takes under a tenth of it
#: on the 2-core test machine)
HANG_GUARD_S = 120
#: the same for a run that must refuse its input at once (a FIFO, a device)
REFUSAL_GUARD_S = 20


class Hang(Exception):
    pass


@contextmanager
def hang_guard(seconds: int = HANG_GUARD_S):
    """Raise :class:`Hang` in this (main) thread if the block runs ``seconds``: a
    blocking ``open`` of a FIFO or an endless read ends in a failed test, not a stuck
    suite."""
    def alarm(signum, frame):
        raise Hang(f"still running after {seconds} s")

    before = signal.signal(signal.SIGALRM, alarm)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, before)



def _special(home, kind: str, name: str) -> str:
    """A FIFO with no writer, a link to /dev/zero or a folder named ``name``."""
    path = home / name
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "zero":
        path.symlink_to("/dev/zero")
    else:
        path.mkdir()
    return name


KINDS = ["fifo", "zero", "folder"]


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("role", ["source", "target", "termbase", "baseline", "lexicon",
                                  "config", "residue", "manifest", "bilingual", "batch-pair"])
def test_a_pipe_a_device_or_a_folder_as_any_input_is_one_line(home, capsys, kind, role):
    suffix = {"termbase": ".csv", "baseline": ".json", "lexicon": ".tsv", "config": ".toml",
              "residue": ".tsv", "manifest": ".toml", "bilingual": ".xlf"}.get(role, ".txt")
    special = _special(home, kind, f"special{suffix}")
    pair = ["article/de.txt", "article/en.txt", "--no-mt"]
    argv = {
        "source": ["check", special, "article/en.txt", "--no-mt"],
        "target": ["check", "article/de.txt", special, "--no-mt"],
        "termbase": ["check", *pair, "--termbase", special],
        "baseline": ["check", *pair, "--baseline", special],
        "lexicon": ["check", *pair, "--lexicon", special],
        "config": ["check", *pair, "--config", special],
        "residue": ["check", *pair, "--config", "qa.toml"],
        "manifest": ["check", special, "--no-mt", "--output-dir", "out"],
        "bilingual": ["check", special, "--no-mt"],
        "batch-pair": ["check", "batch", "--no-mt", "--output-dir", "out"],
    }[role]
    if role == "residue":
        (home / "qa.toml").write_text(f'residue-patterns = "{special}"\n', encoding="utf-8")
    if role == "batch-pair":
        (home / "batch" / "a").mkdir(parents=True)
        (home / "batch" / "a" / "de.txt").write_text(GERMAN, encoding="utf-8")
        os.replace(home / special, home / "batch" / "a" / "en.txt")
    with hang_guard(REFUSAL_GUARD_S):
        code, _, err = run(argv, capsys)
    if role == "batch-pair":  # the pair is an error row, the batch's exit 2
        assert code == 2 and err.count("\n") == 1 and "a: error: batch/a/en.txt" in err, err
        return
    assert_one_line_error(code, err)


def test_the_loaders_refuse_what_is_not_a_regular_file(tmp_path):
    from qa.bilingual import open_reading
    from qa.errors import InputError
    from qa.io import load_text

    fifo = tmp_path / "en.txt"
    os.mkfifo(fifo)
    link = tmp_path / "zero.txt"
    link.symlink_to("/dev/zero")
    (tmp_path / "zero.xlf").symlink_to("/dev/zero")
    with hang_guard(REFUSAL_GUARD_S):
        for path in (fifo, link):
            with pytest.raises(InputError, match="not a regular file"):
                load_text(path)
        with pytest.raises(InputError, match="not a regular file"):
            open_reading(tmp_path / "zero.xlf")


@pytest.mark.parametrize("name", ["en.txt", "en.docx", "file.xlf", "terms.csv"])
def test_a_file_over_the_size_limit_is_refused_before_it_is_read(home, capsys, monkeypatch, name):
    """A sparse file of 600 MB: refused from its size, never read into memory."""
    from qa import io

    big = home / name
    with open(big, "wb") as handle:
        handle.truncate(io.MAX_INPUT_BYTES + 1)

    from pathlib import Path

    real_read = Path.read_bytes

    def read_bytes(self):
        if self.resolve() == big.resolve():
            raise AssertionError("read a file over the size limit")
        return real_read(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    argv = {"en.txt": ["article/de.txt", name], "en.docx": ["article/de.txt", name],
            "file.xlf": [name], "terms.csv": ["article/de.txt", "article/en.txt",
                                              "--termbase", name]}[name]
    with hang_guard(REFUSAL_GUARD_S):
        code, _, err = run(["check", *argv, "--no-mt"], capsys)
    assert_one_line_error(code, err)
    if name != "terms.csv":
        assert "larger than" in err


def test_the_size_limit_is_the_runs_own(home, capsys):
    """``--max-input-mb`` (``max-input-mb`` in [tool.qa]) lowers or raises the limit."""
    from qa.io import limit_input

    big = home / "big.txt"
    big.write_bytes(b"Die Regierung legte den Haushalt vor. " * 60_000)  # ~2.2 MB
    try:
        code, _, err = run(["check", "article/de.txt", "big.txt", "--no-mt",
                            "--max-input-mb", "1"], capsys)
        assert_one_line_error(code, err, "larger than 1 MB (max-input-mb)")
        code, _, err = run(["check", "article/de.txt", "big.txt", "--no-mt",
                            "--max-input-mb", "3", "-o", "r.json", "--format", "json"], capsys)
        assert "larger than" not in err and "looks German" in err  # read, then judged
        code, _, err = run(["check", "article/de.txt", "big.txt", "--max-input-mb", "0"], capsys)
        assert_one_line_error(code, err, "'max-input-mb' must be a whole number from 1")
        run(["check", "article/de.txt", "big.txt", "--no-mt", "--max-input-mb", "1"], capsys)
        from qa import io

        assert io._max_input_bytes == io.MAX_INPUT_BYTES  # nothing left for a later run
        # the library's entry points take it from their configuration too
        from qa.config import Config
        from qa.errors import InputError
        from qa.runner import check_files

        with pytest.raises(InputError, match="max-input-mb"):
            check_files("article/de.txt", "big.txt", Config(mt=False, max_input_mb=1))
    finally:
        limit_input(None)


def _cpu_run(capsys, argv):
    start = time.process_time()
    with hang_guard():
        code, out, err = run(argv, capsys)
    return code, err, time.process_time() - start


def test_a_5_mb_line_without_a_sentence_end_finishes(home, capsys):
    line = ("die Regierung legte den Haushalt vor und " * 125_000)[:5_000_000]
    (home / "de.txt").write_text(line + "\n", encoding="utf-8")
    (home / "en.txt").write_text(("the government presented the budget and " * 125_000)[:5_000_000]
                                 + "\n", encoding="utf-8")
    # every check: the splitter cuts a run without sentence ends into pieces of at most
    # qa.segment.MAX_SENTENCE_CHARS, so no check's work on a pair grows with the run
    code, err, _ = _cpu_run(capsys, ["check", "de.txt", "en.txt", "--no-mt", "-q", "-o", "r.txt"])
    assert code in (0, 1), err


def _letters_examined(monkeypatch, module, function: str, word: str, call) -> int:
    """How many letters ``module.function`` is handed (or hands out) while ``call``
    examines ``word``: a count of work that does not depend on the machine."""
    seen = [0]
    real = getattr(module, function)

    def counting(*args, **kwargs):
        result = real(*args, **kwargs)
        if function == "compound_splits":
            result = list(result)
            seen[0] += sum(len(head) + sum(map(len, mods)) for mods, head in result)
        else:
            seen[0] += len(args[0])
        return result

    monkeypatch.setattr(module, function, counting)
    call(word)
    monkeypatch.setattr(module, function, real)
    return seen[0]


#: letters a word-splitting test may examine per letter of the word (a bounded number
#: of splits, each of a bounded length: linear)
LETTERS_PER_LETTER = 64


@pytest.mark.parametrize("language", ["english", "german"])
def test_a_long_word_costs_compound_splitting_linear_work(monkeypatch, language):
    from qa.lang import english, german

    word = "Ab" + "c" * 4_000
    if language == "english":
        work = _letters_examined(monkeypatch, english, "ordinary_word", word,
                                 english.compound_word.__wrapped__)
    else:
        work = _letters_examined(monkeypatch, german, "compound_splits", word,
                                 german.frequent_german_compound)
    assert work <= LETTERS_PER_LETTER * len(word), work


def test_2000_sentences_in_one_paragraph_finish(home, capsys):
    (home / "de.txt").write_text("Die Regierung legte am Montag den Haushalt vor. " * 2000,
                                 encoding="utf-8")
    (home / "en.txt").write_text("The government presented the budget on Monday. " * 2000,
                                 encoding="utf-8")
    code, err, _ = _cpu_run(capsys, ["check", "de.txt", "en.txt", "--no-mt", "-q", "-o", "r.txt"])
    assert code in (0, 1), err


def test_a_1_mb_word_finishes(home, capsys):
    (home / "de.txt").write_text(GERMAN + "\n\nA" + "b" * 1_000_000 + ".\n", encoding="utf-8")
    (home / "en.txt").write_text(ENGLISH + "\n\nA" + "b" * 1_000_000 + ".\n", encoding="utf-8")
    code, err, _ = _cpu_run(capsys, ["check", "de.txt", "en.txt", "--no-mt", "-q", "-o", "r.txt"])
    assert code in (0, 1, 2), err
    if code == 2:
        assert_one_line_error(code, err)


def test_a_100k_entry_termbase_finishes(home, capsys):
    with open(home / "terms.csv", "w", encoding="utf-8") as handle:
        handle.write("de,en\nHaushalt,budget\n")
        handle.writelines(f"Begriff{i},term{i}\n" for i in range(100_000))
    (home / "de.txt").write_text("Die Regierung legte am Montag den Haushalt vor.\n\n" * 300,
                                 encoding="utf-8")
    (home / "en.txt").write_text("The government presented the budget on Monday.\n\n" * 300,
                                 encoding="utf-8")
    code, err, _ = _cpu_run(capsys, ["check", "de.txt", "en.txt", "--no-mt", "-q", "--termbase",
                                     "terms.csv", "-o", "r.txt"])
    assert code in (0, 1), err


LAUGHS = ('<!DOCTYPE xliff [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
          '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">'
          '<!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;"><!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">]>')
EXTERNAL = '<!DOCTYPE xliff [<!ENTITY x SYSTEM "file:///etc/passwd">]>'


@pytest.mark.parametrize("doctype", [LAUGHS, EXTERNAL], ids=["billion-laughs", "external"])
@pytest.mark.parametrize("name", ["xliff-newsroom/clean.xlf", "tmx-memory/clean.tmx"])
def test_entity_bombs_and_external_entities_are_refused(tmp_path, capsys, doctype, name):
    text = (CORPORA / name).read_text(encoding="utf-8")
    root = text.index("<", text.index("?>") + 2)
    bomb = text[:root] + doctype.replace("xliff", "tmx" if name.endswith(".tmx") else "xliff") \
        + text[root:].replace("</target>", "&f;</target>" if doctype is LAUGHS else "&x;</target>", 1)
    path = tmp_path / os.path.basename(name)
    path.write_text(bomb, encoding="utf-8")
    with hang_guard():
        code, out, err = run(["check", path, "--no-mt"], capsys)
    assert_one_line_error(code, err)
    assert "root:" not in out + err
