"""Whole-text fingerprints of articles: MinHash signatures of word shingles, and of the lead.

:func:`fingerprint` gives an article's signature over ``SHINGLE_WORDS``-word shingles and one
over its first ``LEAD_WORDS`` words; :func:`overlap` estimates how much of each text the other
holds (resemblance and containment), which the copy index in :mod:`sitrep.reconcile.dedup`
turns into copies. Signatures are stored as blobs (:func:`to_blob`, :func:`from_blob`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
from datasketch import LeanMinHash, MinHash
from datasketch.hashfunc import sha1_hash32

from sitrep.reconcile.sentences import SCHEME, Hashes

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
UPDATE_STAMP = (
    r"(?im)(^|\|)\s*updated:?\s+(on\s+|at\s+)?(\d|yesterday|today|jan|feb|mar|apr|may|jun|jul"
    r"|aug|sep|oct|nov|dec)|\.\s+updated\s+at\s+\d|\(updated\)"
)
"""A page's stamp that it was revised ("Updated April 28, 2023 at 4:10 PM ET", "Reuters |
Updated: 27-05-2024", "(UPDATED)" after a headline), read in ``UPDATE_STAMP_CHARS`` of its
top: of copies published the same day, a revised version came after one with no such stamp
(an RE2 pattern, matched by the database)."""
UPDATE_STAMP_CHARS = 600
METHOD = f"minhash{NUM_PERM}-w{SHINGLE_WORDS}"
CONTAINED_METHOD = f"{METHOD}-lead{LEAD_WORDS}"
"""The method of a copy found by containment; its similarity is the containment."""
_WORD = re.compile(r"\w+", re.UNICODE)
BLOB_BYTES = 8 * NUM_PERM


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


def to_blob(mh: MinHash, lead: MinHash | None = None) -> bytes:
    blob = np.asarray(mh.hashvalues, dtype="<u8").tobytes()
    if lead is not None:
        blob += np.asarray(lead.hashvalues, dtype="<u8").tobytes()
    return blob


def from_blob(blob: bytes) -> tuple[MinHash, MinHash | None]:
    """The whole-text signature and the lead's (``None`` in a blob stored before leads)."""
    values = np.frombuffer(blob, dtype="<u8").astype(np.uint64)
    whole = LeanMinHash(seed=1, hashvalues=values[:NUM_PERM], scheme=SCHEME)
    if values.size < 2 * NUM_PERM:
        return whole, None
    return whole, LeanMinHash(seed=1, hashvalues=values[NUM_PERM:], scheme=SCHEME)
