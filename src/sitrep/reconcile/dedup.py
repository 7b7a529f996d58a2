"""Near-duplicate and syndicated copies: MinHash LSH over word shingles, verified exactly.

Exact copies already share an article id (the content hash). This module finds the copies that
differ: a wire story with another outlet's dateline and footer, a copy cut from the bottom, a
copy-edited headline, a syndicated excerpt that keeps only the first paragraphs of a long story.

Every article gets two MinHash signatures of its 5-word shingles: one of the whole text and one
of its lead (the first ``LEAD_WORDS`` words after a headline line). Two Locality-Sensitive
Hashing indexes over them return candidates in roughly constant time per article, so the cost
of checking a corpus grows linearly with its size. The whole-text index finds copies that share
most of their text; the lead index finds the copy that is a small part of a long original (an
excerpt, a story cut to its first paragraphs), whose whole-text similarity is too low for any
Jaccard threshold. Each candidate is then verified on the exact shingles: it is a copy when

- the Jaccard similarity of the two shingle sets reaches ``threshold`` (0.5), or
- the longer text contains the shorter one: at least ``containment`` (0.8) of the shorter
  text's words lie in a 5-word run found in the longer one, so do at least ``LEAD_SHARE``
  (0.6) of the words of its lead, and at least ``MIN_WORDS`` (25) words in all.

Containment is measured on words covered by shared shingles rather than on shared shingles,
because a copy editor's changed word breaks five shingles but leaves the words around it in
runs of the original. Two different stories that share a boilerplate paragraph or a quoted
statement share a small part of each, so they fail the containment test. (On the BBC corpus,
edited copies have at least 0.82 of their words in the original; different stories that were
candidates, at most 0.74.)

Syndicated copies that are no such part of one another (excerpts of one wire story that
overlap in part, a repost with another first line and a bureau line, "Reuters | Kyiv |
Updated: ...", a reworded or machine-spun copy) are found by a second pass,
:mod:`sitrep.reconcile.sentences`: shared sentences in an LSH index of every sentence of eight
words or more (method :data:`SENTENCE_METHOD`), sentences in the same order
(:data:`ALIGNED_METHOD`), and for two outlets' articles long verbatim runs of narrative, one
long verbatim passage, or the same private people quoted (:mod:`sitrep.reconcile.witnesses`).
Bureau lines are too short to count; two different stories that share a boilerplate paragraph
or a quoted statement share one or two sentences. This pass runs over the articles that the
shingle test found no copy for, against every stored article, in the same order. An article
that copies articles of two groups joins them: the earliest canonical article is the group's.

The index is incremental: signatures live in the ``article_minhash`` table (whole text, then
lead, in one blob) and the LSH indexes are rebuilt from them on load, so new articles are
checked against everything stored before; the exact shingles of a stored candidate are taken
from its stored text when needed. The first stored article of a group is its canonical
article; a copy of a copy points at the canonical article of the group.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt
from datasketch import MinHash, MinHashLSH

from sitrep.reconcile.fingerprint import (
    BLOB_BYTES,
    CONTAINED_METHOD,
    CONTAINMENT,
    FLOOR,
    LEAD_FLOOR,
    LEAD_SHARE,
    METHOD,
    MIN_WORDS,
    NUM_PERM,
    THRESHOLD,
    UPDATE_STAMP,
    UPDATE_STAMP_CHARS,
    Fingerprint,
    Overlap,
    fingerprint,
    from_blob,
    overlap,
    shingles,
    signature,
    similarity,
    to_blob,
)
from sitrep.reconcile.sentences import (
    ALIGN_MIN,
    ALIGNED_METHOD,
    SentenceIndex,
    SentenceMatch,
    passages,
    sentence_sets,
    word_runs,
)
from sitrep.reconcile.witnesses import speakers_of
from sitrep.store import Store

WIRE_SERVICES = frozenset(
    {
        "reuters",
        "associated press",
        "ap",
        "afp",
        "agence france-presse",
        "dpa",
        "efe",
        "ansa",
        "anadolu agency",
        "xinhua",
        "kyodo",
        "yonhap",
        "pti",
        "ani",
        "press association",
        "pa media",
        "upi",
        "interfax",
        "tass",
        "ria novosti",
        "ukrinform",
        "bloomberg",
    }
)
"""News agencies: when a wire story and its copies carry one date, the agency's is canonical."""
Hashes = npt.NDArray[np.uint32]
TextLoader = Callable[[Sequence[str]], Mapping[str, str]]


@dataclass(frozen=True, slots=True)
class Duplicate:
    """An article found to be a copy of a stored one.

    ``similarity`` is the Jaccard similarity of the two shingle sets, or for a copy found by
    containment (``method`` is :data:`CONTAINED_METHOD`) the share of the shorter text's
    words found in the longer one.
    """

    article_id: str
    canonical_id: str
    matched_id: str
    similarity: float
    method: str = METHOD


class DedupIndex:
    """In-memory LSH indexes of article signatures that assign each new article a group.

    Args:
        threshold: lowest Jaccard similarity of two shingle sets that makes a copy.
        containment: lowest share of the shorter text's words found in the longer one that
            makes a copy when the shorter text's lead is in the longer one too.
        floor: LSH threshold of the whole-text index (estimated Jaccard similarity).
        num_perm: MinHash permutations (signature length).
        texts: where the texts of indexed articles whose exact shingles are not in memory are
            read (the store); without it, such candidates are judged on MinHash estimates.
    """

    def __init__(
        self,
        *,
        threshold: float = THRESHOLD,
        containment: float = CONTAINMENT,
        floor: float = FLOOR,
        num_perm: int = NUM_PERM,
        texts: TextLoader | None = None,
    ) -> None:
        self.threshold = threshold
        self.containment = containment
        self.floor = min(floor, threshold)
        self.num_perm = num_perm
        self.texts = texts
        self.lsh = MinHashLSH(threshold=self.floor, num_perm=num_perm)
        self.lead_lsh = MinHashLSH(threshold=LEAD_FLOOR, num_perm=num_perm)
        self.signatures: dict[str, MinHash] = {}
        self.sizes: dict[str, int] = {}
        self.canonical: dict[str, str] = {}
        self.prints: dict[str, Fingerprint] = {}

    def __len__(self) -> int:
        return len(self.signatures)

    def __contains__(self, article_id: object) -> bool:
        return article_id in self.signatures

    def insert(
        self,
        article_id: str,
        mh: MinHash,
        size: int,
        *,
        canonical: str | None = None,
        lead: MinHash | None = None,
    ) -> None:
        """Add signatures to the index (no lookup)."""
        if article_id in self.signatures:
            return
        self.lsh.insert(article_id, mh)
        if lead is not None:
            self.lead_lsh.insert(article_id, lead)
        self.signatures[article_id] = mh
        self.sizes[article_id] = size
        if canonical and canonical != article_id:
            self.canonical[article_id] = canonical

    def is_copy(self, jaccard: float, containment: float) -> bool:
        """Whether two texts with these estimated similarities are copies of one another
        (the rule for a candidate whose exact shingles are unknown)."""
        return jaccard >= self.threshold or (
            jaccard >= self.floor and containment >= self.containment
        )

    def verdict(self, o: Overlap) -> bool:
        """Whether two texts with this exact overlap are copies of one another."""
        return o.jaccard >= self.threshold or (
            o.containment >= self.containment and o.lead >= LEAD_SHARE and o.words >= MIN_WORDS
        )

    def candidates(self, fp: Fingerprint) -> set[str]:
        """Indexed articles whose whole text or lead is similar enough to look at."""
        found = set(self.lsh.query(fp.minhash))
        found.update(self.lead_lsh.query(fp.lead))
        return found

    def prefetch(self, prints: Iterable[Fingerprint]) -> None:
        """Read at once the texts of all indexed candidates of these fingerprints."""
        if self.texts is None:
            return
        todo: set[str] = set()
        for fp in prints:
            todo.update(c for c in self.candidates(fp) if c not in self.prints)
        self._load(todo)

    def _load(self, ids: Iterable[str]) -> None:
        wanted = sorted(i for i in ids if i not in self.prints)
        if wanted and self.texts is not None:
            for aid, text in self.texts(wanted).items():
                self.prints[aid] = fingerprint(text or "", num_perm=self.num_perm)

    def release(self) -> None:
        """Forget the exact shingles held in memory (the texts are stored)."""
        self.prints.clear()

    def match(self, fp: Fingerprint) -> tuple[str, float, str] | None:
        """The most similar indexed copy, its similarity and the method that found it."""
        cands = self.candidates(fp)
        self._load(cands)
        best: tuple[float, float, str, str] | None = None
        for cand in cands:
            known = self.prints.get(cand)
            if known is not None:
                o = overlap(fp, known)
                jac, cont, ok = o.jaccard, o.containment, self.verdict(o)
            else:
                jac, cont = similarity(
                    float(fp.minhash.jaccard(self.signatures[cand])),
                    fp.size,
                    self.sizes.get(cand, fp.size),
                )
                ok = self.is_copy(jac, cont)
            if ok and (best is None or (-jac, -cont, cand) < (-best[0], -best[1], best[2])):
                method = METHOD if jac >= self.threshold else CONTAINED_METHOD
                best = (jac, cont, cand, method)
        if best is None:
            return None
        jac, cont, cand, method = best
        return cand, (jac if method == METHOD else cont), method

    def add(self, article_id: str, text: str) -> Duplicate | None:
        """Check one article against the index, then index it; its duplicate record if any."""
        if article_id in self.signatures:
            return None
        return self.add_fingerprint(article_id, fingerprint(text, num_perm=self.num_perm))

    def add_fingerprint(self, article_id: str, fp: Fingerprint) -> Duplicate | None:
        """As :meth:`add`, for a fingerprint computed already."""
        if article_id in self.signatures:
            return None
        hit = self.match(fp)
        dup = None
        if hit is not None:
            matched, sim, method = hit
            canon = self.canonical.get(matched, matched)
            dup = Duplicate(article_id, canon, matched, round(sim, 4), method)
        self.insert(
            article_id,
            fp.minhash,
            fp.size,
            canonical=dup.canonical_id if dup else None,
            lead=fp.lead,
        )
        self.prints[article_id] = fp
        return dup


def _syndicated(
    store: Store, todo: Sequence[str], found: Iterable[Duplicate], *, batch_size: int
) -> list[Duplicate]:
    """The second pass: copies of the new articles by shared sentences (module docstring)."""
    copies = {d.article_id for d in found}
    if not [a for a in todo if a not in copies]:
        return []
    canon = canonical_map(store)
    index = SentenceIndex()
    order = {
        r[0]: int(r[1])
        for r in store.con.execute(
            "SELECT article_id, seq FROM article_minhash ORDER BY seq"
        ).fetchall()
    }
    new = set(todo)
    stored = [aid for aid in order if aid not in new]
    outlet = dict(
        store.con.execute("SELECT id, outlet FROM articles WHERE outlet IS NOT NULL").fetchall()
    )
    for aid, sents, o, traits in _read(store, stored, outlet, batch_size):
        index.add(aid, sents, o, **traits)
    out: list[Duplicate] = []
    for aid, sents, o, traits in _read(store, todo, outlet, batch_size):
        if aid not in copies and aid not in canon:
            out.extend(_join_groups(aid, index.matches(sents, o, **traits), canon, order))
        index.add(aid, sents, o, **traits)
    if out:
        _insert_duplicates(store, out)
    return out


def _read(
    store: Store, ids: Sequence[str], outlet: Mapping[str, str], batch_size: int
) -> Iterator[tuple[str, list[frozenset[str]], str | None, dict[str, Any]]]:
    """Each article's sentences and outlet, and for one whose outlet is known what else the
    sentence pass compares (verbatim runs and passages, named speakers), batch by batch."""
    load = _texts_of(store)
    for start in range(0, len(ids), batch_size):
        batch = ids[start : start + batch_size]
        text_of = load(batch)
        named = speakers_of(
            store.con.execute(
                "SELECT article_id, speaker, speaker_role FROM quotes "
                "WHERE speaker IS NOT NULL AND article_id IN (SELECT unnest(?))",
                [list(batch)],
            ).fetchall()
        )
        for aid in batch:
            text, o = text_of.get(aid, ""), outlet.get(aid)
            traits = (
                {"runs": word_runs(text), "passages": passages(text), "speakers": named.get(aid)}
                if o
                else {}
            )
            yield aid, sentence_sets(text), o, traits


def _join_groups(
    aid: str, hits: Sequence[SentenceMatch], canon: dict[str, str], order: Mapping[str, int]
) -> list[Duplicate]:
    """The copy records of an article that shares sentences with ``hits`` (best first): a copy
    of the best match, in the group of the earliest canonical article among the groups it
    matched; an article that copies the stories of two groups joins them, the later group's
    canonical article becoming a copy of the earlier one (``canon`` is updated)."""
    if not hits:
        return []
    share_of: dict[str, SentenceMatch] = {}
    for hit in hits:  # best first: each group's best match
        share_of.setdefault(canon.get(hit.article_id, hit.article_id), hit)
    root = min(share_of, key=lambda g: (order.get(g, len(order)), g))
    best = hits[0]
    out = [Duplicate(aid, root, best.article_id, round(best.share, 4), best.method)]
    canon[aid] = root
    for group, ghit in share_of.items():
        if group == root:
            continue
        out.append(Duplicate(group, root, aid, round(ghit.share, 4), ghit.method))
        for member, c in list(canon.items()):
            if c == group:
                canon[member] = root
        canon[group] = root
    return out


def _insert_duplicates(store: Store, out: Sequence[Duplicate]) -> None:
    """Store new duplicates; a group's canonical article is never itself a copy (a copy of
    an article the sentence pass found a copy points at that one's canonical article)."""
    if out:
        store.con.execute(
            "INSERT INTO duplicates (article_id, canonical_id, matched_id, similarity, method) "
            "SELECT unnest($1), unnest($2), unnest($3), unnest($4), unnest($5) "
            "ON CONFLICT DO NOTHING",
            [
                [d.article_id for d in out],
                [d.canonical_id for d in out],
                [d.matched_id for d in out],
                [d.similarity for d in out],
                [d.method for d in out],
            ],
        )
    for _ in range(8):
        n = store.con.execute(
            """UPDATE duplicates SET canonical_id = d2.canonical_id FROM duplicates d2
               WHERE duplicates.canonical_id = d2.article_id
                 AND d2.canonical_id <> duplicates.article_id
               RETURNING duplicates.article_id"""
        ).fetchall()
        if not n:
            break


def _texts_of(store: Store) -> TextLoader:
    def load(ids: Sequence[str]) -> dict[str, str]:
        rows = store.con.execute(
            "SELECT id, text FROM articles WHERE id IN (SELECT unnest(?))", [list(ids)]
        ).fetchall()
        return {r[0]: r[1] or "" for r in rows}

    return load


def _fingerprint_batches(
    store: Store, ids: Sequence[str], batch_size: int
) -> Iterator[list[tuple[str, Fingerprint]]]:
    """The fingerprints of these articles, batch by batch; each batch's texts are read in
    one query that is done before the caller writes."""
    load = _texts_of(store)
    for start in range(0, len(ids), batch_size):
        batch = ids[start : start + batch_size]
        text_of = load(batch)
        yield [(aid, fingerprint(text_of.get(aid, ""))) for aid in batch]


def load_index(store: Store, *, threshold: float = THRESHOLD) -> DedupIndex:
    """Rebuild the in-memory LSH indexes from the signatures stored in the database; the
    exact shingles of a candidate are read from its stored text when it is looked at."""
    index = DedupIndex(threshold=threshold, texts=_texts_of(store))
    canon = {
        r[0]: r[1]
        for r in store.con.execute("SELECT article_id, canonical_id FROM duplicates").fetchall()
    }
    rows = store.con.execute(
        "SELECT article_id, signature, coalesce(n_shingles, 0) FROM article_minhash "
        "WHERE num_perm = ? ORDER BY seq",
        [index.num_perm],
    ).fetchall()
    with (
        index.lsh.insertion_session() as session,
        index.lead_lsh.insertion_session() as lead_session,
    ):
        for aid, blob, size in rows:
            mh, lead = from_blob(blob)
            session.insert(aid, mh)
            if lead is not None:
                lead_session.insert(aid, lead)
            index.signatures[aid] = mh
            index.sizes[aid] = int(size)
            if aid in canon:
                index.canonical[aid] = canon[aid]
    return index


def _add_lead_signatures(store: Store, *, batch_size: int = 2000) -> int:
    """Give the signatures stored before leads were indexed their lead signature."""
    ids = [
        r[0]
        for r in store.con.execute(
            "SELECT article_id FROM article_minhash WHERE num_perm = ? AND octet_length(signature) < ?",
            [NUM_PERM, 2 * BLOB_BYTES],
        ).fetchall()
    ]
    for prints in _fingerprint_batches(store, ids, batch_size):
        store.con.execute(
            "UPDATE article_minhash SET signature = u.sig, n_shingles = u.n "
            "FROM (SELECT unnest($1) AS id, unnest($2) AS sig, unnest($3) AS n) u "
            "WHERE article_minhash.article_id = u.id",
            [
                [a for a, _ in prints],
                [to_blob(fp.minhash, fp.lead) for _, fp in prints],
                [fp.size for _, fp in prints],
            ],
        )
    return len(ids)


def dedup_articles(
    store: Store,
    *,
    threshold: float = THRESHOLD,
    batch_size: int = 2000,
    index: DedupIndex | None = None,
) -> list[Duplicate]:
    """Check every article that has no signature yet against the stored ones; store the result.

    New articles are taken in publication order (then a page that says it was updated after
    one that does not, then ingestion order, then news agencies first, then by URL), so the
    earliest report of a group becomes its canonical article, and of a wire story and its
    copies published the same day, a first version rather than a revised one, and the
    agency's own. The URL settles what nothing else does (two reposts of one day, one
    ingestion batch): the same articles give the same canonical article in any input order.

    ``index``: the one this function filled the last time it ran over this database (every
    signature stored since is in it); kept by the caller, it saves rebuilding the LSH index
    from every stored signature.

    Returns:
        The duplicates found in this run.
    """
    if _add_lead_signatures(store, batch_size=batch_size) or index is None:
        index = load_index(store, threshold=threshold)
    else:  # an index kept from the last run over this database: the stored copies may have moved
        index.texts = _texts_of(store)
        index.canonical = dict(
            store.con.execute("SELECT article_id, canonical_id FROM duplicates").fetchall()
        )
    found: list[Duplicate] = []
    seq_row = store.con.execute("SELECT coalesce(max(seq), 0) FROM article_minhash").fetchone()
    seq = int(seq_row[0]) if seq_row else 0
    # ids first, then texts batch by batch: one open result set must not span the writes
    todo = [
        r[0]
        for r in store.con.execute(
            """SELECT a.id FROM articles a
               LEFT JOIN article_minhash m ON m.article_id = a.id
               WHERE m.article_id IS NULL
               ORDER BY a.published NULLS LAST,
                        regexp_matches(left(coalesce(a.text, ''), ?), ?), a.ingested_at,
                        NOT list_contains(?, lower(coalesce(a.outlet, ''))), coalesce(a.url, ''), a.id""",
            [UPDATE_STAMP_CHARS, UPDATE_STAMP, sorted(WIRE_SERVICES)],
        ).fetchall()
    ]
    for prints in _fingerprint_batches(store, todo, batch_size):
        index.prefetch(fp for _, fp in prints)  # one read for the batch's stored candidates
        dups = [d for aid, fp in prints if (d := index.add_fingerprint(aid, fp)) is not None]
        seqs = list(range(seq + 1, seq + 1 + len(prints)))
        seq += len(prints)
        _save(store, prints, seqs, dups)
        index.release()  # bounded memory: the batch's texts are stored now
        found.extend(dups)
    found.extend(_syndicated(store, todo, found, batch_size=batch_size))
    return found


def _save(
    store: Store,
    prints: Sequence[tuple[str, Fingerprint]],
    seqs: list[int],
    dups: Iterable[Duplicate],
) -> None:
    dup_list = list(dups)
    con = store.con
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute(
            "INSERT INTO article_minhash (article_id, seq, num_perm, signature, n_shingles) "
            "SELECT unnest($1), unnest($2), unnest($3), unnest($4), unnest($5) "
            "ON CONFLICT DO NOTHING",
            [
                [a for a, _ in prints],
                seqs,
                [NUM_PERM] * len(prints),
                [to_blob(fp.minhash, fp.lead) for _, fp in prints],
                [fp.size for _, fp in prints],
            ],
        )
        if dup_list:
            con.execute(
                "INSERT INTO duplicates (article_id, canonical_id, matched_id, similarity, method) "
                "SELECT unnest($1), unnest($2), unnest($3), unnest($4), unnest($5) "
                "ON CONFLICT DO NOTHING",
                [
                    [d.article_id for d in dup_list],
                    [d.canonical_id for d in dup_list],
                    [d.matched_id for d in dup_list],
                    [d.similarity for d in dup_list],
                    [d.method for d in dup_list],
                ],
            )
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise


def canonical_map(store: Store) -> dict[str, str]:
    """Every copy's canonical article id (articles that are no copy are absent)."""
    return {
        r[0]: r[1]
        for r in store.con.execute("SELECT article_id, canonical_id FROM duplicates").fetchall()
    }


__all__ = [
    "ALIGNED_METHOD",
    "ALIGN_MIN",
    "CONTAINED_METHOD",
    "METHOD",
    "THRESHOLD",
    "DedupIndex",
    "Duplicate",
    "Fingerprint",
    "Overlap",
    "canonical_map",
    "dedup_articles",
    "fingerprint",
    "load_index",
    "overlap",
    "shingles",
    "signature",
    "similarity",
]
