"""Running the installed ``reportgen`` against hostile input, the way an attacker or an unlucky
clerk would: in a child process with a ceiling on memory, CPU and file size, and a wall clock.

A hostile case passes when the command ends inside its ceilings with exit 1 or 2, says what is
wrong without a traceback or the catch-all 内部错误, names the file, and leaves every file that
was there before byte for byte as it was (and no temporary file behind).
"""

from __future__ import annotations

import hashlib
import os
import resource
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

#: The installed command of the environment running the tests (``.venv/bin/reportgen``).
REPORTGEN = str(Path(sys.executable).with_name("reportgen"))
MEMORY = 1 << 30  # 1 GB of address space
CPU_SECONDS = 8
WALL_SECONDS = 12
FILE_BYTES = 256 << 20  # a runaway output is cut here (SIGXFSZ) instead of filling the disk

GOOD_YAML = (Path(__file__).resolve().parent.parent / "examples" / "yixue-cugan.yaml").read_text(
    "utf-8"
)


@dataclass
class Outcome:
    code: int
    stdout: str
    stderr: str

    @property
    def text(self) -> str:
        return self.stdout + self.stderr


def _ceilings(memory: int, cpu: int) -> None:  # runs in the child, before exec
    os.setsid()
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu))
    resource.setrlimit(resource.RLIMIT_FSIZE, (FILE_BYTES, FILE_BYTES))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def run(
    *args: str | Path,
    cwd: Path,
    memory: int = MEMORY,
    cpu: int = CPU_SECONDS,
    wall: int = WALL_SECONDS,
    send: int | None = None,
    to_group: bool = True,
    after: float = 0.0,
    ready: Callable[[], bool] | None = None,
    command: Sequence[str] = (REPORTGEN,),
) -> Outcome:
    """``reportgen ARGS`` in ``cwd`` under the ceilings; ``send`` a signal ``after`` seconds, or
    as soon as ``ready()`` holds (``after`` is then the longest wait), so that a fast machine
    cannot finish the work before the signal arrives; to its process group (as Ctrl-C does),
    or ``to_group`` False, to the command's own process alone (as ``kill PID`` does).
    ``command`` is what runs (the installed ``reportgen`` unless a test runs it otherwise)."""
    env = {**os.environ, "LC_ALL": "C.UTF-8", "PYTHONIOENCODING": "utf-8", "COLUMNS": "200"}
    env.pop("REPORTGEN_DEBUG", None)
    child = subprocess.Popen(
        [*command, *map(str, args)],
        cwd=cwd,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        preexec_fn=lambda: _ceilings(memory, cpu),
    )
    try:
        if send is not None:
            deadline = time.monotonic() + after
            while child.poll() is None and time.monotonic() < deadline:
                if ready is not None and ready():
                    break
                time.sleep(0.005)
            if child.poll() is None:
                (os.killpg if to_group else os.kill)(child.pid, send)
        out, err = child.communicate(timeout=wall)
    except subprocess.TimeoutExpired:
        os.killpg(child.pid, signal.SIGKILL)
        out, err = child.communicate()
        return Outcome(-999, out.decode("utf-8", "replace"), "(超时被终止)\n" + err.decode())
    return Outcome(child.returncode, out.decode("utf-8", "replace"), err.decode("utf-8", "replace"))


def snapshot(folder: Path) -> dict[str, str]:
    """Every regular file below ``folder``: a digest of its bytes (size and time for big sparse
    files). FIFOs and devices are listed by kind, never opened."""
    found: dict[str, str] = {}
    for path in sorted(folder.rglob("*")):
        info = path.lstat()
        name = str(path.relative_to(folder))
        if path.is_symlink() or not path.is_file():
            found[name] = f"kind {info.st_mode >> 12}" if not path.is_dir() else "dir"
        elif info.st_size > 32 << 20:
            found[name] = f"size {info.st_size} mtime {info.st_mtime_ns}"
        else:
            found[name] = hashlib.sha256(path.read_bytes()).hexdigest() + f" {info.st_mode:o}"
    return found


def refused(outcome: Outcome, *needles: str, codes: tuple[int, ...] = (1, 2)) -> None:
    """The command failed as a command should: its code, no traceback, the words expected."""
    assert outcome.code in codes, f"exit {outcome.code}\n{outcome.text[-3000:]}"
    assert "Traceback" not in outcome.text, outcome.text[-3000:]
    assert "内部错误" not in outcome.text, outcome.text[-3000:]
    for needle in needles:
        assert needle in outcome.text, f"{needle!r} not in:\n{outcome.text[-3000:]}"


def unchanged(before: dict[str, str], after: dict[str, str]) -> None:
    """Every file that was there is as it was, and no temporary file was left behind."""
    changed = {name for name, digest in before.items() if after.get(name) != digest}
    assert not changed, f"changed or removed: {sorted(changed)}"
    leftovers = [name for name in after if name.endswith(".tmp") or "/." in f"/{name}"]
    leftovers = [name for name in leftovers if name not in before]
    assert not leftovers, f"left behind: {leftovers}"


def report(paragraph: str = "", replace: dict[str, str] | None = None) -> str:
    """The example report with its first paragraph replaced, and other text swapped."""
    text = GOOD_YAML
    if paragraph:
        first = text.index("      - 局党组坚持把理论学习")
        end = text.index("\n", first)
        quoted = "'" + paragraph.replace("'", "''") + "'"
        text = text[:first] + "      - " + quoted + text[end:]
    for old, new in (replace or {}).items():
        assert old in text, old
        text = text.replace(old, new)
    return text


def attempt(
    folder: Path, *args: str | Path, needles: tuple[str, ...] = (), codes=(1, 2), **ceilings
) -> Outcome:
    """Run ``reportgen ARGS`` in ``folder``: it must be refused and change nothing there."""
    before = snapshot(folder)
    outcome = run(*args, cwd=folder, **ceilings)
    refused(outcome, *needles, codes=codes)
    unchanged(before, snapshot(folder))
    return outcome


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1
