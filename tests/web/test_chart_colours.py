"""Chart and map colours (WCAG 1.4.11 non-text contrast, 1.4.1 use of colour): on the dashboard as drawn, every
bar, line, map area with figures, Sankey node and link reaches 3:1 against the card behind it (links blended at
their opacity), a map's colours also against the fill of countries without figures, and no figure is carried
by colour alone (bars and nodes labelled, the maps' scale shows numbers, every figure is in the table view).

The colours are read from the page in the browser, as ECharts computed them for each item (the palette, the
map's scale applied to each country's count), not copied from ``dashboard.js``. The OSINT cluster page's
network drawing (SVG, styled by ``workbench.css``) is checked the same way, from its computed styles.
"""

from __future__ import annotations

import json
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from playwright.sync_api import expect

from tests.web.crawl import log_in
from tests.web.test_accessibility import small_dataset  # noqa: F401  (fixture used by name)
from tests.web.test_mongolian_pages import ADS

# For each chart drawn: the colours of its marks as ECharts computed them (item visuals), what it shows as text,
# and the colour of the card behind it. ``getModel()`` is how ECharts' own extensions read item visuals.
MARKS_JS = """
() => [...document.querySelectorAll("[data-chart]")].map(card => {
  const el = card.querySelector("[data-role=canvas]");
  const chart = el && echarts.getInstanceByDom(el);
  if (!chart) return null;
  let bg = "rgba(0, 0, 0, 0)";
  for (let a = el; a && /rgba\\(0, 0, 0, 0\\)|transparent/.test(bg); a = a.parentElement) bg = getComputedStyle(a).backgroundColor;
  const option = chart.getOption();
  const marks = [];
  let noData = null;
  let labelled = true;
  chart.getModel().getSeries().forEach(series => {
    const data = series.getData();
    const kind = series.subType;
    for (let i = 0; i < data.count(); i++) {
      const style = data.getItemVisual(i, "style");
      if (kind === "map" && isNaN(data.get("value", i))) continue;  // a country without figures
      marks.push({what: `${kind} ${data.getName(i)}`, colour: style.fill, opacity: 1});
    }
    if (kind === "line") {
      marks.push({what: "line", colour: series.getModel("lineStyle").get("color") || data.getVisual("style").fill,
                  opacity: series.getModel("lineStyle").get("opacity") ?? 1});
    }
    if (kind === "map") noData = series.getModel("itemStyle").get("areaColor");
    if (kind === "sankey") {
      const edges = series.getEdgeData();
      const graph = series.getGraph();
      for (let i = 0; i < edges.count(); i++) {
        const edge = graph.getEdgeByIndex(i);
        const lineStyle = edges.getItemModel(i).getModel("lineStyle");
        const colour = lineStyle.get("color") === "source" ? edge.node1.getVisual("style").fill : lineStyle.get("color");
        marks.push({what: `sankey link ${edge.node1.id} → ${edge.node2.id}`, colour, opacity: lineStyle.get("opacity")});
      }
      labelled = labelled && series.getModel("label").get("show") !== false;
    }
    if (kind === "bar") labelled = labelled && series.getModel("label").get("show") === true;
  });
  const scale = (option.visualMap || [])[0];
  return {
    chart: card.dataset.chart, background: bg, marks, noData, labelled,
    scaleWithNumbers: scale ? scale.show !== false && (scale.calculable || !!scale.text) : null,
    points: chart.getModel().getSeries().reduce((n, s) => n + (s.subType === "sankey" ? s.getEdgeData().count() : s.getData().count()), 0),
    tableRows: card.querySelectorAll("[data-role=table] tbody th[scope=row]").length,
    mapped: chart.getModel().getSeries().reduce((n, s) => n + (s.subType === "map" ? s.getData().mapArray(["value"], v => !isNaN(v)).filter(Boolean).length : 0), 0),
  };
}).filter(Boolean)
"""


def _rgb(colour: str) -> tuple[tuple[float, float, float], float]:
    """``#rrggbb``, ``#rgb``, ``rgb(...)`` or ``rgba(...)``: the channels (0-255) and the alpha."""
    colour = colour.strip().lower()
    if colour.startswith("#"):
        digits = colour[1:]
        if len(digits) == 3:
            digits = "".join(d * 2 for d in digits)
        return tuple(int(digits[i:i + 2], 16) for i in (0, 2, 4)), 1.0
    values = [float(v) for v in re.findall(r"[\d.]+", colour)]
    return tuple(values[:3]), values[3] if len(values) > 3 else 1.0


WHITE = (255.0, 255.0, 255.0)


def _over(colour: str, opacity: float | None = 1.0, background: tuple[float, float, float] = WHITE,
          ) -> tuple[float, float, float]:
    """What the eye sees: the colour at its opacity (and alpha) over the background."""
    fg, alpha = _rgb(colour)
    a = alpha * (1.0 if opacity is None else opacity)
    return tuple(a * f + (1 - a) * b for f, b in zip(fg, background, strict=True))


def _luminance(rgb: tuple[float, float, float]) -> float:
    def linear(c: float) -> float:
        c /= 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = map(linear, rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: tuple[float, float, float], b: tuple[float, float, float]) -> float:
    """WCAG 2 contrast ratio of two colours."""
    light, dark = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_contrast_follows_wcag():
    assert contrast((255, 255, 255), (0, 0, 0)) == pytest.approx(21)
    assert contrast(_over("#767676"), WHITE) == pytest.approx(4.54, abs=0.01)
    assert _over("rgba(0, 0, 0, 0.5)") == _over("#000", 0.5) == (127.5, 127.5, 127.5)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("small_dataset")
def test_chart_colours_stand_out_and_never_carry_a_figure_alone(page, live_server, make_user):
    make_user("analyst", role="data_analyst")
    log_in(page, live_server, "analyst")
    page.goto(f"{live_server.url}/dashboard/")
    expect(page.locator("[aria-busy=true]")).to_have_count(0)
    charts = page.evaluate(MARKS_JS)
    kinds = {mark["what"].split()[0] for chart in charts for mark in chart["marks"]}
    assert {"bar", "line", "map", "sankey"} <= kinds, kinds  # every kind of chart was drawn and checked

    failures = []
    for chart in charts:
        background = _over(chart["background"])
        against = {"the card": background}
        if chart["noData"]:
            against["countries without figures"] = _over(chart["noData"])
        for mark in chart["marks"]:
            seen = _over(mark["colour"], mark["opacity"], background)
            for name, other in against.items():
                ratio = contrast(seen, other)
                if ratio < 3:
                    failures.append(f"{chart['chart']}: {mark['what']} {mark['colour']} (opacity "
                                    f"{mark['opacity']}) is {ratio:.2f}:1 against {name}, under 3:1")
        # not by colour alone: every figure also in words
        if chart["scaleWithNumbers"] is not None:
            assert chart["scaleWithNumbers"], f"{chart['chart']}: the map's colour scale shows no numbers"
            assert chart["tableRows"] >= chart["mapped"], f"{chart['chart']}: countries drawn missing from the table"
        else:
            assert chart["tableRows"] == chart["points"], f"{chart['chart']}: the table view lacks figures drawn"
        assert chart["labelled"], f"{chart['chart']}: bars or nodes without labels"
    assert not failures, "\n".join(failures)


# The network drawing of an OSINT cluster: each line and node with its computed colour, and the drawing's
# background.
NETWORK_JS = """
() => {
  const svg = document.querySelector("svg.network");
  return {background: getComputedStyle(svg).backgroundColor, marks: [...svg.querySelectorAll("line, circle")].map(el => {
    const style = getComputedStyle(el);
    const line = el.tagName === "line";
    return {what: line ? el.getAttribute("class") : el.closest("g").getAttribute("class"),
            colour: line ? style.stroke : style.fill, opacity: Number(style.opacity)};
  })};
}
"""


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_osint_network_lines_and_nodes_stand_out(page, live_server, make_user, tmp_path, monkeypatch):
    from ctip.workbench.services import scan_create

    monkeypatch.setenv("CTIP_HOME", str(tmp_path))
    police = make_user("police", role="police_analyst")
    lines = "\n".join(json.dumps(ad) for ad in ADS).encode()
    scan = scan_create(user=police, name="March ads", files=[SimpleUploadedFile("ads.jsonl", lines)])
    log_in(page, live_server, "police")
    page.goto(f"{live_server.url}/osint/{scan.id}/clusters/c00001/")
    drawing = page.evaluate(NETWORK_JS)
    background = _over(drawing["background"])
    kinds = {mark["what"] for mark in drawing["marks"]}
    assert {"edge edge-carries", "node node-post", "node node-phone"} <= kinds, kinds
    low = [f"{m['what']} {m['colour']}: {contrast(_over(m['colour'], m['opacity'], background), background):.2f}:1"
           for m in drawing["marks"] if contrast(_over(m["colour"], m["opacity"], background), background) < 3]
    assert not low, f"under 3:1 against the drawing's background: {sorted(set(low))}"
