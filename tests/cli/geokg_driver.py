"""Run the ``geokg`` CLI in a subprocess with fault hooks, for the robustness tests.

Usage: ``python tests/cli/geokg_driver.py build PATH ... [options]`` (the arguments of
``geokg``). Hooks are switched on by environment variables so that the CLI itself runs
unchanged:

``GEOKG_TEST_VANISH=<file name>``
    The file of that name is deleted right after the folder walk lists it and before it is
    read: a file that vanishes mid-run.
``GEOKG_TEST_DENY_UNREADABLE=1``
    Reading a file whose mode has no read bit raises ``PermissionError``, as it does for a
    user that is not root. Only used when the tests run as root and cannot drop
    ``CAP_DAC_OVERRIDE`` (with ``setpriv`` the kernel refuses the read itself).
``GEOKG_TEST_KILL_AFTER=<n>``
    The process sends itself SIGKILL right after the embedded store has read the reply of its
    n-th loader statement, while the next statement is already on the wire (pipelined): a
    crash in the middle of a load, with part of a batch applied.
"""

from __future__ import annotations

import errno
import os
import signal
import stat
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any


def _hook_vanish(name: str) -> None:
    import geokg.extract.io as io

    walk = io.iter_input_files

    def iter_input_files(paths: Sequence[str | Path]) -> Iterator[Any]:
        for item in walk(paths):
            if isinstance(item, tuple) and item[1].name == name:
                item[1].unlink()
            yield item

    io.iter_input_files = iter_input_files


def _hook_deny_unreadable() -> None:
    import builtins

    import geokg.extract.io as io

    def guarded_open(file: Any, *args: Any, **kwargs: Any) -> Any:
        if isinstance(file, str | Path) and not os.stat(file).st_mode & stat.S_IRUSR:
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(file))
        return builtins.open(file, *args, **kwargs)

    io.open = guarded_open  # type: ignore[attr-defined]


def _hook_kill_after(n: int) -> None:
    from geokg.graph.falkor import FalkorStore

    check = FalkorStore._check
    seen = 0

    def counting_check(reply: Any, statement: str) -> None:
        nonlocal seen
        check(reply, statement)
        seen += 1
        if seen >= n:
            os.kill(os.getpid(), signal.SIGKILL)

    FalkorStore._check = staticmethod(counting_check)  # type: ignore[method-assign]


def main() -> None:
    """Install the hooks asked for, then run the CLI with this process's arguments."""
    if name := os.environ.get("GEOKG_TEST_VANISH"):
        _hook_vanish(name)
    if os.environ.get("GEOKG_TEST_DENY_UNREADABLE"):
        _hook_deny_unreadable()
    if n := os.environ.get("GEOKG_TEST_KILL_AFTER"):
        _hook_kill_after(int(n))
    from geokg.cli import main as geokg_main

    sys.argv = ["geokg", *sys.argv[1:]]
    geokg_main()


if __name__ == "__main__":
    main()
