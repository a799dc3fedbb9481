"""The checker that runs in each Ray worker process (a Ray actor: :mod:`qa.scale.ray_run`).

One :class:`PairChecker` lives in each worker for the whole run and checks the pairs it
is sent, one call each. What qa loads once per process stays loaded between them: the
MT models (``qa.mt.service._loaded``), the word lists, lexicons and language data
(cached by the modules that read them), so a worker pays for them once, not per pair.
With GPUs in the cluster each checker holds a share of one, and the MT backends run on
it (Ray sets ``CUDA_VISIBLE_DEVICES`` for the actor).

Plain Python, no Ray import: Ray wraps the class (``ray.remote(PairChecker)``) where
the run starts.
"""

from __future__ import annotations

import os
import signal
from pathlib import Path

from qa.errors import QAError

#: test-only: a file that each check appends its pair's name to (counts executions)
TRACE_ENV = "QA_SCALE_TRACE"
#: test-only: a marker file; the first check that creates it kills its own worker
#: process (SIGKILL), as a crashed machine would, to test that the run loses nothing
KILL_ONCE_ENV = "QA_SCALE_KILL_ONCE"


class PairChecker:
    """Checks pairs in the run's working folder with the run's settings."""

    def __init__(self, cwd: str):
        if not Path(cwd).is_dir():
            raise QAError(f"a Ray worker cannot see the run's folder {cwd}: the cluster's "
                          "machines need the files at the same paths (a shared file system)")
        # reports show paths relative to the folder the run started in, as a local run's
        os.chdir(cwd)

    def ready(self) -> bool:
        """Answers once the checker is constructed (the run waits for its workers)."""
        return True

    def check(self, specs, config, formats: list[str], show_accepted: bool,
              quiet: bool) -> list[tuple[str, bool, int]]:
        """Each pair's :class:`~qa.scale.records.PairRecord` as JSON, with what the
        run's progress counts (whether it is an error row, its sentence pairs), so the
        caller stores the text as it is instead of parsing it."""
        from qa.batch import _check_one
        from qa.scale.records import record_of

        done = []
        for spec in specs:
            _test_hooks(spec.name)
            record = record_of(_check_one((spec, config)), formats,
                               show_accepted=show_accepted, quiet=quiet)
            segments = record.json_report["summary"]["pairs"] if record.json_report else 0
            done.append((record.to_json(), record.error is not None, segments))
        return done


def _test_hooks(name: str) -> None:
    """What the tests of :mod:`qa.scale` ask for through the environment (nothing when
    the variables are not set): count this execution, and kill this worker once."""
    trace = os.environ.get(TRACE_ENV)
    if trace:
        with open(trace, "a", encoding="utf-8") as fh:
            fh.write(name + "\n")
    marker = os.environ.get(KILL_ONCE_ENV)
    if marker:
        try:
            fd = os.open(marker, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
        except FileExistsError:
            return
        os.write(fd, name.encode("utf-8"))
        os.close(fd)
        os.kill(os.getpid(), signal.SIGKILL)
