"""RSS and Atom feed files: one raw document per entry, from its content or summary.

A feed whose XML is broken is read entry by entry, so that one broken entry becomes a failure
named ``feed.xml#entry3`` and the other entries are still read.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator

from sitrep.ingest.document import RawDoc
from sitrep.ingest.failure import Failure
from sitrep.ingest.html import looks_like_html

_ENTRY_START = re.compile(rb"<(?:[\w-]+:)?(item|entry)[\s>/]")
_NS_DECL = re.compile(rb"""\sxmlns(?::[\w-]+)?=(["'])[^"']*\1""")
_FEED_ROOT = re.compile(rb"<(?:[\w-]+:)?(rss|feed|RDF)[\s>]")
_MARKUP = re.compile(r"<[a-zA-Z/!][^>]*>")


def looks_like_feed(head: bytes) -> bool:
    """True when the first bytes of a file are an RSS, RDF or Atom document."""
    return bool(_FEED_ROOT.search(head[:2048]))


def read_feed(data: bytes, *, source: str) -> Iterator[RawDoc | Failure]:
    """Every entry of an RSS/Atom feed as a RawDoc, or a Failure naming the entry.

    Args:
        data: the feed's bytes (already decompressed).
        source: the file's name; entries are named ``source#entryN`` (1-based).
    """
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        yield from _read_broken(data, source=source, error=str(exc))
        return
    outlet = _channel_title(root)
    entries = [el for el in root.iter() if _local(el.tag) in ("item", "entry")]
    if not entries:
        yield Failure(source, "E101", "the feed has no <item> or <entry> elements")
        return
    for i, el in enumerate(entries, 1):
        yield _entry(el, source=f"{source}#entry{i}", outlet=outlet)


def _read_broken(data: bytes, *, source: str, error: str) -> Iterator[RawDoc | Failure]:
    """Parse a broken feed entry by entry, each wrapped with the document's namespaces."""
    starts = [m.start() for m in _ENTRY_START.finditer(data)]
    if not starts:
        yield Failure(source, "E105", f"broken XML ({error}) and no feed entries to salvage")
        return
    head = data[: starts[0]]
    outlet = _title_in(head)
    decls = b" ".join(m.group(0).strip() for m in _NS_DECL.finditer(head))
    for i, (start, end) in enumerate(zip(starts, [*starts[1:], len(data)], strict=True), 1):
        name = f"{source}#entry{i}"
        block = data[start:end]
        m = re.search(rb"</(?:[\w-]+:)?(?:item|entry)\s*>", block)
        if m:
            block = block[: m.end()]
        try:
            wrapper = ET.fromstring(b"<wrap " + decls + b">" + block + b"</wrap>")
        except ET.ParseError as exc:
            yield Failure(name, "E105", f"broken XML in this feed entry ({exc})")
            continue
        yield _entry(wrapper[0], source=name, outlet=outlet)


def _entry(el: ET.Element, *, source: str, outlet: str | None) -> RawDoc | Failure:
    body = None
    for tag in ("encoded", "content", "description", "summary"):
        text = _child_text(el, tag)
        if text and text.strip():
            body = text
            break
    if body is None:
        return Failure(source, "E101", "the feed entry has no content or summary")
    published = None
    for tag in ("published", "pubDate", "date", "updated", "issued", "modified"):
        value = _child_text(el, tag)
        if value and (published := _feed_date(value)):
            break
    title = _child_text(el, "title")
    is_html = bool(_MARKUP.search(body)) and looks_like_html(_as_page(body))
    return RawDoc(
        content=_as_page(body) if is_html else body,
        source=source,
        url=_link(el),
        published=published,
        outlet=outlet,
        title=title.strip() if title else None,
        is_html=is_html,
    )


def _as_page(fragment: str) -> str:
    """Wrap an entry's HTML fragment as a page, so the HTML path reads it as an article."""
    return f"<html><body><article>{fragment}</article></body></html>"


def _local(tag: str | object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _child_text(el: ET.Element, name: str) -> str | None:
    for child in el:
        if _local(child.tag) == name:
            if len(child) and child.get("type") in ("xhtml", "application/xhtml+xml"):
                return "".join(ET.tostring(c, encoding="unicode") for c in child)
            return "".join(child.itertext())
    return None


def _link(el: ET.Element) -> str | None:
    fallback = None
    for child in el:
        if _local(child.tag) != "link":
            continue
        href = child.get("href")
        if href is None:  # RSS: the address is the element's text
            text = (child.text or "").strip()
            if text:
                return text
            continue
        if child.get("rel", "alternate") == "alternate":
            return href
        fallback = fallback or href
    guid = _child_text(el, "guid") or _child_text(el, "id")
    if guid and guid.strip().startswith("http"):
        return guid.strip()
    return fallback


def _channel_title(root: ET.Element) -> str | None:
    channel = next((c for c in root if _local(c.tag) == "channel"), root)
    title = _child_text(channel, "title")
    return title.strip() or None if title else None


def _title_in(head: bytes) -> str | None:
    m = re.search(rb"<(?:[\w-]+:)?title[^>]*>([^<]+)<", head)
    return m.group(1).decode("utf-8", "replace").strip() or None if m else None


def _feed_date(value: str) -> dt.date | None:
    """A date from RFC 822 (RSS) or ISO 8601 (Atom, Dublin Core) text."""
    value = value.strip()
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        pass
    try:
        return email.utils.parsedate_to_datetime(value).date()
    except (TypeError, ValueError, IndexError):
        return None
