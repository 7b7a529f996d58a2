"""Read load and write latency of ``sitrep serve``, on loopback only, bounded in time and count.

``python -m sitrep.api.loadtest --out docs/benchmarks-monitor.md`` builds the databases, starts
the real server in a subprocess on 127.0.0.1 (a free port) and measures:

* **reads**: ``--clients`` concurrent keep-alive clients for ``--seconds`` over the list
  endpoints (articles, claims, events, places, quotes, tallies, contradictions, one article),
  on the 16x database; req/s, p50, p99 and errors;
* **writes**: ``POST /api/articles`` of ``--writes`` articles the database does not hold, one
  after the other, on the 1x, 4x and 16x databases; p50, p90 and max latency.

The 1x database is ``--base`` BBC articles ingested by the real pipeline; the 4x and 16x ones
add copies of those rows made in SQL (new ids, dates shifted by 60 days per copy, so that
copies do not fall into one incident), then reconcile once. No traffic leaves 127.0.0.1.
"""

from __future__ import annotations

import argparse
import datetime as dt
import http.client
import json
import os
import shutil
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

HOST = "127.0.0.1"
TOKEN = "loadtest-token"
COPY_TABLES = ("articles", "entities", "places", "times", "casualties", "quotes", "claims",
               "events")  # fmt: skip
SHIFT_DAYS = 60
COLD_FROM = dt.date(1000, 1, 1)
"""The first ``since`` day of cold reads: before any article, so filters keep every row."""


def _corpus_files(corpus: Path) -> list[Path]:
    return sorted(corpus.rglob("*.txt"), key=lambda p: (p.parent.name, p.name))


def build_base(path: Path, files: list[Path], *, processes: int = 2) -> int:
    """Ingest ``files`` with the real pipeline into a new database at ``path``."""
    from sitrep.ingest.job import ingest
    from sitrep.scale import make_executor
    from sitrep.store import Store

    if path.exists():
        path.unlink()
    executor = make_executor("local", processes=processes)
    try:
        with Store(path) as store:
            result = ingest([str(f) for f in files], store=store, executor=executor,
                            published=None, batch_size=16)  # fmt: skip
    finally:
        executor.close()
    return result.written


def grow(path: Path, factor: int) -> int:
    """Add ``factor - 1`` copies of every article's rows (new ids, dates shifted); reconcile."""
    import duckdb

    from sitrep.reconcile import reconcile
    from sitrep.store import Store

    con = duckdb.connect(str(path))
    try:
        for k in range(1, factor):
            copy_rows(con, f"~{k}", k * SHIFT_DAYS)
        con.execute("CHECKPOINT")
    finally:
        con.close()
    with Store(path) as store:
        reconcile(store)
        store.con.execute("CHECKPOINT")
        row = store.con.execute("SELECT count(*) FROM articles").fetchone()
    return int(row[0]) if row else 0


def copy_rows(con: Any, suffix: str, shift_days: int, article_id: str | None = None) -> None:
    """Copy every original article's rows (or one article's) with ``suffix`` on every id and
    dates moved by ``shift_days``, in one transaction."""
    con.execute("BEGIN TRANSACTION")
    for table in COPY_TABLES:
        cols = con.execute(f"DESCRIBE {table}").fetchall()
        exprs = []
        for name, typ, *_ in cols:
            q = f'"{name}"'
            t = str(typ).upper()
            if t == "VARCHAR" and (name in ("id", "article_id") or name.endswith("_id")):
                exprs.append(f"{q} || '{suffix}'")
            elif t == "VARCHAR[]" and (name.endswith("_ids") or name == "contradicts"):
                exprs.append(f"list_transform({q}, lambda x: x || '{suffix}')")
            elif t == "DATE":
                exprs.append(f"{q} + INTERVAL {shift_days} DAY")
            elif name == "text" and table == "articles":
                exprs.append(f"{q} || ' [copy {suffix}]'")
            else:
                exprs.append(q)
        names = ", ".join(f'"{c[0]}"' for c in cols)
        key = "id" if table == "articles" else "article_id"
        where = f"NOT contains({key}, '~')"
        params = []
        if article_id is not None:
            where += f" AND {key} = ?"
            params = [article_id]
        con.execute(
            f"INSERT INTO {table} ({names}) SELECT {', '.join(exprs)} FROM {table} WHERE {where}",
            params,
        )
    con.execute("COMMIT")


def incremental_latency(
    seed: Path, work: Path, *, factors: tuple[int, ...], adds: int = 10, log: Any = print
) -> dict[str, Any]:
    """Seconds of ``reconcile_incremental`` for one new article at each factor of the data.

    Each new article is a copy of an original article with events (new ids, text marked,
    dates moved a day, so it joins its original's incidents), added one at a time to a
    reconciled database and placed alone; p50, p90 and max over ``adds`` articles, with the
    size of the part recomputed and the full pass's time on the same database.
    """
    from sitrep.reconcile import reconcile, reconcile_incremental
    from sitrep.store import Store

    work.mkdir(parents=True, exist_ok=True)
    out: dict[str, Any] = {}
    for factor in factors:
        db = work / f"incr-x{factor}.duckdb"
        shutil.copy(seed, db)
        n = grow(db, factor)
        took, parts, dedup = [], [], []
        with Store(db) as store:
            # the grown copies repeat their originals' texts, so each would be a copy of its
            # original and one incident with it however far apart in time; as distinct reports
            # they show how a new article's cost follows its neighbours, not the database
            store.con.execute("DELETE FROM duplicates WHERE contains(article_id, '~')")
            t0 = time.perf_counter()
            reconcile(store)
            full_s = time.perf_counter() - t0
            originals = [r[0] for r in store.con.execute(
                """SELECT DISTINCT article_id FROM events WHERE NOT contains(article_id, '~')
                   ORDER BY article_id""").fetchall()]  # fmt: skip
            for j, aid in enumerate(originals[:adds]):
                copy_rows(store.con, f"~new{j}", 1, aid)
                t0 = time.perf_counter()
                res = reconcile_incremental(store)
                took.append(time.perf_counter() - t0)
                parts.append(getattr(res, "part", None))
                dedup.append(float(getattr(res, "dedup_seconds", 0.0)))
        out[f"{factor}x"] = {
            "articles": n,
            "adds": len(took),
            "p50_s": round(statistics.median(took), 3),
            "p90_s": round(_pct(took, 0.9), 3),
            "max_s": round(max(took), 3),
            "part_p50": statistics.median(p for p in parts if p is not None),
            "dedup_p50_s": round(statistics.median(dedup), 3),
            "rest_p50_s": round(
                statistics.median(t - d for t, d in zip(took, dedup, strict=True)), 3
            ),
            "full_pass_s": round(full_s, 3),
        }
        log(f"{factor}x incremental: {out[f'{factor}x']}")
    return out


def _count(db: Path) -> int:
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    try:
        row = con.execute("SELECT count(*) FROM articles").fetchone()
        return int(row[0]) if row else 0
    finally:
        con.close()


@contextmanager
def server(db: Path) -> Iterator[tuple[str, int]]:
    """``sitrep serve`` on 127.0.0.1 and a free port, in a subprocess; stopped on exit."""
    env = dict(os.environ, SITREP_TOKEN=TOKEN)
    announce = Path(f"{db}.server.json")
    proc = subprocess.Popen(
        [sys.executable, "-m", "sitrep.cli", "serve", "--db", str(db), "--host", HOST,
         "--port", "0"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 600
        while not announce.exists():
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"the server on {db} did not start")
            time.sleep(0.2)
        url = json.loads(announce.read_text())["url"]
        port = int(url.rsplit(":", 1)[1])
        assert url.startswith(f"http://{HOST}:")  # loopback only
        yield HOST, port
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def _pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    s = sorted(values)
    return s[min(len(s) - 1, int(q * len(s)))]


def read_load(
    host: str, port: int, *, clients: int = 20, seconds: float = 30.0, cold: bool = False
) -> dict[str, Any]:
    """``clients`` threads, each with one keep-alive connection, for ``seconds``.

    ``cold``: every listing request carries a ``since`` day no other request used, long
    before any article (so the same rows), which the server's per-version page cache has
    never seen: each such request runs its SQL.
    """
    assert host in ("127.0.0.1", "localhost", "::1")
    conn = http.client.HTTPConnection(host, port, timeout=60)
    conn.request("GET", "/api/articles?limit=20")
    ids = [a["id"] for a in json.loads(conn.getresponse().read())["items"]]
    conn.close()
    paths = [
        "/api/articles?limit=50",
        "/api/claims?limit=50",
        "/api/events?limit=50",
        "/api/places?limit=50",
        "/api/quotes?limit=50",
        "/api/tallies?limit=50",
        "/api/contradictions?limit=50",
        "/api/claims?limit=50&offset=500&kind=killed",
        "/api/events?limit=50&since=2020-01-01",
        *[f"/api/articles/{i}" for i in ids[:3]],
    ]
    latencies: list[list[float]] = [[] for _ in range(clients)]
    errors = [0] * clients
    stop_at = time.monotonic() + seconds

    def worker(n: int) -> None:
        c = http.client.HTTPConnection(host, port, timeout=60)
        i = n
        while time.monotonic() < stop_at:
            path = paths[i % len(paths)]
            if cold and "?" in path and "since=" not in path:
                path += f"&since={COLD_FROM + dt.timedelta(days=i * clients + n)}"
            i += 1
            t0 = time.perf_counter()
            try:
                c.request("GET", path)
                r = c.getresponse()
                r.read()
                ok = r.status == 200
            except (OSError, http.client.HTTPException):
                ok = False
                c.close()
                c = http.client.HTTPConnection(host, port, timeout=60)
            latencies[n].append(time.perf_counter() - t0)
            if not ok:
                errors[n] += 1
        c.close()

    t0 = time.monotonic()
    threads = [threading.Thread(target=worker, args=(n,)) for n in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.monotonic() - t0
    flat = [x for lat in latencies for x in lat]
    return {
        "cache": "cold" if cold else "warm",
        "clients": clients,
        "seconds": round(elapsed, 1),
        "requests": len(flat),
        "errors": sum(errors),
        "req_per_s": round(len(flat) / elapsed, 1),
        "p50_ms": round(_pct(flat, 0.50) * 1000, 1),
        "p99_ms": round(_pct(flat, 0.99) * 1000, 1),
        "max_ms": round(max(flat) * 1000, 1) if flat else None,
    }


def write_latency(host: str, port: int, files: list[Path], *, warm: int = 2) -> dict[str, Any]:
    """POST each file's text once, in turn; the first ``warm`` are not counted."""
    assert host in ("127.0.0.1", "localhost", "::1")
    c = http.client.HTTPConnection(host, port, timeout=300)
    took: list[float] = []
    statuses: dict[int, int] = {}
    for n, f in enumerate(files):
        body = json.dumps({"text": f.read_text(encoding="utf-8", errors="replace"),
                           "published": "2024-01-15"})  # fmt: skip
        t0 = time.perf_counter()
        c.request("POST", "/api/articles", body=body, headers={
            "Content-Type": "application/json", "Authorization": f"Bearer {TOKEN}"})  # fmt: skip
        r = c.getresponse()
        r.read()
        dt = time.perf_counter() - t0
        statuses[r.status] = statuses.get(r.status, 0) + 1
        if n >= warm:
            took.append(dt)
    c.close()
    return {
        "writes": len(took),
        "statuses": {str(k): v for k, v in sorted(statuses.items())},
        "p50_s": round(statistics.median(took), 3) if took else None,
        "p90_s": round(_pct(took, 0.9), 3) if took else None,
        "max_s": round(max(took), 3) if took else None,
    }


def run(
    corpus: Path, work: Path, *, base: int, factors: tuple[int, ...], writes: int, clients: int,
    seconds: float, log: Any = print, reuse: bool = False, cold: bool = False,
) -> dict[str, Any]:  # fmt: skip
    """Build the databases, measure writes at every factor and reads at the largest."""
    files = _corpus_files(corpus)
    if len(files) < base + writes * len(factors) + 4:
        raise SystemExit(f"{corpus}: too few articles for --base {base} and --writes {writes}")
    work.mkdir(parents=True, exist_ok=True)
    seed = work / "base.duckdb"
    t0 = time.monotonic()
    if reuse and seed.exists():
        written = _count(seed)
        log(f"reusing {seed} ({written} articles)")
    else:
        written = build_base(seed, files[:base])
        log(f"ingested {written} articles in {time.monotonic() - t0:.0f} s")
    report: dict[str, Any] = {"base_articles": written, "writes": {}, "corpus": str(corpus)}
    spare = iter(files[base:])
    for factor in factors:
        db = work / f"x{factor}.duckdb"
        shutil.copy(seed, db)
        t0 = time.monotonic()
        n = grow(db, factor)
        log(f"{factor}x: {n} articles (grown and reconciled in {time.monotonic() - t0:.0f} s)")
        batch = [next(spare) for _ in range(writes + 2)]
        with server(db) as (host, port):
            w = write_latency(host, port, batch)
            w["articles"] = n
            report["writes"][f"{factor}x"] = w
            log(f"{factor}x writes: {w}")
            if factor == max(factors):
                time.sleep(5)  # let the background reconcile of the writes settle
                r = read_load(host, port, clients=clients, seconds=seconds)
                r["articles"] = n
                report["reads"] = r
                log(f"reads on {n} articles: {r}")
                if cold:
                    c = read_load(host, port, clients=clients, seconds=seconds, cold=True)
                    c["articles"] = n
                    report["reads_cold"] = c
                    log(f"cold reads on {n} articles: {c}")
    return report


def render(report: dict[str, Any], command: str) -> str:
    r = report.get("reads") or {}
    lines = [
        "# Live monitor: read load and write latency",
        "",
        f"Generated by `{command}` (sitrep.api.loadtest): the real `sitrep serve` in a "
        "subprocess on 127.0.0.1, on a machine with 2 cores; client threads on the same machine.",
        f"The 1x database holds {report['base_articles']} BBC articles ingested by the pipeline; "
        f"4x and 16x add copies of those rows made in SQL (new ids, dates shifted {SHIFT_DAYS} "
        "days per copy), reconciled once.",
        "",
        "## Reads",
        "",
        f"{r.get('clients')} concurrent keep-alive clients for {r.get('seconds')} s over the list "
        f"endpoints and one article, on {r.get('articles')} articles:",
        "",
        "| page cache | req/s | p50 ms | p99 ms | max ms | requests | errors |",
        "|---|---:|---:|---:|---:|---:|---:|",
        *(
            f"| {x.get('cache', 'warm')} | {x.get('req_per_s')} | {x.get('p50_ms')} "
            f"| {x.get('p99_ms')} | {x.get('max_ms')} | {x.get('requests')} | {x.get('errors')} |"
            for x in (r, report.get("reads_cold"))
            if x
        ),
        "",
        "## Writes (`POST /api/articles`, one after the other, articles not yet stored)",
        "",
        "| data | articles | writes | p50 s | p90 s | max s | statuses |",
        "|---|---:|---:|---:|---:|---:|---|",
    ]
    for k, w in report["writes"].items():
        lines.append(
            f"| {k} | {w['articles']} | {w['writes']} | {w['p50_s']} | {w['p90_s']} | "
            f"{w['max_s']} | {w['statuses']} |"
        )
    lines += ["", "Raw numbers: the JSON beside this file.", ""]
    return "\n".join(lines)


def render_incremental(report: dict[str, Any], command: str) -> str:
    lines = [
        "# Incremental reconciliation: the cost of one new article",
        "",
        f"Generated by `{command}` (sitrep.api.loadtest.incremental_latency), in process, "
        "on a machine with 2 cores. The databases are the load test's 1x/4x/16x (125 BBC "
        "articles and copies of their rows moved 60 days per copy, the copies kept as "
        "distinct reports), reconciled in full; then, one at a time, a copy of an original "
        "article with events (new ids, dates moved a day, so it joins its original's incidents) "
        "is written and `reconcile_incremental` places it. `part` is how many articles the "
        "pass recomputed; `copies` the copy check's share of the time; `full pass` the time "
        "of `reconcile` over the whole database.",
        "",
        "| data | articles | adds | p50 s | p90 s | max s | part (p50) | copies p50 s "
        "| rest p50 s | full pass s |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name, r in report.items():
        lines.append(
            f"| {name} | {r['articles']} | {r['adds']} | {r['p50_s']} | {r['p90_s']} | "
            f"{r['max_s']} | {r['part_p50']} | {r['dedup_p50_s']} | {r['rest_p50_s']} | "
            f"{r['full_pass_s']} |"
        )
    lines += ["", "Raw numbers: the JSON beside this file.", ""]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(prog="python -m sitrep.api.loadtest", description=__doc__)
    ap.add_argument("--corpus", type=Path, default=Path("../shared/corpora/bbc"))
    ap.add_argument("--work", type=Path, default=Path("out/loadtest"))
    ap.add_argument("--base", type=int, default=125, help="articles ingested for 1x")
    ap.add_argument("--factors", default="1,4,16")
    ap.add_argument("--writes", type=int, default=20)
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument("--seconds", type=float, default=30.0)
    ap.add_argument("--out", type=Path, default=None, help="write markdown here (+ .json)")
    ap.add_argument("--reuse", action="store_true", help="reuse the 1x database in --work")
    ap.add_argument("--incremental", type=int, default=0, metavar="N",
                    help="only time the incremental reconcile of N new articles per factor "
                         "(on the 1x database in --work, which must exist)")  # fmt: skip
    ap.add_argument(
        "--cold", action="store_true", help="also read with the page cache cold (unseen filters)"
    )
    a = ap.parse_args(argv)
    if not (1 <= a.clients <= 64 and 0 < a.seconds <= 120):
        raise SystemExit("--clients 1..64 and --seconds up to 120: the load test is bounded")
    factors = tuple(int(x) for x in a.factors.split(","))
    if a.incremental:
        inc = incremental_latency(a.work / "base.duckdb", a.work, factors=factors,
                                  adds=a.incremental)  # fmt: skip
        print(json.dumps(inc, indent=2))
        if a.out:
            command = "python -m sitrep.api.loadtest " + " ".join(argv or sys.argv[1:])
            a.out.write_text(render_incremental(inc, command.strip()))
            a.out.with_suffix(".json").write_text(json.dumps(inc, indent=2) + "\n")
        return
    report = run(a.corpus, a.work, base=a.base, factors=factors, writes=a.writes,
                 clients=a.clients, seconds=a.seconds, reuse=a.reuse, cold=a.cold)  # fmt: skip
    print(json.dumps(report, indent=2))
    if a.out:
        command = "python -m sitrep.api.loadtest " + " ".join(argv or sys.argv[1:])
        a.out.write_text(render(report, command.strip()))
        a.out.with_suffix(".json").write_text(json.dumps(report, indent=2) + "\n")


if __name__ == "__main__":  # pragma: no cover
    main()
