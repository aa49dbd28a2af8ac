"""
Stopping ``check`` leaves nothing behind (issue 19, point 3).

A run of ``mentorrules check --jobs 2`` stopped mid-run by ``SIGTERM`` or
``SIGINT`` exits with status 143 or 130, leaves no worker process and no spool
file (the run has a private ``TMPDIR``), and its output ends on a record
boundary.  When the parent is killed with ``SIGKILL``, its workers exit within
seconds, and the next run removes the spool directory it left.

The subprocess tests poll with timeouts (never a fixed sleep alone) and read
``/proc``: they run where there is one.  The in-process tests cover the pieces:
the signal handling of ``check`` (:class:`mentorrules.cli._Signals`), the stale
spool directories, and the workers' watch on their parent.
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from builders import complete_case_data
from mentorrules import batch, cli


ON_PROC = Path("/proc/self/stat").exists()
needs_proc = pytest.mark.skipif(not ON_PROC, reason="reads /proc to find the worker processes")

#: Cases in the input of a stopped run: enough for some seconds of work, so the signal comes mid-run.
CASES = 20_000
#: What a stopped run says on standard error after ``mentorrules check: ``, by signal and language.
STOPPED = {
    ("SIGINT", "da"): "afbrudt",
    ("SIGINT", "en"): "interrupted",
    ("SIGTERM", "da"): "stoppet",
    ("SIGTERM", "en"): "terminated",
}


def wait_until(predicate: Callable[[], bool], timeout: float) -> bool:
    """Poll ``predicate`` until it holds or ``timeout`` seconds have passed; return whether it held."""
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.02)
    return True


def stat_fields(pid: int) -> list[str] | None:
    """The fields of ``/proc/PID/stat`` after the command name (state first), or ``None`` if there is none."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return text.rsplit(")", 1)[1].split()


def alive(pid: int) -> bool:
    """Whether process ``pid`` exists and is not a zombie (a zombie has exited; only its entry is left)."""
    fields = stat_fields(pid)
    return fields is not None and fields[0] != "Z"


def children(pid: int) -> list[int]:
    """The processes whose parent is ``pid``."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            fields = stat_fields(int(entry.name))
            if fields is not None and int(fields[1]) == pid:
                found.append(int(entry.name))
    return found


@pytest.fixture(scope="module", name="big_input")
def big_input_fixture(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A JSON-lines file of ``CASES`` complete cases (some 34 MB): seconds of work for two workers."""
    path = tmp_path_factory.mktemp("signals") / "big.jsonl"
    line = json.dumps(complete_case_data(case_id="@@"), ensure_ascii=False)
    with open(path, "w", encoding="utf-8") as stream:
        stream.writelines(line.replace("@@", f"c{n}") + "\n" for n in range(CASES))
    return path


class Run:
    """``mentorrules check`` in a subprocess of its own session, its standard output read as it comes."""

    def __init__(self, tmp_path: Path, *args: str | Path) -> None:
        self.tmpdir = tmp_path / "tmp"
        self.tmpdir.mkdir()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "mentorrules", "check", *map(str, args)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env={**os.environ, "TMPDIR": str(self.tmpdir)},
            start_new_session=True,  # its own process group, as a shell job has
        )
        self.out = bytearray()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        while data := self.process.stdout.read1(1 << 16):
            self.out.extend(data)

    def wait_for_output(self, jobs: int) -> list[int]:
        """Wait until the workers run and some output came (at least one whole record); return the workers."""
        assert wait_until(lambda: len(self.out) > 20_000 or self.process.poll() is not None, 120), "no output"
        assert self.process.poll() is None, "the run ended before it could be stopped"
        workers = children(self.process.pid)
        assert len(workers) == (jobs if jobs > 1 else 0)
        return workers

    def finish(self, timeout: float = 30) -> tuple[int, bytes]:
        """Wait for the exit; return the status and standard error."""
        status = self.process.wait(timeout)
        self._reader.join(timeout)
        assert self.process.stdout is not None
        assert self.process.stderr is not None
        err = self.process.stderr.read()
        self.process.stdout.close()
        self.process.stderr.close()
        return status, err


@needs_proc
class TestStop:
    @pytest.mark.parametrize(
        ("name", "jobs", "fmt", "lang"),
        [
            ("SIGTERM", 2, "jsonl", "da"),
            ("SIGINT", 2, "jsonl", "en"),
            ("SIGTERM", 1, "json", "en"),
            ("SIGINT", 2, "text", "da"),
        ],
    )
    def test_nothing_survives(self, big_input: Path, tmp_path: Path, name: str, jobs: int, fmt: str, lang: str) -> None:
        """
        Stopped mid-run: the conventional status, no worker, no spool file, output ending on a record boundary.

        SIGTERM goes to the main process (as ``kill`` sends it), SIGINT to the whole process group (as a
        terminal's Ctrl-C does: the workers ignore it and are stopped by the main process).  The stop is
        said in the run's language: each signal is run once in Danish and once in English.
        """
        signum = getattr(signal, name)
        run = Run(tmp_path, big_input, "--jobs", str(jobs), "--format", fmt, "--lang", lang)
        workers = run.wait_for_output(jobs)
        if signum == signal.SIGINT:
            os.killpg(run.process.pid, signum)
        else:
            run.process.send_signal(signum)
        status, err = run.finish()
        assert status == 128 + signum
        assert err.decode() == f"mentorrules check: {STOPPED[name, lang]}\n"
        assert wait_until(lambda: not any(alive(pid) for pid in workers), 5), "a worker survived"
        assert list(run.tmpdir.iterdir()) == []
        out = bytes(run.out)
        assert out.endswith(b"\n")
        if fmt == "jsonl":
            records = [json.loads(line) for line in out.splitlines()]
            assert 0 < len(records) < CASES
            assert records[-1]["verdict"] == "met"
            assert [r["source"] for r in records] == [f"{big_input}:{n}" for n in range(1, len(records) + 1)]
        elif fmt == "json":  # the array stays open: a reader refuses the output, whole records are all there
            records = json.loads(out + b"]")
            assert 0 < len(records) < CASES
            assert [r["source"] for r in records] == [f"{big_input}:{n}" for n in range(1, len(records) + 1)]
        else:
            assert re.search(rb"\nsha256:[0-9a-f]{64}\n\Z", out)

    def test_killed_parent(self, big_input: Path, tmp_path: Path) -> None:
        """After SIGKILL of the main process the workers exit within seconds; the next run removes the spool."""
        run = Run(tmp_path, big_input, "--jobs", "2", "--format", "jsonl")
        workers = run.wait_for_output(2)
        run.process.kill()
        run.finish()
        assert wait_until(lambda: not any(alive(pid) for pid in workers), 5), "a worker outlived its parent"
        [stale] = run.tmpdir.iterdir()
        assert stale.name.startswith(f"mentorrules-check-{run.process.pid}-")
        small = tmp_path / "small.jsonl"
        small.write_text(json.dumps(complete_case_data()) + "\n", encoding="utf-8")
        result = subprocess.run(
            [sys.executable, "-m", "mentorrules", "check", small, "--jobs", "2", "--format", "jsonl"],
            capture_output=True,
            env={**os.environ, "TMPDIR": str(run.tmpdir)},
            timeout=60,
            check=False,
        )
        assert result.returncode == 0
        assert list(run.tmpdir.iterdir()) == []


# --- in-process: the pieces -------------------------------------------------------------------------------


@pytest.fixture(name="signals")
def signals_fixture() -> Iterator[cli._Signals]:
    """The signal handling of ``check``, installed in this (the main) thread for the test."""
    with cli._Signals() as signals:
        yield signals
    assert signal.getsignal(signal.SIGTERM) is not signals._handle


class TestSignals:
    def test_a_signal_stops(self, signals: cli._Signals) -> None:
        with pytest.raises(cli._Stop) as info:
            signal.raise_signal(signal.SIGTERM)
        assert info.value.signum == signal.SIGTERM
        signal.raise_signal(signal.SIGINT)  # after the stop, more signals are ignored: the clean-up goes on

    def test_writing_finishes_first(self, signals: cli._Signals) -> None:
        written = []

        def write() -> None:
            with signals.shielded():
                signal.raise_signal(signal.SIGINT)
                written.append("the rest of the records")

        with pytest.raises(cli._Stop) as info:
            write()
        assert info.value.signum == signal.SIGINT
        assert written == ["the rest of the records"]

    def test_a_second_signal_stops_at_once(self, signals: cli._Signals) -> None:
        written = []

        def write() -> None:
            with signals.shielded():
                signal.raise_signal(signal.SIGTERM)
                signal.raise_signal(signal.SIGINT)
                written.append("never")

        with pytest.raises(cli._Stop) as info:
            write()
        assert (info.value.signum, written) == (signal.SIGINT, [])

    def test_the_grace_is_bounded(self, signals: cli._Signals, monkeypatch: pytest.MonkeyPatch) -> None:
        """A write that does not finish (a reader that stopped reading) is given up when the alarm rings."""
        monkeypatch.setattr(cli._Signals, "GRACE", 0.05)

        def write() -> None:
            with signals.shielded():
                signal.raise_signal(signal.SIGTERM)
                wait_until(lambda: False, 5)  # interrupted by the alarm long before

        started = time.monotonic()
        with pytest.raises(cli._Stop) as info:
            write()
        assert info.value.signum == signal.SIGTERM
        assert time.monotonic() - started < 4

    def test_a_stray_alarm_is_ignored(self, signals: cli._Signals) -> None:
        signal.raise_signal(signal.SIGALRM)

    def test_grace_after_a_stop(self, signals: cli._Signals, monkeypatch: pytest.MonkeyPatch) -> None:
        """Ending the output after a stop: given up quietly when the alarm rings or the output is gone."""
        monkeypatch.setattr(cli._Signals, "GRACE", 0.05)
        with signals.grace(signal.SIGTERM):
            wait_until(lambda: False, 5)
            raise AssertionError("not interrupted")  # pragma: no cover
        with signals.grace(signal.SIGTERM):
            raise BrokenPipeError
        with signals.grace(signal.SIGTERM):
            pass

    def test_not_in_the_main_thread(self) -> None:
        """Elsewhere than in the main thread nothing is installed, and nothing is raised."""
        outcome: list[object] = []

        def work() -> None:
            with cli._Signals() as signals:
                with signals.shielded():
                    outcome.append(signals._previous)
                with signals.grace(signal.SIGTERM):
                    outcome.append("ended")

        thread = threading.Thread(target=work)
        thread.start()
        thread.join()
        assert outcome == [{}, "ended"]

    def test_without_an_alarm(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Where the platform has no ``setitimer`` (Windows), a deferred signal waits for the write alone."""
        monkeypatch.delattr(signal, "setitimer")
        cli._alarm(1.0)  # nothing happens

    @pytest.mark.parametrize(("lang", "stopped"), [("da", "stoppet"), ("en", "terminated")])
    def test_check_stopped_in_process(
        self,
        capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch,
        tmp_path: Path,
        lang: str,
        stopped: str,
    ) -> None:
        """
        ``main`` reports the stop, in the run's language, and returns 128 + the signal.

        The output ends on a record boundary.
        """
        path = tmp_path / "cases.jsonl"
        path.write_text("\n".join(json.dumps(complete_case_data(case_id=f"c{n}")) for n in range(3)), encoding="utf-8")
        monkeypatch.setattr(cli, "_BLOCK", 10)  # one case a chunk
        real = cli._check_chunk
        calls = []

        def stop_at_the_second(options: Any, chunk: Any) -> Any:
            calls.append(chunk)
            if len(calls) == 2:
                signal.raise_signal(signal.SIGTERM)
            return real(options, chunk)

        monkeypatch.setattr(cli, "_check_chunk", stop_at_the_second)
        status, out, err = capsys_call(capsys, "check", path, "--format", "jsonl", "--lang", lang)
        assert (status, err) == (143, f"mentorrules check: {stopped}\n")
        assert [(r["verdict"], r["source"]) for r in map(json.loads, out.splitlines())] == [("met", f"{path}:1")]
        assert out.endswith("}\n")
        calls.clear()
        status, out, err = capsys_call(capsys, "check", path, "--format", "html", "--lang", lang)  # nothing written yet
        assert (status, out, err) == (143, "", f"mentorrules check: {stopped}\n")

    @pytest.mark.parametrize(("lang", "stopped"), [("da", "afbrudt"), ("en", "interrupted")])
    def test_stopped_while_writing(
        self,
        capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch,
        tmp_path: Path,
        lang: str,
        stopped: str,
    ) -> None:
        """A signal while records are written stops the run after them."""
        path = tmp_path / "cases.jsonl"
        path.write_text("\n".join(json.dumps(complete_case_data(case_id=f"c{n}")) for n in range(3)), encoding="utf-8")
        monkeypatch.setattr(cli, "_BLOCK", 10)
        real = cli._Output.raw

        def raw(self: cli._Output, data: bytes) -> None:
            if data.startswith(b"{"):
                signal.raise_signal(signal.SIGINT)
            real(self, data)

        monkeypatch.setattr(cli._Output, "raw", raw)
        status, out, err = capsys_call(capsys, "check", path, "--format", "json", "--lang", lang)
        assert (status, err) == (130, f"mentorrules check: {stopped}\n")
        assert len(json.loads(out + "]")) == 1


def capsys_call(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str, str]:
    status = cli.main([str(arg) for arg in args])
    out, err = capsys.readouterr()
    return status, out, err


class TestStaleSpools:
    def test_only_the_dead_owners_directories_go(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setattr(cli.tempfile, "tempdir", str(tmp_path))
        dead = subprocess.Popen([sys.executable, "-c", "pass"])
        dead.wait()
        names = {
            "stale": f"mentorrules-check-{dead.pid}-abc",
            "running": f"mentorrules-check-{os.getpid()}-abc",
            "other": "mentorrules-other-1-abc",
            "file": f"mentorrules-check-{dead.pid}-file",
        }
        for key, name in names.items():
            if key == "file":
                (tmp_path / name).write_text("x")
            else:
                (tmp_path / name).mkdir()
                (tmp_path / name / "spooled").write_text("x")
        cli._remove_stale_spools()
        assert sorted(entry.name for entry in tmp_path.iterdir()) == sorted(
            names[key] for key in ("running", "other", "file")
        )

    def test_another_users_directory_stays(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setattr(cli.tempfile, "tempdir", str(tmp_path))
        dead = subprocess.Popen([sys.executable, "-c", "pass"])
        dead.wait()
        (tmp_path / f"mentorrules-check-{dead.pid}-abc").mkdir()
        uid = os.getuid()
        monkeypatch.setattr(cli.os, "getuid", lambda: uid + 1)
        cli._remove_stale_spools()
        assert len(list(tmp_path.iterdir())) == 1

    def test_a_missing_temporary_directory(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setattr(cli.tempfile, "tempdir", str(tmp_path / "missing"))
        cli._remove_stale_spools()

    def test_running(self, monkeypatch: pytest.MonkeyPatch) -> None:
        assert cli._running(os.getpid())

        def denied(pid: int, signum: int) -> None:
            raise PermissionError

        monkeypatch.setattr(cli.os, "kill", denied)
        assert cli._running(1)


class TestWorkers:
    def test_a_worker_watches_its_parent(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """The watch ends the process when the parent's id changes (the orphan was adopted)."""
        parents = iter([100, 100, 1])
        monkeypatch.setattr(batch.os, "getppid", lambda: next(parents))

        class Exited(Exception):
            pass

        def exit_(status: int) -> None:
            raise Exited(status)

        monkeypatch.setattr(batch.os, "_exit", exit_)
        with pytest.raises(Exited) as info:
            batch._watch_parent(100, interval=0)
        assert info.value.args == (1,)

    def test_stopping_early_terminates_the_workers(self) -> None:
        """Closing the results before the end terminates busy workers at once, rather than waiting for them."""
        results = batch.map_ordered(time.sleep, [0.0, 30.0, 30.0, 30.0], jobs=2)
        assert next(results) is None
        started = time.monotonic()
        results.close()
        assert time.monotonic() - started < 10
