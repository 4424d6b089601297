"""Where a build's time goes, per process: a timeline of MkDocs' events and each page step's total.

For maintainers (``scripts/trace_build.py``); the README's account of a build's
time ("Benchmarks") is read from it. :func:`install` wraps, for one loaded
configuration, every registered event method (``upstream.PLUGINS_EVENTS``, with
its plugin's name kept in ``upstream.PLUGINS_EVENT_ORIGINS`` for MkDocs' error
messages) and the build's two page steps (``upstream.BUILD_PAGE_STEPS``, looked
up on the build module at each call). Events that run once are listed with
their start and length; the page events and steps, run for every page, are
summed. A language's child (``ogp.build.parallel``) sends its timeline back.
"""
from __future__ import annotations

import collections
import importlib
import os
import time
from typing import Callable

from ogp.build import parallel, upstream

PAGE_EVENTS = ("pre_page", "page_read_source", "page_markdown", "page_content", "page_context", "post_page")


class _Trace:
    """This process's records: ``(pid, start, seconds, label)`` of single events, and page totals by pid and label."""

    def __init__(self) -> None:
        self.started = time.perf_counter()
        self.events: list[tuple[int, float, float, str]] = []
        self.totals: dict[tuple[int, str], list[float]] = collections.defaultdict(lambda: [0.0, 0])

    def add(self, label: str, began: float, seconds: float) -> None:
        """One timed call: a page event or step is summed, any other event listed."""
        pid = os.getpid()
        if label.split(" ", 1)[0] in PAGE_EVENTS or label in upstream.BUILD_PAGE_STEPS:
            total = self.totals[(pid, label)]
            total[0] += seconds
            total[1] += 1
        else:
            self.events.append((pid, began - self.started, seconds, label))


_trace = _Trace()


def _timed(label: str, call: Callable) -> Callable:
    def timed(*args, **kwargs):
        began = time.perf_counter()
        try:
            return call(*args, **kwargs)
        finally:
            _trace.add(label, began, time.perf_counter() - began)
    return timed


def install(plugins) -> None:
    """Time every event method of this configuration's plugin collection, and the build's page steps, from now on."""
    _trace.__init__()
    origins = getattr(plugins, upstream.PLUGINS_EVENT_ORIGINS)
    for name, methods in getattr(plugins, upstream.PLUGINS_EVENTS).items():
        for index, method in enumerate(methods):
            owner = origins.get(method) or getattr(method, "__module__", "?")
            methods[index] = _timed(f"{name} {owner}", method)
            origins[methods[index]] = owner
    build = importlib.import_module(upstream.BUILD_MODULE)
    for step in upstream.BUILD_PAGE_STEPS:
        setattr(build, step, _timed(step, getattr(build, step)))


def report() -> str:
    """The timeline of every process so far, as text: seconds from :func:`install`, then each page total."""
    lines = []
    for pid in sorted({pid for pid, *_ in _trace.events} | {pid for pid, _ in _trace.totals}):
        lines.append(f"process {pid}{' (this one)' if pid == os.getpid() else ''}")
        lines += [f"  {start:7.3f} s  {seconds:6.3f} s  {label}" for p, start, seconds, label in sorted(_trace.events)
                  if p == pid]
        lines += [f"  pages    {seconds:6.3f} s  {label} (x{count})"
                  for (p, label), (seconds, count) in sorted(_trace.totals.items(), key=lambda kv: -kv[1][0]) if p == pid]
    return "\n".join(lines)


def trace_build(project: "os.PathLike[str] | str", site_dir: "os.PathLike[str] | str") -> str:
    """Build ``project`` strictly into ``site_dir`` as ``mkdocs build`` would, traced; the report, after the
    time to load the configuration (its theme, plugins and hooks, with what they import)."""
    from mkdocs.config import load_config

    started = time.perf_counter()
    config = load_config(os.path.join(project, "mkdocs.yml"), site_dir=str(site_dir), strict=True)
    loaded = time.perf_counter() - started
    install(config.plugins)
    build = getattr(importlib.import_module(upstream.BUILD_MODULE), upstream.BUILD_FUNCTION)
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
    return f"configuration loaded in {loaded:.3f} s, then (seconds from there):\n" + report()


def _export() -> dict:
    return {"events": list(_trace.events), "totals": dict(_trace.totals)}


def _absorb(sent: dict) -> None:
    own = os.getpid()
    _trace.events += [event for event in sent["events"] if event[0] != own]
    for key, total in sent["totals"].items():
        if key[0] != own:
            _trace.totals[key] = list(total)


parallel.channel("tracing", _export, _absorb)
