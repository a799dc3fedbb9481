"""The progress of a corpus run (:mod:`qa.scale.progress`): what it counts and the one
line it leaves on stderr."""

from __future__ import annotations

from qa.scale.progress import RunProgress, summary_line


def test_progress_counts_pairs_sentence_pairs_and_failures():
    progress = RunProgress(total=10, already=4, show=False)
    progress.done(False, 12)
    progress.done(True, 0)
    progress.done(False, 8)
    progress.close()
    assert (progress.checked, progress.failed, progress.segments) == (3, 1, 20)
    assert progress.rate() > 0
    line = summary_line(progress, workers=2)
    assert line.startswith("ray: 3 of 10 pairs checked on 2 workers (4 already in the results store)")
    assert "20 sentence pairs" in line and line.endswith("1 could not be checked")


def test_a_run_with_nothing_left_says_so():
    progress = RunProgress(total=5, already=5, show=True)  # not a terminal here: no bar
    progress.close()
    assert summary_line(progress, workers=0) == "ray: all 5 pairs were already in the results store"
