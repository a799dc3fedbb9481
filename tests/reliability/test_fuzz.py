"""Issue 15, generated hostile input (hypothesis): random bytes, random Unicode and
mutations of valid files as source, target, termbase CSV, manifest (TOML/YAML),
configuration and bilingual file (XLIFF, TMX, PO). qa either gives a verdict (0/1) or
one ``qa: error:`` line (2): never a traceback, never an internal error. The CLI runs in
this process; example counts are kept modest so the module takes seconds."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from conftest import CORPORA
from hostile import ENGLISH, GERMAN, assert_contract, run

pytestmark = pytest.mark.reliability

FUZZ = settings(max_examples=30, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.function_scoped_fixture,
                                       HealthCheck.too_slow])

#: characters that break parsers and terminals: controls, quotes, delimiters, markup,
#: BOMs, separators, non-characters, right-to-left overrides
NASTY = st.sampled_from(list("\x00\x07\x1b\x7f\x85\x9b\u2028\u2029\ufeff\ufffe\ufffd\u202e"
                             "\"',;\t\n\r|<>&[]{}#=:\\%"))
TEXTS = st.text(st.characters(codec="utf-8") | NASTY, max_size=300)


def _mutations(valid: str):
    """``valid`` with a few slices replaced by nasty or random text: mostly still close
    to a real file, so the parsers get past their first line."""
    @st.composite
    def mutate(draw):
        text = valid
        for _ in range(draw(st.integers(1, 4))):
            at = draw(st.integers(0, len(text)))
            cut = draw(st.integers(0, 20))
            text = text[:at] + draw(st.text(st.characters(codec="utf-8") | NASTY, max_size=12)) \
                + text[at + cut:]
        return text
    return mutate()


BYTES = st.binary(max_size=400)


def _contents(valid: str):
    """Random bytes, random text, or a mutation of ``valid`` (as UTF-8)."""
    return BYTES | TEXTS.map(lambda t: t.encode("utf-8", "surrogatepass")) \
        | _mutations(valid).map(lambda t: t.encode("utf-8", "surrogatepass"))


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "de.txt").write_text(GERMAN, encoding="utf-8")
    (tmp_path / "en.txt").write_text(ENGLISH, encoding="utf-8")
    return tmp_path


def _check(folder, capsys, name: str, content: bytes, argv: list[str], *,
           batch: bool = False) -> None:
    (folder / name).write_bytes(content)
    code, _, err = run(argv, capsys)
    assert_contract(code, err, batch=batch)


@FUZZ
@given(content=_contents(GERMAN))
def test_random_source(folder, capsys, content):
    _check(folder, capsys, "src.txt", content, ["check", "src.txt", "en.txt", "--no-mt"])


@FUZZ
@given(content=_contents(ENGLISH))
def test_random_target(folder, capsys, content):
    _check(folder, capsys, "tgt.txt", content, ["check", "de.txt", "tgt.txt", "--no-mt"])


@FUZZ
@given(content=_contents("<p>" + ENGLISH.replace("\n\n", "</p><p>") + "</p>"),
       suffix=st.sampled_from([".html", ".md"]))
def test_random_html_or_markdown_target(folder, capsys, content, suffix):
    _check(folder, capsys, "tgt" + suffix, content,
           ["check", "de.txt", "tgt" + suffix, "--no-mt"])


TERMS = "de,en,forbidden\nHaushalt,budget,\nRegierung,government,administration\n"


@FUZZ
@given(content=_contents(TERMS), suffix=st.sampled_from([".csv", ".tsv"]))
def test_random_termbase(folder, capsys, content, suffix):
    _check(folder, capsys, "terms" + suffix, content,
           ["check", "de.txt", "en.txt", "--no-mt", "--termbase", "terms" + suffix])


MANIFEST_TOML = ('[[pair]]\nname = "one"\nsource = "de.txt"\ntarget = "en.txt"\n'
                 'termbase = ["terms.csv"]\n')
MANIFEST_YAML = "pairs:\n  - name: one\n    source: de.txt\n    target: en.txt\n"


@FUZZ
@given(content=_contents(MANIFEST_TOML))
def test_random_toml_manifest(folder, capsys, content):
    _check(folder, capsys, "m.toml", content, ["check", "m.toml", "--no-mt", "--output-dir", "out",
                                               "--format", "json"],
           batch=True)


@FUZZ
@given(content=_contents(MANIFEST_YAML))
def test_random_yaml_manifest(folder, capsys, content):
    _check(folder, capsys, "m.yaml", content, ["check", "m.yaml", "--no-mt", "--output-dir", "out",
                                               "--format", "json"],
           batch=True)


CONFIG = ('fail-on = "minor"\nmin-score = 80\nselect = ["NUM01", "TYP01"]\n'
          '[checks.NUM01]\n')


@FUZZ
@given(content=_contents(CONFIG), where=st.sampled_from(["qa.toml", "pyproject.toml"]))
def test_random_configuration(folder, capsys, content, where):
    if where == "pyproject.toml":
        content = b"[tool.qa]\n" + content
    argv = ["check", "de.txt", "en.txt", "--no-mt"] + (["--config", where] if where == "qa.toml"
                                                       else [])
    try:
        _check(folder, capsys, where, content, argv)
    finally:
        (folder / where).unlink(missing_ok=True)


BILINGUAL = {name: (CORPORA / name).read_text(encoding="utf-8")
             for name in ("xliff-newsroom/clean.xlf", "xliff2-ui/clean.xlf",
                          "tmx-memory/clean.tmx", "po-app/clean.po")
             if (CORPORA / name).is_file()}


@FUZZ
@given(data=st.data(), name=st.sampled_from(sorted(BILINGUAL)))
def test_random_bilingual_file(folder, capsys, data, name):
    content = data.draw(_contents(BILINGUAL[name]))
    target = "file" + Path(name).suffix
    _check(folder, capsys, target, content, ["check", target, "--no-mt"])


@FUZZ
@given(data=st.data(), name=st.sampled_from(sorted(BILINGUAL)))
def test_random_bilingual_file_annotated_as_xliff(folder, capsys, data, name):
    """The ITS-annotated copy of a mutated XLIFF: a verdict and well-formed XML, or one
    line."""
    if not name.endswith(".xlf"):
        return
    content = data.draw(_mutations(BILINGUAL[name]).map(lambda t: t.encode("utf-8", "surrogatepass")))
    (folder / "file.xlf").write_bytes(content)
    code, out, err = run(["check", "file.xlf", "--no-mt", "--format", "xliff"], capsys)
    assert_contract(code, err)
    if code in (0, 1):
        from xml.etree import ElementTree

        ElementTree.fromstring(out.encode("utf-8"))
