"""Running the app: bind, announce the address beside the database, serve, withdraw.

While it runs, the server is the database's one writer. It writes ``<db>.server.json``
(address and process id) so that ``sitrep ingest`` and ``sitrep watch`` in other processes
send their documents to it, and keeps ``<db>.snapshot`` fresh for read commands (see
:mod:`sitrep.store.access`). Both are removed when it stops.
"""

from __future__ import annotations

import socket
from typing import Any

from sitrep.store.access import announce, withdraw


def serve(app: Any, *, host: str, port: int, log_level: str = "info") -> None:
    """Serve ``app`` (from :func:`sitrep.api.create_app`) on ``host:port`` until stopped.

    ``port`` 0 picks a free port; the address actually bound is announced.
    """
    import uvicorn

    backend = app.state.backend
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    sock.listen(2048)  # connections queue from now on, before uvicorn starts accepting
    bound = sock.getsockname()[1]
    name = f"[{host}]" if family == socket.AF_INET6 else host
    url = f"http://{name}:{bound}"
    db = backend.store.path
    writable = not backend.settings.read_only
    config = uvicorn.Config(app, log_level=log_level, timeout_keep_alive=30)
    server = uvicorn.Server(config)
    if writable and backend.maintainer is not None:
        backend.maintainer.changed([])  # the first snapshot, before anyone needs it
        backend.maintainer.idle(timeout=120)
    stopped = False

    def stop() -> None:  # uvicorn re-raises SIGTERM after shutdown: clean up in the lifespan
        nonlocal stopped
        if not stopped:
            stopped = True
            backend.close()  # stops the background thread first: no snapshot after withdraw
            if writable:
                withdraw(db)

    app.router.on_shutdown.append(stop)
    if writable:
        announce(db, url)
    print(f"sitrep serving {db} at {url}", flush=True)
    try:
        server.run(sockets=[sock])
    finally:
        stop()


__all__ = ["serve"]
