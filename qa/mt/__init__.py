"""Machine translation for the back-translation checks: a ``Translator`` protocol,
backends imported only when selected (a run without MT never imports torch or
transformers), local model discovery, and an on-disk translation cache.

Backends are registered as ``"module:Class"`` strings in :data:`BACKENDS`.
"""

from __future__ import annotations

from importlib import import_module
from typing import Protocol, Sequence

BACKENDS = {
    "marian": "qa.mt.marian:MarianTranslator",
    "ctranslate2": "qa.mt.ct2:CTranslate2Translator",
}
DEFAULT_MODELS = {"back": "Helsinki-NLP/opus-mt-en-de", "forward": "Helsinki-NLP/opus-mt-de-en"}


class Translator(Protocol):
    """What the MT checks need from a translation backend."""

    name: str

    def signature(self) -> str:
        """Model id, revision/hash, backend and decoding settings: the cache key prefix."""

    def translate(self, texts: Sequence[str], src: str, tgt: str) -> list[str]:
        """Translate ``texts`` (same order, same length)."""


def load_backend(name: str):
    """The backend class registered under ``name`` (imported now, not before)."""
    try:
        module_name, class_name = BACKENDS[name].split(":")
    except KeyError:
        from qa.errors import ConfigError

        raise ConfigError(f"unknown MT backend {name!r} (known: {', '.join(BACKENDS)})") from None
    return getattr(import_module(module_name), class_name)
