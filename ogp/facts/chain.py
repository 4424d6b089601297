"""The first-parent chain of a branch, with every committer date checked before it is believed.

A committer date is a claim the committer's machine writes. Along the chain a
branch's commits were published one after the other, so a date earlier than
the parent's, or later than now, cannot be when the commit was published.
A publication log (see :mod:`ogp.facts.publications`) adds what git cannot know:
a commit existed when a deploy included it, and did not exist yet on the
branch when an earlier deploy did not include it.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

# Clocks of contributors' machines drift a little: a date off by this much is taken as
# written; beyond it the date is a false claim.
CLOCK_SKEW = dt.timedelta(minutes=10)
# Dated before the parent; after now; after the first deploy that included the commit;
# before a deploy of an earlier commit that did not include it.
BACKDATED, FUTURE, AFTER_DEPLOY, BEFORE_DEPLOY = "backdated", "future", "after-deploy", "before-deploy"


@dataclass(frozen=True)
class Link:
    """One commit of the first-parent chain: its committer date as claimed, and as counted.

    A commit whose date cannot be true counts at the earliest date the history
    supports: its parent's (so it never adds an update day), or the deploy
    before which it cannot have been published.
    """

    sha: str
    claimed: dt.datetime
    counted: dt.datetime
    flag: str = ""


def _bounds(shas: list[str], deployed: dict[str, dt.datetime]) -> tuple[list, list]:
    """For each commit: the latest deploy of an earlier commit, and the first deploy that included it."""
    before, latest = [], None
    for sha in shas:
        before.append(latest)
        if sha in deployed:
            latest = max(latest, deployed[sha]) if latest else deployed[sha]
    after, first = [None] * len(shas), None
    for index in range(len(shas) - 1, -1, -1):
        if shas[index] in deployed:
            first = min(first, deployed[shas[index]]) if first else deployed[shas[index]]
        after[index] = first
    return before, after


def chain_dates(stamps: list[tuple[str, int]], zone: ZoneInfo, now: dt.datetime,
                deployed: dict[str, dt.datetime] | None = None) -> list[Link]:
    """Links of a first-parent chain from ``(sha, committer timestamp)`` pairs, oldest first.

    ``deployed`` maps logged commits to their deploy time (entries that are no
    longer on the chain must be left out: they are rewrites, reported apart).
    A first commit dated in the future counts at ``now`` (or its deploy).
    """
    shas = [sha for sha, _ in stamps]
    before, after = _bounds(shas, deployed or {})
    links: list[Link] = []
    previous: dt.datetime | None = None
    for index, (sha, stamp) in enumerate(stamps):
        claimed = dt.datetime.fromtimestamp(stamp, zone)
        floor, ceiling = before[index], after[index]
        flag = ""
        if previous is not None and claimed < previous - CLOCK_SKEW:
            flag = BACKDATED
        elif floor is not None and claimed < floor - CLOCK_SKEW:
            flag = BEFORE_DEPLOY
        elif claimed > now + CLOCK_SKEW:
            flag = FUTURE
        elif ceiling is not None and claimed > ceiling + CLOCK_SKEW:
            flag = AFTER_DEPLOY
        lowest = max((m for m in (previous, floor) if m is not None), default=None)
        if flag:  # the earliest moment the history supports: the parent, or a deploy without it
            counted = lowest if lowest is not None else min(now, ceiling or now)
        else:
            counted = max(claimed, lowest) if lowest is not None else claimed
        links.append(Link(sha, claimed, counted.astimezone(zone), flag))
        previous = links[-1].counted
    return links
