"""Robust statistics of a document's own scores: a pair is unusual when it falls far
below the document's median, measured in robust standard deviations (MAD), with a prior
norm blended in so that a short document does not become its own, unreliable, norm.

Shared by the checks that flag pairs against their document (lexical coverage, MT
agreement)."""

from __future__ import annotations

import statistics
from typing import Sequence

#: standard deviations per unit of median absolute deviation, for normally distributed data
MAD_TO_SD = 1.4826


def median_mad(values: Sequence[float]) -> tuple[float, float]:
    """The median of ``values`` and their median absolute deviation from it."""
    median = statistics.median(values)
    return median, statistics.median(abs(v - median) for v in values)


def blended_median_mad(values: Sequence[float], prior_median: float, prior_mad: float,
                       prior_weight: int) -> tuple[float, float]:
    """Median and MAD of ``values`` averaged with a prior norm that counts as
    ``prior_weight`` observations (the prior alone when there are no values)."""
    median, mad = median_mad(values) if values else (prior_median, prior_mad)
    n = len(values)
    return ((median * n + prior_median * prior_weight) / (n + prior_weight),
            (mad * n + prior_mad * prior_weight) / (n + prior_weight))


def lower_limit(median: float, mad: float, z: float) -> float:
    """``z`` robust standard deviations below the median."""
    return median - z * MAD_TO_SD * mad
