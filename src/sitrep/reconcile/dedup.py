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

Syndicated copies that are no such part of one another: two excerpts of one wire story that
overlap only in part, a repost with another first line and a bureau line ("Reuters | Kyiv |
Updated: ..."), light rewording. These share whole sentences, not long runs of the text: every
sentence of eight words or more is indexed by a MinHash of its word set in a third LSH index
(:class:`SentenceIndex`), and two articles are copies (method :data:`SENTENCE_METHOD`) when
at least ``SENT_MIN`` (4) sentences of each have a counterpart in the other (word-set
Jaccard at least ``SENT_JACCARD``, 0.5) that make at least ``SENT_SHARE`` (0.65) of the
sentences of one of them (of a text of fewer sentences, most of them and at least two). Metadata and bureau lines are too short to count; two different
stories that share a boilerplate paragraph or a quoted statement share one or two
sentences, not four and most of one of them. This pass runs over the articles that the
shingle test found no copy for, against every stored article, in the same order.

The index is incremental: signatures live in the ``article_minhash`` table (whole text, then
lead, in one blob) and the LSH indexes are rebuilt from them on load, so new articles are
checked against everything stored before; the exact shingles of a stored candidate are taken
from its stored text when needed. The first stored article of a group is its canonical
article; a copy of a copy points at the canonical article of the group.
"""

from __future__ import annotations

import math
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt
from datasketch import LeanMinHash, MinHash, MinHashLSH
from datasketch.hashfunc import sha1_hash32

from sitrep.store import Store

SHINGLE_WORDS = 5
NUM_PERM = 128
THRESHOLD = 0.5
CONTAINMENT = 0.8
FLOOR = 0.3
LEAD_WORDS = 60
LEAD_FLOOR = 0.3
LEAD_SHARE = 0.6
MIN_WORDS = 25
HEADLINE_WORDS = 20
SCHEME = "affine32"
METHOD = f"minhash{NUM_PERM}-w{SHINGLE_WORDS}"
CONTAINED_METHOD = f"{METHOD}-lead{LEAD_WORDS}"
"""The method of a copy found by containment; its similarity is the containment."""
SENT_MIN_WORDS = 8
SENT_JACCARD = 0.5
SENT_MIN = 4
SENT_SHARE = 0.65
SENT_PERM = 32
SENTENCE_METHOD = f"sentences{SENT_MIN}-j{SENT_JACCARD}"
"""The method of a copy found by shared sentences; its similarity is the share of sentences."""
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
_BLOB = 8 * NUM_PERM
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


@dataclass(frozen=True, slots=True, eq=False)
class Fingerprint:
    """What copy detection keeps of a text: its MinHash signatures (whole text and lead), the
    hashes of its shingles in text order and as a sorted set, and where its lead starts."""

    minhash: MinHash
    lead: MinHash
    sequence: Hashes
    shingles: Hashes
    lead_start: int

    @property
    def size(self) -> int:
        """The number of distinct shingles."""
        return int(self.shingles.size)


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def _shingle_list(words: Sequence[str], k: int) -> list[bytes]:
    if len(words) < k:
        return [" ".join(words).encode("utf-8")] if words else []
    return [" ".join(words[i : i + k]).encode("utf-8") for i in range(len(words) - k + 1)]


def shingles(text: str, *, k: int = SHINGLE_WORDS) -> set[bytes]:
    """The set of k-word shingles of a text, case- and punctuation-insensitive."""
    return set(_shingle_list(_words(text), k))


def _headline_words(text: str) -> int:
    """The number of words of a headline line the text opens with (0 if none)."""
    first, sep, rest = text.strip().partition("\n")
    if not sep or not rest.strip() or first.rstrip().endswith("."):
        return 0
    n = len(_WORD.findall(first))
    return n if n <= HEADLINE_WORDS else 0


def _minhash(hashes: Iterable[int], num_perm: int) -> MinHash:
    # the shingles are hashed once (sha1_hash32, datasketch's default) for both signatures
    # and the exact sets; ``int`` as hashfunc keeps the signatures those of the shingles
    mh = MinHash(num_perm=num_perm, seed=1, scheme=SCHEME, hashfunc=int)
    values = list(hashes)
    if values:
        mh.update_batch(values)
    return mh


def fingerprint(text: str, *, num_perm: int = NUM_PERM) -> Fingerprint:
    """The signatures and exact shingle sets of a text (seeded, so stable across processes)."""
    words = _words(text)
    hashes = [sha1_hash32(s) for s in _shingle_list(words, SHINGLE_WORDS)]
    skip = _headline_words(text)
    if len(words) - skip < SHINGLE_WORDS:
        skip = 0
    sequence = np.asarray(hashes, dtype=np.uint32)
    return Fingerprint(
        minhash=_minhash(hashes, num_perm),
        lead=_minhash(hashes[skip : skip + max(1, LEAD_WORDS - SHINGLE_WORDS + 1)], num_perm),
        sequence=sequence,
        shingles=np.unique(sequence),
        lead_start=skip,
    )


def signature(text: str, *, num_perm: int = NUM_PERM) -> tuple[MinHash, int]:
    """The MinHash signature of a text's shingles (seeded, so stable across processes), and
    the number of shingles."""
    fp = fingerprint(text, num_perm=num_perm)
    return fp.minhash, fp.size


def similarity(jaccard: float, size_a: int, size_b: int) -> tuple[float, float]:
    """The Jaccard estimate and the containment of the smaller shingle set in the larger."""
    small = min(size_a, size_b)
    if small <= 0:
        return jaccard, 0.0
    inter = jaccard * (size_a + size_b) / (1.0 + jaccard)
    return jaccard, min(1.0, inter / small)


@dataclass(frozen=True, slots=True)
class Overlap:
    """The exact overlap of two texts' shingle sets."""

    jaccard: float
    """Jaccard similarity of the two shingle sets."""
    containment: float
    """Share of the shorter text's words that lie in a shingle found in the longer one."""
    lead: float
    """The same share for the words of the shorter text's lead."""
    words: int
    """The number of the shorter text's words found in the longer one."""


def overlap(a: Fingerprint, b: Fingerprint) -> Overlap:
    """How much two texts share, from their exact shingles."""
    shared = int(np.intersect1d(a.shingles, b.shingles, assume_unique=True).size)
    union = a.size + b.size - shared
    small, large = (a, b) if a.sequence.size <= b.sequence.size else (b, a)
    if not small.sequence.size:
        return Overlap(0.0, 0.0, 0.0, 0)
    found = np.isin(small.sequence, large.shingles).astype(np.int8)
    # word i is covered when any of the shingles i-k+1 .. i is found
    covered = np.convolve(found, np.ones(SHINGLE_WORDS, dtype=np.int8)) > 0
    lead = covered[small.lead_start : small.lead_start + LEAD_WORDS]
    return Overlap(
        jaccard=shared / union if union else 0.0,
        containment=float(covered.mean()),
        lead=float(lead.mean()) if lead.size else 0.0,
        words=int(covered.sum()),
    )


def _to_blob(mh: MinHash, lead: MinHash | None = None) -> bytes:
    blob = np.asarray(mh.hashvalues, dtype="<u8").tobytes()
    if lead is not None:
        blob += np.asarray(lead.hashvalues, dtype="<u8").tobytes()
    return blob


def _from_blob(blob: bytes) -> tuple[MinHash, MinHash | None]:
    """The whole-text signature and the lead's (``None`` in a blob stored before leads)."""
    values = np.frombuffer(blob, dtype="<u8").astype(np.uint64)
    whole = LeanMinHash(seed=1, hashvalues=values[:NUM_PERM], scheme=SCHEME)
    if values.size < 2 * NUM_PERM:
        return whole, None
    return whole, LeanMinHash(seed=1, hashvalues=values[NUM_PERM:], scheme=SCHEME)


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


_SENTENCE_END = re.compile(r"(?<=[.!?\"\u201d])\s+|\n+")


def sentence_sets(text: str) -> list[frozenset[str]]:
    """The word sets of a text's sentences of ``SENT_MIN_WORDS`` words or more (shorter
    lines, such as datelines and bureau or metadata lines, do not count)."""
    out = []
    for sent in _SENTENCE_END.split(text):
        words = _WORD.findall(sent.lower())
        if len(words) >= SENT_MIN_WORDS:
            out.append(frozenset(map(sys.intern, words)))  # one string per word: less memory
    return out


def _matched(a: Sequence[AbstractSet[Any]], b: Sequence[AbstractSet[Any]]) -> int:
    """How many sentences of ``a`` have a counterpart in ``b``."""
    n = 0
    for x in a:
        for y in b:
            inter = len(x & y)
            if inter and inter / (len(x) + len(y) - inter) >= SENT_JACCARD:
                n += 1
                break
    return n


def shared_sentences(
    a: Sequence[AbstractSet[Any]], b: Sequence[AbstractSet[Any]]
) -> tuple[int, float]:
    """The sentences two texts share (the fewer of the two directions) and the larger share
    of its own sentences either text has in the other."""
    na, nb = _matched(a, b), _matched(b, a)
    share = max(na / len(a) if a else 0.0, nb / len(b) if b else 0.0)
    return min(na, nb), share


def sentences_needed(n_a: int, n_b: int) -> int:
    """How many sentences two texts must share: ``SENT_MIN``, or for a short text most of
    its sentences (never fewer than two)."""
    return max(2, min(SENT_MIN, math.ceil(SENT_SHARE * min(n_a, n_b))))


class SentenceIndex:
    """Articles' sentences in an LSH index of their word sets: which stored articles share
    sentences with a new one, in about constant time per sentence."""

    def __init__(self) -> None:
        self.lsh = MinHashLSH(threshold=SENT_JACCARD, num_perm=SENT_PERM)
        # each sentence as the sorted hashes of its words: a tenth of a set of strings
        self.sentences: dict[str, list[Hashes]] = {}
        self._perms = MinHash(num_perm=SENT_PERM, seed=1, scheme=SCHEME).permutations  # once
        self._sigs: dict[frozenset[str], MinHash] = {}
        self._hashes: dict[str, int] = {}  # words recur: each is hashed once

    def _sig(self, words: frozenset[str]) -> MinHash:
        mh = self._sigs.get(words)
        if mh is None:
            mh = MinHash(
                num_perm=SENT_PERM, seed=1, scheme=SCHEME, permutations=self._perms, hashfunc=int
            )
            mh.update_batch([self._word_hash(w) for w in words])
            self._sigs[words] = mh
        return mh

    def _word_hash(self, word: str) -> int:
        h = self._hashes.get(word)
        if h is None:
            h = self._hashes[word] = sha1_hash32(word.encode("utf-8"))
        return h

    def add(self, article_id: str, sents: list[frozenset[str]]) -> None:
        if article_id in self.sentences:
            return
        self.sentences[article_id] = [
            np.unique(np.fromiter((self._word_hash(w) for w in ws), dtype=np.uint32, count=len(ws)))
            for ws in sents
        ]
        for i, words in enumerate(sents):
            self.lsh.insert(f"{article_id}#{i}", self._sig(words), check_duplication=False)
        for words in sents:
            self._sigs.pop(words, None)  # kept only between a match and its add

    def match(self, sents: list[frozenset[str]]) -> tuple[str, float] | None:
        """The indexed article sharing the most sentences by the rule, and its share."""
        if len(sents) < 2:
            return None
        hits: Counter[str] = Counter()
        for words in sents:
            found = {key.rsplit("#", 1)[0] for key in self.lsh.query(self._sig(words))}
            hits.update(found)
        best: tuple[int, float, str] | None = None
        mine: list[frozenset[int]] | None = None
        for cand, n in hits.items():
            stored = self.sentences[cand]
            need = sentences_needed(len(sents), len(stored))
            if n < need:
                continue
            if mine is None:
                mine = [frozenset(self._word_hash(w) for w in ws) for ws in sents]
            shared, share = shared_sentences(mine, [frozenset(a.tolist()) for a in stored])
            if shared >= need and share >= SENT_SHARE:
                key = (shared, share, cand)
                if best is None or key[:2] > best[:2]:
                    best = key
        return (best[2], best[1]) if best else None


def _syndicated(
    store: Store, todo: Sequence[str], found: Iterable[Duplicate], *, batch_size: int
) -> list[Duplicate]:
    """The second pass: copies of the new articles by shared sentences (module docstring)."""
    copies = {d.article_id for d in found}
    if not [a for a in todo if a not in copies]:
        return []
    canon = canonical_map(store)
    index = SentenceIndex()
    new = set(todo)
    stored = [
        r[0]
        for r in store.con.execute("SELECT article_id FROM article_minhash ORDER BY seq").fetchall()
        if r[0] not in new
    ]
    load = _texts_of(store)
    for start in range(0, len(stored), batch_size):
        for aid, text in load(stored[start : start + batch_size]).items():
            index.add(aid, sentence_sets(text))
    out: list[Duplicate] = []
    for start in range(0, len(todo), batch_size):
        batch = todo[start : start + batch_size]
        text_of = load(batch)
        for aid in batch:
            sents = sentence_sets(text_of.get(aid, ""))
            if aid not in copies and aid not in canon:
                hit = index.match(sents)
                if hit is not None:
                    matched, share = hit
                    dup = Duplicate(
                        aid, canon.get(matched, matched), matched, round(share, 4), SENTENCE_METHOD
                    )
                    canon[aid] = dup.canonical_id
                    out.append(dup)
            index.add(aid, sents)
    if out:
        _insert_duplicates(store, out)
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
            mh, lead = _from_blob(blob)
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
            [NUM_PERM, 2 * _BLOB],
        ).fetchall()
    ]
    for prints in _fingerprint_batches(store, ids, batch_size):
        store.con.execute(
            "UPDATE article_minhash SET signature = u.sig, n_shingles = u.n "
            "FROM (SELECT unnest($1) AS id, unnest($2) AS sig, unnest($3) AS n) u "
            "WHERE article_minhash.article_id = u.id",
            [
                [a for a, _ in prints],
                [_to_blob(fp.minhash, fp.lead) for _, fp in prints],
                [fp.size for _, fp in prints],
            ],
        )
    return len(ids)


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
    _add_lead_signatures(store, batch_size=batch_size)
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
                [_to_blob(fp.minhash, fp.lead) for _, fp in prints],
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
    "CONTAINED_METHOD",
    "METHOD",
    "SENTENCE_METHOD",
    "THRESHOLD",
    "DedupIndex",
    "Duplicate",
    "Fingerprint",
    "Overlap",
    "SentenceIndex",
    "canonical_map",
    "dedup_articles",
    "fingerprint",
    "load_index",
    "overlap",
    "sentence_sets",
    "shared_sentences",
    "shingles",
    "signature",
    "similarity",
]
