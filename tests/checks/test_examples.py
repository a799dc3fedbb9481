"""Every example of every check, run with only that check enabled; plus meta-tests on
the registry (codes, slugs, categories, examples present).

A check's examples live in two places: a few showcase examples in the class
(``examples = (...)``, rendered by ``qa checks --format markdown``) and the long tail in
``tests/fixtures/checks/CODE.yml``, a list of cases::

    - source: Der Antrag erhielt 146 Stimmen.
      target: The motion received ⟦164⟧ votes.
      flagged: true            # a bad case: ⟦…⟧ marks every span the check must flag
      reason: one line on why this case must (or must not) be flagged
      termbase: [{de: …, en: …, forbidden: …}]   # optional rows of a termbase
      config: {lexicon: none}                    # optional qa.config.Config fields

Both are run the same way. Examples of a check that needs MT (``needs_mt``) get the toy
models of tests/fixtures/mt from this harness; examples never name model paths.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest
import yaml

from qa.checks import ALL_CHECKS
from qa.checks.base import CODE_RE, NAME_RE, Check, Example, strip_marks
from qa.config import Config
from qa.model import Category, Severity
from qa.runner import check_documents

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
CASES_DIR = FIXTURES / "checks"
#: what examples of a check that needs MT run with: the toy models, no cache
MT_CONFIG = {"mt_models": (("back", str(FIXTURES / "mt" / "tiny-en-de")),
                           ("forward", str(FIXTURES / "mt" / "tiny-de-en"))),
             "mt_cache": "off"}

REQUIRED_KEYS = {"source": str, "target": str, "flagged": bool, "reason": str}
OPTIONAL_KEYS = {"termbase": list, "config": dict}
TERMBASE_COLUMNS = ("de", "en", "forbidden", "note", "case")
CONFIG_FIELDS = {f.name for f in dataclasses.fields(Config)} - {"origins"}


def _tuples(value):
    """YAML lists as the tuples Config expects (``mt_models``, ``termbase``…)."""
    return tuple(_tuples(v) for v in value) if isinstance(value, list) else value


def _case_problems(case, where: str) -> list[str]:
    if not isinstance(case, dict):
        return [f"{where}: a case must be a mapping, not {type(case).__name__}"]
    problems = []
    for key in case.keys() - REQUIRED_KEYS.keys() - OPTIONAL_KEYS.keys():
        problems.append(f"{where}: unknown key {key!r} (known: "
                        f"{', '.join([*REQUIRED_KEYS, *OPTIONAL_KEYS])})")
    for key, kind in {**REQUIRED_KEYS, **OPTIONAL_KEYS}.items():
        if key not in case:
            if key in REQUIRED_KEYS:
                problems.append(f"{where}: missing key {key!r}")
        elif not isinstance(case[key], kind):
            problems.append(f"{where}: {key!r} must be a {kind.__name__}, "
                            f"not {type(case[key]).__name__}")
    if problems:
        return problems
    if not case["reason"].strip() or "\n" in case["reason"].strip():
        problems.append(f"{where}: 'reason' must be one non-empty line")
    marks = []
    for side in ("source", "target"):
        try:
            marks += strip_marks(case[side])[1]
        except ValueError as err:
            problems.append(f"{where}: {side}: {err}")
    if case["flagged"] and not marks and not problems:
        problems.append(f"{where}: a flagged case must mark its spans with ⟦…⟧")
    if not case["flagged"] and marks:
        problems.append(f"{where}: a case that is not flagged must not mark spans")
    for row in case.get("termbase", []):
        if not isinstance(row, dict) or not row.keys() <= set(TERMBASE_COLUMNS) \
                or not all(isinstance(v, str) for v in row.values()) or "de" not in row:
            problems.append(f"{where}: termbase row {row!r}: a mapping of strings with 'de' "
                            f"and any of {', '.join(TERMBASE_COLUMNS)}")
    for key in case.get("config", {}).keys() - CONFIG_FIELDS:
        problems.append(f"{where}: config key {key!r} is not a Config field")
    return problems


def load_cases(folder: Path, checks=ALL_CHECKS):
    """The cases of every ``CODE.yml`` in ``folder`` as ``(check class, index, Example)``,
    and what is wrong with the files (a wrong case is left out of the cases)."""
    by_code = {cls.code: cls for cls in checks}
    cases, problems = [], []
    for path in sorted(folder.iterdir()) if folder.is_dir() else ():
        if path.name.startswith("."):
            continue
        code = path.name.removesuffix(".yml")
        if path.suffix != ".yml" or code not in by_code:
            problems.append(f"{path.name}: not CODE.yml for a known check code")
            continue
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        except yaml.YAMLError as err:
            problems.append(f"{path.name}: not valid YAML: {err}")
            continue
        if not isinstance(data, list) or not data:
            problems.append(f"{path.name}: must be a non-empty list of cases")
            continue
        for i, case in enumerate(data):
            found = _case_problems(case, f"{path.name} case {i}")
            if found:
                problems += found
                continue
            example = Example(case["source"], case["target"], case["flagged"],
                              note=case["reason"],
                              termbase=tuple(case.get("termbase", ())),
                              config={k: _tuples(v) for k, v in case.get("config", {}).items()})
            cases.append((by_code[code], i, example))
    return cases, problems


YAML_CASES, YAML_PROBLEMS = load_cases(CASES_DIR)


def _kind(example: Example) -> str:
    return "bad" if example.flagged else "good"


def _marks(cls) -> tuple:
    """An example of a check that needs MT loads the toy Marian models: slow."""
    return (pytest.mark.slow,) if getattr(cls, "needs_mt", False) else ()


CASES = [pytest.param(cls, ex, id=f"{cls.code}-{_kind(ex)}{i}", marks=_marks(cls))
         for cls in ALL_CHECKS for i, ex in enumerate(cls.examples)]
CASES += [pytest.param(cls, ex, id=f"{cls.code}-yml-{_kind(ex)}{i}", marks=_marks(cls))
          for cls, i, ex in YAML_CASES]


def _termbase_file(rows, folder) -> str:
    import csv

    path = folder / "terms.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(TERMBASE_COLUMNS))
        writer.writeheader()
        for row in rows:
            writer.writerow({k: row.get(k, "") for k in writer.fieldnames})
    return str(path)


#: what the harness reads as a unit's inline code in the examples of a check that reads
#: units: a printf or brace placeholder, as in PO files (it stays in the text)
_PLACEHOLDER = re.compile(r"%(?:\d+\$)?[sd]|\{\w+\}")


def _unit_reading(source: str, target: str):
    """The examples of a check that reads units as a bilingual file: one unit per
    paragraph (``\n\n``), so the documents' text is the example's text and its marks
    are the documents' offsets."""
    from qa.io.bilingual.units import Reading, Segment, Tag, Unit

    def segment(text: str) -> Segment:
        tags = tuple(Tag("placeholder", m.group(0), m.start(), m.end())
                     for m in _PLACEHOLDER.finditer(text))
        return Segment(text, ((0, 0),), tags)

    units = [Unit(id=f"u{k}", source=segment(de), target=segment(en) if en else None, line=k)
             for k, (de, en) in enumerate(zip(source.split("\n\n"), target.split("\n\n")), 1)]
    return Reading(path="example.xlf", format="example", source_lang="de", target_lang="en",
                   text="", line_starts=(0,), units=iter(units))


def run_example(cls: type[Check], example: Example, folder):
    termbase = (_termbase_file(example.termbase, folder),) if example.termbase else ()
    settings = {**(MT_CONFIG if getattr(cls, "needs_mt", False) else {}), **example.config}
    config = Config(select=(cls.code,), termbase=termbase, **settings)
    if cls.reads_units:
        from qa.bilingual import check_reading

        report = check_reading(_unit_reading(example.plain_source, example.plain_target), config)
        # the marks are the documents' offsets (an empty target paragraph is a unit with
        # no translation: nothing of it is in the target document, so nothing to mark)
        assert report.source.text == example.plain_source
        if "" not in example.plain_target.split("\n\n"):
            assert report.target.text == example.plain_target
    else:
        report = check_documents(example.plain_source, example.plain_target, config)
    assert report.checks_run == (cls.code,), report.skipped
    return [f for f in report.findings if f.code == cls.code]


@pytest.mark.parametrize("cls,example", CASES)
def test_example(cls, example, tmp_path):
    findings = run_example(cls, example, tmp_path)
    why = example.note
    if not example.flagged:
        assert findings == [], ([f.message for f in findings], why)
        return
    expected_source = sorted(example.source_marks)
    expected_target = sorted(example.target_marks)
    got_source = sorted(f.source_span for f in findings if f.source_span and expected_source)
    got_target = sorted(f.target_span for f in findings if f.target_span and expected_target)
    assert got_source == expected_source, why
    assert got_target == expected_target, why
    assert len(findings) == len(expected_source) + len(expected_target), why
    for f in findings:
        assert f.category is cls.category
        assert f.message and "\n" not in f.message


@pytest.mark.parametrize("cls", ALL_CHECKS, ids=lambda c: c.code)
def test_check_declares_contract(cls):
    assert CODE_RE.match(cls.code), cls.code
    assert NAME_RE.match(cls.name), cls.name
    assert isinstance(cls.category, Category)
    assert isinstance(cls.severity, Severity)
    assert cls.summary and cls.summary.endswith(".")
    assert cls.__doc__ and cls.__doc__.strip()
    assert any(ex.flagged for ex in cls.examples), "needs at least one bad example"
    assert any(not ex.flagged for ex in cls.examples), "needs at least one good example"
    for ex in cls.examples:
        if ex.flagged:
            assert ex.source_marks or ex.target_marks, "a bad example must mark its span"
        assert "mt_models" not in ex.config and "mt_cache" not in ex.config, \
            "examples name no models: the test harness supplies them (needs_mt)"


def test_case_files_are_valid():
    assert not YAML_PROBLEMS, "tests/fixtures/checks:\n" + "\n".join(YAML_PROBLEMS)


def test_case_files_have_cases():
    assert YAML_CASES, f"no cases found in {CASES_DIR}"


def _problems_of(tmp_path, name: str, text: str) -> list[str]:
    (tmp_path / name).write_text(text, encoding="utf-8")
    cases, problems = load_cases(tmp_path)
    assert not cases
    return problems


@pytest.mark.parametrize("name,text,expected", [
    ("ZZZ99.yml", "- {source: a, target: b, flagged: false, reason: r}\n", "known check code"),
    ("NUM01.yaml", "- {source: a, target: b, flagged: false, reason: r}\n", "known check code"),
    ("NUM01.yml", "- {source: a, target: b, flagged: false}\n", "missing key 'reason'"),
    ("NUM01.yml", "- {source: a, target: b, flagged: false, reason: r, flaged: true}\n",
     "unknown key 'flaged'"),
    ("NUM01.yml", "- {source: a, target: b, flagged: yes please, reason: r}\n",
     "'flagged' must be a bool"),
    ("NUM01.yml", "- {source: a, target: b, flagged: true, reason: r}\n", "must mark"),
    ("NUM01.yml", "- {source: a, target: ⟦b⟧, flagged: false, reason: r}\n", "must not mark"),
    ("NUM01.yml", "- {source: a, target: ⟦b, flagged: true, reason: r}\n", "unbalanced"),
    ("NUM01.yml", "- {source: a, target: b, flagged: false, reason: ' '}\n", "one non-empty"),
    ("NUM01.yml", "- {source: a, target: b, flagged: false, reason: r, config: {mt_model: x}}\n",
     "not a Config field"),
    ("TRM01.yml", "- {source: a, target: b, flagged: false, reason: r, termbase: [{en: x}]}\n",
     "termbase row"),
    ("NUM01.yml", "source: a\n", "non-empty list"),
    ("NUM01.yml", "- [unclosed\n", "not valid YAML"),
])
def test_case_file_validation(tmp_path, name, text, expected):
    problems = _problems_of(tmp_path, name, text)
    assert len(problems) == 1 and expected in problems[0], problems


def test_case_file_loads(tmp_path):
    (tmp_path / "TRM01.yml").write_text(
        "- source: Die ⟦IG Metall⟧ streikt.\n  target: The union strikes.\n  flagged: true\n"
        "  reason: the termbase term has no approved rendering\n"
        "  termbase: [{de: IG Metall, en: IG Metall}]\n  config: {mt_models: [[back, x]]}\n",
        encoding="utf-8")
    (cls, index, example), = load_cases(tmp_path)[0]
    assert (cls.code, index, example.flagged) == ("TRM01", 0, True)
    assert example.source_marks == ((4, 13),) and example.termbase == ({"de": "IG Metall",
                                                                          "en": "IG Metall"},)
    assert example.config == {"mt_models": (("back", "x"),)}


def test_codes_and_names_unique():
    codes = [c.code for c in ALL_CHECKS]
    names = [c.name for c in ALL_CHECKS]
    assert len(set(codes)) == len(codes)
    assert len(set(names)) == len(names)


def test_categories_are_exactly_the_contract():
    assert [c.value for c in Category] == [
        "omission", "addition", "mistranslation", "untranslated", "terminology",
        "consistency", "numbers", "names", "artefact", "typography", "fluency", "markup"]


@pytest.mark.parametrize("code,ok", [("TRM01", True), ("OMA01", True), ("trm01", False),
                                     ("TR01", False), ("TRM1", False), ("TRMX01", False)])
def test_code_pattern(code, ok):
    assert bool(CODE_RE.match(code)) is ok


def test_meta_test_catches_a_check_without_examples():
    class NoExamples(Check):
        """A check with nothing to show."""
        code = "ZZZ01"
        name = "demo.none"
        category = Category.FLUENCY
        severity = Severity.MINOR
        summary = "Nothing."

    with pytest.raises(AssertionError):
        test_check_declares_contract(NoExamples)


def test_meta_test_catches_a_malformed_code():
    class BadCode(Check):
        """Badly named."""
        code = "Z1"
        name = "demo.bad"
        category = Category.FLUENCY
        severity = Severity.MINOR
        summary = "Nothing."
        examples = (Example.bad("a", "⟦b⟧"), Example.good("a", "b"))

    with pytest.raises(AssertionError):
        test_check_declares_contract(BadCode)


def test_strip_marks():
    assert strip_marks("a ⟦bc⟧ d ⟦e⟧") == ("a bc d e", ((2, 4), (7, 8)))
    with pytest.raises(ValueError):
        strip_marks("a ⟦b")
    assert re.sub("[⟦⟧]", "", "x⟦y⟧") == "xy"
