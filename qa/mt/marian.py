"""Marian models through Hugging Face transformers (imported only here)."""

from __future__ import annotations

import os
from typing import Sequence

from qa.mt.models import LocalModel


class MarianTranslator:
    """``MarianMTModel`` + ``MarianTokenizer`` loaded offline from a local folder.

    Batches are sorted by length (less padding), decoding runs under
    ``torch.inference_mode()``, on CUDA in fp16 when available, else on CPU threads.
    """

    name = "marian"

    def __init__(self, model: LocalModel, beam: int = 2, batch_size: int = 16,
                 max_new_tokens: int = 256):
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
        import torch
        from transformers import MarianMTModel, MarianTokenizer
        from transformers.utils import logging as hf_logging

        hf_logging.set_verbosity_error()
        hf_logging.disable_progress_bar()
        self.model_info = model
        self.beam = beam
        self.batch_size = batch_size
        self.max_new_tokens = max_new_tokens
        self.device = "cuda" if torch.cuda.is_available() else "cpu"
        self._torch = torch
        self.tokenizer = MarianTokenizer.from_pretrained(str(model.path), local_files_only=True)
        self.model = MarianMTModel.from_pretrained(str(model.path), local_files_only=True)
        if self.device == "cuda":
            self.model = self.model.half()
        self.model.to(self.device).eval()
        # never decode past the model's position table (tiny test models have 128)
        limit = getattr(self.model.config, "max_position_embeddings", 512) - 2
        self.max_new_tokens = min(self.max_new_tokens, limit)
        self.max_input_tokens = min(getattr(self.tokenizer, "model_max_length", limit) or limit,
                                    limit)

    def signature(self) -> str:
        return (f"marian:{self.model_info.model_id}@{self.model_info.revision}"
                f"|beam{self.beam}|max{self.max_new_tokens}")

    def translate(self, texts: Sequence[str], src: str, tgt: str) -> list[str]:
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        results: list[str] = [""] * len(texts)
        torch = self._torch
        for start in range(0, len(order), self.batch_size):
            chunk = order[start:start + self.batch_size]
            batch = self.tokenizer([texts[i] for i in chunk], return_tensors="pt",
                                   padding=True, truncation=True,
                                   max_length=self.max_input_tokens).to(self.device)
            with torch.inference_mode():
                output = self.model.generate(**batch, num_beams=self.beam,
                                             max_new_tokens=self.max_new_tokens)
            for i, text in zip(chunk, self.tokenizer.batch_decode(output, skip_special_tokens=True)):
                results[i] = text
        return results
