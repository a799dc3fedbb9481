"""``--executor ray``: a batch run's pairs checked on a Ray cluster, resumable.

The run connects to ``--address`` (or starts a cluster on this machine for the run),
starts one :class:`~qa.scale.worker.PairChecker` actor per CPU of the cluster (with a
share of a GPU each where the cluster has GPUs and MT is on) and sends them the pairs
that the results store (:mod:`qa.scale.store`) does not already hold. Each result is
written to the store the moment it arrives; the run's outputs are then built from the
store, by the same writer as a local run's (:func:`qa.batch.write_records`).

A worker process that dies (killed, out of memory, its machine gone) is restarted by
Ray and its calls are retried (``max_restarts``, ``max_task_retries``): its pairs are
neither lost nor doubled, since the store keeps one record per pair key. Ray is
imported here only, when ``--executor ray`` is chosen: ``qa --version`` stays fast.
"""

from __future__ import annotations

import os
import socket
import sys
from collections import deque
from pathlib import Path

from qa.errors import QAError
from qa.scale.records import PairRecord
from qa.scale.store import open_store, pair_key, run_signature
from qa.scale.worker import KILL_ONCE_ENV, TRACE_ENV

#: calls queued per checker: one running and one waiting, so that a checker never idles
#: while its next pair travels to it (a deeper queue only delays the retry of a killed
#: worker's calls and skews the spread over workers at the end of a run)
IN_FLIGHT = 2
#: pairs per call to a checker at most (fewer when the run is small, so that every
#: checker gets work): a call's fixed cost (Ray's scheduling and serialisation, one
#: store transaction) is shared by its pairs, while a worker killed mid-call costs only
#: the re-check of 8. Not tuned further: with it Ray met the overhead target on 10,000
#: plain articles (benchmarks/scale.py, docs/performance.md)
PAIRS_PER_CALL = 8
#: how often Ray restarts a dead checker and retries the calls it held; a pair that
#: still fails is an error row of this run, not kept in the store (the next run retries)
RETRIES = 3
#: seconds to wait for a TCP answer from ``--address`` before saying it is unreachable
CONNECT_TIMEOUT_S = 5.0
#: environment the checkers need from the calling process (offline model hub, debug,
#: the test hooks of :mod:`qa.scale.worker`), passed to them on any cluster
FORWARDED_ENV = ("QA_DEBUG", "HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE", "HF_HOME",
                 "HF_HUB_CACHE", TRACE_ENV, KILL_ONCE_ENV)

MISSING_RAY = "--executor ray needs the 'scale' extra: pip install 'qa-de-en[scale]'"


def import_ray():
    """The ray module, or the one line that says how to install it."""
    try:
        import ray
    except ImportError:
        raise QAError(MISSING_RAY) from None
    return ray


def run_on_ray(specs, config, out_dir: Path, formats: list[str], *,
               show_accepted: bool = False, quiet: bool = False) -> list[PairRecord]:
    """The records of every pair of ``specs`` (in order): from the results store in
    ``out_dir`` where this run signature already has them, else checked on Ray."""
    from qa.scale.progress import RunProgress, summary_line

    ray = import_ray()
    if config.address and config.address not in ("auto", "local"):
        _reachable(config.address)  # a wrong address is a usage error, work to do or not
    store = open_store(out_dir)
    try:
        signature = run_signature(config, formats, show_accepted=show_accepted, quiet=quiet)
        keys = [pair_key(spec) for spec in specs]
        done = store.done(keys, signature)
        todo = list({key: spec for key, spec in zip(keys, specs) if key not in done}.items())
        progress = RunProgress(len(set(keys)), len(set(keys)) - len(todo), show=not quiet)
        failed: dict[str, PairRecord] = {}
        workers = 0
        try:
            if todo:
                workers = _check_on_cluster(ray, config, todo, store, signature, failed,
                                            progress, formats, show_accepted, quiet)
        finally:
            progress.close()
        if not quiet:
            print(summary_line(progress, workers), file=sys.stderr)
        return [failed[key] if key in failed else store.get(key, signature) or
                _missing(spec) for key, spec in zip(keys, specs)]
    finally:
        store.close()


def _missing(spec) -> PairRecord:
    return PairRecord(spec.name, spec.source, spec.target,
                      error="no result came back from the Ray cluster (run again to retry)")


def _check_on_cluster(ray, config, todo, store, signature, failed, progress, formats,
                      show_accepted, quiet) -> int:
    """Check ``todo`` ((key, spec) pairs) on the cluster, each record into the store as
    it arrives (a pair Ray gave up on into ``failed``); the number of checkers."""
    from qa.scale.worker import PairChecker

    started = _connect(ray, config.address)
    actors = []
    try:
        cpus = int(ray.cluster_resources().get("CPU", 1))
        gpus = ray.cluster_resources().get("GPU", 0)
        count = max(1, min(cpus, len(todo)))
        options = {"num_cpus": 1, "max_restarts": RETRIES, "max_task_retries": RETRIES}
        if gpus and config.mt:
            options["num_gpus"] = gpus / count  # MT shares the GPUs between the checkers
        env = {name: os.environ[name] for name in FORWARDED_ENV if name in os.environ}
        if env:
            options["runtime_env"] = {"env_vars": env}
        checker = ray.remote(PairChecker).options(**options)
        actors = [checker.remote(os.getcwd()) for _ in range(count)]
        config_ref = ray.put(config)
        size = max(1, min(PAIRS_PER_CALL, len(todo) // (count * IN_FLIGHT)))
        queue = deque(todo[k:k + size] for k in range(0, len(todo), size))
        pending: dict = {}

        def submit(index: int) -> None:
            if queue:
                chunk = queue.popleft()
                ref = actors[index].check.remote([spec for _, spec in chunk], config_ref,
                                                 formats, show_accepted, quiet)
                pending[ref] = (index, chunk)

        for _ in range(IN_FLIGHT):
            for index in range(count):
                submit(index)
        while pending:
            ready, _ = ray.wait(list(pending), num_returns=1)
            for ref in ready:
                index, chunk = pending.pop(ref)
                submit(index)  # the checker's next call first: it never waits for the store
                try:
                    done = ray.get(ref)
                except ray.exceptions.RayError as exc:
                    error = f"the Ray cluster could not check it: {_first_line(exc)}"
                    for key, spec in chunk:
                        failed[key] = PairRecord(spec.name, spec.source, spec.target, error=error)
                        progress.done(True, 0)
                    continue
                store.put_many(signature, [(key, text) for (key, _), (text, _, _)
                                           in zip(chunk, done)])
                for _, is_error, segments in done:
                    progress.done(is_error, segments)
        return count
    finally:
        for actor in actors:
            try:
                ray.kill(actor)
            except Exception:  # already gone with its cluster
                pass
        if started:
            ray.shutdown()


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return f"{type(exc).__name__}: {text.splitlines()[0] if text else ''}"


def _connect(ray, address: str | None) -> bool:
    """Join ``address`` (or start a cluster on this machine); True when this run did
    (and so ends it). A process already connected (a notebook, the tests) is used as
    it is."""
    if ray.is_initialized():
        return False
    quiet = {"log_to_driver": False, "logging_level": "ERROR", "configure_logging": True}
    try:
        if address:
            ray.init(address=address, **quiet)
        else:
            ray.init(address="local", num_cpus=os.cpu_count() or 1, include_dashboard=False,
                     **quiet)
    except Exception as exc:  # Ray's many connection errors: one line
        where = address or "a Ray cluster on this machine"
        raise QAError(f"{where}: cannot start or join the Ray cluster ({_first_line(exc)})") from None
    return True


def _reachable(address: str) -> None:
    """Refuse, with one line and at once, an address that nothing answers at (Ray's own
    connection attempts retry for minutes)."""
    hostport = address.split("://", 1)[-1]
    host, _, port = hostport.rpartition(":")
    if not host or not port.isdigit():
        raise QAError(f"--address {address}: say host:port (or ray://host:port)")
    try:
        socket.create_connection((host, int(port)), timeout=CONNECT_TIMEOUT_S).close()
    except OSError as exc:
        raise QAError(f"--address {address}: no Ray cluster answers there "
                      f"({exc.strerror or exc})") from None
