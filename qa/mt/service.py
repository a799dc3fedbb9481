"""The run's MT: back (en→de) and forward (de→en) translators behind the cache, with a
progress bar for long documents. Built by :func:`build_service`, which says why MT
cannot run instead of failing."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Sequence

from qa.mt import DEFAULT_MODELS, load_backend
from qa.mt.cache import TranslationCache
from qa.mt.models import LocalModel, find_model

PROGRESS_MIN = 48  # sentences; below this a bar only flickers


@dataclass
class MTService:
    back: object
    forward: object | None
    cache: TranslationCache | None
    progress: bool = False
    calls: int = 0  # texts sent to a model in this run (0 when everything was cached)
    _memo: dict = field(default_factory=dict)

    def signature(self) -> str:
        parts = [self.back.signature()]
        if self.forward is not None:
            parts.append(self.forward.signature())
        return ",".join(parts)

    def back_translate(self, texts: Sequence[str]) -> list[str]:
        return self._run(self.back, texts, "en", "de")

    def forward_translate(self, texts: Sequence[str]) -> list[str] | None:
        return None if self.forward is None else self._run(self.forward, texts, "de", "en")

    def _run(self, translator, texts: Sequence[str], src: str, tgt: str) -> list[str]:
        signature = translator.signature()
        unique = list(dict.fromkeys(texts))
        known = {t: self._memo[(signature, t)] for t in unique if (signature, t) in self._memo}
        todo = [t for t in unique if t not in known]
        if todo and self.cache is not None:
            known.update(self.cache.get_many(signature, todo))
            todo = [t for t in unique if t not in known]
        if todo:
            fresh = self._translate(translator, todo, src, tgt)
            self.calls += len(todo)
            known.update(fresh)
            if self.cache is not None:
                self.cache.put_many(signature, fresh)
        for text, translation in known.items():
            self._memo[(signature, text)] = translation
        return [known[t] for t in texts]

    def _translate(self, translator, texts: list[str], src: str, tgt: str) -> dict[str, str]:
        if not self.progress or len(texts) < PROGRESS_MIN or not sys.stderr.isatty():
            return dict(zip(texts, translator.translate(texts, src, tgt)))
        from rich.progress import Progress

        out: dict[str, str] = {}
        step = 32
        with Progress(transient=True, console=None) as bar:
            task = bar.add_task(f"translating {src}→{tgt}", total=len(texts))
            for start in range(0, len(texts), step):
                chunk = texts[start:start + step]
                out.update(zip(chunk, translator.translate(chunk, src, tgt)))
                bar.advance(task, len(chunk))
        return out


def _pick(models: dict[str, str], direction: str) -> str:
    return models.get(direction) or DEFAULT_MODELS[direction]


def build_service(config, quiet: bool = False) -> tuple[MTService | None, str | None]:
    """The MT service for ``config``, or (None, reason the MT checks are skipped)."""
    if not config.mt:
        return None, "MT disabled (--no-mt or mt = false)"
    wanted = dict(config.mt_models)
    back_model = find_model(_pick(wanted, "back"))
    if back_model is None:
        return None, (f"no local back-translation model {_pick(wanted, 'back')!r}: run "
                      "`qa models download` once, or pass --mt-model back=FOLDER")
    forward_model = find_model(_pick(wanted, "forward"))
    try:
        back = _translator(back_model, config)
        forward = _translator(forward_model, config) if forward_model else None
    except ImportError as exc:
        return None, (f"MT libraries are not installed ({exc.name}): "
                      "pip install 'qa-de-en[mt]'")
    cache = None if config.mt_cache == "off" else TranslationCache(
        None if config.mt_cache in (None, "") else config.mt_cache)
    return MTService(back, forward, cache, progress=not quiet), None


def _translator(model: LocalModel, config):
    backend = config.mt_backend
    if backend == "auto":
        backend = "ctranslate2" if model.kind == "ctranslate2" else "marian"
    return _loaded(backend, model, config.mt_beam, config.mt_batch_size)


@lru_cache(maxsize=8)
def _loaded(backend: str, model: LocalModel, beam: int, batch_size: int):
    """A model is loaded once per process (batch runs and evaluations check many pairs)."""
    return load_backend(backend)(model, beam=beam, batch_size=batch_size)
