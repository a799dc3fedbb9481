"""Judged precision: qa's findings on professional human translations, each read by a
bilingual judge, and the share of correct documents that fail the default gate.

Material: documents of :data:`DOCUMENT_SEGMENTS` consecutive segments (one paragraph
each) of the WMT21/22/23 German→English human references, the first
:data:`DOCUMENTS_PER_FILE` documents of each reference file, checked with default
settings, ``--no-mt`` and no termbase. The documents are split once into a
**development** part (tuning happens only there) and a **test** part (never tuned on):
blocks of :data:`SPLIT_BLOCK` documents alternate, so both parts see every test set and
domain; the two references of WMT21 and of WMT22 share their source lines and so their
part.

Judgements live in ``qa/evaluation/judgements/*.tsv``, one row per finding, keyed by
dataset, segment line, side, character span within the stripped segment and check
code — never the research-only text itself. Verdicts: ``real`` (an error an editor
would fix), ``debatable`` (a defensible reading either way), ``false`` (a false alarm);
precision counts ``real`` as right and the other two as wrong. A finding nobody judged
counts as *unknown* and is shown as such.
"""

from __future__ import annotations

import csv
from collections import Counter, defaultdict
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from typing import Iterable, Iterator

from qa.config import Config
from qa.errors import QAError
from qa.model import Finding, Report, Severity
from qa.runner import check_documents

DOCUMENT_SEGMENTS = 25
DOCUMENTS_PER_FILE = 80
SPLIT_BLOCK = 4

#: (dataset id, source file, reference file) under the data folder
MATERIAL = (
    ("wmt21-refA", "wmt21-news-deen/txt/sources/newstest2021.de-en.src.de",
     "wmt21-news-deen/txt/references/newstest2021.de-en.ref.A.en"),
    ("wmt21-refB", "wmt21-news-deen/txt/sources/newstest2021.de-en.src.de",
     "wmt21-news-deen/txt/references/newstest2021.de-en.ref.B.en"),
    ("wmt22-refA", "wmt22-general-deen/txt/sources/generaltest2022.de-en.src.de",
     "wmt22-general-deen/txt/references/generaltest2022.de-en.ref.A.en"),
    ("wmt22-refB", "wmt22-general-deen/txt/sources/generaltest2022.de-en.src.de",
     "wmt22-general-deen/txt/references/generaltest2022.de-en.ref.B.en"),
    ("wmt23-refA", "wmt23-general-deen/txt/sources/generaltest2023.de-en.src.de",
     "wmt23-general-deen/txt/references/generaltest2023.de-en.ref.refA.en"),
)
VERDICTS = ("real", "debatable", "false")
FIELDS = ("dataset", "line", "side", "start", "end", "code", "verdict", "cause")


@dataclass(frozen=True)
class JudgedDocument:
    """One evaluation document: ``lines`` are 1-based line numbers of its segments."""

    dataset: str
    index: int
    part: str  # "dev" | "test"
    lines: tuple[int, ...]
    sources: tuple[str, ...]
    targets: tuple[str, ...]


@dataclass(frozen=True)
class Key:
    """Where a finding is, independent of the document it was checked in."""

    dataset: str
    line: int
    side: str  # "source" | "target"
    start: int
    end: int
    code: str


@dataclass(frozen=True)
class LocatedFinding:
    key: Key
    finding: Finding
    document: JudgedDocument


def part_of(index: int) -> str:
    """The part of the ``index``-th document of a reference file."""
    return "dev" if (index // SPLIT_BLOCK) % 2 == 0 else "test"


def documents(data: Path, per_file: int = DOCUMENTS_PER_FILE) -> Iterator[JudgedDocument]:
    """The evaluation documents of every reference file present under ``data``."""
    for dataset, src, ref in MATERIAL:
        if not (data / src).is_file() or not (data / ref).is_file():
            continue
        sources = (data / src).read_text(encoding="utf-8").splitlines()
        targets = (data / ref).read_text(encoding="utf-8").splitlines()
        for index in range(per_file):
            first = index * DOCUMENT_SEGMENTS
            rows = [(n + 1, sources[n].strip(), targets[n].strip())
                    for n in range(first, min(first + DOCUMENT_SEGMENTS, len(sources)))
                    if sources[n].strip() and targets[n].strip()]
            if not rows:
                break
            yield JudgedDocument(dataset, index, part_of(index), tuple(r[0] for r in rows),
                                 tuple(r[1] for r in rows), tuple(r[2] for r in rows))


def check(document: JudgedDocument, config: Config | None = None) -> Report | None:
    """qa's report on one document (None when qa refuses it)."""
    try:
        return check_documents("\n\n".join(document.sources) + "\n",
                               "\n\n".join(document.targets) + "\n", config or Config(mt=False))
    except QAError:
        return None


def locate(document: JudgedDocument, report: Report) -> list[LocatedFinding]:
    """The report's findings above info, each keyed by segment line and span within it
    (the source span where a finding has one, else the target span)."""
    located = []
    for finding in report.findings:
        if finding.severity is Severity.INFO:
            continue
        if finding.source_span:
            side, span, doc = "source", finding.source_span, report.source
        elif finding.target_span:
            side, span, doc = "target", finding.target_span, report.target
        else:  # a document-level finding: keyed to the first segment
            side, span, doc = "target", (0, 0), report.target
        index = next((i for i, p in enumerate(doc.paragraphs) if p.start <= span[0] < p.end + 1),
                     None)
        if index is None or index >= len(document.lines):
            continue
        # spans in the dataset line as written (a line with decomposed characters is
        # checked composed: its origin maps back)
        def in_file(offset: int, end: bool = False) -> int:
            return doc.origin.file_offset(offset, end=end) if doc.origin else offset

        start = in_file(doc.paragraphs[index].start)
        located.append(LocatedFinding(
            Key(document.dataset, document.lines[index], side, in_file(span[0]) - start,
                in_file(span[1], end=span[1] > span[0]) - start, finding.code),
            finding, document))
    return located


def judged_reports(data: Path, config: Config | None, judgements: dict[Key, tuple[str, str]],
                   per_file: int = DOCUMENTS_PER_FILE, parts: tuple[str, ...] = ("dev", "test")):
    """Each evaluation document of ``parts`` with qa's report on it (None: qa refused it)
    and its located findings, each with its verdict (None: nobody judged it)."""
    for document in documents(data, per_file):
        if document.part not in parts:
            continue
        report = check(document, config)
        found = [(located, judgements.get(located.key, (None, ""))[0])
                 for located in (locate(document, report) if report else ())]
        yield document, report, found


def judgement_files() -> list[Path]:
    folder = files("qa.evaluation").joinpath("judgements")
    return sorted(Path(str(folder)).glob("*.tsv"))


def load_judgements(paths: Iterable[Path] | None = None) -> dict[Key, tuple[str, str]]:
    """Key → (verdict, cause) from the judgement files; a malformed row is an error
    naming the file and line."""
    judged: dict[Key, tuple[str, str]] = {}
    for path in judgement_files() if paths is None else paths:
        with path.open(encoding="utf-8", newline="") as fh:
            for number, row in enumerate(csv.DictReader(fh, delimiter="\t"), 2):
                try:
                    key = Key(row["dataset"], int(row["line"]), row["side"], int(row["start"]),
                              int(row["end"]), row["code"])
                    verdict = row["verdict"]
                except (KeyError, TypeError, ValueError) as exc:
                    raise QAError(f"{path}:{number}: malformed judgement ({exc})") from None
                if verdict not in VERDICTS:
                    raise QAError(f"{path}:{number}: verdict must be one of {', '.join(VERDICTS)}")
                judged[key] = (verdict, row.get("cause") or "")
    return judged


@dataclass
class Tally:
    """Judged findings of one class (or code) in one part."""

    real: int = 0
    debatable: int = 0
    false: int = 0
    unknown: int = 0

    def add(self, verdict: str | None) -> None:
        setattr(self, verdict or "unknown", getattr(self, verdict or "unknown") + 1)

    @property
    def judged(self) -> int:
        return self.real + self.debatable + self.false

    @property
    def precision(self) -> float | None:
        return round(100 * self.real / self.judged, 1) if self.judged else None

    def as_dict(self) -> dict:
        return {"real": self.real, "debatable": self.debatable, "false": self.false,
                "unknown": self.unknown, "precision_pct": self.precision}


def evaluate(data: Path, config: Config | None = None,
             per_file: int = DOCUMENTS_PER_FILE) -> dict:
    """Judged precision per code and per finding class on both parts, precision of the
    blocking findings, and the share of correct documents that fail the default gate."""
    from qa import earned

    judged = load_judgements()
    every: dict[str, Tally] = defaultdict(Tally)
    class_declared: dict[str, str] = {}  # class → the severity its check declares
    class_default: dict[str, str] = {}   # class → its severity at the default gate
    by_code: dict[str, dict[str, Tally]] = defaultdict(lambda: defaultdict(Tally))
    by_class: dict[str, dict[str, Tally]] = defaultdict(lambda: defaultdict(Tally))
    blocking: dict[str, Tally] = defaultdict(Tally)
    docs: dict[str, Counter] = defaultdict(Counter)
    causes: dict[str, Counter] = defaultdict(Counter)
    for document, report, found in judged_reports(data, config, judged, per_file):
        part = document.part
        docs[part]["documents"] += 1
        if report is None:
            docs[part]["refused"] += 1
            continue
        verdicts = []
        for located, verdict in found:
            finding = located.finding
            every[part].add(verdict)
            class_declared[finding.finding_class] = finding.data.get(
                "declared_severity", finding.severity.value)
            class_default[finding.finding_class] = finding.severity.value
            by_code[finding.code][part].add(verdict)
            by_class[finding.finding_class][part].add(verdict)
            blocks = report.gate.blocks(finding)
            if blocks:
                blocking[part].add(verdict)
            if verdict in ("false", "debatable"):
                causes[part][f"{finding.code}: {judged[located.key][1]}"] += 1
            verdicts.append((verdict, blocks))
        correct = not any(v == "real" for v, _ in verdicts)
        if any(v is None for v, _ in verdicts):
            docs[part]["unknown"] += 1  # a finding nobody judged: correctness unknown
        elif correct:
            docs[part]["correct"] += 1
            docs[part]["correct_failing"] += not report.gate.passed
    parts = ("dev", "test")
    classes = [{"class": name, "declared": class_declared[name], "earned": class_default[name],
                "dev": tallies["dev"].as_dict(), "test": tallies["test"].as_dict()}
               for name, tallies in sorted(by_class.items())]
    return {
        "segments": DOCUMENT_SEGMENTS,
        "blocking_precision": earned.BLOCKING_PRECISION,
        "min_judged": earned.MIN_JUDGED,
        "all": {p: every[p].as_dict() for p in parts},
        "classes": classes,
        "documents": {p: dict(docs[p]) for p in parts},
        "correct_failing_pct": {p: (round(100 * docs[p]["correct_failing"] / docs[p]["correct"], 1)
                                    if docs[p]["correct"] else None) for p in parts},
        "blocking": {p: blocking[p].as_dict() for p in parts},
        "by_code": {code: {p: t[p].as_dict() for p in parts} for code, t in sorted(by_code.items())},
        "by_class": {cls: {p: t[p].as_dict() for p in parts} for cls, t in sorted(by_class.items())},
        "causes": {p: causes[p].most_common(25) for p in parts},
    }


def write_precision_table(data: Path, path: Path, per_file: int = DOCUMENTS_PER_FILE) -> Path:
    """Write the earned-severity table (:mod:`qa.earned`): every finding class that fires
    on the development part, with its judged counts. Run with the declared severities so
    the table does not depend on itself."""
    from qa.earned import FIELDS as TABLE_FIELDS

    config = Config(mt=False, severity_policy="declared")
    tallies: dict[str, Tally] = defaultdict(Tally)
    for _, _, found in judged_reports(data, config, load_judgements(), per_file, ("dev",)):
        for located, verdict in found:
            tallies[located.finding.finding_class].add(verdict)
    lines = ["\t".join(TABLE_FIELDS)]
    for name, tally in sorted(tallies.items()):
        lines.append("\t".join(str(v) for v in (
            name, tally.judged, tally.real, tally.debatable, tally.false, tally.unknown,
            "" if tally.precision is None else tally.precision)))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
