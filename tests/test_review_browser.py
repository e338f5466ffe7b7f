"""The review page in a real browser: headless Chromium driven by selenium.

Uses the system's Chromium and chromedriver (Debian: ``apt-get install chromium
chromium-driver``; ``.ci/run`` installs them); never downloads a browser. Skips, saying
why, only where no browser or driver can be found. Screenshots are written to the test's
temporary folder (``CHARTPARSE_REVIEW_SHOTS=DIR`` keeps them).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("jinja2", reason="chartparse review needs jinja2 (the review extra)")

from chartparse.review import render
from chartparse.review.site import Options, review_source
from chartparse.source import from_text, read_path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--no-first-run", "--disable-sync",
         "--disable-dev-shm-usage", "--window-size=1500,1000")

pytestmark = pytest.mark.slow


def _find(names: tuple[str, ...]) -> str | None:
    for name in names:
        found = shutil.which(name) or (f"/usr/bin/{name}" if os.access(f"/usr/bin/{name}", os.X_OK)
                                       else None)
        if found:
            return found
    return None


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    webdriver = pytest.importorskip(
        "selenium.webdriver", reason="selenium is not installed (pip install 'chartparse[test]')")
    from selenium.webdriver.chrome.service import Service

    binary = _find(BROWSERS)
    driver_path = _find(("chromedriver",))
    if binary is None or driver_path is None:
        pytest.skip("no Chromium/chromedriver on this machine (apt-get install chromium "
                    "chromium-driver)")
    options = webdriver.ChromeOptions()
    options.binary_location = binary
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    # An explicit driver path: selenium must not go looking for (or download) one.
    driver = webdriver.Chrome(service=Service(executable_path=driver_path), options=options)
    driver.set_page_load_timeout(60)
    try:
        yield driver
    finally:
        driver.quit()


def _shots(tmp_path: Path) -> Path:
    keep = os.environ.get("CHARTPARSE_REVIEW_SHOTS")
    folder = Path(keep) if keep else tmp_path
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _write_page(tmp_path: Path, path: Path) -> Path:
    view = review_source(read_path(path), "d0", Options(with_plot=True))
    page = tmp_path / f"{path.stem}.html"
    page.write_text(render.page_html([view], title="chartparse review"), encoding="utf-8")
    return page


def _errors(browser: Any) -> list[dict]:
    return [entry for entry in browser.get_log("browser") if entry["level"] == "SEVERE"]


def _classes(element: Any) -> set[str]:
    return set((element.get_attribute("class") or "").split())


def test_clicking_a_point_highlights_its_source_line(browser: Any, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By

    page = _write_page(tmp_path, CORPUS / "example_line.md")
    browser.get(page.as_uri())
    assert _errors(browser) == []
    assert browser.execute_script(
        "return performance.getEntriesByType('resource').length") == 0, "no request of any kind"

    point = "d0-1-2"  # second series, third point
    browser.find_element(By.CSS_SELECTOR, f'svg .pt[data-point="{point}"]').click()
    mark = browser.find_element(By.CSS_SELECTOR, f'mark.claimed[data-point="{point}"]')
    line = mark.find_element(By.XPATH, "./ancestor::li[1]")
    assert "picked" in _classes(mark)
    assert "picked" in _classes(line)
    assert line.get_attribute("id") == "d0-L28"
    cell = browser.find_element(By.CSS_SELECTOR, f'span.cell[data-point="{point}"]')
    assert "picked" in _classes(cell)
    browser.save_screenshot(str(_shots(tmp_path) / "review-point-picked.png"))

    # the reverse: a number in the source picks the plotted point and the table cell
    other = "d0-2-4"
    browser.find_element(By.CSS_SELECTOR, f'mark.claimed[data-point="{other}"]').click()
    dot = browser.find_element(By.CSS_SELECTOR, f'svg .pt[data-point="{other}"]')
    assert "picked" in _classes(dot)
    assert "picked" not in _classes(line), "the earlier pick is cleared"
    assert _errors(browser) == []
    shot = _shots(tmp_path) / "review-example-line.png"
    assert browser.save_screenshot(str(shot)) and shot.stat().st_size > 10_000


def test_clicking_a_bar_picks_its_table_cell(browser: Any, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By

    page = _write_page(tmp_path, CORPUS / "gemini_bar_01.md")
    browser.get(page.as_uri())
    bars = browser.find_elements(By.CSS_SELECTOR, "svg rect.pt[data-point]")
    assert bars, "every bar is a clickable point"
    bars[-1].click()
    point = bars[-1].get_attribute("data-point")
    assert "picked" in _classes(bars[-1])
    cell = browser.find_element(By.CSS_SELECTOR, f'span.cell[data-point="{point}"]')
    assert "picked" in _classes(cell)
    assert _errors(browser) == []
    browser.save_screenshot(str(_shots(tmp_path) / "review-bar-picked.png"))


def test_hostile_text_runs_no_script(browser: Any, tmp_path: Path) -> None:
    from test_review import HOSTILE

    source = from_text(HOSTILE)
    source.path = "hostile.md"
    page = tmp_path / "hostile.html"
    page.write_text(render.page_html([review_source(source, "d0", Options(with_plot=True))],
                                     title="t"), encoding="utf-8")
    browser.get(page.as_uri())
    assert browser.execute_script("return window.__pwned === undefined")
    assert browser.execute_script("return document.querySelectorAll('img, iframe').length") == 0
    assert "<script>window.__pwned = 1</script>" in browser.execute_script(
        "return document.body.innerText")
    assert _errors(browser) == []
    browser.save_screenshot(str(_shots(tmp_path) / "review-hostile.png"))


def test_index_sorts_by_a_clicked_column(browser: Any, tmp_path: Path) -> None:
    from click.testing import CliRunner
    from selenium.webdriver.common.by import By

    from chartparse.cli import main

    site = tmp_path / "site"
    files = [str(CORPUS / f"{stem}.md") for stem in ("example_line", "gemini_bar_01", "gemma_line_01")]
    result = CliRunner().invoke(main, ["review", *files, "-o", str(site), "--no-plot", "--jobs", "1"])
    assert result.exit_code == 0, result.output
    browser.get((site / "index.html").as_uri())
    headings = browser.find_elements(By.CSS_SELECTOR, "table.index th")
    column = [h.text for h in headings].index("points")

    def points() -> list[int]:
        rows = browser.find_elements(By.CSS_SELECTOR, "table.index tbody tr")
        return [int(r.find_elements(By.TAG_NAME, "td")[column].text) for r in rows]

    headings[column].click()
    assert points() == sorted(points(), reverse=True) and len(set(points())) > 1
    headings[column].click()
    assert points() == sorted(points())
    assert _errors(browser) == []
    browser.find_element(By.CSS_SELECTOR, "table.index tbody a").click()
    assert browser.find_elements(By.CSS_SELECTOR, "section.doc"), "the link opens the page"
    assert _errors(browser) == []
