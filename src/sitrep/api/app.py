"""The HTTP API and the dashboard: FastAPI over one store held by this process.

The process holds the database's only read-write connection; every request reads through
its own cursor, and ingestion writes through :meth:`Store.write` under one lock. Reconciliation
and the read snapshot for other processes run after writes in the background
(:mod:`sitrep.api.live`, :mod:`sitrep.store.access`). Every error, FastAPI's own included,
answers ``{"error": {"code", "message", "status"}}`` and leaves the connection usable.
"""

from __future__ import annotations

import datetime as dt
import hmac
import logging
from collections.abc import Awaitable, Callable, Iterator, MutableMapping
from importlib import resources
from pathlib import Path
from typing import Annotated, Any, Literal

import duckdb
from fastapi import Depends, FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field, model_validator
from starlette.exceptions import HTTPException as StarletteHTTPException

from sitrep import __version__
from sitrep.api import paged, queries, reconciled
from sitrep.api.backend import Backend, Settings
from sitrep.api.guards import KeepAlive, SecurityHeaders
from sitrep.api.queries import Filters, Page
from sitrep.errors import InputError, LanguageInput, SitrepError, TooLargeInput
from sitrep.store.schema import ITEM_TABLES

MAX_OFFSET = 1_000_000_000
"""The largest ``offset`` and ``min_count`` accepted (larger ones are refused with 422)."""
MAX_LIST = 1000
"""The largest page of any listing."""
log = logging.getLogger("sitrep.api")
STATIC = Path(str(resources.files("sitrep") / "web" / "static"))

Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Message, Receive, Send], Awaitable[None]]


class ApiError(Exception):
    """An error answered with the API's one error shape."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


def error_body(status: int, code: str, message: str, **extra: Any) -> dict[str, Any]:
    """The JSON every error answers with."""
    return {"error": {"code": code, "message": message, "status": status, **extra}}


class ErrorOut(BaseModel):
    error: dict[str, Any]


class PageOut(BaseModel):
    items: list[dict[str, Any]]
    total: int
    limit: int
    offset: int


class ListOut(BaseModel):
    items: list[dict[str, Any]]
    total: int
    method: str
    limit: int
    offset: int


class ChangesOut(BaseModel):
    version: int
    changed: bool
    articles: list[str]
    complete: bool


class ArticleIn(BaseModel):
    """An article to ingest: exactly one of ``text`` or ``html``."""

    text: str | None = None
    html: str | None = None
    url: str | None = Field(default=None, max_length=2048)
    published: dt.date | None = None
    outlet: str | None = Field(default=None, max_length=200)
    title: str | None = Field(default=None, max_length=1000)

    @model_validator(mode="after")
    def _one_body(self) -> ArticleIn:
        if (self.text is None) == (self.html is None):
            raise ValueError("give exactly one of 'text' or 'html'")
        return self


class IngestOut(BaseModel):
    id: str
    created: bool
    counts: dict[str, int]


class _BodyLimit:
    """Refuse request bodies over the limit before the app reads them (413)."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app, self.limit = app, limit

    async def __call__(self, scope: Message, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        declared = headers.get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.limit):
            await self._refuse(send)
            return
        chunks: list[bytes] = []
        size = 0
        more = True
        while more:
            msg = await receive()
            if msg["type"] == "http.disconnect":
                return
            chunk = msg.get("body", b"")
            size += len(chunk)
            if size > self.limit:
                await self._refuse(send)
                return
            chunks.append(chunk)
            more = bool(msg.get("more_body"))
        body = b"".join(chunks)
        sent = False

        async def replay() -> Message:
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)

    async def _refuse(self, send: Send) -> None:
        resp = JSONResponse(
            error_body(
                413, "body_too_large", f"the request body is over the {self.limit:,}-byte limit"
            ),
            status_code=413,
        )
        await resp({"type": "http"}, _no_receive, send)


async def _no_receive() -> Message:
    return {"type": "http.disconnect"}


def _cursor(request: Request) -> Iterator[duckdb.DuckDBPyConnection]:
    """A read cursor on the store, closed after the request."""
    backend: Backend = request.app.state.backend
    cur = backend.cursor()
    try:
        yield cur
    finally:
        cur.close()


Cur = Annotated[duckdb.DuckDBPyConnection, Depends(_cursor)]


def _filters(
    place: Annotated[
        str | None, Query(description="Place name or two-letter country code.")
    ] = None,
    bbox: Annotated[
        str | None, Query(description="minlon,minlat,maxlon,maxlat", max_length=200)
    ] = None,
    since: Annotated[dt.date | None, Query(description="First day, YYYY-MM-DD.")] = None,
    until: Annotated[dt.date | None, Query(description="Last day, YYYY-MM-DD.")] = None,
    kind: Annotated[
        str | None, Query(description="Casualty kind (killed, injured, ...); event mode.")
    ] = None,
    type: Annotated[
        str | None,
        Query(description="Event type, sub-type or PLOVER; claim scope; place precision."),
    ] = None,
    min_count: Annotated[
        int | None,
        Query(ge=0, le=MAX_OFFSET, description="Minimum figure / fatalities / mentions."),
    ] = None,
    source: Annotated[
        str | None, Query(description="Who said it (claim source, speaker, actor).")
    ] = None,
    outlet: Annotated[
        str | None, Query(description="The outlet that published the article.")
    ] = None,
    q: Annotated[
        str | None, Query(description="Free text in the evidence or article.", max_length=500)
    ] = None,
    article: Annotated[str | None, Query(description="One article's id.")] = None,
) -> Filters:
    box = None
    if bbox:
        try:
            box = queries.parse_bbox(bbox)
        except ValueError as exc:
            raise ApiError(400, "bad_bbox", str(exc)) from None
    if since and until and since > until:
        raise ApiError(400, "bad_dates", "'since' is after 'until'")
    return Filters(
        place=place,
        bbox=box,
        since=since,
        until=until,
        kind=kind,
        type=type,
        min_count=min_count,
        source=source,
        outlet=outlet,
        q=q,
        article_id=article,
    )


F = Annotated[Filters, Depends(_filters)]
Limit = Annotated[int, Query(ge=1, le=MAX_LIST, description="Page size.")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Rows to skip.")]


def create_app(settings: Settings) -> FastAPI:
    """The API and dashboard over the database in ``settings``."""
    backend = Backend(settings)
    backend.reconcile()
    app = FastAPI(
        title="sitrep",
        version=__version__,
        description="Source-attributed, geolocated, dated facts from news about wars and crises.",
        docs_url=None,  # FastAPI's docs load their assets from a CDN: /api/docs is our own
        redoc_url=None,
        responses={
            400: {"model": ErrorOut},
            404: {"model": ErrorOut},
            422: {"model": ErrorOut},
            500: {"model": ErrorOut},
        },
    )
    app.state.backend = backend
    _install_errors(app)
    app.add_middleware(_BodyLimit, limit=settings.max_body)
    app.add_middleware(KeepAlive)
    app.add_middleware(SecurityHeaders)

    def page(p: Page) -> dict[str, Any]:
        return {"items": p.items, "total": p.total, "limit": p.limit, "offset": p.offset}

    @app.get("/api/", tags=["meta"])
    def api_index(cur: Cur) -> dict[str, Any]:
        """What this server serves, and row counts."""
        counts = {
            t: int((cur.execute(f"SELECT count(*) FROM {t}").fetchone() or [0])[0])
            for t in ("articles", "casualties", "events", "quotes", "claims")
        }
        return {
            "name": "sitrep",
            "version": __version__,
            "endpoints": [
                "/api/articles",
                "/api/articles/{id}",
                "/api/claims",
                "/api/quotes",
                "/api/places",
                "/api/events",
                "/api/tallies",
                "/api/contradictions",
                "/api/changes",
                "/api/docs",
            ],
            "counts": counts,
            "writable": not settings.read_only and settings.token is not None,
        }

    @app.get("/api/articles", response_model=PageOut, tags=["articles"])
    def articles(cur: Cur, f: F, limit: Limit = 50, offset: Offset = 0) -> Response:
        """Articles, newest first (filters: place, bbox, since, until, outlet, q)."""
        return backend.json_page(
            ("articles", f, limit, offset),
            lambda: page(queries.list_articles(cur, f, limit=limit, offset=offset)),
        )

    @app.get("/api/articles/{article_id}", tags=["articles"])
    def article(article_id: str, cur: Cur) -> dict[str, Any]:
        """One article, its text and everything extracted from it, with character spans."""
        found = queries.get_article(cur, article_id)
        if found is None:
            raise ApiError(404, "not_found", f"no article with id {article_id!r}")
        return found

    @app.post(
        "/api/articles",
        status_code=201,
        response_model=IngestOut,
        tags=["articles"],
        responses={401: {"model": ErrorOut}, 403: {"model": ErrorOut}, 413: {"model": ErrorOut}},
    )
    def ingest(body: ArticleIn, request: Request) -> JSONResponse:
        """Ingest one article given as text or HTML (needs ``Authorization: Bearer $SITREP_TOKEN``)."""
        _authorize(request, settings)
        from sitrep.pipeline import extract

        size = len(body.text if body.text is not None else body.html or "")
        if size > settings.max_chars:
            raise ApiError(
                413,
                TooLargeInput.code,
                f"the article is {size:,} characters, over the {settings.max_chars:,}-character "
                "limit: split it or send only the article's text",
            )
        try:
            record = extract(
                body.text if body.text is not None else body.html or "",
                published=body.published,
                outlet=body.outlet,
                url=body.url,
                title=body.title,
            )
        except LanguageInput as exc:
            raise ApiError(422, exc.code, exc.message) from None
        except TooLargeInput as exc:
            raise ApiError(413, exc.code, exc.message) from None
        except InputError as exc:
            raise ApiError(400, exc.code, exc.message) from None
        created = backend.write([record]) == 1
        counts = {t: len(getattr(record, t)) for t in ITEM_TABLES}
        out = IngestOut(id=record.article.id, created=created, counts=counts)
        return JSONResponse(out.model_dump(), status_code=201 if created else 200)

    @app.get("/api/claims", response_model=PageOut, tags=["facts"])
    def claims(cur: Cur, f: F, limit: Limit = 50, offset: Offset = 0) -> Response:
        """Casualty claims: figure, hedge, victims, place, day, source, outlet and evidence."""
        return backend.json_page(
            ("claims", f, limit, offset),
            lambda: page(queries.list_claims(cur, f, limit=limit, offset=offset)),
        )

    @app.get("/api/quotes", response_model=PageOut, tags=["facts"])
    def quotes(cur: Cur, f: F, limit: Limit = 50, offset: Offset = 0) -> Response:
        """Direct quotations and their speakers (``source`` matches the speaker)."""
        return backend.json_page(
            ("quotes", f, limit, offset),
            lambda: page(queries.list_quotes(cur, f, limit=limit, offset=offset)),
        )

    @app.get("/api/places", response_model=PageOut, tags=["facts"])
    def places(cur: Cur, f: F, limit: Limit = 50, offset: Offset = 0) -> Response:
        """Resolved places with mention and article counts."""
        return backend.json_page(
            ("places", f, limit, offset),
            lambda: page(queries.list_places(cur, f, limit=limit, offset=offset)),
        )

    @app.get("/api/events", response_model=PageOut, tags=["facts"])
    def events(cur: Cur, f: F, limit: Limit = 50, offset: Offset = 0) -> Response:
        """Events: who did what to whom, where and when, with fatalities."""
        return backend.json_page(
            ("events", f, limit, offset),
            lambda: page(queries.list_events(cur, f, limit=limit, offset=offset)),
        )

    @app.get("/api/tallies", response_model=ListOut, tags=["reconciled"])
    def tallies(
        cur: Cur,
        f: F,
        rule: Annotated[
            Literal["conservative", "latest", "highest"],
            Query(description="How the reconciler picks the best figure."),
        ] = "conservative",
        limit: Limit = MAX_LIST,
        offset: Offset = 0,
    ) -> Response:
        """Casualty tallies with low/best/high and the lineage of claims behind each (paged)."""

        def compute() -> dict[str, Any]:
            if reconciled.method(cur) == reconciled.RECONCILED:
                items, total = paged.tally_page(cur, f, rule=rule, limit=limit, offset=offset)
                return _listing(items, total, reconciled.RECONCILED, limit, offset)
            whole = backend.cached(
                ("tallies", f, rule), lambda: reconciled.tallies(cur, f, rule=rule)
            )
            return _listing(
                whole[offset : offset + limit], len(whole), reconciled.METHOD, limit, offset
            )

        return backend.json_page(("tallies-page", f, rule, limit, offset), compute)

    @app.get("/api/contradictions", response_model=ListOut, tags=["reconciled"])
    def contradictions(cur: Cur, f: F, limit: Limit = MAX_LIST, offset: Offset = 0) -> Response:
        """Pairs of claims that cannot both hold, side by side (paged)."""

        def compute() -> dict[str, Any]:
            if reconciled.method(cur) == reconciled.RECONCILED:
                items, total = paged.contradiction_page(cur, f, limit=limit, offset=offset)
                return _listing(items, total, reconciled.RECONCILED, limit, offset)
            whole = backend.cached(("contradictions", f), lambda: reconciled.contradictions(cur, f))
            return _listing(
                whole[offset : offset + limit], len(whole), reconciled.METHOD, limit, offset
            )

        return backend.json_page(("contradictions-page", f, limit, offset), compute)

    @app.get("/api/changes", response_model=ChangesOut, tags=["meta"])
    def changes(
        since: Annotated[
            int, Query(ge=0, le=2**62, description="The version the caller last saw.")
        ] = 0,
    ) -> dict[str, Any]:
        """The database's version and the articles added after ``since`` (poll this)."""
        return backend.changes.since(since)

    @app.get("/api/docs", include_in_schema=False)
    def api_docs() -> FileResponse:
        return FileResponse(STATIC / "docs.html", media_type="text/html")

    @app.get("/", include_in_schema=False)
    def dashboard() -> FileResponse:
        return FileResponse(STATIC / "index.html", media_type="text/html")

    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    return app


def _listing(
    items: list[dict[str, Any]], total: int, how: str, limit: int, offset: int
) -> dict[str, Any]:
    return {"items": items, "total": total, "method": how, "limit": limit, "offset": offset}


def _authorize(request: Request, settings: Settings) -> None:
    if settings.read_only:
        raise ApiError(
            403,
            "read_only",
            "this server opened the database read-only; restart it without --read-only to ingest",
        )
    if not settings.token:
        raise ApiError(
            403,
            "writes_disabled",
            "ingestion is disabled: start the server with SITREP_TOKEN set and send it as 'Authorization: Bearer <token>'",
        )
    header = request.headers.get("authorization", "")
    scheme, _, given = header.partition(" ")
    if scheme.lower() != "bearer" or not given:
        raise ApiError(401, "unauthorized", "send 'Authorization: Bearer <token>'")
    if not hmac.compare_digest(given.strip().encode(), settings.token.encode()):
        raise ApiError(401, "unauthorized", "the bearer token is wrong")


def _install_errors(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def api_error(request: Request, exc: ApiError) -> JSONResponse:
        headers = {"WWW-Authenticate": "Bearer"} if exc.status == 401 else None
        return JSONResponse(
            error_body(exc.status, exc.code, exc.message), exc.status, headers=headers
        )

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = {404: "not_found", 405: "method_not_allowed"}.get(exc.status_code, "http_error")
        message = "no such route" if exc.status_code == 404 else str(exc.detail)
        return JSONResponse(error_body(exc.status_code, code, message), exc.status_code)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        details = [
            {"where": ".".join(str(p) for p in e.get("loc", ())), "message": e.get("msg", "")}
            for e in exc.errors()
        ]
        message = "; ".join(f"{d['where']}: {d['message']}" for d in details) or "invalid request"
        status = 400 if any(e.get("type") == "json_invalid" for e in exc.errors()) else 422
        code = "bad_json" if status == 400 else "invalid"
        return JSONResponse(error_body(status, code, message, details=details), status)

    @app.exception_handler(SitrepError)
    async def sitrep_error(request: Request, exc: SitrepError) -> JSONResponse:
        return JSONResponse(error_body(500, exc.code, exc.message), 500)

    @app.exception_handler(Exception)
    async def crash(request: Request, exc: Exception) -> JSONResponse:
        return JSONResponse(
            error_body(
                500, "internal", f"internal error ({type(exc).__name__}); see the server log"
            ),
            500,
        )


__all__ = ["ApiError", "Backend", "Settings", "create_app", "error_body"]
