"""Generated benchmark corpora: copies of a seed corpus under distinct file names."""

from __future__ import annotations

import shutil
from pathlib import Path

__all__ = ["SEED_CANDIDATES", "count_words", "find_seed", "make_corpus"]

_REPO = Path(__file__).resolve().parents[1]
#: Where the seed documents come from, first found wins.
SEED_CANDIDATES = (_REPO.parent / "shared" / "corpus", _REPO / "examples")
_SUFFIXES = (".txt", ".md")


def find_seed(seed: Path | None = None) -> Path:
    """The seed folder: ``seed`` when given, else ``../shared/corpus``, else ``examples/``.

    Raises:
        FileNotFoundError: No seed folder holds a text file.
    """
    candidates = (seed,) if seed is not None else SEED_CANDIDATES
    for folder in candidates:
        if folder is not None and folder.is_dir() and _seed_files(folder):
            return folder
    raise FileNotFoundError(f"no seed corpus in {', '.join(map(str, candidates))}")


def _seed_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix in _SUFFIXES)


def make_corpus(seed: Path, out: Path, target_bytes: int) -> tuple[int, int]:
    """Copy the seed files into ``out`` again and again until ``target_bytes`` are written.

    Each copy gets a distinct name (``r0003_<name>``) so that documents, and so document
    ids, differ. A corpus already complete in ``out`` is reused.

    Args:
        seed: Folder of seed documents.
        out: The corpus folder (created).
        target_bytes: Stop once at least this many bytes are written.

    Returns:
        ``(files, bytes)`` of the corpus.
    """
    marker = out / ".complete"
    files = _seed_files(seed)
    if marker.is_file() and marker.read_text() == str(target_bytes):
        written = [p for p in out.iterdir() if p.suffix in _SUFFIXES]
        return len(written), sum(p.stat().st_size for p in written)
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    total = count = 0
    round_ = 0
    while total < target_bytes:
        for src in files:
            dst = out / f"r{round_:04d}_{src.name}"
            shutil.copyfile(src, dst)
            total += dst.stat().st_size
            count += 1
            if total >= target_bytes:
                break
        round_ += 1
    marker.write_text(str(target_bytes))
    return count, total


def count_words(folder: Path) -> int:
    """Whitespace-separated words in the corpus files (the unit of every words/s figure)."""
    return sum(
        len(p.read_text(encoding="utf-8", errors="replace").split()) for p in _seed_files(folder)
    )
