"""The pipeline: a cleaned :class:`Article` and its parse in, a :class:`Record` out."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from sitrep import nlp as nlp_mod
from sitrep.extract.attribution import claims as extract_claims
from sitrep.extract.attribution import quotes as extract_quotes
from sitrep.extract.attribution.antecedents import antecedents
from sitrep.extract.attribution.settle import attribute_claims, attribute_quotes
from sitrep.extract.casualties import casualties as extract_casualties
from sitrep.extract.casualties.parts import more_casualties
from sitrep.extract.casualties.scene import at_the_scene
from sitrep.extract.casualties.victims import with_implied_victims
from sitrep.extract.entities import entities as extract_entities
from sitrep.extract.events import events as extract_events
from sitrep.extract.places import places as extract_places
from sitrep.extract.times import times as extract_times
from sitrep.extract.times.frames import claim_times, fix_times
from sitrep.model import Article, Record


def analyze(article: Article, doc: Doc) -> Record:
    """Run every extractor over one parsed article."""
    text = nlp_mod.text_of(doc)
    times = fix_times(
        extract_times(doc, anchor=article.published), text=text, published=article.published
    )
    places = extract_places(doc, article=article)
    casualties = extract_casualties(
        doc, article=article, places=places, times=claim_times(times, text=text)
    )
    casualties = more_casualties(doc, casualties, article=article, places=places)
    # one attribution pass settles speakers and sources with the whole article in view
    ants = antecedents(doc)
    quotes = attribute_quotes(doc, extract_quotes(doc, article=article, times=times), ants=ants)
    casualties = attribute_claims(doc, casualties, quotes, outlet=article.outlet, ants=ants)
    casualties = at_the_scene(with_implied_victims(casualties))
    return Record(
        article=article,
        entities=extract_entities(doc),
        places=places,
        times=times,
        casualties=casualties,
        quotes=quotes,
        claims=extract_claims(doc, article=article, casualties=casualties),
        events=extract_events(
            doc, article=article, places=places, times=times, casualties=casualties
        ),
    )


def run(article: Article, *, nlp: Language | None = None) -> Record:
    """Parse and analyze one article."""
    return analyze(article, nlp_mod.parse(article.text, nlp=nlp))


def pipe(
    articles: Iterable[Article], *, nlp: Language | None = None, batch_size: int = 64
) -> Iterator[Record]:
    """Stream records for many articles, parsing in batches."""
    batch: list[Article] = []
    for art in articles:
        batch.append(art)
        if len(batch) >= batch_size:
            yield from _run_batch(batch, nlp=nlp, batch_size=batch_size)
            batch = []
    if batch:
        yield from _run_batch(batch, nlp=nlp, batch_size=batch_size)


def _run_batch(batch: list[Article], *, nlp: Language | None, batch_size: int) -> Iterator[Record]:
    docs = nlp_mod.parse_many([a.text for a in batch], nlp=nlp, batch_size=batch_size)
    for art, doc in zip(batch, docs, strict=True):
        yield analyze(art, doc)


def extract(
    text_or_html: str,
    *,
    published: dt.date | str | None = None,
    outlet: str | None = None,
    url: str | None = None,
    title: str | None = None,
) -> Record:
    """Extract every fact from one article given as text or HTML.

    Args:
        text_or_html: the article, as plain (possibly scraped) text or as an HTML page.
        published: the publication date; read from the page or a dateline when not given.
        outlet: the outlet's name; read from metadata or residue when not given.
        url: the article's address, if known.
        title: the headline, if known.

    Returns:
        The :class:`~sitrep.model.Record`; ``.to_dict()`` gives the ``sitrep extract`` JSON.
    """
    from sitrep.ingest.document import article_from_string

    art = article_from_string(
        text_or_html, published=published, outlet=outlet, url=url, title=title
    )
    return run(art)
