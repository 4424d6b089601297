"""Work done in a forked process while this one goes on, for the parts of a large build that wait on nothing.

Before the languages are built side by side (``ogp.build.parallel``), one core
works alone: checking the records, writing the pages and the open data, and
(later, after the pages) building the finder's index. At 1,000 commitments the
open data (1 s) and the finder's index (1.7 s) need only the checked records,
and the commitments' pages (about 2 s of the pages' Markdown) only the records
and the audit, so they are started here, each in a copy of the process, as soon
as those are known, and the other core does them meanwhile (``ogp.render.site``). The result comes back through a
pipe, pickled; a failure in the copy is raised again where the result is asked
for, as if the work had been done there.

Used where ``os.fork`` exists, ``OGP_JOBS`` is not ``1`` and the repository is
large enough for a process to pay (:data:`FROM_RECORDS`); otherwise the work is
done in this process when its result is first asked for.
"""
from __future__ import annotations

import gc
import os
import pickle
import signal
import sys
from typing import Callable, Generic, TypeVar

from ogp.records.settings import read_settings

FROM_RECORDS = 2000  # below this a fork costs about what it saves (measured: the sample's open data takes 0.03 s)
T = TypeVar("T")


class Alongside(Generic[T]):
    """``work()`` started in a forked process now (or kept for later); :meth:`result` gives what it returned."""

    def __init__(self, work: Callable[[], T], size: int) -> None:
        self._work, self._pid, self._pipe, self._done = work, None, None, None
        if size < FROM_RECORDS or not hasattr(os, "fork") or read_settings().sequential:
            return
        sys.stdout.flush()
        sys.stderr.flush()
        read_end, write_end = os.pipe()
        gc.freeze()  # the copy's collector leaves what it inherited alone: no page copied for nothing
        pid = os.fork()
        if pid == 0:  # the copy: work, send, and never return into the caller
            os.close(read_end)
            status = 1
            try:
                try:
                    outcome = (True, work())
                except Exception as err:  # noqa: BLE001 - raised again in the parent, where it is expected
                    outcome = (False, err)
                with os.fdopen(write_end, "wb") as pipe:
                    pickle.dump(outcome, pipe, protocol=pickle.HIGHEST_PROTOCOL)
                status = 0
            finally:
                os._exit(status)
        gc.unfreeze()
        os.close(write_end)
        self._pid, self._pipe = pid, read_end

    @property
    def elsewhere(self) -> bool:
        """Whether the work runs in a copy made by the process that created this object (until its result is
        taken or it is cancelled); a process forked later inherits the answer, not the copy."""
        return self._pid is not None

    def result(self) -> T:
        """What ``work()`` returned (waiting for the copy if it is still at work); what it raised is raised."""
        if self._done is None:
            self._done = self._collect() if self._pid is not None else (True, self._work())
        ok, value = self._done
        if not ok:
            raise value
        return value

    def cancel(self) -> None:
        """Stop the copy if it is still at work (a build that failed before it needed the result)."""
        if self._pid is not None:
            try:
                os.kill(self._pid, signal.SIGKILL)
                os.waitpid(self._pid, 0)
            except OSError:
                pass
            os.close(self._pipe)
            self._pid = None
        self._done = self._done or (True, None)

    def _collect(self) -> tuple[bool, object]:
        with os.fdopen(self._pipe, "rb") as pipe:
            sent = pipe.read()  # before waiting: a full pipe would keep the copy from ending
        _, status = os.waitpid(self._pid, 0)
        self._pid = None
        if os.waitstatus_to_exitcode(status) != 0 or not sent:
            return (True, self._work())  # the copy died (killed, out of memory): do the work here
        return pickle.loads(sent)
