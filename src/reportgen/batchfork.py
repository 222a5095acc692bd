"""Worker processes forked from a prepared parent: they inherit its memory instead of rebuilding it.

:func:`run` forks the workers once the caller has loaded what they share, hands them items one at
a time over a socket (an index into the list they inherited, so nothing is pickled on the way
out) and yields each result as it comes back (a worker's answers come in the order of the
items it was given, so an answer need not name its item: ``answer`` joins the two). A worker stops on SIGINT or SIGTERM by raising
KeyboardInterrupt where it is, so its ``finally`` blocks remove what it was writing; the parent,
stopped by anything, stops the workers still running and waits for them to finish cleaning up.

Signals and fork. CPython runs a Python signal handler at the first Python code after the signal;
right after ``os.fork()`` that is an ``os.register_at_fork`` callback (logging registers one),
and an exception raised there is reported as "unraisable" and dropped. A SIGTERM arriving while
the parent forks was therefore lost, and the batch ran to its end (exit 0). So while forking,
SIGINT and SIGTERM are blocked in this thread and only recorded by a handler that raises nothing,
and are raised again, to the caller's own handler, once the workers are known.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from typing import Any, Generic, NoReturn, TypeVar, cast

Item = TypeVar("Item")
Result = TypeVar("Result")

_STOPS = (signal.SIGINT, signal.SIGTERM)
_AHEAD = 2  # items queued per worker, so that it never waits for the parent between two


def available() -> bool:
    """Whether :func:`run` can fork here: POSIX but not macOS (whose system libraries are not
    safe to use in a forked child), from the main thread (which alone may set signal handlers)."""
    return (
        hasattr(os, "fork")
        and sys.platform != "darwin"
        and threading.current_thread() is threading.main_thread()
    )


# (Plain classes, not dataclasses, and pipes, not multiprocessing's connections: importing
# dataclasses and multiprocessing was a seventh of a batch's fixed cost.)


class _Worker:
    __slots__ = ("given", "pid", "told_to_finish")

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.given: deque[int] = deque()  # indices sent, not yet answered
        self.told_to_finish = False


class Later(Generic[Result]):
    """What ``work`` returns for an item whose result is ready once ``finish`` has run (a
    report whose file is still being flushed to disk): the worker takes its next item first."""

    __slots__ = ("finish",)

    def __init__(self, finish: Callable[[], Result]) -> None:
        self.finish = finish


class _Failed:
    """An exception a worker could not handle (a defect), to be raised in the parent."""

    def __init__(self, error: BaseException) -> None:
        self.error = error


class _Channel:
    """One side of the two pipes between the parent and a worker: messages of bytes, each
    sent as its length and then itself (as multiprocessing's connections send them)."""

    __slots__ = ("reading", "writing")

    def __init__(self, reading: int, writing: int) -> None:
        self.reading = reading
        self.writing = writing

    def fileno(self) -> int:
        return self.reading

    def send_bytes(self, data: bytes) -> None:
        view = memoryview(len(data).to_bytes(4, "little") + data)
        while view:
            view = view[os.write(self.writing, view) :]

    def recv_bytes(self) -> bytes:
        """The next message; EOFError once the other side has closed its end."""
        return self._read(int.from_bytes(self._read(4), "little"))

    def _read(self, size: int) -> bytes:
        chunks = []
        while size:
            chunk = os.read(self.reading, size)
            if not chunk:
                raise EOFError
            chunks.append(chunk)
            size -= len(chunk)
        return b"".join(chunks)

    def poll(self) -> bool:
        """Whether a message is waiting (or the other side has closed its end)."""
        import select

        return bool(select.select([self.reading], [], [], 0)[0])

    def close(self) -> None:
        for fd in (self.reading, self.writing):
            with contextlib.suppress(OSError):
                os.close(fd)


def _pipes() -> tuple[_Channel, _Channel]:
    """The parent's and the worker's channel between them."""
    to_worker, to_parent = os.pipe(), os.pipe()
    return _Channel(to_parent[0], to_worker[1]), _Channel(to_worker[0], to_parent[1])


def run(
    items: Sequence[Item],
    work: Callable[[Item], Any],
    workers: int,
    lost: Callable[[Item, str], Result],
    stopped: Callable[[], None] = lambda: None,
    answer: Callable[[Item, Any], Result] = lambda item, found: found,
) -> Iterator[Result]:
    """``work(item)`` for every item in ``workers`` forked processes (finished later when it
    is a :class:`Later`); yields ``answer(item, what work found)`` as they come (by default
    what work found: a worker sends it back pickled, so the less it holds the better). A
    worker stopped before its end calls ``stopped`` to undo what it leaves unfinished.

    The item a worker was on when it died (killed on its own) yields ``lost(item, why)``; those
    queued for it go to the others.
    An exception other than KeyboardInterrupt in ``work`` stops the run and is raised here."""
    import gc
    import pickle
    from selectors import EVENT_READ, PollSelector

    pending = deque(range(len(items)))
    children: dict[_Channel, _Worker] = {}
    selector = PollSelector()  # no file of its own for the workers to inherit
    try:
        gc.freeze()  # the inherited objects are never scanned by the workers' collections
        try:
            _fork_all(items, work, workers, children, stopped)
        finally:
            gc.unfreeze()
        for conn in children:
            selector.register(conn, EVENT_READ)
        _dispatch(children, pending)
        while children:
            for key, _ in selector.select():
                conn = cast("_Channel", key.fileobj)
                worker = children[conn]
                try:
                    message = pickle.loads(conn.recv_bytes())
                except (EOFError, OSError):  # the worker has ended
                    selector.unregister(conn)
                    del children[conn]
                    conn.close()
                    why = _reap(worker.pid)
                    if worker.given:  # it died on the first; the others go to the rest
                        yield lost(items[worker.given.popleft()], why)
                        pending.extendleft(reversed(worker.given))
                    continue
                if isinstance(message, _Failed):
                    raise message.error
                yield answer(items[worker.given.popleft()], message)
            _dispatch(children, pending)
        yield from (lost(items[index], "渲染进程已全部退出") for index in pending)
    finally:
        selector.close()
        _stop(children)


def _dispatch(children: dict[_Channel, _Worker], pending: deque[int]) -> None:
    """Keep every worker :data:`_AHEAD` items ahead; once none is left anywhere, tell them all
    to finish (an idle worker waits till then: it may yet take those of one that died)."""
    for conn, worker in children.items():
        while pending and len(worker.given) < _AHEAD:
            worker.given.append(pending.popleft())
            _send(conn, worker.given[-1])
    if not pending and not any(worker.given for worker in children.values()):
        for conn, worker in children.items():
            if not worker.told_to_finish:
                worker.told_to_finish = True
                _send(conn, None)


def _send(conn: _Channel, index: int | None) -> None:
    """An index as its decimal digits; None (no more items) as nothing."""
    with contextlib.suppress(OSError):  # a dead worker's end of the socket says so in run()
        conn.send_bytes(b"" if index is None else b"%d" % index)


def _fork_all(
    items: Sequence[Any],
    work: Callable[[Any], Any],
    workers: int,
    children: dict[_Channel, _Worker],
    stopped: Callable[[], None],
) -> None:
    caught: list[int] = []
    handlers = {sig: signal.signal(sig, lambda signum, _: caught.append(signum)) for sig in _STOPS}
    mask = signal.pthread_sigmask(signal.SIG_BLOCK, _STOPS)
    try:
        for _ in range(workers):
            ours, theirs = _pipes()
            sys.stdout.flush()  # else a child's copy of the buffers could be written twice
            sys.stderr.flush()
            try:
                pid = os.fork()
            except BaseException:
                ours.close()
                theirs.close()
                raise
            if pid == 0:
                _work(theirs, [*children, ours], items, work, mask, stopped)
            theirs.close()
            children[ours] = _Worker(pid)
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, mask)  # held signals reach the recorder
        for sig, handler in handlers.items():
            signal.signal(sig, handler)
    for signum in caught[:1]:
        signal.raise_signal(signum)  # the caller's handler now: it raises, or ends the process


def _work(
    conn: _Channel,
    parents: list[_Channel],
    items: Sequence[Any],
    work: Callable[[Any], Any],
    mask: set[int],
    stopped: Callable[[], None],
) -> NoReturn:
    """The worker's whole life: answer each index sent, until None or an interrupt. An item
    whose work returns :class:`Later` is answered once the next one is done (or when no next
    one is waiting), so that its finishing overlaps that work."""
    import pickle

    def send(found: object) -> None:
        conn.send_bytes(pickle.dumps(found, pickle.HIGHEST_PROTOCOL))

    code = 0
    held: Later[Any] | None = None
    try:
        for parent_end in parents:
            parent_end.close()
        for sig in _STOPS:
            signal.signal(sig, _interrupted)
        signal.pthread_sigmask(signal.SIG_SETMASK, mask)
        while True:
            if held is not None and not conn.poll():  # never sit on a result while idle
                send(_finished(held))
                held = None
            index = conn.recv_bytes()
            if not index:
                break
            try:
                result: object = work(items[int(index)])
            except Exception as exc:
                result = _Failed(exc)
            if held is not None:
                send(_finished(held))
                held = None
            if isinstance(result, Later):
                held = result
            else:
                send(result)
        if held is not None:
            send(_finished(held))
            held = None
    except KeyboardInterrupt:
        code = 130
    except BaseException:  # the parent is gone (EOF, a broken socket): nothing to say to anyone
        code = 1
    finally:
        if code:
            with contextlib.suppress(BaseException):
                stopped()
        os._exit(code)  # never the parent's code after fork: no atexit, no buffers flushed


def _finished(later: Later[Any]) -> object:
    try:
        return later.finish()
    except Exception as exc:
        return _Failed(exc)


def _interrupted(signum: int, frame: object) -> None:
    # Stop once: a second signal (the parent's, after the group's) must not cut the cleanup short.
    # A half-built object's "Exception ignored" report would only be noise on the user's terminal.
    for sig in _STOPS:
        signal.signal(sig, signal.SIG_IGN)
    sys.unraisablehook = lambda _: None
    raise KeyboardInterrupt


def _stop(children: dict[_Channel, _Worker]) -> None:
    """Interrupt the workers still running and wait until each has cleaned up and exited."""
    for worker in children.values():
        with contextlib.suppress(ProcessLookupError):
            os.kill(worker.pid, signal.SIGINT)
    for conn, worker in list(children.items()):
        _reap(worker.pid)
        conn.close()
        del children[conn]


def _reap(pid: int) -> str:
    """Wait for ``pid`` to exit; how it ended, in words for a user."""
    try:
        _, status = os.waitpid(pid, 0)
    except ChildProcessError:
        return "渲染进程已退出"
    if os.WIFSIGNALED(status):
        return f"渲染进程被信号 {os.WTERMSIG(status)} 终止"
    return f"渲染进程意外退出（退出码 {os.WEXITSTATUS(status)}）"
