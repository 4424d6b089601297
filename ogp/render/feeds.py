"""What is new, as an Atom feed, and what is due, as an iCalendar file, in each language.

Both are built from the validated records. Entry paths are language-neutral
(``meetings/<id>/``); a feed or calendar puts them under the site address of
its language (``/`` for Mongolian, ``/en/`` for English).
"""
from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from zoneinfo import ZoneInfo

from ogp.records.load import Dataset
from ogp.records.repository import active
from ogp.records.rules import milestone_key
from ogp.words import languages, path_prefix, per_language, say, words

ATOM_NS = "http://www.w3.org/2005/Atom"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
UID_DOMAIN = "ogp-repository"
PRODID = "-//OGP repository//ogp//EN"

FEED_TITLE = words("feeds.feed_title")
CALENDAR_NAME = words("feeds.calendar_name")
AUTHOR = words("feeds.author")

MEETING_TYPES = {
    "forum": words("feeds.forum"),
    "civil-society": words("feeds.civil-society"),
    "outreach": words("feeds.outreach"),
    "consultation": words("feeds.consultation"),
    "working-group": words("feeds.working-group"),
    "other": words("feeds.other"),
}
MEETING_FORMATS = {
    "online": words("feeds.online"),
    "in-person": words("feeds.in-person"),
    "hybrid": words("feeds.hybrid"),
}
EVIDENCE_KINDS = {
    "plan": words("feeds.plan"),
    "minutes": words("feeds.minutes"),
    "report": words("feeds.report"),
    "photo": words("feeds.photo"),
    "dataset": words("feeds.dataset"),
    "letter": words("feeds.letter"),
    "order": words("feeds.order"),
    "presentation": words("feeds.presentation"),
    "video": words("feeds.video"),
    "webpage": words("feeds.webpage"),
    "forum-rules": words("feeds.forum-rules"),
    "other": words("feeds.other-2"),
}
MILESTONE_STATUS = {
    "not-started": words("feeds.not-started"),
    "in-progress": words("feeds.in-progress"),
    "completed": words("feeds.completed"),
    "delayed": words("feeds.delayed"),
    "cancelled": words("feeds.cancelled"),
}
# Characters XML 1.0 cannot carry at all, not even escaped.
_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
# Control characters an iCalendar TEXT value may not hold (tab is allowed; newlines are escaped).
_NOT_ICAL = re.compile("[\x00-\x08\x0b-\x1f\x7f]")


def _pair(values: dict, name: str) -> dict:
    return {lang: values.get(f"{name}_{lang}") or "" for lang in languages()}


def _base(site_url: str, lang: str) -> str:
    """The address of the site in ``lang``, ending in a slash."""
    base = site_url if site_url.endswith("/") else site_url + "/"
    return base + path_prefix(lang)


def _meeting_summary(values: dict) -> dict:
    kind = MEETING_TYPES.get(values.get("type"), MEETING_TYPES["other"])
    how = MEETING_FORMATS.get(values.get("format"))
    if how is None:
        return per_language(lambda lang: say("feeds.meeting-summary", lang, kind=kind[lang]))
    return per_language(lambda lang: say("feeds.meeting-summary-format", lang, kind=kind[lang], format=how[lang]))


def feed_entries(data: Dataset, evidence_home: dict[str, str] | None = None) -> list[dict]:
    """Update entries for meetings, evidence and completed milestones, newest first.

    Each entry: ``id`` (stable, e.g. ``meeting:<id>``), ``date``, ``title`` and
    ``summary`` as ``{"mn": ..., "en": ...}``, and ``path`` (relative to the site root of a language).
    ``evidence_home`` names the evidence page listing each item (``ogp.model.Model.evidence_home``);
    without it, evidence entries point at the evidence index.
    """
    entries = []
    for record in data.records.get("meeting", []):
        v = record.values
        entries.append({"id": f"meeting:{v['id']}", "date": v["date"], "title": _pair(v, "title"),
                        "summary": _meeting_summary(v), "path": f"meetings/{v['id']}/"})
    for record in data.records.get("evidence", []):
        v = record.values
        kind = EVIDENCE_KINDS.get(v.get("kind"), EVIDENCE_KINDS["other"])
        entries.append({"id": f"evidence:{v['id']}", "date": v["date"], "title": _pair(v, "title"),
                        "summary": per_language(lambda lang, kind=kind: say("feeds.new-evidence", lang, kind=kind[lang])),
                        "path": f"evidence/{evidence_home[v['id']]}/#{v['id']}" if evidence_home and v["id"] in evidence_home
                        else "evidence/"})
    for record in data.records.get("milestone", []):
        v, commitment = record.values, record.parent.values
        if v.get("status") != "completed" or not v.get("completed"):
            continue  # only a completion is news; its date is required by the rules
        title = {lang: f"{commitment[f'title_{lang}']}: {v[f'title_{lang}']}" for lang in languages()}
        summary = words("feeds.summary", id=commitment['id'], id2=v['id'])
        entries.append({"id": f"milestone:{milestone_key(record)}", "date": v["completed"], "title": title,
                        "summary": summary, "path": f"commitments/{commitment['id']}/"})
    for record in data.records.get("update", []):
        milestone, commitment = record.parent, record.parent.parent
        key = milestone_key(milestone)
        title = {lang: f"{commitment.values.get(f'title_{lang}') or ''}: {milestone.values.get(f'title_{lang}') or ''}" for lang in languages()}
        entries.append({"id": f"update:{key}:{record.values['date']}:{record.base[-1]}", "date": record.values["date"],
                        "title": title, "summary": _pair(record.values, "text"),
                        "path": f"commitments/{commitment.values['id']}/#{milestone.values['id']}"})
    entries.sort(key=lambda e: e["id"])  # ties on a date keep one fixed order
    entries.sort(key=lambda e: e["date"], reverse=True)
    return entries


def _rfc3339(day: dt.date) -> str:
    """Midnight starting ``day`` in the repository's time zone (the full day, also for a month or year)."""
    return dt.datetime.combine(day, dt.time(0, 0), ZoneInfo(active().timezone)).isoformat()


def _add(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    """A child element; ElementTree escapes its text and attributes when writing."""
    element = ET.SubElement(parent, tag, attrs)
    if text is not None:
        element.text = _NOT_XML.sub("", text)
    return element


# A feed tells subscribers what is new; the whole history is in the data package
# and the update ledger. Without a limit the feed of a large repository weighed
# more than a megabyte per language and grew with every record.
FEED_LIMIT = 100


def atom_feed(entries: list[dict], lang: str, site_url: str, updated: dt.date, feed_path: str = "feed.xml",
              limit: int = FEED_LIMIT) -> str:
    """An Atom 1.0 document of the newest ``limit`` ``entries`` (from :func:`feed_entries`) in ``lang`` ("mn" or "en").

    Links are absolute, under ``site_url`` (Mongolian) or ``site_url + "en/"``
    (English); ``feed_path`` is where the feed itself is published, relative to that address.
    """
    base = _base(site_url, lang)
    # A plain xmlns attribute instead of ET.register_namespace: no global state, and Atom is the default namespace.
    feed = ET.Element("feed", {"xmlns": ATOM_NS, XML_LANG: lang})
    _add(feed, "title", FEED_TITLE[lang])
    _add(feed, "id", base + feed_path)
    _add(feed, "link", rel="self", type="application/atom+xml", href=base + feed_path)
    _add(feed, "link", rel="alternate", type="text/html", href=base)
    # The feed changed when its newest entry did, not when the site was last built.
    _add(feed, "updated", _rfc3339(max((e["date"] for e in entries[:limit] if e["date"] <= updated), default=updated)))
    _add(_add(feed, "author"), "name", AUTHOR[lang])
    for entry in entries[:limit]:
        link = base + entry["path"]
        item = _add(feed, "entry")
        _add(item, "id", f"{link.split('#', 1)[0]}#{entry['id']}")  # a page can hold several entries
        _add(item, "title", entry["title"][lang])
        _add(item, "link", rel="alternate", type="text/html", href=link)
        _add(item, "updated", _rfc3339(entry["date"]))
        _add(item, "summary", entry["summary"][lang])
    ET.indent(feed)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n"


def _ical_text(value: str) -> str:
    """An iCalendar TEXT value (RFC 5545 3.3.11): backslash, ``;``, ``,`` and newlines escaped."""
    value = _NOT_ICAL.sub("", value.replace("\r\n", "\n").replace("\r", "\n"))
    for char in ("\\", ";", ","):  # the backslash first, or the others' escapes would double
        value = value.replace(char, "\\" + char)
    return value.replace("\n", "\\n")


def _fold(line: str, limit: int = 75) -> str:
    """A content line folded at ``limit`` UTF-8 octets, never inside a character (RFC 5545 3.1)."""
    data = line.encode("utf-8")
    if len(data) <= limit:
        return line  # most lines: nothing to fold
    parts, start, room = [], 0, limit
    while len(data) - start > room:
        end = start + room
        while data[end] & 0xC0 == 0x80:  # a UTF-8 continuation byte: cut before its character
            end -= 1
        parts.append(data[start:end].decode("utf-8"))
        start, room = end, limit - 1  # a continuation line starts with one space
    parts.append(data[start:].decode("utf-8"))
    return "\r\n ".join(parts)


def _events(data: Dataset, lang: str, base: str) -> list[dict]:
    """One all-day event per milestone due date and per meeting."""
    events = []
    for record in data.records.get("milestone", []):
        v, commitment = record.values, record.parent.values
        if not v.get("due"):  # an earlier template's milestone without a date: nothing to put in a calendar
            continue
        status = MILESTONE_STATUS[v["status"]][lang] if v.get("status") in MILESTONE_STATUS else ""
        description = words("feeds.milestone-due-date-status", status=status)[lang]
        events.append({"uid": milestone_key(record), "date": v["due"], "url": f"{base}commitments/{commitment['id']}/",
                       "summary": f"{commitment[f'title_{lang}']}: {v[f'title_{lang}']}", "description": description})
    for record in data.records.get("meeting", []):
        v = record.values
        events.append({"uid": v["id"], "date": v["date"], "url": f"{base}meetings/{v['id']}/",
                       "summary": v[f"title_{lang}"], "description": _meeting_summary(v)[lang],
                       "location": v.get(f"place_{lang}")})
    return sorted(events, key=lambda e: (e["date"], e["uid"]))


def _vevent(event: dict, stamp: str) -> list[str]:
    lines = [
        "BEGIN:VEVENT",
        f"UID:{event['uid']}@{UID_DOMAIN}",
        f"DTSTAMP:{stamp}",
        f"DTSTART;VALUE=DATE:{event['date']:%Y%m%d}",
        f"DTEND;VALUE=DATE:{event['date'] + dt.timedelta(days=1):%Y%m%d}",  # DTEND is exclusive
        f"SUMMARY:{_ical_text(event['summary'])}",
        f"DESCRIPTION:{_ical_text(event['description'])}",
    ]
    if event.get("location"):
        lines.append(f"LOCATION:{_ical_text(event['location'])}")
    return lines + [f"URL:{event['url']}", "TRANSP:TRANSPARENT", "END:VEVENT"]


def icalendar(data: Dataset, lang: str, site_url: str, stamp: dt.datetime) -> str:
    """An iCalendar (RFC 5545) text in ``lang`` of every milestone due date and every meeting.

    ``stamp`` is every event's DTSTAMP (a naive value is taken as UTC), so the
    same records always give the same text. Lines end in CRLF and are folded at 75 octets.
    """
    if stamp.tzinfo is not None:
        stamp = stamp.astimezone(dt.timezone.utc)
    stamp_text = f"{stamp:%Y%m%dT%H%M%S}Z"
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
             f"X-WR-CALNAME:{_ical_text(CALENDAR_NAME[lang])}"]
    for event in _events(data, lang, _base(site_url, lang)):
        lines += _vevent(event, stamp_text)
    lines.append("END:VCALENDAR")
    return "".join(_fold(line) + "\r\n" for line in lines)
