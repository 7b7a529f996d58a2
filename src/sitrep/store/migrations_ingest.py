"""Schema for resumable ingest: which input documents are done (migrations 20-29)."""

from __future__ import annotations

import duckdb

from sitrep.store.schema import migration


@migration(20, "ingest progress: input documents already stored")
def _ingest_docs(con: duckdb.DuckDBPyConnection) -> None:
    # doc_key hashes the document's source name and raw content, so that a re-run or a resumed
    # run skips it before cleaning or parsing; a changed file has a new key and is read again.
    con.execute(
        """
        CREATE TABLE ingest_docs (
            doc_key VARCHAR PRIMARY KEY, source VARCHAR NOT NULL, article_id VARCHAR,
            done_at TIMESTAMP DEFAULT current_timestamp
        )"""
    )
