"""``chartparse review``: the page marks every number, links every point, escapes the text."""

from __future__ import annotations

import base64
import hashlib
import json
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

pytest.importorskip("jinja2", reason="chartparse review needs jinja2 (the review extra)")

from chartparse.cli import main
from chartparse.explain import explain_text
from chartparse.review import render
from chartparse.review.site import Options, review_source, worst_first
from chartparse.source import from_text, read_path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
FIXTURES = sorted(CORPUS.glob("*.md"))
NO_PLOT = Options(with_plot=False)

HOSTILE = """# Sales <script>window.__pwned = 1</script> report
* **Chart Type:** bar chart
* **X-Axis:** Labeled "Region"
* **Y-Axis:** Labeled "Sales", from 0 to 100
**"><img src=x onerror="window.__pwned=1"> North</b>**
* 2021: 40
* 2022: 55 <script>alert(1)</script>
**Second <iframe src="http://example.invalid/"></iframe>**
* 2021: 12
* 2022: 20
"""


class Elements(HTMLParser):
    """Every element with its attributes, and the page's text, as a browser would read them."""

    def __init__(self) -> None:
        super().__init__()
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs)))
        self._in_script = tag == "script"

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        (self.scripts if self._in_script else self.text).append(data)

    def having(self, tag: str, css: str | None = None) -> list[dict[str, str | None]]:
        return [attrs for name, attrs in self.elements
                if name == tag and (css is None or css in (attrs.get("class") or "").split())]


def read_html(html: str) -> Elements:
    parser = Elements()
    parser.feed(html)
    parser.close()
    return parser


def page_of(path: Path, key: str = "d0", options: Options = NO_PLOT) -> tuple[str, object]:
    source = read_path(path)
    view = review_source(source, key, options)
    return render.page_html([view], title="t"), explain_text(source.text, source=str(path))


# -- untrusted text ----------------------------------------------------------------------

def test_markup_in_the_description_renders_as_text() -> None:
    source = from_text(HOSTILE)
    source.path = "hostile.md"
    html = render.page_html([review_source(source, "d0", Options(with_plot=True))], title="t")
    page = read_html(html)
    assert len(page.having("script")) == 1, "only the page's own script"
    assert page.having("img") == [] and page.having("iframe") == []
    assert not any(name for attrs in (a for _, a in page.elements) for name in attrs
                   if name.startswith("on")), "no event handler attribute"
    text = "".join(page.text)
    assert "<script>window.__pwned = 1</script>" in text
    assert '"><img src=x onerror="window.__pwned=1"> North' in text
    assert '<iframe src="http://example.invalid/"></iframe>' in text


def test_only_the_pages_own_script_may_run() -> None:
    html, _ = page_of(CORPUS / "example_line.md")
    page = read_html(html)
    (script,) = page.scripts
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    (csp,) = [a["content"] for a in page.having("meta")
              if a.get("http-equiv") == "Content-Security-Policy"]
    assert csp is not None
    assert f"script-src 'sha256-{digest}'" in csp
    assert "default-src 'none'" in csp


# -- every number marked, every point linked -------------------------------------------------

@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.stem)
def test_every_point_has_a_claimed_mark_and_counts_match_explain(path: Path) -> None:
    html, explanation = page_of(path)
    page = read_html(html)
    claimed = page.having("mark", "claimed")
    marked_points = {a["data-point"] for a in claimed if a.get("data-point")}
    chart = explanation.chart  # type: ignore[attr-defined]
    points = {f"d0-{si}-{pi}" for si, s in enumerate(chart.series) for pi in range(len(s.points))}
    assert points - marked_points == set(), "points with no claimed number in the source"
    assert all(a.get("data-rule") and a.get("data-role") for a in claimed)
    assert len(page.having("mark", "unclaimed")) == explanation.unclaimed  # type: ignore[attr-defined]
    assert len(page.having("mark", "rejected")) == explanation.rejected  # type: ignore[attr-defined]
    assert len(claimed) == explanation.claimed  # type: ignore[attr-defined]
    cells = {a["data-point"] for a in page.having("span", "cell")}
    assert cells == points, "the data table holds every point once"


def test_the_source_lines_are_the_text_line_for_line() -> None:
    path = CORPUS / "example_line.md"
    page = read_html(page_of(path)[0])
    lines = page.having("li", "line")
    text = path.read_text(encoding="utf-8")
    assert len(lines) == len(text.splitlines())
    assert [a["id"] for a in lines[:2]] == ["d0-L1", "d0-L2"]
    assert "Validation Loss vs. Training Tokens" in "".join(page.text)


def test_rejected_numbers_carry_their_reason() -> None:
    html, explanation = page_of(CORPUS / "example_line.md")
    reasons = [n.reason for ln in explanation.lines  # type: ignore[attr-defined]
               for n in ln.numbers if n.claimed_by is None and n.reason]
    assert reasons, "the example has numbers rejected on purpose (observations, interpretation)"
    assert [a["data-reason"] for a in read_html(html).having("mark", "rejected")] == reasons


def test_diagnostics_link_to_their_line() -> None:
    text = "# T\n* **Chart Type:** line chart\n* **X-Axis:** x\n* **Y-Axis:** y\n"
    source = from_text(text)
    source.path = "x.md"
    view = review_source(source, "d3", NO_PLOT)
    view.diagnostics.append(render_diag := _diagnostic(line=2))
    html = render.page_html([view], title="t")
    page = read_html(html)
    links = [a["href"] for a in page.having("a") if a.get("href") == "#d3-L2"]
    assert len(links) == 2, "the diagnostic links its line (and the line links itself)"
    assert render_diag.message in "".join(page.text)


def _diagnostic(line: int):
    from chartparse.models import Diagnostic

    return Diagnostic(severity="warning", code="test-code", message="a test diagnostic", line=line)


def test_header_shows_kind_title_and_counts() -> None:
    html, explanation = page_of(CORPUS / "example_line.md")
    text = " ".join(" ".join(read_html(html).text).split())
    chart = explanation.chart  # type: ignore[attr-defined]
    assert chart.title in text and chart.kind in text
    assert f"{sum(len(s.points) for s in chart.series)} points" in text
    assert f"{len(chart.series)} series" in text
    assert f"{explanation.unclaimed} unclaimed" in text  # type: ignore[attr-defined]


def _plotted(page: object) -> set[str | None]:
    """The ids of the points drawn in the re-plot (the clickable marks of our SVG, or the
    hotspots laid over matplotlib's)."""
    return {a["data-point"] for tag, a in page.elements  # type: ignore[attr-defined]
            if {"pt", "hot"} & set((a.get("class") or "").split()) and a.get("data-point")}


def test_every_point_of_a_line_chart_is_a_clickable_mark_of_the_plot() -> None:
    html, explanation = page_of(CORPUS / "example_line.md", options=Options(with_plot=True))
    page = read_html(html)
    assert page.having("svg"), "the re-plot is inline SVG"
    chart = explanation.chart  # type: ignore[attr-defined]
    assert _plotted(page) == {f"d0-{si}-{pi}" for si, s in enumerate(chart.series)
                              for pi in range(len(s.points))}
    assert len(html) < 60_000, "a light page"


KIND_SEEDS = ["gemini_bar_01", "nemotron_bar_02", "nemotron_scatter_04", "gemma_heatmap_03",
              "techdoc_heatmap_04", "default_pie_01", "gemini_pie_07", "gemini3_histogram_01",
              "nemotron_box_03"]


@pytest.mark.parametrize("plotter", ["svg", pytest.param("matplotlib", marks=pytest.mark.slow)])
@pytest.mark.parametrize("stem", KIND_SEEDS)
def test_every_kind_links_its_plotted_points(stem: str, plotter: str) -> None:
    if plotter == "matplotlib":
        pytest.importorskip("matplotlib")
    html, explanation = page_of(CORPUS / f"{stem}.md",
                                options=Options(with_plot=True, plotter=plotter))
    chart = explanation.chart  # type: ignore[attr-defined]
    drawn = {f"d0-{si}-{pi}" for si, s in enumerate(chart.series) for pi, p in enumerate(s.points)
             if chart.kind != "pie" or p.y > 0}  # a pie draws no wedge for zero
    assert drawn and _plotted(read_html(html)) == drawn


def test_plot_matplotlib_is_an_option_of_the_command(tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    out = tmp_path / "r.html"
    result = CliRunner().invoke(main, ["review", str(CORPUS / "gemini_bar_01.md"), "-o", str(out),
                                       "--plot", "matplotlib"])
    assert result.exit_code == 0, result.output
    page = read_html(out.read_text(encoding="utf-8"))
    assert page.having("circle", "hot") and not page.having("rect", "pt")


# -- the command ---------------------------------------------------------------------------

def test_one_page_for_several_files(tmp_path: Path) -> None:
    out = tmp_path / "review.html"
    files = [str(CORPUS / "example_line.md"), str(CORPUS / "gemini_bar_01.md")]
    result = CliRunner().invoke(main, ["review", *files, "-o", str(out), "--no-plot"])
    assert result.exit_code == 0, result.output
    page = read_html(out.read_text(encoding="utf-8"))
    assert [a["id"] for a in page.having("section", "doc")] == ["d0", "d1"]
    assert [a["data-source"] for a in page.having("section", "doc")] == files


def _site_inputs(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "clean.md").write_text("# Clean\n* **Chart Type:** line chart\n**A**\n* 1: 2\n* 2: 3\n",
                                     encoding="utf-8")
    (folder / "noisy.md").write_text("# Noisy\n* **Chart Type:** line chart\n**A**\n* 1: 2\n"
                                     "Around 7 of 9 and 11 more.\n", encoding="utf-8")
    (folder / "broken.md").write_bytes(b"\x00\x01\x02binary\x00" * 20)
    return folder


@pytest.mark.parametrize("jobs", ["1", pytest.param("2", marks=pytest.mark.slow)])
def test_site_lists_every_page_worst_first(tmp_path: Path, jobs: str) -> None:
    folder = _site_inputs(tmp_path)
    site = tmp_path / "site"
    result = CliRunner().invoke(main, ["review", str(folder), "-o", str(site), "--no-plot",
                                       "--jobs", jobs])
    assert result.exit_code == 1, "a broken input is reported"
    assert "broken.md" in result.output
    index = read_html((site / "index.html").read_text(encoding="utf-8"))
    links = [a["href"] for a in index.having("a")]
    assert [Path(h).name.split("-", 1)[1] for h in links] == ["noisy.html", "clean.html"]
    for href in links:
        assert href is not None and (site / href).is_file()
    assert "broken.md" in "".join(index.text)
    page = read_html((site / links[0]).read_text(encoding="utf-8"))
    assert len(page.having("mark", "unclaimed")) == 3


def test_worst_first_puts_errors_before_unclaimed_numbers() -> None:
    rows = [{"source": s, "errors": e, "unclaimed": u, "unlinked_points": 0, "warnings": 0}
            for s, e, u in [("a", 0, 9), ("b", 1, 0), ("c", 0, 0), ("d", 0, 20)]]
    assert [r["source"] for r in sorted(rows, key=worst_first)] == ["b", "d", "a", "c"]


def test_a_missing_jinja2_is_a_one_line_message(monkeypatch: pytest.MonkeyPatch,
                                                tmp_path: Path) -> None:
    monkeypatch.setitem(sys.modules, "jinja2", None)
    render.environment.cache_clear()
    try:
        result = CliRunner().invoke(main, ["review", str(CORPUS / "example_line.md"),
                                           "-o", str(tmp_path / "r.html")])
    finally:
        render.environment.cache_clear()
    assert result.exit_code == 1
    assert "pip install 'chartparse[review]'" in result.output
    assert not (tmp_path / "r.html").exists()


def test_an_output_that_is_a_file_but_not_html_is_a_usage_error(tmp_path: Path) -> None:
    target = tmp_path / "site.txt"
    target.write_text("x", encoding="utf-8")
    result = CliRunner().invoke(main, ["review", str(CORPUS / "example_line.md"), "-o", str(target)])
    assert result.exit_code == 2 and "not a folder" in result.output


@pytest.mark.slow
def test_convert_does_not_import_the_review_code() -> None:
    probe = ("import sys, json; from chartparse.cli import main\n"
             "try:\n    main([sys.argv[1], '--to', 'json'], prog_name='chartparse')\n"
             "except SystemExit: pass\n"
             "print(json.dumps(sorted(m for m in sys.modules "
             "if m.startswith(('jinja2', 'chartparse.review', 'chartparse.explain')))))")
    done = subprocess.run([sys.executable, "-c", probe, str(CORPUS / "example_line.md")],
                          capture_output=True, text=True, timeout=120, check=False)
    assert json.loads(done.stdout.strip().splitlines()[-1]) == [], done.stderr


def test_batch_output_stands_for_its_source_files(tmp_path: Path) -> None:
    folder = _site_inputs(tmp_path)
    (folder / "broken.md").unlink()
    records = tmp_path / "out.jsonl"
    done = CliRunner().invoke(main, ["batch", str(folder), "-o", str(records), "-q", "--jobs", "1"])
    assert done.exit_code == 0, done.output
    with records.open("a", encoding="utf-8") as fh:
        fh.write(json.dumps({"schema_version": "1", "source": "data.parquet#7"}) + "\n")
    site = tmp_path / "site"
    result = CliRunner().invoke(main, ["review", str(records), "-o", str(site), "--no-plot"])
    assert result.exit_code == 1, "the dataset row cannot be read again"
    assert "data.parquet#7" in result.output and "review the dataset itself" in result.output
    index = read_html((site / "index.html").read_text(encoding="utf-8"))
    assert sorted(Path(str(a["href"])).name.split("-", 1)[1] for a in index.having("a")) == [
        "clean.html", "noisy.html"]


def test_a_jsonl_dataset_of_texts_is_read_row_by_row(tmp_path: Path) -> None:
    data = tmp_path / "texts.jsonl"
    rows = [{"id": "a", "text": (CORPUS / "example_line.md").read_text(encoding="utf-8")},
            {"id": "b", "text": "# Only a title\n"}]
    data.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    out = tmp_path / "r.html"
    result = CliRunner().invoke(main, ["review", str(data), "-o", str(out), "--no-plot"])
    assert result.exit_code == 0, result.output
    docs = read_html(out.read_text(encoding="utf-8")).having("section", "doc")
    assert [a["data-source"] for a in docs] == [f"{data}#a", f"{data}#b"]


def test_a_mostly_empty_series_by_x_table_is_listed_point_by_point() -> None:
    from chartparse.review.view import MAX_SPARSE_CELLS

    series = 60
    blocks = "".join(f"**S{i}**\n* {i * 10 + 1}: {i}\n* {i * 10 + 2}: {i + 1}\n" for i in range(series))
    source = from_text("# Sparse\n* **Chart Type:** line chart\n" + blocks)
    source.path = "sparse.md"
    view = review_source(source, "d0", NO_PLOT)
    assert view.counts["points"] == 2 * series and view.counts["series"] == series
    assert series * 2 * series > MAX_SPARSE_CELLS, "the matrix would be mostly empty"
    page = read_html(render.page_html([view], title="t"))
    header = [a for a in page.having("th")]
    assert len(header) < 4 * series, "no column per x"
    cells = [a["data-point"] for a in page.having("span", "cell")]
    assert sorted(cells) == sorted(f"d0-{si}-{pi}" for si in range(series) for pi in range(2))
