"""Near-duplicate and syndicated copies: MinHash signatures over word shingles, LSH lookup.

Exact copies already share an article id (the content hash). This module finds the copies that
differ a little: a wire story with another outlet's dateline and footer, a copy cut from the
bottom, a copy-edited headline. Every article gets a MinHash signature of its 5-word shingles;
a Locality-Sensitive Hashing index over the signatures returns candidates in roughly constant
time per article, so the cost of checking a corpus grows linearly with its size. A candidate is
a copy when the estimated Jaccard similarity of the two shingle sets reaches ``threshold``
(0.5), or when nearly all of the shorter text is in the longer one (estimated containment at
least ``containment`` (0.8) with Jaccard at least ``floor`` (0.3)): an outlet that ran the
wire story cut from the bottom, or with a paragraph of its own added.

The index is incremental: signatures live in the ``article_minhash`` table and the in-memory
LSH is rebuilt from them on load, so new articles are checked against everything stored
before. The first stored article of a group is its canonical article; a copy of a copy points
at the canonical article of the group.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH

from sitrep.store import Store

SHINGLE_WORDS = 5
NUM_PERM = 128
THRESHOLD = 0.5
CONTAINMENT = 0.8
FLOOR = 0.3
SCHEME = "affine32"
METHOD = f"minhash{NUM_PERM}-w{SHINGLE_WORDS}"
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
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True, slots=True)
class Duplicate:
    """An article found to be a copy of a stored one."""

    article_id: str
    canonical_id: str
    matched_id: str
    similarity: float
    method: str = METHOD


def shingles(text: str, *, k: int = SHINGLE_WORDS) -> set[bytes]:
    """The set of k-word shingles of a text, case- and punctuation-insensitive."""
    words = _WORD.findall(text.lower())
    if len(words) < k:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {" ".join(words[i : i + k]).encode("utf-8") for i in range(len(words) - k + 1)}


def signature(text: str, *, num_perm: int = NUM_PERM) -> tuple[MinHash, int]:
    """The MinHash signature of a text's shingles (seeded, so stable across processes), and
    the number of shingles."""
    mh = MinHash(num_perm=num_perm, seed=1, scheme=SCHEME)
    sh = shingles(text)
    if sh:
        mh.update_batch(list(sh))
    return mh, len(sh)


def similarity(jaccard: float, size_a: int, size_b: int) -> tuple[float, float]:
    """The Jaccard estimate and the containment of the smaller shingle set in the larger."""
    small = min(size_a, size_b)
    if small <= 0:
        return jaccard, 0.0
    inter = jaccard * (size_a + size_b) / (1.0 + jaccard)
    return jaccard, min(1.0, inter / small)


def _to_blob(mh: MinHash) -> bytes:
    return np.asarray(mh.hashvalues, dtype="<u8").tobytes()


def _from_blob(blob: bytes) -> MinHash:
    values = np.frombuffer(blob, dtype="<u8").astype(np.uint64)
    return LeanMinHash(seed=1, hashvalues=values, scheme=SCHEME)


class DedupIndex:
    """An in-memory LSH index of article signatures that assigns each new article a group.

    Args:
        threshold: lowest estimated Jaccard similarity of two shingle sets that makes a copy.
        containment: lowest share of the shorter text's shingles found in the longer one that
            makes a copy when the Jaccard similarity is at least ``floor``.
        floor: lowest Jaccard similarity for the containment rule (and the LSH threshold).
        num_perm: MinHash permutations (signature length).
    """

    def __init__(
        self,
        *,
        threshold: float = THRESHOLD,
        containment: float = CONTAINMENT,
        floor: float = FLOOR,
        num_perm: int = NUM_PERM,
    ) -> None:
        self.threshold = threshold
        self.containment = containment
        self.floor = min(floor, threshold)
        self.num_perm = num_perm
        self.lsh = MinHashLSH(threshold=self.floor, num_perm=num_perm)
        self.signatures: dict[str, MinHash] = {}
        self.sizes: dict[str, int] = {}
        self.canonical: dict[str, str] = {}

    def __len__(self) -> int:
        return len(self.signatures)

    def __contains__(self, article_id: object) -> bool:
        return article_id in self.signatures

    def insert(
        self, article_id: str, mh: MinHash, size: int, *, canonical: str | None = None
    ) -> None:
        """Add a signature to the index (no lookup)."""
        if article_id in self.signatures:
            return
        self.lsh.insert(article_id, mh)
        self.signatures[article_id] = mh
        self.sizes[article_id] = size
        if canonical and canonical != article_id:
            self.canonical[article_id] = canonical

    def is_copy(self, jaccard: float, containment: float) -> bool:
        """Whether two texts with these similarities are copies of one another."""
        return jaccard >= self.threshold or (
            jaccard >= self.floor and containment >= self.containment
        )

    def match(self, mh: MinHash, size: int) -> tuple[str, float] | None:
        """The most similar indexed copy, and its Jaccard similarity; ``None`` if none."""
        best: tuple[float, str] | None = None
        for cand in self.lsh.query(mh):
            jac, cont = similarity(
                float(mh.jaccard(self.signatures[cand])), size, self.sizes.get(cand, size)
            )
            if self.is_copy(jac, cont) and (best is None or (-jac, cand) < (-best[0], best[1])):
                best = (jac, cand)
        return (best[1], best[0]) if best else None

    def add(self, article_id: str, text: str) -> Duplicate | None:
        """Check one article against the index, then index it; its duplicate record if any."""
        if article_id in self.signatures:
            return None
        mh, size = signature(text, num_perm=self.num_perm)
        return self.add_signature(article_id, mh, size)

    def add_signature(self, article_id: str, mh: MinHash, size: int) -> Duplicate | None:
        """As :meth:`add`, for a signature computed already."""
        hit = self.match(mh, size)
        dup = None
        if hit is not None:
            matched, sim = hit
            canon = self.canonical.get(matched, matched)
            dup = Duplicate(article_id, canon, matched, round(sim, 4))
        self.insert(article_id, mh, size, canonical=dup.canonical_id if dup else None)
        return dup


def load_index(store: Store, *, threshold: float = THRESHOLD) -> DedupIndex:
    """Rebuild the in-memory LSH index from the signatures stored in the database."""
    index = DedupIndex(threshold=threshold)
    canon = {
        r[0]: r[1]
        for r in store.con.execute("SELECT article_id, canonical_id FROM duplicates").fetchall()
    }
    rows = store.con.execute(
        "SELECT article_id, signature, coalesce(n_shingles, 0) FROM article_minhash "
        "WHERE num_perm = ? ORDER BY seq",
        [index.num_perm],
    ).fetchall()
    with index.lsh.insertion_session() as session:
        for aid, blob, size in rows:
            mh = _from_blob(blob)
            session.insert(aid, mh)
            index.signatures[aid] = mh
            index.sizes[aid] = int(size)
            if aid in canon:
                index.canonical[aid] = canon[aid]
    return index


def dedup_articles(
    store: Store, *, threshold: float = THRESHOLD, batch_size: int = 2000
) -> list[Duplicate]:
    """Check every article that has no signature yet against the stored ones; store the result.

    New articles are taken in publication order (then ingestion order, then news agencies
    first), so the earliest report of a group becomes its canonical article, and of a wire
    story and its copies published the same day, the agency's own.

    Returns:
        The duplicates found in this run.
    """
    index = load_index(store, threshold=threshold)
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
               ORDER BY a.published NULLS LAST, a.ingested_at,
                        NOT list_contains(?, lower(coalesce(a.outlet, ''))), a.id""",
            [sorted(WIRE_SERVICES)],
        ).fetchall()
    ]
    for start in range(0, len(todo), batch_size):
        ids = todo[start : start + batch_size]
        text_of = dict(
            store.con.execute(
                "SELECT id, text FROM articles WHERE list_contains(?, id)", [ids]
            ).fetchall()
        )
        sigs = [(aid, *signature(text_of.get(aid) or "")) for aid in ids]
        dups = [d for aid, mh, n in sigs if (d := index.add_signature(aid, mh, n)) is not None]
        seqs = list(range(seq + 1, seq + 1 + len(sigs)))
        seq += len(sigs)
        _save(store, sigs, seqs, dups)
        found.extend(dups)
    return found


def _save(
    store: Store,
    sigs: Sequence[tuple[str, MinHash, int]],
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
                [a for a, _, _ in sigs],
                seqs,
                [NUM_PERM] * len(sigs),
                [_to_blob(m) for _, m, _ in sigs],
                [n for _, _, n in sigs],
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
    "METHOD",
    "THRESHOLD",
    "DedupIndex",
    "Duplicate",
    "canonical_map",
    "dedup_articles",
    "load_index",
    "shingles",
    "signature",
    "similarity",
]
