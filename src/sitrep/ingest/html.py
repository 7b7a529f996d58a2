"""HTML pages to main text and metadata, through trafilatura."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import trafilatura
from trafilatura.settings import Document, use_config

from sitrep.errors import BrokenInput, EmptyInput

_CONFIG = use_config()
_CONFIG.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")  # no signals: safe in threads and workers

_HTML_HINT = re.compile(r"<(?:!doctype\s+html|html|head|body|article|div|p|meta|title)\b", re.I)


@dataclass(frozen=True, slots=True)
class HtmlDoc:
    """What trafilatura reads from a page."""

    text: str
    title: str | None
    author: str | None
    outlet: str | None
    url: str | None
    published: dt.date | None


def looks_like_html(text: str) -> bool:
    """True when the string is an HTML page or fragment rather than plain text."""
    head = text[:4096]
    return bool(_HTML_HINT.search(head)) and head.count("<") >= 3


def extract_html(html: str, *, url: str | None = None) -> HtmlDoc:
    """Main text, title, author, outlet and publication date of an HTML page.

    Args:
        html: the page.
        url: its address, which helps trafilatura and names the outlet's domain.

    Raises:
        EmptyInput: the page has no extractable main text.
    """
    try:
        doc = trafilatura.bare_extraction(
            html,
            url=url,
            include_comments=False,
            include_tables=False,
            with_metadata=True,
            favor_recall=True,
            config=_CONFIG,
        )
    except Exception as exc:  # trafilatura raises many kinds on broken markup
        raise BrokenInput(f"cannot parse the HTML ({exc.__class__.__name__}: {exc})") from exc
    if isinstance(doc, dict):  # older trafilatura versions return a dict
        doc = Document.from_dict(doc)
    if doc is None or not (doc.text or "").strip():
        raise EmptyInput(
            "the page has no main text that trafilatura can find; "
            "check it is an article page and not an index or a login wall"
        )
    published: dt.date | None = None
    if doc.date:
        try:
            published = dt.date.fromisoformat(str(doc.date)[:10])
        except ValueError:
            published = None
    outlet = doc.sitename or None
    if outlet and outlet.startswith("www."):
        outlet = outlet[4:]
    text = re.sub(r"\n{3,}", "\n\n", str(doc.text)).strip() + "\n"
    return HtmlDoc(
        text=text,
        title=doc.title or None,
        author=doc.author or None,
        outlet=outlet,
        url=doc.url or url,
        published=published,
    )
