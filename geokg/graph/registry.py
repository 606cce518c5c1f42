"""Choose and open a graph store: the embedded FalkorDB by default, Neo4j when a URI is given.

The stores import :mod:`geokg.graph.store` (the protocol and the loader plan); this module sits
above them, so that no store module imports another and the contract imports no store.

Example:
    >>> with open_store(db_dir=".geokg") as store:  # doctest: +SKIP
    ...     store.ensure_schema()
"""

from __future__ import annotations

import os
from pathlib import Path

from geokg.errors import StoreUnavailableError
from geokg.graph.store import DEFAULT_BATCH_SIZE, DEFAULT_DB_DIR, GraphStore

__all__ = ["open_store"]


def open_store(
    *,
    db_dir: Path | str | None = None,
    graph: str = "geokg",
    neo4j_uri: str | None = None,
    neo4j_user: str | None = None,
    neo4j_database: str | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
) -> GraphStore:
    """Open the embedded FalkorDB (default) or Neo4j when a URI is given.

    Args:
        db_dir: Folder of the embedded database (default ``.geokg`` in the working directory).
        graph: Graph name inside the embedded database.
        neo4j_uri: ``neo4j://`` or ``bolt://`` URI; when given, Neo4j is used.
        neo4j_user: Neo4j user (default: ``NEO4J_USER`` or ``neo4j``).
        neo4j_database: Neo4j database (default: the server's default database).
        batch_size: Rows per loader statement.

    Returns:
        An open store; use it as a context manager.

    Raises:
        StoreUnavailableError: The database cannot be started or reached (the message says
            why and never contains a password).
    """
    if neo4j_uri:
        from geokg.graph.neo4j_store import Neo4jStore

        password = os.environ.get("NEO4J_PASSWORD")
        if not password:
            raise StoreUnavailableError(
                "no Neo4j password: set the NEO4J_PASSWORD environment variable"
            )
        user = neo4j_user or os.environ.get("NEO4J_USER") or "neo4j"
        return Neo4jStore(neo4j_uri, user, password, neo4j_database, batch_size=batch_size)

    from geokg.graph.falkor import FalkorStore

    return FalkorStore(
        Path(db_dir) if db_dir is not None else DEFAULT_DB_DIR, graph=graph, batch_size=batch_size
    )
