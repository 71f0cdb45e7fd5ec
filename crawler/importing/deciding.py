"""The import's slow, pure steps spread over the cores: `decide` on each page, and the page lines a site's
boilerplate is relearned from at the end.

`Deciding(config, learned, workers)` runs them in this process alone, or in `workers` processes counting this one:
`workers - 1` worker processes take the calls in order, and this process, instead of waiting for them, takes back
the calls no worker has started yet (the latest first) and runs them itself. So the work spreads over every
process whatever share the importing process's own reading and writing takes, and no core is left to a process
that only waits. Each worker gets the config and the learned lines once, when it starts; a page then travels with
its site's key only, and its decision comes back without the site (the importing process puts its own back).
"""
from __future__ import annotations

import gc
import os
import signal
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from typing import Any

from pipelines.decide import Decision, decide
from pipelines.rules import Config, Site
from pipelines.taggers import SHIPPED


class Deciding:
    """The pool of processes the import's pure steps run in (this process alone when `workers` is 1)."""

    def __init__(self, config: Config, learned: dict, workers: int = 1):
        self.config = config
        _STARTED.update(config=config, learned=learned, worker=False)  # what `_decide` reads, here as in a worker
        if workers > 1:  # compiled once, here, before the workers start: a forked worker inherits them (~0.3 s each)
            taggers = config.taggers or SHIPPED
            taggers.mentions, taggers.meetings  # noqa: B018
        self.pool = (ProcessPoolExecutor(workers - 1, initializer=_start_worker,
                                         initargs=(os.getpid(), config, learned))
                     if workers > 1 else None)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        if self.pool is not None:
            self.pool.shutdown(cancel_futures=True)
        return False

    def decide(self, page: dict, site: Site, known: dict | None) -> Job:
        """`decide` of the page (`known`: what the archive holds of its article), started."""
        return Job(self.pool, _decide, page, site.key, known)

    def decision(self, job: Job, site: Site) -> Decision:
        """The decision of a `decide` job, with its site and taggers."""
        decision = job.result()
        if decision.site is None:  # a worker sends them back as None: this process has them
            decision.site, decision.taggers = site, self.config.taggers
        return decision

    def finish(self, jobs: Sequence[Job], later: Sequence[Job] = ()) -> None:
        """Return when every one of `jobs` is done, meanwhile running here those of `jobs` and `later` (started after
        them) that no worker has started, the latest first."""
        spare = [*jobs, *later][::-1]
        while not all(job.done() for job in jobs):
            if not any(job.take() for job in spare):
                wait([job.future for job in jobs if job.future is not None and not job.done()],
                     return_when=FIRST_COMPLETED)

    def map(self, function: Callable, *iterables: Iterable) -> list:
        """[function(*args) for args in zip(*iterables)], spread over the processes (`function` must be a
        module-level function, its arguments and result picklable)."""
        jobs = [Job(self.pool, function, *args) for args in zip(*iterables)]
        self.finish(jobs)
        return [job.result() for job in jobs]


class Job:
    """One call of a pure function: run by a worker process, or here (`take`, or when there is no pool)."""

    def __init__(self, pool: ProcessPoolExecutor | None, function: Callable, *args: Any):
        self.function, self.args = function, args
        self.future: Future | None = None
        self.ran, self.value = False, None
        if pool is None:
            self._run_here()
        else:
            self.future = pool.submit(function, *args)

    def _run_here(self) -> None:
        self.value, self.ran, self.future = self.function(*self.args), True, None

    def take(self) -> bool:
        """Run the call here if no worker has started it (True), else leave it (False)."""
        if not self.ran and self.future is not None and self.future.cancel():
            self._run_here()
            return True
        return False

    def done(self) -> bool:
        return self.ran or (self.future is not None and self.future.done())

    def result(self) -> Any:
        if not self.ran:
            assert self.future is not None
            self.value, self.ran = self.future.result(), True
        return self.value


_STARTED: dict = {}  # the config and learned lines the pool was started with (in this process and each worker)


def _start_worker(parent: int, config: Config, learned: dict) -> None:
    # Ctrl-C reaches every process of the terminal's group: the importing process stops the workers (a worker that
    # took it would print its traceback and could leave the pool waiting for ever)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    gc.freeze()  # what the worker inherits is never collected: no garbage collection walks (and copies) it
    exit_with_parent(parent)
    _STARTED.update(config=config, learned=learned, worker=True)


def _decide(page: dict, site_key: str, known: dict | None) -> Decision:
    config = _STARTED["config"]
    site = config.sites[site_key] if site_key in config.sites else config.other
    decision = decide(page, site, config.taggers, learned_lines=_STARTED["learned"].get(site_key, frozenset()),
                      known=known)
    if _STARTED["worker"]:
        decision.site, decision.taggers = None, None  # type: ignore[assignment]  # the importing process has them
    return decision


def exit_with_parent(parent: int) -> None:
    """In an import worker process: exit as soon as the importing process is gone. Killed (SIGKILL, a crash), it
    cannot shut its pool down, and a worker waiting for its next page would wait for ever (it holds its queue's
    other end itself)."""
    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(0)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()
