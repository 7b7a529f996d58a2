"""Tables of the cross-article reconciliation (``sitrep.reconcile``), migrations 10-19.

Everything here is derived from the extracted tables and rebuilt by ``sitrep reconcile``,
except ``article_minhash``/``duplicates`` (incremental: computed once per article) and
``cluster_splits`` (a user's decision, kept across reclustering).
"""

from __future__ import annotations

import duckdb

from sitrep.store.schema import migration


@migration(10, "reconcile: minhash signatures, duplicates, clusters, merges, splits")
def _reconcile_tables(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(
        """
        CREATE TABLE article_minhash (
            article_id VARCHAR PRIMARY KEY, seq BIGINT, num_perm INTEGER, signature BLOB
        )"""
    )
    con.execute(
        """
        CREATE TABLE duplicates (
            article_id VARCHAR PRIMARY KEY, canonical_id VARCHAR NOT NULL,
            matched_id VARCHAR NOT NULL, similarity DOUBLE, method VARCHAR,
            detected_at TIMESTAMP DEFAULT current_timestamp
        )"""
    )
    con.execute(
        """
        CREATE TABLE clusters (
            id VARCHAR PRIMARY KEY, plover VARCHAR, event_type VARCHAR, sub_event_type VARCHAR,
            place_name VARCHAR, place_country VARCHAR, place_lat DOUBLE, place_lon DOUBLE,
            place_geonameid BIGINT, first_date DATE, last_date DATE,
            n_items INTEGER, n_events INTEGER, n_casualties INTEGER,
            n_reports INTEGER, n_independent INTEGER,
            outlets VARCHAR[], sources VARCHAR[], actors VARCHAR[], article_ids VARCHAR[]
        )"""
    )
    con.execute(
        """
        CREATE TABLE merges (
            item_id VARCHAR PRIMARY KEY, item_kind VARCHAR, article_id VARCHAR,
            canonical_article_id VARCHAR, cluster_id VARCHAR, rule VARCHAR,
            joined_item VARCHAR, distance_km DOUBLE, day_gap INTEGER, similarity DOUBLE
        )"""
    )
    con.execute("CREATE INDEX idx_merges_cluster ON merges(cluster_id)")
    con.execute(
        """
        CREATE TABLE cluster_splits (
            item_id VARCHAR PRIMARY KEY, reason VARCHAR,
            split_at TIMESTAMP DEFAULT current_timestamp
        )"""
    )
    con.execute(
        """
        CREATE TABLE reconcile_state (key VARCHAR PRIMARY KEY, value VARCHAR)"""
    )


@migration(11, "reconcile: tallies and contradictions")
def _tally_tables(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(
        """
        CREATE TABLE tallies (
            cluster_id VARCHAR NOT NULL, kind VARCHAR NOT NULL, scope VARCHAR,
            rule VARCHAR NOT NULL, low BIGINT, best BIGINT, high BIGINT,
            best_claim_id VARCHAR, claim_ids VARCHAR[], superseded_ids VARCHAR[],
            copy_ids VARCHAR[], excluded_ids VARCHAR[], n_sources INTEGER, series JSON,
            PRIMARY KEY (cluster_id, kind, rule)
        )"""
    )
    con.execute(
        """
        CREATE TABLE contradictions (
            id VARCHAR PRIMARY KEY, kind VARCHAR NOT NULL, cluster_id VARCHAR,
            item_a VARCHAR, item_b VARCHAR, source_a VARCHAR, source_b VARCHAR,
            figure_a BIGINT, figure_b BIGINT, date_a DATE, date_b DATE,
            rule VARCHAR, detail VARCHAR
        )"""
    )


@migration(12, "reconcile: shingle counts for containment")
def _shingle_counts(con: duckdb.DuckDBPyConnection) -> None:
    con.execute("ALTER TABLE article_minhash ADD COLUMN n_shingles INTEGER")


@migration(13, "reconcile: the incremental index (articles seen, their blocking keys, word counts)")
def _incremental_index(con: duckdb.DuckDBPyConnection) -> None:
    # every article the reconciler has placed, with its incident (the least article id of it)
    con.execute(
        "CREATE TABLE reconcile_articles (article_id VARCHAR PRIMARY KEY, incident VARCHAR)"
    )
    # the keys a new article's neighbours are found by: place cell, GeoNames id, name or
    # country with a day, for linking (L|), clustering (C|) and copies (K|)
    con.execute(
        "CREATE TABLE reconcile_keys (article_id VARCHAR, kd VARCHAR, PRIMARY KEY (article_id, kd))"
    )
    con.execute("CREATE INDEX idx_reconcile_keys_kd ON reconcile_keys(kd)")
    # document frequency of every content word, so a subset's TF-IDF is the whole corpus's
    con.execute("CREATE TABLE reconcile_df (token VARCHAR PRIMARY KEY, n INTEGER)")


@migration(14, "reconcile: tallies per extent (incident, daily, cumulative, war-wide)")
def _tally_scopes(con: duckdb.DuckDBPyConnection) -> None:
    # one cluster may hold a tally of each extent for one kind and rule: the key gains the
    # scope (DuckDB cannot alter a primary key: the table is rebuilt; rows keep their scope,
    # incident when none was stored)
    con.execute(
        """
        CREATE TABLE tallies_scoped (
            cluster_id VARCHAR NOT NULL, kind VARCHAR NOT NULL,
            scope VARCHAR NOT NULL DEFAULT 'incident',
            rule VARCHAR NOT NULL, low BIGINT, best BIGINT, high BIGINT,
            best_claim_id VARCHAR, claim_ids VARCHAR[], superseded_ids VARCHAR[],
            copy_ids VARCHAR[], excluded_ids VARCHAR[], n_sources INTEGER, series JSON,
            PRIMARY KEY (cluster_id, kind, scope, rule)
        )"""
    )
    con.execute(
        """INSERT INTO tallies_scoped
           SELECT cluster_id, kind, coalesce(scope, 'incident'), rule, low, best, high,
                  best_claim_id, claim_ids, superseded_ids, copy_ids, excluded_ids, n_sources,
                  series
           FROM tallies"""
    )
    con.execute("DROP TABLE tallies")
    con.execute("ALTER TABLE tallies_scoped RENAME TO tallies")
