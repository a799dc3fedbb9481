"""``--executor ray`` on a real Ray cluster on the loopback address (started once for
this module, ended after it, no Ray process left behind): the same outputs as the
local executor, a worker killed mid-run that loses and doubles nothing, and a resumed
run that checks only the pairs not yet in the results store.

The runs are ``qa`` subprocesses that join the cluster with ``--address``, as a user's
would; the test process never imports ray."""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

pytest.importorskip("ray")

from conftest import CORPORA, REPO, translation_memory  # noqa: E402
from qa.scale.store import FILE_NAME  # noqa: E402
from qa.scale.worker import KILL_ONCE_ENV, TRACE_ENV  # noqa: E402

RAY = Path(sys.executable).with_name("ray")
#: seconds a cluster gets to come up on a busy two-core machine
START_TIMEOUT_S = 90


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _processes_under(marker: str) -> list[int]:
    """Ids of this user's processes whose command line names ``marker`` (the cluster's
    own temporary folder: its raylet, GCS server and workers, nobody else's)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            if entry.stat().st_uid != os.getuid():
                continue
            cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        if marker in cmdline and int(entry.name) != os.getpid():
            found.append(int(entry.name))
    return found


#: Ray's token authentication (on by default since Ray 2.59 for local clusters): the
#: test cluster and the runs that join it share a token of their own through the
#: environment, and never read or write the user's ~/.ray/auth_token
RAY_AUTH = {"RAY_AUTH_MODE": "token", "RAY_AUTH_TOKEN": secrets.token_hex(32)}
#: where this module's runs import qa from: a copy of the package taken when the module
#: starts (``code`` fixture), so that the local and Ray runs a test compares run the same
#: code even while the working tree changes under a long test session
CODE: dict[str, str] = {}


@pytest.fixture(scope="module")
def code(tmp_path_factory):
    folder = tmp_path_factory.mktemp("code")
    shutil.copytree(REPO / "qa", folder / "qa", ignore=shutil.ignore_patterns("__pycache__"))
    CODE["PYTHONPATH"] = str(folder)
    yield folder
    CODE.clear()


@pytest.fixture(scope="module")
def cluster(code):
    """A two-CPU Ray cluster on 127.0.0.1 (``ray start --head --block``); its address."""
    temp = tempfile.mkdtemp(prefix="qa-ray-", dir="/tmp")  # short: Ray's sockets live there
    port = _free_port()
    head = subprocess.Popen(
        [str(RAY), "start", "--head", "--block", "--node-ip-address", "127.0.0.1",
         "--port", str(port), "--num-cpus", "2", "--include-dashboard", "false",
         "--disable-usage-stats", "--temp-dir", temp],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
        env={**os.environ, **RAY_AUTH, **CODE})
    address = f"127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + START_TIMEOUT_S
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if head.poll() is not None or time.monotonic() > deadline:
                    pytest.fail("the Ray test cluster did not start")
                time.sleep(0.5)
        yield address
    finally:
        head.send_signal(signal.SIGTERM)  # --block ends the cluster's processes with it
        try:
            head.wait(timeout=30)
        except subprocess.TimeoutExpired:
            head.kill()
        deadline = time.monotonic() + 30
        while _processes_under(temp) and time.monotonic() < deadline:
            time.sleep(0.5)
        left = _processes_under(temp)
        for pid in left:  # ours (their command line names our folder): ended by id
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        shutil.rmtree(temp, ignore_errors=True)
        assert not left, f"Ray processes left behind: {left}"


def _articles(folder: Path, copies: int = 2) -> Path:
    """A folder of article pairs (the plain-text corpora, ``copies`` times each under
    other names: each a pair of its own)."""
    pairs = [p for p in sorted(CORPORA.iterdir()) if (p / "de.txt").is_file()]
    for k in range(copies):
        for pair in pairs:
            article = folder / f"{pair.name}-{k}"
            article.mkdir(parents=True)
            for name in ("de.txt", "en.defective.txt" if k % 2 else "en.txt", "terms.csv"):
                shutil.copy(pair / name, article / name.replace(".defective", ""))
    return folder


def _qa(*args: str, env: dict | None = None, cwd: Path = REPO) -> subprocess.CompletedProcess:
    full_env = {k: v for k, v in os.environ.items() if k not in (TRACE_ENV, KILL_ONCE_ENV)}
    full_env.update({"HF_HUB_OFFLINE": "1", **RAY_AUTH, **CODE, **(env or {})})
    return subprocess.run([sys.executable, "-m", "qa", "check", *args], capture_output=True,
                          text=True, env=full_env, cwd=cwd, timeout=300)


def _outputs(folder: Path) -> dict[str, bytes]:
    """Every file a batch run wrote, by name (the results store left out)."""
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())
            if p.is_file() and not p.name.startswith(FILE_NAME)}


def _store_rows(folder: Path) -> list[str]:
    import sqlite3

    with sqlite3.connect(folder / FILE_NAME) as db:
        return [pair for (pair,) in db.execute("SELECT pair FROM results")]


def test_ray_outputs_are_the_local_runs_byte_for_byte(cluster, tmp_path):
    local, ray = tmp_path / "local", tmp_path / "ray"
    first = _qa(str(CORPORA), "--no-mt", "--output-dir", str(local), "--format", "json",
                "--format", "html", "--format", "sarif")
    second = _qa(str(CORPORA), "--no-mt", "--output-dir", str(ray), "--format", "json",
                 "--format", "html", "--format", "sarif", "--executor", "ray",
                 "--address", cluster)
    assert (first.returncode, second.returncode) == (0, 0), second.stderr
    assert second.stdout == first.stdout.replace(str(local), str(ray))
    assert _outputs(ray) == _outputs(local)
    assert len(_outputs(ray)) == 5 * 3 + 4  # the five corpora pairs' reports + combined


def test_a_2000_unit_memory_on_ray_is_the_local_runs_and_the_single_files(cluster, tmp_path):
    translation_memory(tmp_path / "memory.tmx", 2000)
    manifest = tmp_path / "qa.toml"
    manifest.write_text('[[pair]]\nfile = "memory.tmx"\n'
                        f'[[pair]]\nname = "france"\nsource = "{CORPORA}/france-politics/de.txt"\n'
                        f'target = "{CORPORA}/france-politics/en.txt"\n')
    run = ("qa.toml", "--no-mt", "--format", "json", "--format", "html")
    local = _qa(*run, "--output-dir", "local", cwd=tmp_path)
    ray = _qa(*run, "--output-dir", "ray", "--executor", "ray", "--address", cluster, cwd=tmp_path)
    assert local.returncode == ray.returncode, ray.stderr
    assert _outputs(tmp_path / "ray") == _outputs(tmp_path / "local")
    single = _qa("memory.tmx", "--no-mt", "--format", "json", cwd=tmp_path)
    assert (tmp_path / "ray" / "memory.json").read_text() == single.stdout
    units = json.loads(single.stdout)["units"]
    assert units["checked"] + sum(units["skipped"].values()) == 2000


def test_a_big_memory_is_checked_in_chunks_on_ray_as_it_is_locally(cluster, tmp_path):
    translation_memory(tmp_path / "memory.tmx", 2000, "defective.tmx")
    (tmp_path / "qa.toml").write_text('[[pair]]\nfile = "memory.tmx"\n')
    run = ("--no-mt", "--format", "json", "--format", "html", "--chunk-units", "600")
    local = _qa("qa.toml", *run, "--output-dir", "local", cwd=tmp_path)
    # one bilingual file with --executor ray: its chunks are the batch
    ray = _qa("memory.tmx", *run, "--output-dir", "ray", "--executor", "ray",
              "--address", cluster, cwd=tmp_path)
    assert local.returncode == ray.returncode == 1, ray.stderr
    assert _outputs(tmp_path / "ray") == _outputs(tmp_path / "local")
    names = [p["name"] for p in json.loads((tmp_path / "ray" / "combined.json").read_text())["pairs"]]
    assert len(names) == 4 and names[0].startswith("memory units 1-")
    assert len(_store_rows(tmp_path / "ray")) == 4


def test_a_killed_worker_loses_and_doubles_nothing(cluster, tmp_path):
    articles = _articles(tmp_path / "articles")
    trace, marker = tmp_path / "trace.txt", tmp_path / "killed.txt"
    local, ray = tmp_path / "local", tmp_path / "ray"
    assert _qa(str(articles), "--no-mt", "--output-dir", str(local)).returncode == 1
    run = _qa(str(articles), "--no-mt", "--output-dir", str(ray), "--executor", "ray",
              "--address", cluster, env={TRACE_ENV: str(trace), KILL_ONCE_ENV: str(marker)})
    assert run.returncode == 1, run.stderr  # the defective translations fail their gate
    killed = marker.read_text()  # the hook did kill a worker, checking this pair
    executions = trace.read_text().splitlines()
    names = sorted(p.name for p in articles.iterdir())
    # every pair ran once, the killed one once more (its call was retried elsewhere)
    assert sorted(executions) == sorted(names + [killed])
    rows = _store_rows(ray)
    assert len(rows) == len(set(rows)) == len(names)
    combined = json.loads((ray / "combined.json").read_text())
    assert sorted(p["name"] for p in combined["pairs"]) == names
    assert all(p["error"] is None for p in combined["pairs"])
    assert _outputs(ray) == _outputs(local)


def test_a_resumed_run_checks_only_what_is_left(cluster, tmp_path):
    articles = _articles(tmp_path / "articles")
    names = sorted(p.name for p in articles.iterdir())
    first_half = tmp_path / "first.toml"
    first_half.write_text("".join(
        f'[[pair]]\nname = "{n}"\nsource = "articles/{n}/de.txt"\ntarget = "articles/{n}/en.txt"\n'
        for n in names[:3]))
    everything = tmp_path / "all.toml"
    everything.write_text("".join(
        f'[[pair]]\nname = "{n}"\nsource = "articles/{n}/de.txt"\ntarget = "articles/{n}/en.txt"\n'
        for n in names))
    trace, out = tmp_path / "trace.txt", tmp_path / "ray"
    ray_run = ("--no-mt", "--output-dir", str(out), "--executor", "ray", "--address", cluster)
    # an interrupted run: three pairs are in the store
    _qa(str(first_half), *ray_run, env={TRACE_ENV: str(trace)}, cwd=tmp_path)
    assert sorted(trace.read_text().splitlines()) == names[:3]
    trace.unlink()
    resumed = _qa(str(everything), *ray_run, env={TRACE_ENV: str(trace)}, cwd=tmp_path)
    assert f"{len(names) - 3} of {len(names)} pairs checked" in resumed.stderr
    assert "3 already in the results store" in resumed.stderr, resumed.stderr
    assert sorted(trace.read_text().splitlines()) == names[3:]
    again = _qa(str(everything), *ray_run, env={TRACE_ENV: str(trace)}, cwd=tmp_path)
    assert f"all {len(names)} pairs were already in the results store" in again.stderr
    assert sorted(trace.read_text().splitlines()) == names[3:]  # nothing ran again
    assert again.stdout == resumed.stdout and again.returncode == resumed.returncode == 1
    local = tmp_path / "local"
    assert _qa(str(everything), "--no-mt", "--output-dir", str(local), cwd=tmp_path).returncode == 1
    assert _outputs(out) == _outputs(local)
    assert len(_store_rows(out)) == len(names)


def test_an_address_nobody_answers_at_is_one_line_and_exit_2(code, tmp_path):
    closed = _free_port()
    run = _qa(str(CORPORA), "--no-mt", "--output-dir", str(tmp_path / "o"), "--executor", "ray",
              "--address", f"127.0.0.1:{closed}")
    assert run.returncode == 2
    assert run.stderr.strip().count("\n") == 0 and "no Ray cluster answers" in run.stderr
