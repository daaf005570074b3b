/* ctip dashboards: fetch each chart's JSON, draw it with Apache ECharts, fill its table view,
   and offer CSV and image downloads. Data and strings come from json_script blocks (no inline JS).
   This script runs before the ECharts bundle is parsed, so that the figures are requested while the
   browser is still parsing the chart library; drawing waits for the document (and ECharts). */
(function () {
  "use strict";

  var config = JSON.parse(document.getElementById("dashboard-config").textContent);
  var text = JSON.parse(document.getElementById("dashboard-messages").textContent);
  var lang = document.documentElement.lang || "en";
  var worldMap = null;
  // Colours (WCAG 1.4.11, docs/accessibility.md): every mark reaches 3:1 against the white card.
  // SERIES: Okabe–Ito's colour-blind-safe hues (blue, vermillion, bluish green, reddish purple, orange) and a
  // slate grey, each darkened until it reaches 4.5:1, so that the Sankey's links, drawn at LINK_OPACITY, still
  // reach 3:1 (sky blue and yellow are left out: darkened, they match blue and orange).
  // SCALE: the maps' sequential scale, viridis from teal (fewest) to dark purple (most), cut where it would fall
  // under 3:1 against the card and against NO_DATA, the fill of countries without figures. BORDER: country
  // outlines (4.5:1). Colour never carries a figure alone: bars and nodes are labelled, the maps have a scale
  // with numbers, and each chart has a table view.
  var PALETTE = {
    series: ["#0072b2", "#c35600", "#008762", "#bc4f8b", "#9c6c00", "#5f6b7a"],
    scale: ["#21918c", "#2a788e", "#3b528b", "#440154"],
    noData: "#f2f2f2",
    border: "#767676",
    linkOpacity: 0.8
  };
  var charts = {};
  var documentReady = new Promise(function (resolve) {
    if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", function () { resolve(); });
    } else {
      resolve();
    }
  });

  // Numbers in the page's language; a rate per 100,000 in a large country is tiny (0.0000712): below 0.001 it
  // keeps three significant digits instead of showing a bare 0.
  function fmt(n) {
    if (n === null || n === undefined) { return "–"; }
    var tiny = n !== 0 && Math.abs(n) < 0.001;
    return Number(n).toLocaleString(lang, tiny ? {maximumSignificantDigits: 3} : undefined);
  }

  function loadWorld() {
    if (!worldMap) {
      var shapes = fetch(config.geojson).then(function (r) { return r.json(); });
      worldMap = Promise.all([shapes, documentReady]).then(function (loaded) {
        performance.mark("world-parsed");
        echarts.registerMap("world", loaded[0]);
      });
    }
    return worldMap;
  }

  function tableRows(payload) {
    if (payload.kind === "sankey") {
      return payload.rows.map(function (r) { return [r.source_label, r.target_label, r.count]; });
    }
    if (payload.kind === "headline") {
      return payload.rows.map(function (r) { return [r.label, r.value, r.detail]; });
    }
    if (payload.kind === "rate") {
      return payload.rows.map(function (r) { return [r.label, r.count, r.population, r.rate]; });
    }
    return payload.rows.map(function (r) { return [r.label, r.count, r.share]; });
  }

  function fillTable(card, payload) {
    var table = card.querySelector("[data-role=table]");
    table.querySelector("[data-role=caption]").textContent = payload.title;
    var head = table.querySelector("thead");
    var body = table.querySelector("tbody");
    head.innerHTML = "";
    body.innerHTML = "";
    var tr = document.createElement("tr");
    payload.columns.forEach(function (c) {
      var th = document.createElement("th");
      th.scope = "col";
      th.textContent = c;
      tr.appendChild(th);
    });
    head.appendChild(tr);
    tableRows(payload).forEach(function (row) {
      var r = document.createElement("tr");
      row.forEach(function (value, i) {
        // the first column names the row: a row header, read out with each of the row's figures
        var td = document.createElement(i === 0 ? "th" : "td");
        if (i === 0) { td.scope = "row"; }
        td.textContent = typeof value === "number" ? fmt(value) : (value === null ? "–" : value);
        r.appendChild(td);
      });
      body.appendChild(r);
    });
    if (!body.rows.length) {  // an empty table reads as broken: one row spanning the columns says why
      var empty = document.createElement("tr");
      var cell = document.createElement("td");
      cell.colSpan = payload.columns.length;
      cell.textContent = text.noData;
      empty.appendChild(cell);
      body.appendChild(empty);
    }
  }

  // Text that a spreadsheet would run as a formula gets a leading quote (as ctip.exchange.safe_csv does).
  function csvCell(value) {
    var s = value === null || value === undefined ? "" : String(value);
    if (typeof value === "string" && /^[=+\-@\t\r]/.test(s) && !/^[+-]?\d+(\.\d+)?$/.test(s)) { s = "'" + s; }
    return /[",\n\r;]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
  }

  function download(href, name) {
    var a = document.createElement("a");
    a.href = href;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
  }

  function downloadCsv(chart, payload) {
    var lines = [payload.columns].concat(tableRows(payload)).map(function (row) {
      return row.map(csvCell).join(",");
    });
    var blob = new Blob(["\ufeff" + lines.join("\r\n") + "\r\n"], {type: "text/csv;charset=utf-8"});
    var url = URL.createObjectURL(blob);
    download(url, "ctip-" + chart + ".csv");
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
  }

  // ECharts inserts a tooltip formatter's result as HTML: every label is escaped first.
  function escapeHtml(value) { return echarts.format.encodeHTML(value); }

  function tooltipFor(payload) {
    return function (p) {
      var row = p.data && p.data.row;
      if (!row) { return escapeHtml(p.name); }
      var share = row.share === null || row.share === undefined ? "" : " (" + fmt(row.share) + " %)";
      return escapeHtml(row.label) + ": " + fmt(row.count) + share;
    };
  }

  // On a narrow screen (a phone, or 400 % zoom) the category names get less room, so that the bars and their
  // figures stay in view (WCAG 1.4.10; the full names are in the tooltips and the table view), and the value
  // axis has fewer ticks, so that its numbers do not run into each other.
  function categoryAxis(rows, width) {
    return {type: "category", data: rows.map(function (r) { return r.label; }),
            axisLabel: {width: Math.max(72, Math.min(220, Math.round(width * 0.4))), overflow: "truncate"}};
  }

  function valueTicks(width) { return width < 480 ? 3 : 5; }

  function barOption(payload, width) {
    var rows = payload.rows.slice().reverse();
    return {
      grid: {left: 8, right: 56, top: 8, bottom: 8, containLabel: true},
      tooltip: {trigger: "item", formatter: tooltipFor(payload)},
      xAxis: {type: "value", name: text.victims, nameLocation: "middle", nameGap: 24, splitNumber: valueTicks(width)},
      yAxis: categoryAxis(rows, width),
      series: [{type: "bar", data: rows.map(function (r) { return {value: r.count, row: r}; }),
                label: {show: true, position: "right", formatter: function (p) {
                  var r = p.data.row;
                  return r.share === null ? fmt(r.count) : fmt(r.share) + " %";
                }}}]
    };
  }

  // SDG 16.2.2: one bar per country, its length the rate per 100,000 population.
  function rateOption(payload, width) {
    var rows = payload.rows.slice().reverse();
    return {
      grid: {left: 8, right: 56, top: 8, bottom: 8, containLabel: true},
      tooltip: {trigger: "item", formatter: function (p) {
        var r = p.data.row;
        return escapeHtml(r.label) + ": " + fmt(r.rate) + " (" + fmt(r.count) + " / " + fmt(r.population) + ")";
      }},
      xAxis: {type: "value", name: text.per100k, nameLocation: "middle", nameGap: 24, splitNumber: valueTicks(width)},
      yAxis: categoryAxis(rows, width),
      series: [{type: "bar", data: rows.map(function (r) { return {value: r.rate, row: r}; }),
                label: {show: true, position: "right", formatter: function (p) { return fmt(p.data.row.rate); }}}]
    };
  }

  function lineOption(payload) {
    return {
      grid: {left: 8, right: 24, top: 24, bottom: 8, containLabel: true},
      tooltip: {trigger: "item", formatter: tooltipFor(payload)},
      xAxis: {type: "category", name: text.year, data: payload.rows.map(function (r) { return r.label; })},
      yAxis: {type: "value", name: text.victims},
      series: [{type: "line", smooth: false, symbolSize: 8,
                data: payload.rows.map(function (r) { return {value: r.count, row: r}; })}]
    };
  }

  function mapOption(payload) {
    var max = payload.rows.reduce(function (m, r) { return Math.max(m, r.count); }, 0);
    return {
      tooltip: {trigger: "item", formatter: tooltipFor(payload)},
      visualMap: {min: 0, max: max || 1, left: 8, bottom: 8, calculable: true,
                  inRange: {color: PALETTE.scale}},
      series: [{type: "map", map: "world", nameProperty: "iso3", roam: true,
                itemStyle: {areaColor: PALETTE.noData, borderColor: PALETTE.border, borderWidth: 0.5},
                emphasis: {label: {show: false}},
                data: payload.rows.map(function (r) { return {name: r.code, value: r.count, row: r}; })}]
    };
  }

  function sankeyOption(payload) {
    var nodes = {};
    var names = {};
    payload.rows.forEach(function (r) {
      nodes["from:" + r.source] = true;
      nodes["to:" + r.target] = true;
      names["from:" + r.source] = r.source_label;
      names["to:" + r.target] = r.target_label;
    });
    return {
      tooltip: {trigger: "item", formatter: function (p) {
        if (p.dataType === "edge") {
          return escapeHtml(names[p.data.source]) + " → " + escapeHtml(names[p.data.target]) + ": " +
            fmt(p.data.value);
        }
        return escapeHtml(names[p.name]) + ": " + fmt(p.value);
      }},
      series: [{type: "sankey", left: 8, right: 140, nodeGap: 6, emphasis: {focus: "adjacency"},
                lineStyle: {color: "source", opacity: PALETTE.linkOpacity},
                // a node's name is drawn over the links leaving it: dark text on a light box stays legible
                label: {formatter: function (p) { return names[p.name]; }, color: "#1d2430", textBorderWidth: 0,
                        backgroundColor: "rgba(255, 255, 255, 0.9)", padding: [2, 4], lineHeight: 16, borderRadius: 2},
                data: Object.keys(nodes).map(function (n) { return {name: n}; }),
                links: payload.rows.map(function (r) {
                  return {source: "from:" + r.source, target: "to:" + r.target, value: r.count};
                })}]
    };
  }

  function headline(card, payload) {
    var box = card.querySelector("[data-role=figures]");
    box.innerHTML = "";
    var dl = document.createElement("dl");
    payload.rows.forEach(function (r) {
      var div = document.createElement("div");
      div.className = "figure figure-" + r.code;
      var dt = document.createElement("dt");
      dt.textContent = r.label;
      var dd = document.createElement("dd");
      var strong = document.createElement("strong");
      strong.textContent = r.value;
      var small = document.createElement("span");
      small.className = "note";
      small.textContent = r.detail;
      dd.appendChild(strong);
      dd.appendChild(document.createElement("br"));
      dd.appendChild(small);
      div.appendChild(dt);
      div.appendChild(dd);
      dl.appendChild(div);
    });
    box.appendChild(dl);
  }

  var OPTIONS = {bar: barOption, line: lineOption, map: mapOption, sankey: sankeyOption, rate: rateOption};

  function optionFor(payload, canvas) {
    var option = OPTIONS[payload.kind](payload, canvas.clientWidth);
    option.animation = false;  // figures, not a show: drawn at once (and nothing moves for those who get dizzy)
    option.color = PALETTE.series;
    return option;
  }

  function draw(card, name, payload) {
    card.querySelector("[data-role=title]").textContent = payload.title;
    card.querySelector("[data-role=note]").textContent = payload.note || "";
    fillTable(card, payload);
    card.querySelector("[data-role=csv]").onclick = function () { downloadCsv(name, payload); };
    if (payload.kind === "headline") {
      headline(card, payload);
      return Promise.resolve();
    }
    var canvas = card.querySelector("[data-role=canvas]");
    if (!payload.rows.length) {
      canvas.classList.add("empty");
      canvas.textContent = text.noData;
      return Promise.resolve();
    }
    var ready = payload.kind === "map" ? loadWorld() : Promise.resolve();
    return ready.then(function () {
      var chart = echarts.init(canvas, null, {renderer: "canvas"});
      chart.setOption(optionFor(payload, canvas));
      charts[name] = {chart: chart, payload: payload, canvas: canvas};
      card.querySelector("[data-role=png]").onclick = function () {
        download(chart.getDataURL({type: "png", pixelRatio: 2, backgroundColor: "#fff"}), "ctip-" + name + ".png");
      };
    });
  }

  function load(card) {
    var name = card.getAttribute("data-chart");
    var url = config.chartUrl.replace("CHART", name) + (config.query ? "?" + config.query : "");
    return fetch(url, {credentials: "same-origin", headers: {Accept: "application/json"}})
      .then(function (r) {
        if (!r.ok) { throw new Error(r.status); }
        return r.json();
      })
      .then(function (payload) {
        performance.mark("data:" + name);
        return documentReady.then(function () { return draw(card, name, payload); });
      })
      .then(function () { performance.mark("drawn:" + name); })
      .catch(function () {
        var note = card.querySelector("[data-role=note]");
        note.textContent = text.error;
        note.setAttribute("role", "alert");
      })
      .then(function () { card.setAttribute("aria-busy", "false"); });
  }

  var cards = Array.prototype.slice.call(document.querySelectorAll("[data-chart]"));
  // The country shapes are fetched and parsed while the figures are computed, not after them.
  if (cards.some(function (card) { return card.getAttribute("data-chart").indexOf("map_") === 0; })) {
    loadWorld().catch(function () { /* reported on the map cards */ });
  }
  Promise.all(cards.map(load)).then(function () { document.body.setAttribute("data-dashboard", "ready"); });
  window.addEventListener("resize", function () {
    Object.keys(charts).forEach(function (k) {  // redrawn for the new width, not only stretched
      var drawn = charts[k];
      drawn.chart.resize();
      drawn.chart.setOption(optionFor(drawn.payload, drawn.canvas));
    });
  });
}());
