"""Live blogs: a page of timestamped updates becomes one document per update.

A page is a live blog when it says so in JSON-LD (``LiveBlogPosting`` with ``liveBlogUpdate``
items), or when most of its text sits in three or more repeated entry blocks (``<article>`` or
an element whose class names a post, entry or update) that each carry their own
``<time datetime=...>``. Each entry keeps its own timestamp as its publication date and is
named ``page.html#entry3`` (1-based, in page order).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

from sitrep.ingest.document import RawDoc

MIN_ENTRIES = 3
"""Fewer timestamped blocks than this is a page with a few teasers, not a live blog."""
MIN_SHARE = 0.4
"""The entries must hold at least this share of the page's words."""

_ENTRY_CLASS = re.compile(r"(?:^|[\s_-])(?:post|entry|update|liveblog|live-blog)(?:$|[\s_-])", re.I)
_BLOCKS = ("p", "h2", "h3", "h4", "h5", "h6", "li", "blockquote")


def split_live_blog(raw: RawDoc) -> list[RawDoc] | None:
    """The entries of a live-blog page as RawDocs, or None when the page is not a live blog."""
    content = raw.content
    if "LiveBlogPosting" not in content and content.count("<time") < MIN_ENTRIES:
        return None
    try:
        import lxml.html
        from lxml import etree

        root = lxml.html.fromstring(content)
    except (ValueError, etree.ParserError):
        return None
    page_url = raw.url or _meta(root, "og:url") or _canonical(root)
    outlet = raw.outlet or _meta(root, "og:site_name")
    entries = list(_json_ld_entries(root)) or _html_entries(root)
    if len(entries) < 2:
        return None
    out = []
    for i, (text, published, title, anchor) in enumerate(entries, 1):
        url = anchor if anchor and "://" in anchor else None
        if url is None and page_url:
            url = f"{page_url.split('#')[0]}#{anchor}" if anchor else page_url
        out.append(
            replace(
                raw,
                content=text,
                source=f"{raw.source}#entry{i}",
                url=url,
                published=published or raw.published,
                outlet=outlet,
                title=title,
                is_html=False,
            )
        )
    return out


Entry = tuple[str, dt.date | None, str | None, str | None]  # text, date, title, anchor/url


def _json_ld_entries(root: Any) -> Iterator[Entry]:
    for script in root.xpath('//script[@type="application/ld+json"]'):
        try:
            data = json.loads(script.text or "")
        except json.JSONDecodeError:
            continue
        for obj in _walk_ld(data):
            types = obj.get("@type")
            types = types if isinstance(types, list) else [types]
            if "LiveBlogPosting" not in types:
                continue
            updates = obj.get("liveBlogUpdate") or []
            for upd in updates if isinstance(updates, list) else [updates]:
                if not isinstance(upd, dict):
                    continue
                body = upd.get("articleBody") or upd.get("text") or upd.get("description")
                if not isinstance(body, str) or not body.strip():
                    continue
                text = _strip_markup(body) if "<" in body else body.strip()
                date = _date(upd.get("datePublished") or upd.get("dateModified"))
                title = upd.get("headline") if isinstance(upd.get("headline"), str) else None
                url = upd.get("url") if isinstance(upd.get("url"), str) else None
                yield text + "\n", date, title, url
            return


def _walk_ld(data: Any) -> Iterator[dict[str, Any]]:
    if isinstance(data, list):
        for d in data:
            yield from _walk_ld(d)
    elif isinstance(data, dict):
        yield data
        if "@graph" in data:
            yield from _walk_ld(data["@graph"])


def _html_entries(root: Any) -> list[Entry]:
    for bad in root.xpath("//script|//style|//noscript"):
        bad.drop_tree()
    candidates = [
        el
        for el in root.iter("article", "div", "section", "li")
        if (el.tag == "article" or _ENTRY_CLASS.search(el.get("class") or ""))
        and el.xpath(".//time[@datetime]")
    ]
    # the innermost blocks: an entry holds one update, not a list of them
    chosen = [
        el for el in candidates if not any(o is not el and _inside(o, el) for o in candidates)
    ]
    if len(chosen) < MIN_ENTRIES:
        return []
    body = root.find("body")
    page_words = len((body if body is not None else root).text_content().split())
    entries: list[Entry] = []
    words = 0
    for el in chosen:
        time_el = el.xpath(".//time[@datetime]")[0]
        date = _date(time_el.get("datetime"))
        heading = el.xpath(".//h1|.//h2|.//h3|.//h4")
        title = " ".join(heading[0].text_content().split()) if heading else None
        for t in el.xpath(".//time"):
            t.drop_tree()
        if heading:
            heading[0].drop_tree()
        text = _text_of(el)
        if not text.strip():
            continue
        words += len(text.split())
        entries.append((text, date, title, el.get("id")))
    if len(entries) < MIN_ENTRIES or words < MIN_SHARE * page_words:
        return []
    return entries


def _inside(inner: Any, outer: Any) -> bool:
    return any(a is outer for a in inner.iterancestors())


def _text_of(el: Any) -> str:
    blocks = [b for b in el.iter(*_BLOCKS) if not any(a.tag in _BLOCKS for a in b.iterancestors())]
    parts = [" ".join(b.text_content().split()) for b in blocks] if blocks else []
    parts = [p for p in parts if p]
    if not parts:
        parts = [" ".join(el.text_content().split())]
    return "\n\n".join(parts) + "\n"


def _strip_markup(fragment: str) -> str:
    import lxml.html

    try:
        el = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except Exception:  # not markup after all
        return fragment.strip()
    return _text_of(el).strip()


def _meta(root: Any, prop: str) -> str | None:
    found = root.xpath(f'//meta[@property="{prop}" or @name="{prop}"]/@content')
    return str(found[0]).strip() or None if found else None


def _canonical(root: Any) -> str | None:
    found = root.xpath('//link[@rel="canonical"]/@href')
    return str(found[0]).strip() or None if found else None


def _date(value: Any) -> dt.date | None:
    if not isinstance(value, str):
        return None
    try:
        return dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None
