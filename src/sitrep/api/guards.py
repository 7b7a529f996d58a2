"""ASGI guards around the app: security headers, and errors that keep the connection alive.

Starlette's outermost error middleware answers an unhandled exception with a 500 and then
re-raises it, and uvicorn closes a connection whose application raised: the client's
keep-alive connection is reset. :class:`KeepAlive` answers the error itself, in the API's one
error shape, and does not re-raise, so the connection stays usable. The exception is logged
with its type and traceback only: no request headers (the bearer token) reach the log.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Message, Receive, Send], Awaitable[None]]

log = logging.getLogger("sitrep.api")

SECURITY_HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"x-content-type-options", b"nosniff"),
    (b"content-security-policy", b"frame-ancestors 'none'"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
)


class SecurityHeaders:
    """Add the security headers to every HTTP response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Message, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(msg: Message) -> None:
            if msg["type"] == "http.response.start":
                have = {k.lower() for k, _ in msg.get("headers") or []}
                extra = [(k, v) for k, v in SECURITY_HEADERS if k not in have]
                msg["headers"] = [*(msg.get("headers") or []), *extra]
            await send(msg)

        await self.app(scope, receive, send_with_headers)


class KeepAlive:
    """Answer an unhandled exception with a JSON 500 and keep the connection open."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Message, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def tracking_send(msg: Message) -> None:
            nonlocal started
            if msg["type"] == "http.response.start":
                started = True
            await send(msg)

        try:
            await self.app(scope, receive, tracking_send)
        except Exception as exc:
            log.error(
                "%s %s failed: %s", scope.get("method"), scope.get("path"), type(exc).__name__,
                exc_info=exc,
            )  # fmt: skip
            if started:  # nothing valid can follow a half-sent response
                raise
            body = json.dumps(
                {
                    "error": {
                        "code": "internal",
                        "message": f"internal error ({type(exc).__name__}); see the server log",
                        "status": 500,
                    }
                }
            ).encode()
            await send(
                {
                    "type": "http.response.start",
                    "status": 500,
                    "headers": [
                        (b"content-type", b"application/json"),
                        (b"content-length", str(len(body)).encode()),
                        *SECURITY_HEADERS,
                    ],
                }
            )
            await send({"type": "http.response.body", "body": body})


__all__ = ["SECURITY_HEADERS", "KeepAlive", "SecurityHeaders"]
