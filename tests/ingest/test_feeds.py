from __future__ import annotations

import datetime as dt
import gzip
from pathlib import Path

from sitrep.ingest import Failure, RawDoc, iter_raw
from sitrep.ingest.document import to_article
from sitrep.ingest.feeds import read_feed

RSS = b"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
  <title>Sahel Post</title>
  <link>https://sahel.example/</link>
  <item>
    <title>Checkpoint attacked near Gao</title>
    <link>https://sahel.example/gao</link>
    <pubDate>Mon, 06 Mar 2023 08:30:00 +0000</pubDate>
    <description>Militants attacked a checkpoint near Gao on Monday, killing two soldiers, the army said.</description>
  </item>
  <item>
    <title>Floods in the north</title>
    <link>https://sahel.example/floods</link>
    <pubDate>Fri, 10 Mar 2023 12:00:00 GMT</pubDate>
    <description>short teaser</description>
    <content:encoded><![CDATA[<p>Floods in the north of the country have forced 3,000 families from their homes.</p><p>The interior ministry said on Friday that aid was on its way.</p>]]></content:encoded>
  </item>
  <item>
    <title>Only a title</title>
    <link>https://sahel.example/nothing</link>
  </item>
</channel>
</rss>
"""

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Port News</title>
  <entry>
    <title>Blast in port</title>
    <link rel="alternate" href="https://port.example/blast"/>
    <id>tag:port.example,2023:1</id>
    <published>2023-05-02T09:00:00Z</published>
    <updated>2023-05-03T09:00:00Z</updated>
    <content type="html">&lt;p&gt;An explosion at a fuel depot in the port city injured at least 12 workers on Tuesday, the fire service said.&lt;/p&gt;</content>
  </entry>
  <entry>
    <title>Evacuation</title>
    <link href="https://port.example/evacuation"/>
    <updated>2023-05-04T10:00:00+02:00</updated>
    <summary>Residents near the depot were evacuated overnight as firefighters fought the blaze.</summary>
  </entry>
</feed>
"""


def test_rss_entries_with_links_dates_and_content() -> None:
    items = list(read_feed(RSS, source="feed.xml"))
    assert [type(i) for i in items] == [RawDoc, RawDoc, Failure]
    first, second, third = items
    assert isinstance(first, RawDoc) and isinstance(second, RawDoc) and isinstance(third, Failure)
    assert first.source == "feed.xml#entry1"
    assert first.url == "https://sahel.example/gao"
    assert first.published == dt.date(2023, 3, 6)
    assert first.outlet == "Sahel Post"
    assert first.title == "Checkpoint attacked near Gao"
    assert first.is_html is False
    assert first.content.startswith("Militants attacked")
    # content:encoded wins over the teaser, and its markup goes through the HTML path
    assert second.is_html is True
    assert "3,000 families" in second.content
    assert second.published == dt.date(2023, 3, 10)
    assert third.source == "feed.xml#entry3" and third.code == "E101"


def test_atom_entries() -> None:
    items = list(read_feed(ATOM, source="port.atom"))
    assert all(isinstance(i, RawDoc) for i in items)
    a, b = items
    assert isinstance(a, RawDoc) and isinstance(b, RawDoc)
    assert (a.url, a.published, a.outlet) == (
        "https://port.example/blast",
        dt.date(2023, 5, 2),
        "Port News",
    )
    assert (b.url, b.published) == ("https://port.example/evacuation", dt.date(2023, 5, 4))
    assert b.content.startswith("Residents near the depot")


def test_feed_entry_html_is_stripped_to_the_article_text() -> None:
    item = next(iter(read_feed(ATOM, source="port.atom")))
    assert isinstance(item, RawDoc)
    art = to_article(item)
    assert "<p>" not in art.text
    assert "injured at least 12 workers" in art.text
    assert art.published == dt.date(2023, 5, 2)
    assert art.source_path == "port.atom#entry1"


def test_broken_xml_costs_only_the_broken_entry() -> None:
    broken = RSS.replace(
        b"<title>Floods in the north</title>", b"<title>Floods <b>in the north</title>"
    )
    items = list(read_feed(broken, source="feed.xml"))
    assert isinstance(items[0], RawDoc) and items[0].source == "feed.xml#entry1"
    assert items[0].outlet == "Sahel Post"
    assert isinstance(items[1], Failure)
    assert items[1].source == "feed.xml#entry2" and items[1].code == "E105"
    assert isinstance(items[2], Failure) and items[2].source == "feed.xml#entry3"


def test_broken_atom_keeps_namespaces_of_good_entries() -> None:
    broken = ATOM.replace(b"</feed>", b"")  # truncated: no closing root
    items = list(read_feed(broken, source="port.atom"))
    assert [i.source for i in items] == ["port.atom#entry1", "port.atom#entry2"]
    assert all(isinstance(i, RawDoc) for i in items)


def test_not_a_feed_at_all() -> None:
    items = list(read_feed(b"<rss><channel><title>x</ti", source="f.xml"))
    assert len(items) == 1 and isinstance(items[0], Failure) and items[0].source == "f.xml"


def test_feed_files_plain_gzip_and_truncated_gzip(tmp_path: Path) -> None:
    (tmp_path / "a.rss").write_bytes(RSS)
    (tmp_path / "b.xml.gz").write_bytes(gzip.compress(ATOM))
    cut = gzip.compress(RSS * 1)
    (tmp_path / "c.xml.gz").write_bytes(cut[: len(cut) * 3 // 4])
    items = list(iter_raw([tmp_path]))
    by_source = {i.source: i for i in items}
    assert isinstance(by_source[f"{tmp_path}/a.rss#entry1"], RawDoc)
    assert isinstance(by_source[f"{tmp_path}/b.xml.gz#entry2"], RawDoc)
    # the truncated file: entries before the break are read, then one failure for the file
    assert isinstance(by_source[f"{tmp_path}/c.xml.gz#entry1"], RawDoc)
    truncated = by_source[f"{tmp_path}/c.xml.gz"]
    assert isinstance(truncated, Failure) and "truncated gzip" in truncated.reason
