"""Datelines and bureau lines: a place that says where the reporter filed from, not where
anything happened ("KYIV:", "WASHINGTON (Reuters) -", "Reuters | Kyiv | Updated ...")."""

from __future__ import annotations

import re

from sitrep.model import Place

# A dateline or bureau line: the name opens its line and a colon, dash or bar follows
# ("KYIV:", "JERUSALEM –", "GAZA CITY, Gaza Strip (AP) —", "Reuters | Kyiv | Updated").
_DATELINE_AFTER = re.compile(
    r"\s*(?:,[^\n:–—|]{0,40}?)?\s*(?:\([^)\n]{0,30}\))?\s*[:–—|]|\s+-\s"
    r"|,[^\n:–—|-]{0,40}?\s+-(?=[A-Z])"  # a scraped wire dateline: "SERHIIVKA, Ukraine -Russia"
    r"|,[^\n:–—|-]{0,40}?\s+-\s"  # "Deir el-Balah, Gaza - A food aid organization said"
)
_BUREAU_BEFORE = re.compile(r"[^\n|]{0,40}\|\s*$")
# A date stamp a scraper put before the dateline on its line (" date 2022-08-25 KYIV:",
# "10-8-2024 (JERUSALEM)").
_DATE = r"(?:date:?\s+)?(?:\d{4}-\d{2}(?:-\d{2})?|\d{1,2}[-/.]\d{1,2}[-/.]\d{4})"
_STAMP = re.compile(rf"\s*{_DATE}\s+", re.I)
# A dateline in brackets after a date stamp or at the start of its line: "10-8-2024 (JERUSALEM)".
_BRACKETED = re.compile(rf"\s*(?:{_DATE}\s*)?\($", re.I)


def is_dateline(text: str, p: Place) -> bool:
    """A bureau name that opens its line ("KYIV:", "Reuters | Kyiv | Updated ...")."""
    return dateline_at(text, p.start, p.end)


def dateline_at(text: str, start: int, end: int) -> bool:
    """Whether the name at [start, end) of ``text`` is a dateline or bureau name."""
    line_start = text.rfind("\n", 0, start) + 1
    before = text[line_start:start]
    after = text[end : end + 60]
    if (before.strip() == "" or _STAMP.fullmatch(before)) and _DATELINE_AFTER.match(after):
        return True
    if _BRACKETED.fullmatch(before) and after.startswith(")") and text[start:end].isupper():
        return True
    return bool(_BUREAU_BEFORE.fullmatch(before)) and after.lstrip().startswith("|")


__all__ = ["dateline_at", "is_dateline"]
