/* Outcomes Hub: the culture star (stars/culture-star/).
 *
 * Score each point for one or two readings. The star on the page is drawn by
 * the build (templates/_star.svg.j2 from hub/model/star.py, the same drawing
 * as the PDFs), with each axis's end point in data-x and data-y and an empty
 * shape and markers for each reading: a score s puts its point at the axis's
 * end × s / data-scale-max, so this script does no geometry of its own. The
 * first reading is filled with circles, the second dashed with squares, so
 * they differ without colour; a key names them, a table gives the scores (with
 * the change and the averages) and the figure caption says it in words.
 *
 * Scores live in the address, so they survive a reload and can be bookmarked:
 * #first=6,4,0,...&second=...&first-name=Now&second-name=Later&title=...
 * (0 is not scored). The star can be downloaded as SVG, PNG or PDF (made by
 * culture-star-downloads.js, loaded on the first download) and printed on a
 * page of its own.
 */
"use strict";

/* The site's assets/ folder, for the star's downloads (culture-star-downloads.js, and for the PDF pack.js,
   pdf-lib and the fonts), from file:// too. */
const STAR_ASSETS = (function () {
  const script = document.currentScript;
  return script && script.src ? script.src.replace(/javascripts\/culture-star\.js(?:\?.*)?$/, "") : "";
})();

Hub.enhance("[data-hub-star]", function (tool) {
  const chart = tool.querySelector("[data-star-chart]");
  const star = chart.querySelector("svg");
  const top = Number(star.dataset.scaleMax) || Number(tool.dataset.scaleMax) || 10;
  const rows = Array.from(tool.querySelectorAll("table.hub-star-scores tbody tr[data-point]"));
  const axes = {};
  star.querySelectorAll("line.star-axis").forEach(function (line) {
    axes[line.dataset.key] = { x: Number(line.dataset.x), y: Number(line.dataset.y) };
  });
  const points = rows.map(function (row) {
    return { key: row.dataset.point, name: row.querySelector(".hub-star-point-name").textContent.trim() };
  });
  const selects = { 1: [], 2: [] };
  rows.forEach(function (row) {
    row.querySelectorAll("select").forEach(function (select) {
      selects[select.dataset.reading].push(select);
    });
  });
  const nameInputs = { 1: tool.querySelector('[data-star-name="1"]'), 2: tool.querySelector('[data-star-name="2"]') };
  const titleInput = tool.querySelector("[data-star-title]");
  const heading = tool.querySelector("[data-star-heading]");
  const legend = tool.querySelector("[data-star-legend]");
  const results = tool.querySelector("[data-star-results]");
  const summary = tool.querySelector("[data-star-summary]");
  const status = tool.querySelector("[data-star-status]");
  const source = tool.querySelector("[data-star-source]");
  const HASH_KEYS = { 1: "first", 2: "second" };
  const DEFAULT_NAMES = { 1: "Now", 2: "Later" };
  const KINDS = { 1: "filled shape, circles", 2: "dashed outline, squares" };

  function scores(reading) {
    return selects[reading].map(function (select) {
      return Number(select.value) || 0;
    });
  }

  function readingName(reading) {
    return nameInputs[reading].value.trim() || DEFAULT_NAMES[reading];
  }

  function title() {
    return titleInput.value.trim();
  }

  function save() {
    const params = new URLSearchParams();
    [1, 2].forEach(function (reading) {
      const values = scores(reading);
      if (values.some(Boolean)) params.set(HASH_KEYS[reading], values.join(","));
      if (readingName(reading) !== DEFAULT_NAMES[reading]) params.set(HASH_KEYS[reading] + "-name", readingName(reading));
    });
    if (title()) params.set("title", title());
    Hub.writeHash(params);
  }

  function load() {
    const params = Hub.readHash();
    [1, 2].forEach(function (reading) {
      const values = (params.get(HASH_KEYS[reading]) || "").split(",");
      selects[reading].forEach(function (select, index) {
        const value = Number(values[index]);
        select.value = Number.isInteger(value) && value >= 1 && value <= top ? String(value) : "";
      });
      nameInputs[reading].value = (params.get(HASH_KEYS[reading] + "-name") || DEFAULT_NAMES[reading]).slice(0, 40);
    });
    titleInput.value = (params.get("title") || "").slice(0, 80);
  }

  /* A score's point on its axis: the axis's end, scaled. Rounded as the build rounds. */
  function vertex(key, score) {
    const round = function (n) {
      return Math.round((n * score * 100) / top) / 100 || 0;
    };
    return { x: round(axes[key].x), y: round(axes[key].y) };
  }

  function place(reading) {
    const group = star.querySelector('g.star-reading[data-reading="' + reading.number + '"]');
    if (!reading.shown) {
      group.setAttribute("display", "none");
      return;
    }
    group.removeAttribute("display");
    const corners = points.map(function (point, index) {
      const value = reading.values[index];
      const at = vertex(point.key, value);
      const marker = group.querySelector('.star-marker[data-key="' + point.key + '"]');
      if (!value) marker.setAttribute("display", "none");
      else marker.removeAttribute("display");
      if (marker.tagName.toLowerCase() === "circle") {
        marker.setAttribute("cx", at.x);
        marker.setAttribute("cy", at.y);
      } else {
        const half = Number(marker.getAttribute("width")) / 2;
        marker.setAttribute("x", Math.round((at.x - half) * 100) / 100);
        marker.setAttribute("y", Math.round((at.y - half) * 100) / 100);
      }
      return at.x + "," + at.y;
    });
    group.querySelector("polygon").setAttribute("points", corners.join(" "));
  }

  /* −1.5, 0, +2: the change from the first reading to the second, as in the PDF. */
  function signed(value) {
    if (Math.abs(value) < 0.05) return "0";
    const shown = Math.abs(value).toFixed(1).replace(/\.0$/, "");
    return (value > 0 ? "+" : "\u2212") + shown;
  }

  function average(values) {
    const scored = values.filter(Boolean);
    return scored.length ? scored.reduce((a, b) => a + b, 0) / scored.length : 0;
  }

  /* The table of scores: [[heading...], [point, score..., change?]..., [Average...]]; "–" where there is none. */
  function table(readings) {
    const both = readings.length === 2;
    const head = ["Point", ...readings.map((reading) => reading.name), ...(both ? ["Change"] : [])];
    const row = function (name, values, shown) {
      const change = both && values[0] && values[1] ? signed(values[1] - values[0]) : "";
      return [name, ...values.map((value) => (value ? shown(value) : "\u2013")), ...(both ? [change || "\u2013"] : [])];
    };
    const body = points.map(function (point, index) {
      return row(point.name, readings.map((reading) => reading.values[index]), String);
    });
    const averages = readings.map((reading) => average(reading.values));
    return { head: head, body: body.concat([row("Average", averages, (value) => value.toFixed(1))]) };
  }

  function showTable(readings) {
    results.parentElement.hidden = !readings.length;
    const { head, body } = table(readings);
    results.tHead.rows[0].replaceChildren(
      ...head.map(function (text, index) {
        return Hub.element("th", { scope: "col", class: index ? "hub-star-number" : null, text: text });
      }),
    );
    results.tBodies[0].replaceChildren(
      ...body.map(function (cells, index) {
        return Hub.element(
          "tr",
          { class: index === body.length - 1 ? "hub-star-average" : null },
          cells.map(function (text, column) {
            return column
              ? Hub.element("td", { class: "hub-star-number", text: text })
              : Hub.element("th", { scope: "row", text: text });
          }),
        );
      }),
    );
  }

  /* One reading in words, for the figure's caption: every score, the highest and the lowest. */
  function describe(reading) {
    const scored = points
      .map((point, index) => ({ name: point.name, value: reading.values[index] }))
      .filter((entry) => entry.value);
    const listed = scored.map((entry) => entry.name + " " + entry.value).join(", ");
    const best = Math.max(...scored.map((entry) => entry.value));
    const worst = Math.min(...scored.map((entry) => entry.value));
    const named = (value) => scored.filter((entry) => entry.value === value).map((entry) => entry.name).join(" and ");
    const missing = points.length - scored.length;
    const extremes = `Highest: ${named(best)} (${best}); lowest: ${named(worst)} (${worst}).`;
    return `${reading.name} (${KINDS[reading.number]}): ${listed}. ${extremes}` + (missing ? ` ${missing} not scored yet.` : "");
  }

  function readings() {
    return [1, 2].map(function (number) {
      const values = scores(number);
      return { number: number, name: readingName(number), values: values, shown: values.some(Boolean) };
    });
  }

  function update() {
    [1, 2].forEach(function (reading) {
      tool.querySelector('[data-star-column="' + reading + '"]').textContent = readingName(reading);
    });
    const all = readings();
    const shown = all.filter((reading) => reading.shown);
    all.forEach(place);
    all.forEach(function (reading) {
      const item = legend.querySelector('[data-reading="' + reading.number + '"]');
      item.hidden = !reading.shown;
      item.querySelector("[data-star-legend-name]").textContent = reading.name;
    });
    legend.hidden = !shown.length;
    heading.textContent = title() || "Your culture star";
    showTable(shown);
    const enough = shown.some((reading) => reading.values.filter(Boolean).length >= 3);
    summary.textContent = enough
      ? (title() ? title() + ". " : "") + shown.map(describe).join(" ")
      : "Score at least three points to see your star.";
  }

  function whereFrom() {
    const canonical = document.querySelector('link[rel="canonical"]');
    return "The culture star, from Outcomes Hub" + (canonical ? ": " + canonical.href.split("#")[0] : "");
  }

  /* The downloads (culture-star-downloads.js), loaded when one is first asked for. */
  let downloads = null;
  function download(kind) {
    Hub.loadScript(STAR_ASSETS + "javascripts/culture-star-downloads.js").then(
      function () {
        downloads = downloads || window.HubStarDownloads({
          svg: star, legend: legend, status: status, summary: summary, points: points, top: top, kinds: KINDS,
          assets: STAR_ASSETS, title: title, readings: readings, table: table, describe: describe, whereFrom: whereFrom,
        }); // prettier-ignore
        downloads(kind);
      },
      function () {
        Hub.announce(status, "The download could not be made here (its files did not load).");
      },
    );
  }

  function print() {
    document.documentElement.classList.add("hub-print-star");
    const done = () => document.documentElement.classList.remove("hub-print-star");
    window.addEventListener("afterprint", done, { once: true });
    window.print();
  }

  tool.addEventListener("change", function () {
    save();
    update();
  });
  tool.addEventListener("input", function (event) {
    if (event.target.matches("input")) {
      save();
      update();
    }
  });
  tool.addEventListener("click", function (event) {
    const target = event.target.closest("button");
    if (!target) return;
    if (target.hasAttribute("data-star-print")) print();
    if (target.dataset.starDownload) download(target.dataset.starDownload);
  });
  Hub.askFirst(tool.querySelector("[data-star-clear]"), {
    question: "Clear the scores of both readings?",
    yes: "Yes, clear the scores",
    no: "No, keep them",
    isEmpty: function () {
      return [1, 2].every((reading) => selects[reading].every((select) => !select.value));
    },
    clear: function () {
      [1, 2].forEach(function (reading) {
        selects[reading].forEach(function (select) {
          select.value = "";
        });
      });
      save();
      update();
      selects[1][0].focus();
      Hub.announce(status, "The scores are cleared.");
    },
  });
  source.textContent = whereFrom();
  tool.hidden = false;
  load();
  update();
});
