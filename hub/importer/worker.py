"""An import's checking and staging, in a process of its own (docs/model.md, "Imports").

That work is minutes of Python for a county: in the hub's process it would hold the
interpreter lock, and the event loop would wait its turn for every request. So a worker
process (forked from a small server process, `forkserver`, never from the hub with its
threads) reads the files, types and checks the rows and stages them, with a Neo4j
connection of its own (hub/importer/staging.py); the importing process only waits, hears
its progress, and publishes once it has staged everything (hub/importer/write.py).

The worker runs at a lower priority than the hub and Neo4j (`nice`, and its session's
`autogroup` weight), so that requests come first. It ends with the import: the kernel kills
it when the server process it was forked from ends, which that process does as soon as the
importing process is gone (killed with the hub or `hub import`); its open transaction dies
with its connection, and the run's staged records are cleaned by the next import
(hub/importer/stage.py).
"""

from __future__ import annotations

import asyncio
import contextlib
import ctypes
import multiprocessing
import os
import signal
import threading
import traceback
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from hub.core.errors import HubError
from hub.core.progress import Tick, quiet
from hub.files.problems import ImportRejected
from hub.importer.staging import Job, Staged, work

BATCH = 5000
# Rows staged in one transaction. Smaller than a checked chunk: a reader waits less behind
# each of Neo4j's write transactions (docs/performance.md, issue #13).
STAGED = 1000
# How much lower than the hub's the worker's CPU priority is: a request's work comes first.
NICE = 10
_PR_SET_PDEATHSIG = 1
_CONTEXT = multiprocessing.get_context("forkserver")
_CONTEXT.set_forkserver_preload(["hub.importer.worker"])


class WorkerFailed(RuntimeError):
    """The checking process failed unexpectedly (its traceback is the message)."""


def _die_with_parent() -> None:
    # Linux: killed when the forkserver ends, which it does when the importing process does.
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() == 1:  # the forkserver was gone before the line above ran
        os._exit(1)


def _lower_priority() -> None:
    os.nice(NICE)
    # Where the kernel groups processes by session (autogroup, the default on most Linux
    # systems), `nice` only ranks a process within its session: against Neo4j, a session of
    # its own, the worker would weigh as much as the hub and Neo4j's readers together. In a
    # session of its own with that session's weight lowered, it gives way to both.
    with contextlib.suppress(OSError):
        os.setsid()
        Path("/proc/self/autogroup").write_text(str(NICE))


def _serve(conn: Connection, job: Job) -> None:
    """The worker: stage the import, then say how it ended; every message a tuple, its tag
    first."""
    _die_with_parent()
    _lower_priority()
    lock = threading.Lock()

    def send(message: tuple[object, ...]) -> None:
        with lock:
            conn.send(message)

    try:
        try:
            send(("staged", work(job, send)))
        except ImportRejected as exc:
            send(("rejected", exc.problems))
        except HubError as exc:
            send(("error", exc))
    except (BrokenPipeError, EOFError, ConnectionResetError):
        return  # the importing process is gone, and the import with it
    except Exception:
        send(("failed", traceback.format_exc()))
    finally:
        conn.close()


async def _recv(conn: Connection) -> Any:
    # Waiting and unpickling in a thread: the event loop goes on serving meanwhile.
    return await asyncio.to_thread(conn.recv)


async def stage_in_worker(job: Job, tick: Tick = quiet) -> Staged:
    """Check and stage the import `job` names in a worker process; what it staged, or
    ImportRejected if any row fails (some batches may have been staged: the run's to drop).
    The worker is stopped whatever happens."""
    ours, theirs = _CONTEXT.Pipe()
    worker = _CONTEXT.Process(target=_serve, args=(theirs, job), daemon=True,
                              name="hub-import-check")
    worker.start()
    theirs.close()
    try:
        while True:
            try:
                message = await _recv(ours)
            except EOFError:
                raise WorkerFailed("the import worker ended without a word") from None
            tag = message[0]
            if tag == "tick":
                tick(message[1], message[2], message[3])
            elif tag == "staged":
                staged: Staged = message[1]
                return staged
            elif tag == "rejected":
                raise ImportRejected(problems=message[1])
            elif tag == "error":
                raise message[1]
            else:
                raise WorkerFailed(message[1])
    finally:
        ours.close()
        await asyncio.to_thread(_stop, worker)


def _stop(worker: multiprocessing.process.BaseProcess) -> None:
    worker.join(timeout=5.0)
    if worker.is_alive():
        worker.kill()
        worker.join()
    worker.close()
