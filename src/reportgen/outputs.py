"""Writing outputs whole or not at all, and refusing outputs that would lose a file.

Paths are strings or path objects; a message names a path as it was given. This module
imports nothing beyond ``os`` (no pathlib, typing, contextlib or signal's enums): ``reportgen
new`` with a remembered scaffold writes through it and imports little else.
"""

from __future__ import annotations

import os
import stat  # imported by os already

TYPE_CHECKING = False  # not typing's: see reportgen.cli.commands
if TYPE_CHECKING:
    from _thread import LockType
    from collections.abc import Callable, Iterable, Sequence
    from queue import SimpleQueue
    from typing import BinaryIO

    from reportgen.errors import ReportgenError

    StrPath = str | os.PathLike[str]


def refused(message: str, path: StrPath, hint: str | None = None) -> ReportgenError:
    """The :class:`~reportgen.errors.UsageError` refusing an output (imported only then)."""
    from reportgen.errors import UsageError

    return UsageError.at(message, os.fspath(path), hint=hint)


def check_outputs(
    outputs: Sequence[StrPath], inputs: Sequence[StrPath], labels: list[str] | None = None
) -> None:
    """Refuse, before anything is written, outputs that would lose a file: one that is an
    input, two that are the same file, a read-only existing file, a name too long to make."""
    folders: dict[str, str] = {}
    resolved_inputs = {_identity(path, folders, _lstat(path)): path for path in inputs}
    seen: dict[str, int] = {}
    for index, out in enumerate(outputs):
        name = os.path.basename(out)
        if len(name.encode("utf-8")) > 200:
            raise refused(
                "输出文件名太长（超过 200 字节）", name[:40] + "…", "请用 -o 指定短一些的文件名"
            )
        found = _lstat(out)  # None: nothing there yet (a batch's outputs, mostly)
        key = _identity(out, folders, found)
        if key in resolved_inputs:
            raise refused(
                f"输出文件就是输入文件 {os.fspath(resolved_inputs[key])}，未写入",
                out,
                "请用 -o 指定另一个输出文件名",
            )
        if key in seen:
            first = labels[seen[key]] if labels else os.fspath(outputs[seen[key]])
            this = labels[index] if labels else os.fspath(out)
            raise refused(
                f"“{first}”和“{this}”的输出是同一个文件，未写入任何文件",
                out,
                "请改名使它们不同，或分开渲染到不同的文件夹",
            )
        seen[key] = index
        # By its mode, not os.access: an administrator may write anything, yet a file marked
        # read-only is one its owner wants kept.
        if found is not None and os.path.isfile(out) and not os.stat(out).st_mode & 0o222:
            raise refused(
                "输出文件是只读的，未覆盖", out, "请先取消只读属性，或用 -o 指定其他文件名"
            )


def _lstat(path: StrPath) -> os.stat_result | None:
    try:
        return os.lstat(path)
    except OSError:
        return None


def _identity(path: StrPath, folders: dict[str, str], found: os.stat_result | None) -> str:
    """What names one file: its resolved path, case-folded (Windows and macOS ignore case).
    ``folders`` holds the folders resolved so far (a batch names a thousand files in one):
    a file that is not a link (``found``: its lstat, None if there is none) resolves to its
    name in its resolved folder. (Not on Windows, where resolving also turns a short 8.3 name
    into the long one.)"""
    folder, name = os.path.split(os.fspath(path))
    linked = found is not None and stat.S_ISLNK(found.st_mode)
    if os.name == "nt" or name in ("", ".", "..") or linked:
        resolved = os.path.realpath(path)
    else:
        if folder not in folders:
            folders[folder] = os.path.realpath(folder)
        resolved = os.path.join(folders[folder], name)
    return os.path.normcase(resolved).casefold()


def write_atomically(
    path: StrPath, data: bytes | Callable[[BinaryIO], object], *, overwrite: bool = True
) -> None:
    """Write ``data`` to ``path`` whole or not at all.

    ``data`` is the bytes, or a function that writes them to the stream it is given (a large
    output need not be held in memory). They go to a temporary file in the same folder, which
    is flushed to disk and then replaces ``path``; on any failure the temporary file is removed
    and an existing ``path`` is left as it was. Inside :class:`WritesFinishedLater` the
    flush and the replacing are left to the caller.
    """
    if _unfinished is None:
        _begin_write(path, data, overwrite, None).finish()
    else:
        _begin_write(path, data, overwrite, _unfinished)


#: The writes begun inside :class:`WritesFinishedLater`, for the caller (None: outside).
_unfinished: list[UnfinishedWrite] | None = None
#: Those of them neither finished nor abandoned yet, whoever holds them.
_begun: set[UnfinishedWrite] = set()


class WritesFinishedLater:
    """Inside ``with WritesFinishedLater() as writes:``, :func:`write_atomically` returns
    once the data is in the temporary file, and flushing it to disk (fsync: milliseconds of
    waiting on the disk) goes on in a thread of its own (one per process, :func:`_flusher`);
    ``writes`` holds those writes, each to be finished (it waits for the flush, then replaces
    the output, raising what write_atomically would) or abandoned. A batch worker renders its
    next report meanwhile."""

    def __enter__(self) -> list[UnfinishedWrite]:
        global _unfinished
        self.previous, _unfinished = _unfinished, []
        return _unfinished

    def __exit__(self, *exc_info: object) -> None:
        global _unfinished
        _unfinished = self.previous


class UnfinishedWrite:
    """An output written to its temporary file, not yet flushed to disk and put in place."""

    def __init__(self, path: StrPath, temporary: str, stream: BinaryIO, overwrite: bool) -> None:
        self.path = path
        self.temporary = temporary
        self.stream = stream
        self.overwrite = overwrite
        #: Held until the flusher thread has flushed it; None: not handed to the flusher.
        self.flushing: LockType | None = None
        self.abandoned = False
        self.error: OSError | None = None

    def flush_in_background(self) -> None:
        from _thread import allocate_lock

        flushing = allocate_lock()
        flushing.acquire()
        queue = _flusher()
        self.flushing = flushing  # before the flusher can see it: it releases this
        queue.put(self)

    def _flush(self) -> None:
        try:
            if not self.abandoned:  # its file may be closed already: nothing to flush
                os.fsync(self.stream.fileno())
        except OSError as exc:
            self.error = exc
        except ValueError:  # abandoned meanwhile: the file was closed under us
            pass

    def finish(self) -> None:
        """Wait for the flush to disk and put the output in place; raises as
        :func:`write_atomically` does, and then nothing is left behind."""
        path = self.path
        try:
            if self.flushing is None:
                self._flush()
            else:
                self.flushing.acquire()  # released by the flusher once flushed
            if self.error is not None:
                raise self.error
            self.stream.close()
            # The temporary file is private (0600); give it the mode an ordinary save would.
            mode = os.stat(path).st_mode & 0o777 if os.path.exists(path) else 0o644
            os.chmod(self.temporary, mode)
            if not self.overwrite and os.path.exists(path):
                raise refused("文件已存在，未覆盖", path, "如确要覆盖，请加 --force")
            os.replace(self.temporary, path)
        except OSError as exc:
            raise _write_failed(exc, path) from None
        finally:
            self.abandon()

    def abandon(self) -> None:
        """Remove the temporary file: an output not put in place by now never will be. (It
        does not wait for the flusher, which skips or finishes flushing a file in vain.)"""
        self.abandoned = True
        self.stream.close()
        if os.path.exists(self.temporary):
            os.unlink(self.temporary)
        _begun.discard(self)


def abandon_unfinished() -> None:
    """Abandon every write finished later that is not finished yet (a batch worker that is
    stopped calls this, wherever the signal found it)."""
    for write in list(_begun):
        write.abandon()


#: The process's flusher: the process id it was started in (a forked child starts its own:
#: threads are not inherited) and the queue it takes writes from.
_flushing: tuple[int, SimpleQueue[UnfinishedWrite]] | None = None


def _flusher() -> SimpleQueue[UnfinishedWrite]:
    """The queue of the thread that flushes this process's writes to disk, one after another,
    started on first use (one thread per write cost a worker a tenth of a millisecond each)."""
    global _flushing
    if _flushing is None or _flushing[0] != os.getpid():
        from queue import SimpleQueue
        from threading import Thread

        queue: SimpleQueue[UnfinishedWrite] = SimpleQueue()

        def flush_each() -> None:
            while True:
                write = queue.get()
                try:
                    write._flush()
                finally:
                    if write.flushing is not None:
                        write.flushing.release()

        # The thread starts with Ctrl-C and SIGTERM blocked, so that they always reach the main
        # thread: one taken by this thread would not wake the main thread from a blocking call
        # (a batch worker waiting for its next report), which would never stop.
        held = _hold_signals()
        try:
            Thread(target=flush_each, name="reportgen-flush", daemon=True).start()
        finally:
            _release_signals(held)
        _flushing = os.getpid(), queue
    return _flushing[1]


def _begin_write(
    path: StrPath,
    data: bytes | Callable[[BinaryIO], object],
    overwrite: bool,
    later: list[UnfinishedWrite] | None,
) -> UnfinishedWrite:
    """Check ``path`` and write ``data`` to a temporary file beside it; with ``later``, start
    flushing it to disk in the background and add it there."""
    folder = os.path.dirname(path) or "."
    if not os.path.isdir(folder):
        raise refused(
            "输出文件夹不存在", folder, "请先建立该文件夹，或用 -o 指定已有文件夹中的文件"
        )
    check_outputs([path], [])
    if os.path.isdir(path):
        raise refused("输出路径是一个文件夹", path, "请用 -o 指定一个文件名")
    if not overwrite and os.path.exists(path):
        raise refused("文件已存在，未覆盖", path, "如确要覆盖，请加 --force")
    temp_name: str | None = None
    begun: UnfinishedWrite | None = None
    try:
        held = _hold_signals()
        try:
            handle, temp_name = _new_private_file(folder, f".{os.path.basename(path)}.", ".tmp")
        except OSError as exc:
            raise refused(
                f"无法在输出文件夹中写入（{exc.strerror or exc}）",
                folder,
                "请检查文件夹的写入权限，或用 -o 指定其他位置",
            ) from None
        finally:
            _release_signals(held)
        stream = os.fdopen(handle, "wb")
        try:
            if isinstance(data, bytes):
                stream.write(data)
            else:
                data(stream)
            stream.flush()
        except BaseException:
            stream.close()
            raise
        write = UnfinishedWrite(path, temp_name, stream, overwrite)
        if later is not None:
            _begun.add(write)  # from here on, abandoning it removes the temporary file
            later.append(write)
            write.flush_in_background()
        begun = write
        return begun
    except OSError as exc:
        raise _write_failed(exc, path) from None
    finally:
        if begun is None and temp_name is not None and os.path.exists(temp_name):
            os.unlink(temp_name)


def _write_failed(exc: OSError, path: StrPath) -> ReportgenError:
    return refused(
        f"无法写入输出文件（{exc.strerror or exc}）",
        path,
        "如果该文件正在 Word 或 WPS 中打开，请先关闭后重试",
    )


def _new_private_file(folder: str, prefix: str, suffix: str) -> tuple[int, str]:
    """A new file only we can read, as ``tempfile.mkstemp`` makes it (never an existing file,
    never through a link), without importing tempfile: a tenth of a short command's start."""
    flags = os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    flags |= getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0)
    for _ in range(100):
        name = os.path.join(folder, f"{prefix}{os.urandom(6).hex()}{suffix}")
        try:
            return os.open(name, flags, 0o600), name
        except FileExistsError:
            continue
    raise FileExistsError(f"no free temporary name in {folder}")


# Ctrl-C and SIGTERM are held while the temporary file is created: an interrupt between its
# creation and our knowing its name would leave it behind (batch workers are interrupted
# anywhere). A held signal is delivered when released, inside the cleanup's reach. (Through
# the C module: the signal module's enums import enum.)


def _hold_signals() -> Iterable[int] | None:
    import _signal

    hold = getattr(_signal, "pthread_sigmask", None)  # not on Windows
    return None if hold is None else hold(_signal.SIG_BLOCK, {_signal.SIGINT, _signal.SIGTERM})


def _release_signals(previous: Iterable[int] | None) -> None:
    if previous is not None:
        import _signal

        _signal.pthread_sigmask(_signal.SIG_SETMASK, previous)
