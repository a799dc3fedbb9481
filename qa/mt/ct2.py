"""CTranslate2 models (int8 on CPU by default): no torch at run time."""

from __future__ import annotations

from pathlib import Path
from typing import Sequence

from qa.mt.models import LocalModel


class CTranslate2Translator:
    """A Marian model converted with ``qa models convert``: ``model.bin`` plus the
    ``source.spm``/``target.spm`` sentencepiece models copied next to it."""

    name = "ctranslate2"

    def __init__(self, model: LocalModel, beam: int = 2, batch_size: int = 16,
                 max_new_tokens: int = 256, compute_type: str = "default"):
        import ctranslate2
        import sentencepiece as spm

        self.model_info = model
        self.beam = beam
        self.batch_size = batch_size
        self.max_new_tokens = max_new_tokens
        device = "cuda" if ctranslate2.get_cuda_device_count() > 0 else "cpu"
        self.translator = ctranslate2.Translator(str(model.path), device=device,
                                                 compute_type=compute_type)
        self.source_spm = spm.SentencePieceProcessor(model_file=str(Path(model.path) / "source.spm"))
        self.target_spm = spm.SentencePieceProcessor(model_file=str(Path(model.path) / "target.spm"))

    def signature(self) -> str:
        return (f"ctranslate2:{self.model_info.model_id}@{self.model_info.revision}"
                f"|beam{self.beam}|max{self.max_new_tokens}")

    def translate(self, texts: Sequence[str], src: str, tgt: str) -> list[str]:
        pieces = [self.source_spm.encode(t, out_type=str) + ["</s>"] for t in texts]
        results = self.translator.translate_batch(
            pieces, beam_size=self.beam, max_batch_size=self.batch_size,
            max_decoding_length=self.max_new_tokens)
        return [self.target_spm.decode(r.hypotheses[0]) for r in results]


def convert(source: Path, output: Path, quantization: str = "int8") -> Path:
    """Convert a local transformers Marian folder for CTranslate2 (offline)."""
    import os

    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    import ctranslate2

    copy = [name for name in ("source.spm", "target.spm") if (source / name).is_file()]
    converter = ctranslate2.converters.TransformersConverter(str(source), copy_files=copy)
    return Path(converter.convert(str(output), quantization=quantization, force=True))
