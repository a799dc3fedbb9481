"""MT throughput: back-translation sentences per second per backend and batch size, the
translation cache's speed-up on a rerun, and peak memory.

Runs on the tiny trained toy model in tests/fixtures/mt (or on real models given with
--back/--forward, e.g. OPUS-MT folders from `qa models list`), on the CPU unless CUDA is
present. Figures for the toy model measure the machinery (batching, tokenisation,
decoding loop, cache), not real-model speed.

Usage:  python benchmarks/mt.py [--sentences 512] [--back FOLDER]
"""

from __future__ import annotations

import argparse
import itertools
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")

from qa.config import Config  # noqa: E402
from qa.mt.models import find_model  # noqa: E402
from qa.mt.service import build_service  # noqa: E402

FIXTURES = REPO / "tests" / "fixtures" / "mt"


def english_sentences(count: int) -> list[str]:
    sys.path.insert(0, str(FIXTURES))
    from build_tiny_marian import sentence_pairs

    pool = [en for _, en in sentence_pairs()]
    return list(itertools.islice(itertools.cycle(pool), count))


def rate(translator, texts: list[str]) -> float:
    translator.translate(texts[:8], "en", "de")  # warm-up
    start = time.perf_counter()
    translator.translate(texts, "en", "de")
    return len(texts) / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", type=int, default=512)
    parser.add_argument("--back", type=Path, default=FIXTURES / "tiny-en-de")
    args = parser.parse_args()
    texts = english_sentences(args.sentences)
    model = find_model(str(args.back))
    if model is None:
        raise SystemExit(f"{args.back}: no model there")

    from qa.mt.ct2 import CTranslate2Translator, convert
    from qa.mt.marian import MarianTranslator

    import torch

    device = "cuda" if torch.cuda.is_available() else f"cpu ({torch.get_num_threads()} threads)"
    shown = model.model_id
    try:  # a path inside the repository is shown relative to it (no machine paths in docs)
        shown = Path(shown).resolve().relative_to(REPO).as_posix()
    except ValueError:
        pass
    print(f"model: {shown} ({model.kind}); {len(texts)} sentences; device: {device}")
    print(f"{'backend':<12} {'batch':>5} {'sent/s':>9}")
    with tempfile.TemporaryDirectory() as tmp:
        ct2_folder = convert(model.path, Path(tmp) / "ct2")
        ct2_model = find_model(str(ct2_folder))
        for batch in (1, 16, 64):
            marian = MarianTranslator(model, beam=1, batch_size=batch)
            ct2 = CTranslate2Translator(ct2_model, beam=1, batch_size=batch)
            print(f"{'marian':<12} {batch:>5} {rate(marian, texts):>9.0f}")
            print(f"{'ctranslate2':<12} {batch:>5} {rate(ct2, texts):>9.0f}")

        unique = list(dict.fromkeys(texts))
        config = Config(mt_models=(("back", str(model.path)),), mt_cache=str(Path(tmp) / "c.db"),
                        mt_beam=1)
        first, _ = build_service(config, quiet=True)
        t0 = time.perf_counter()
        first.back_translate(unique)
        cold = time.perf_counter() - t0
        second, _ = build_service(config, quiet=True)
        t0 = time.perf_counter()
        second.back_translate(unique)
        warm = time.perf_counter() - t0
        print(f"cache: {len(unique)} sentences cold {cold:.3f} s ({first.calls} model calls), "
              f"rerun {warm:.4f} s ({second.calls} model calls): {cold / warm:.0f}× faster")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory: {peak:.0f} MiB")


if __name__ == "__main__":
    main()
