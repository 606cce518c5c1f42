"""The HTML view in a real browser: headless Chromium loads it offline, draws it, and a
relationship selected as a click would show its evidence.

Chromium runs with networking disabled and every host unresolvable, so a page that needed
any remote resource would fail here. Skipped only where no Chromium is installed and ``CI``
is not set; in CI (``.ci/needs-chromium`` makes ``.ci/run`` install it) it must run.
"""

from __future__ import annotations

import os
import re
import shutil
import struct
import subprocess
import zlib
from collections import Counter
from pathlib import Path

import pytest

from geokg.graph.html_view import LABEL_COLORS, write_html
from tests.graph.conftest import dated_batch
from tests.graph.test_html_view import MENTIONS, page_data, sample_batch

pytestmark = pytest.mark.browser

_CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
_WINDOW = (1000, 700)


def _chromium() -> str:
    for name in _CANDIDATES:
        path = shutil.which(name)
        if path:
            return path
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail("CI is set but no headless Chromium is installed (see .ci/needs-chromium)")
    pytest.skip("headless Chromium is not installed (apt-get install chromium)")


def _run(args: list[str], profile: Path) -> subprocess.CompletedProcess[str]:
    base = [
        _chromium(),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--no-default-browser-check",
        "--proxy-server=127.0.0.1:9",  # nothing listens there: any fetch would fail
        "--host-resolver-rules=MAP * ~NOTFOUND",
        f"--user-data-dir={profile}",
        f"--window-size={_WINDOW[0]},{_WINDOW[1]}",
        "--virtual-time-budget=10000",
        "--hide-scrollbars",
    ]
    profile.mkdir(parents=True, exist_ok=True)
    return subprocess.run(base + args, capture_output=True, text=True, timeout=120, check=False)


def _png_pixels(path: Path) -> tuple[int, int, list[tuple[int, ...]]]:
    """Decode an 8-bit RGB(A) PNG with the standard library: (width, height, pixels)."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat, width, height, ctype = 8, b"", 0, 0, 0
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind, body = data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + length]
        pos += 12 + length
        if kind == b"IHDR":
            width, height, depth, ctype, _, _, interlace = struct.unpack(">IIBBBBB", body)
            assert depth == 8 and ctype in (2, 6) and interlace == 0, "unexpected PNG format"
        elif kind == b"IDAT":
            idat += body
        elif kind == b"IEND":
            break
    bpp = 3 if ctype == 2 else 4
    stride = width * bpp
    raw = zlib.decompress(idat)
    prev = bytearray(stride)
    pixels: list[tuple[int, ...]] = []
    for y in range(height):
        ftype = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1 : (y + 1) * (stride + 1)])
        if ftype == 1:
            for i in range(bpp, stride):
                line[i] = (line[i] + line[i - bpp]) & 0xFF
        elif ftype == 2:
            for i in range(stride):
                line[i] = (line[i] + prev[i]) & 0xFF
        elif ftype == 3:
            for i in range(stride):
                left = line[i - bpp] if i >= bpp else 0
                line[i] = (line[i] + ((left + prev[i]) >> 1)) & 0xFF
        elif ftype == 4:
            for i in range(stride):
                a = line[i - bpp] if i >= bpp else 0
                b = prev[i]
                c = prev[i - bpp] if i >= bpp else 0
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pred = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
                line[i] = (line[i] + pred) & 0xFF
        pixels.extend(tuple(line[i : i + 3]) for i in range(0, stride, bpp))
        prev = line
    return width, height, pixels


def _hex(rgb: str) -> tuple[int, int, int]:
    return int(rgb[1:3], 16), int(rgb[3:5], 16), int(rgb[5:7], 16)


@pytest.fixture()
def page(tmp_path: Path) -> Path:
    return write_html(sample_batch(), tmp_path / "view.html").path


def test_html_browser_draws_every_node_and_relationship(page: Path, tmp_path: Path) -> None:
    data = page_data(page.read_text(encoding="utf-8"))
    done = _run(["--dump-dom", page.as_uri()], tmp_path / "profile")
    assert done.returncode == 0, done.stderr[-2000:]
    body = re.search(r"<body([^>]*)>", done.stdout)
    assert body is not None, done.stdout[:2000]
    attrs = dict(re.findall(r'data-([a-z]+)="([^"]*)"', body.group(1)))
    assert attrs.get("ready") == "1"
    assert int(attrs["nodes"]) == len(data["nodes"])
    assert int(attrs["relationships"]) == len(data["relationships"])
    assert done.stdout.count('class="node"') == len(data["nodes"])


def test_html_browser_selected_relationship_shows_evidence(page: Path, tmp_path: Path) -> None:
    key = "r:country:russia|SUPPORTS|country:syria"
    done = _run(["--dump-dom", f"{page.as_uri()}#select={key}"], tmp_path / "profile")
    assert done.returncode == 0, done.stderr[-2000:]
    assert f'data-selected="{key}"' in done.stdout
    panel = re.search(r'<aside id="panel">(.*?)</aside>', done.stdout, re.S)
    assert panel is not None
    expected = [
        f"Sentence {i}: Russia supports Syria."
        for i, (s, t, o, _) in enumerate(MENTIONS)
        if (s, t.value, o) == ("Russia", "SUPPORTS", "Syria")
    ]
    assert len(expected) == 3
    for sentence in expected:
        assert sentence in panel.group(1)
    assert "002_sample.txt" in panel.group(1)


def test_html_browser_selected_node_shows_aliases(page: Path, tmp_path: Path) -> None:
    done = _run(["--dump-dom", f"{page.as_uri()}#select=n:country:russia"], tmp_path / "profile")
    assert done.returncode == 0, done.stderr[-2000:]
    panel = re.search(r'<aside id="panel">(.*?)</aside>', done.stdout, re.S)
    assert panel is not None
    assert "Moscow, the Kremlin" in panel.group(1)
    assert "Country" in panel.group(1)


def test_html_browser_screenshot_is_not_blank(page: Path, tmp_path: Path) -> None:
    shot = tmp_path / "shot.png"
    done = _run([f"--screenshot={shot}", page.as_uri()], tmp_path / "profile")
    assert done.returncode == 0, done.stderr[-2000:]
    assert shot.is_file(), done.stderr[-2000:]
    width, height, pixels = _png_pixels(shot)
    assert (width, height) == _WINDOW
    colours = Counter(pixels)
    background, most = colours.most_common(1)[0]
    assert most < 0.95 * len(pixels), "the page is (almost) one colour"
    assert len(colours) > 50
    # Country nodes are filled discs of their label colour.
    assert colours[_hex(LABEL_COLORS["Country"])] > 200
    assert background != _hex(LABEL_COLORS["Country"])


def _in_range(dates: list[str], lo: str, hi: str) -> bool:
    return any((not lo or d[: len(lo)] >= lo) and (not hi or d[: len(hi)] <= hi) for d in dates)


@pytest.mark.parametrize(
    ("lo", "hi"), [("", ""), ("2023", ""), ("2020", "2022"), ("", "2019-03-10"), ("2025", "")]
)
def test_html_browser_date_range_hides_relationships_without_a_mention_in_it(
    tmp_path: Path, lo: str, hi: str
) -> None:
    page = write_html(dated_batch(), tmp_path / "dated.html").path
    data = page_data(page.read_text(encoding="utf-8"))
    hash_ = "&".join(f"{k}={v}" for k, v in (("from", lo), ("to", hi)) if v)
    done = _run(["--dump-dom", f"{page.as_uri()}#{hash_}"], tmp_path / "profile")
    assert done.returncode == 0, done.stderr[-2000:]
    body = re.search(r"<body([^>]*)>", done.stdout)
    assert body is not None
    attrs = dict(re.findall(r'data-([a-z]+)="([^"]*)"', body.group(1)))
    expected = [
        r["key"] for r in data["relationships"] if not (lo or hi) or _in_range(r["dates"], lo, hi)
    ]
    assert int(attrs["shown"]) == len(expected)
    hidden = set(re.findall(r'<g data-key="r:([^"]+)"[^>]*class="off"', done.stdout))
    hidden |= set(re.findall(r'<g class="off" data-key="r:([^"]+)"', done.stdout))
    assert {r["key"] for r in data["relationships"]} - hidden == set(expected)
    supports = "country:russia|SUPPORTS|country:syria"
    supported_in_range = (lo, hi) in {("", ""), ("2023", ""), ("", "2019-03-10")}
    assert (supports in expected) == supported_in_range  # dated 2019-03-10 and 2023-02-01
