"""Progress of a whole corpus run on stderr: pairs done of all, sentence pairs checked,
throughput, time left and failures (a rich bar on a terminal; nothing elsewhere, where
the one summary line of :func:`summary_line` says the same)."""

from __future__ import annotations

import sys
import time


class RunProgress:
    """Counts what a run has done; draws it while the run goes on (``show``)."""

    def __init__(self, total: int, already: int, show: bool):
        self.total, self.already = total, already
        self.checked = self.failed = self.segments = 0
        self.started = time.perf_counter()
        self._bar = None
        if show and sys.stderr.isatty():
            from rich.console import Console
            from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TextColumn,
                                       TimeRemainingColumn)

            self._bar = Progress(TextColumn("checking"), BarColumn(), MofNCompleteColumn(),
                                 TextColumn("{task.fields[detail]}"), TimeRemainingColumn(),
                                 console=Console(stderr=True), transient=True)
            self._task = self._bar.add_task("pairs", total=total, completed=already,
                                            detail="")
            self._bar.start()

    def done(self, failed: bool, segments: int) -> None:
        """One pair finished: whether it could not be checked, its sentence pairs."""
        self.checked += 1
        self.failed += failed
        self.segments += segments
        if self._bar is not None:
            self._bar.update(self._task, advance=1, detail=self._detail())

    def rate(self) -> float:
        """Pairs checked per second in this run."""
        return self.checked / max(time.perf_counter() - self.started, 1e-9)

    def _detail(self) -> str:
        failed = f" · {self.failed} failed" if self.failed else ""
        return f"{self.segments} sentence pairs · {self.rate():.1f} pairs/s{failed}"

    def close(self) -> None:
        if self._bar is not None:
            self._bar.stop()
            self._bar = None


def summary_line(progress: RunProgress, workers: int) -> str:
    """One line for stderr at the end of a run: what was checked, what came from the
    store, how fast, on how many workers."""
    if not progress.checked:
        return f"ray: all {progress.total} pairs were already in the results store"
    return (f"ray: {progress.checked} of {progress.total} pairs checked on {workers} "
            f"workers ({progress.already} already in the results store) · "
            f"{progress.segments} sentence pairs · {progress.rate():.1f} pairs/s · "
            f"{progress.failed} could not be checked")
