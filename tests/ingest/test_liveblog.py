from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from sitrep.ingest import RawDoc, iter_raw
from sitrep.ingest.liveblog import split_live_blog

UPDATES = [
    (
        "2022-03-01T07:10:00+00:00",
        "Kharkiv shelled overnight",
        "Russian shelling hit residential districts of Kharkiv overnight, the regional governor said, "
        "and at least nine people were wounded.",
    ),
    (
        "2022-03-01T09:45:00+00:00",
        "Convoy near Kyiv",
        "Satellite images show a military convoy stretching for more than 60 kilometres north of Kyiv, "
        "a private imaging company said on Tuesday morning.",
    ),
    (
        "2022-03-02T11:30:00+00:00",
        "Talks to resume",
        "Ukrainian and Russian delegations will meet again on Wednesday near the Belarusian border, "
        "a spokesman for the Ukrainian president said.",
    ),
]


def _html_live_blog() -> str:
    posts = "".join(
        f'<div class="live-post" id="post-{i}"><time datetime="{t}">{t[11:16]}</time>'
        f"<h2>{title}</h2><p>{body}</p><p>More details to follow.</p></div>"
        for i, (t, title, body) in enumerate(UPDATES, 1)
    )
    return (
        '<html><head><title>Ukraine war live</title><meta property="og:site_name" content="Daily Wire Service">'
        '<link rel="canonical" href="https://wire.example/live/ukraine"></head>'
        f"<body><nav>Home World Sport</nav><main>{posts}</main><footer>About us</footer></body></html>"
    )


def _json_ld_live_blog() -> str:
    data = {
        "@context": "https://schema.org",
        "@type": "LiveBlogPosting",
        "headline": "Ukraine war live",
        "liveBlogUpdate": [
            {
                "@type": "BlogPosting",
                "headline": title,
                "datePublished": t,
                "articleBody": body,
                "url": f"https://wire.example/live/ukraine#u{i}",
            }
            for i, (t, title, body) in enumerate(UPDATES, 1)
        ],
    }
    return (
        '<html><head><script type="application/ld+json">' + json.dumps(data) + "</script></head>"
        "<body><p>Live coverage</p></body></html>"
    )


def test_html_live_blog_split_into_timestamped_entries() -> None:
    raw = RawDoc(content=_html_live_blog(), source="live.html", is_html=True)
    entries = split_live_blog(raw)
    assert entries is not None and len(entries) == 3
    assert [e.source for e in entries] == [
        "live.html#entry1",
        "live.html#entry2",
        "live.html#entry3",
    ]
    assert [e.published for e in entries] == [
        dt.date(2022, 3, 1),
        dt.date(2022, 3, 1),
        dt.date(2022, 3, 2),
    ]
    assert entries[0].title == "Kharkiv shelled overnight"
    assert entries[0].url == "https://wire.example/live/ukraine#post-1"
    assert entries[0].outlet == "Daily Wire Service"
    assert entries[0].is_html is False
    assert "nine people were wounded" in entries[0].content
    assert "07:10" not in entries[0].content and "Home World" not in entries[0].content
    assert "convoy" in entries[1].content and "convoy" not in entries[0].content


def test_json_ld_live_blog() -> None:
    entries = split_live_blog(RawDoc(content=_json_ld_live_blog(), source="ld.html"))
    assert entries is not None and len(entries) == 3
    assert entries[2].published == dt.date(2022, 3, 2)
    assert entries[2].url == "https://wire.example/live/ukraine#u3"
    assert entries[2].title == "Talks to resume"
    assert entries[2].content.startswith("Ukrainian and Russian delegations")


def test_ordinary_article_with_teasers_is_not_a_live_blog() -> None:
    body = " ".join(u[2] for u in UPDATES) * 3
    teasers = "".join(
        f'<article class="teaser"><time datetime="{t}">{t[:10]}</time><a href="#">{title}</a></article>'
        for t, title, _ in UPDATES
    )
    page = f"<html><body><article><h1>Main story</h1><p>{body}</p></article><aside>{teasers}</aside></body></html>"
    assert split_live_blog(RawDoc(content=page, source="story.html")) is None


def test_live_blog_page_in_a_folder_becomes_entries(tmp_path: Path) -> None:
    (tmp_path / "live.html").write_text(_html_live_blog(), encoding="utf-8")
    items = list(iter_raw([tmp_path]))
    assert [i.source for i in items] == [f"{tmp_path}/live.html#entry{n}" for n in (1, 2, 3)]
