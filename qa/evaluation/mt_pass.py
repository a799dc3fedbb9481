"""The MT side of the accuracy evaluation: which models the second pass uses, and
batched pre-translation so that pass costs minutes, not hours.

Evaluation items are mostly one-sentence pairs; checked one by one, each would send a
batch of one sentence to the model. :func:`prewarm` translates every sentence of a
dataset in large length-sorted batches into a cache private to the evaluation run, so
the per-item checks then find their translations there.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from qa.config import Config

FIXTURES = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "mt"


@dataclass(frozen=True)
class EvaluationMT:
    """The MT pass's configuration (None: no pass) and what to call its models."""

    config: Config | None
    label: str
    real: bool = False


def evaluation_mt(cache_dir: Path, enabled: bool = True) -> EvaluationMT:
    """Real OPUS-MT models when they are in the local cache, else the toy fixture models
    of the test suite (which exercise the MT path but cannot translate news)."""
    if not enabled:
        return EvaluationMT(None, "not run (--no-mt)")
    try:
        import transformers  # noqa: F401
    except ImportError:
        return EvaluationMT(None, "not run: the mt extra is not installed")
    from qa.mt import DEFAULT_MODELS
    from qa.mt.models import find_model

    cache = str(cache_dir / "translations.sqlite3")
    if all(find_model(m) for m in DEFAULT_MODELS.values()):
        return EvaluationMT(Config(mt_cache=cache),
                            "OPUS-MT " + ", ".join(DEFAULT_MODELS.values()), real=True)
    if (FIXTURES / "tiny-en-de").is_dir() and (FIXTURES / "tiny-de-en").is_dir():
        return EvaluationMT(
            Config(mt_models=(("back", str(FIXTURES / "tiny-en-de")),
                              ("forward", str(FIXTURES / "tiny-de-en"))), mt_cache=cache),
            "the toy fixture models of tests/fixtures/mt (no real OPUS-MT weights on this "
            "machine): they exercise the MT path but cannot translate news, so MT-on "
            "figures here say nothing about MT quality")
    return EvaluationMT(None, "not run: no MT models available")


def prewarm(config: Config | None, sources: Iterable[str], targets: Iterable[str]) -> None:
    """Translate every sentence of ``sources`` (forward) and ``targets`` (back) into the
    run's cache in large batches. Sentences are cut the way qa cuts them; pairs the
    aligner joins (2-1, 1-2) are still translated on demand."""
    if config is None or not config.mt:
        return
    from qa.mt.service import build_service
    from qa.segment import split_sentences

    service, _reason = build_service(config, quiet=True)
    if service is None:
        return

    def sentences(texts: Iterable[str], lang: str) -> list[str]:
        out: list[str] = []
        for text in texts:
            for paragraph in text.split("\n\n"):
                paragraph = paragraph.strip()
                if paragraph:
                    out.extend(paragraph[a:b] for a, b in
                               split_sentences(paragraph, 0, len(paragraph), lang))
        return list(dict.fromkeys(out))

    service.back_translate(sentences(targets, "en"))
    service.forward_translate(sentences(sources, "de"))
