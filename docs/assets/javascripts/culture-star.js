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
 * (0 is not scored). The star can be downloaded as SVG or PNG (made here, with
 * the shipped font embedded) and printed on a page of its own.
 */
"use strict";

/* The site's assets/ folder, for the star's PDF (pack.js, pdf-lib and the fonts), from file:// too. */
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

  /* The table of scores: [[heading...], [point, score..., change?]..., [Average...]]. */
  function table(readings) {
    const both = readings.length === 2;
    const head = ["Point"].concat(
      readings.map(function (reading) {
        return reading.name;
      }),
      both ? ["Change"] : [],
    );
    const body = points.map(function (point, index) {
      const values = readings.map(function (reading) {
        return reading.values[index];
      });
      const change = both && values[0] && values[1] ? signed(values[1] - values[0]) : "";
      return [point.name]
        .concat(
          values.map(function (value) {
            return value ? String(value) : "\u2013";
          }),
        )
        .concat(both ? [change || "\u2013"] : []);
    });
    const averages = readings.map(function (reading) {
      return average(reading.values);
    });
    const foot = ["Average"]
      .concat(
        averages.map(function (value) {
          return value ? value.toFixed(1) : "\u2013";
        }),
      )
      .concat(both ? [averages[0] && averages[1] ? signed(averages[1] - averages[0]) : "\u2013"] : []);
    return { head: head, body: body.concat([foot]) };
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

  function describe(reading) {
    const scored = points
      .map(function (point, index) {
        return { name: point.name, value: reading.values[index] };
      })
      .filter(function (entry) {
        return entry.value;
      });
    const listed = scored
      .map(function (entry) {
        return entry.name + " " + entry.value;
      })
      .join(", ");
    const best = Math.max.apply(null, scored.map((entry) => entry.value));
    const worst = Math.min.apply(null, scored.map((entry) => entry.value));
    const named = function (value) {
      return scored
        .filter(function (entry) {
          return entry.value === value;
        })
        .map(function (entry) {
          return entry.name;
        })
        .join(" and ");
    };
    const missing = points.length - scored.length;
    return (
      reading.name +
      " (" +
      KINDS[reading.number] +
      "): " +
      listed +
      ". Highest: " +
      named(best) +
      " (" +
      best +
      "); lowest: " +
      named(worst) +
      " (" +
      worst +
      ")." +
      (missing ? " " + missing + " not scored yet." : "")
    );
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
    const shown = all.filter(function (reading) {
      return reading.shown;
    });
    all.forEach(place);
    all.forEach(function (reading) {
      const item = legend.querySelector('[data-reading="' + reading.number + '"]');
      item.hidden = !reading.shown;
      item.querySelector("[data-star-legend-name]").textContent = reading.name;
    });
    legend.hidden = !shown.length;
    heading.textContent = title() || "Your culture star";
    showTable(shown);
    const enough = shown.some(function (reading) {
      return reading.values.filter(Boolean).length >= 3;
    });
    summary.textContent = enough
      ? (title() ? title() + ". " : "") + shown.map(describe).join(" ")
      : "Score at least three points to see your star.";
  }

  /* --- Downloads: the star, its key and the table, as one SVG (and a PNG of it) --- */

  const SVG = "http://www.w3.org/2000/svg";
  const WIDTH = 720;
  const PAD = 28;

  function svg(tag, attributes, text) {
    const made = document.createElementNS(SVG, tag);
    Object.entries(attributes || {}).forEach(function ([name, value]) {
      if (value !== null && value !== undefined) made.setAttribute(name, value);
    });
    if (text !== undefined) made.textContent = text;
    return made;
  }

  /* The fonts, from a script the build writes (a script loads from file:// too, where fetch does not). */
  let fonts = null;
  function withFonts(ready) {
    if (fonts || window.HubStarFonts) return ready((fonts = window.HubStarFonts));
    const link = document.querySelector("a[data-star-fonts]");
    if (!link) return ready(null);
    const script = Hub.element("script", { src: link.href });
    script.addEventListener("load", function () {
      ready((fonts = window.HubStarFonts || null));
    });
    script.addEventListener("error", function () {
      ready(null);
    });
    document.head.append(script);
  }

  function fontFaces() {
    if (!fonts) return "";
    return Object.keys(fonts)
      .map(function (weight) {
        return (
          '@font-face { font-family: "Atkinson Hyperlegible Next"; font-style: normal; font-weight: ' +
          weight +
          '; src: url("' +
          fonts[weight] +
          '") format("woff"); }'
        );
      })
      .join("\n");
  }

  function whereFrom() {
    const canonical = document.querySelector('link[rel="canonical"]');
    return "The culture star, from Outcomes Hub" + (canonical ? ": " + canonical.href.split("#")[0] : "");
  }

  /* The whole picture: title, star, key and table, on white, 720 units wide. */
  function picture() {
    const all = readings();
    const shown = all.filter(function (reading) {
      return reading.shown;
    });
    const box = star.viewBox.baseVal;
    const starWidth = 560;
    const starHeight = Math.round((starWidth * box.height) / box.width);
    const { head, body } = table(shown);
    const rowHeight = 26;
    let y = PAD;
    const parts = [];
    const headline = title() || "The culture star";
    parts.push(svg("text", { x: PAD, y: (y += 22), "font-size": "22", "font-weight": "700", fill: "#0b3d5c" }, headline));
    y += 12;
    const drawing = star.cloneNode(true);
    drawing.removeAttribute("class");
    drawing.removeAttribute("role");
    drawing.querySelectorAll('[display="none"]').forEach(function (hidden) {
      hidden.remove();
    });
    drawing.querySelector("title").remove();
    drawing.setAttribute("x", (WIDTH - starWidth) / 2);
    drawing.setAttribute("y", y);
    drawing.setAttribute("width", starWidth);
    drawing.setAttribute("height", starHeight);
    parts.push(drawing);
    y += starHeight + 16;
    shown.forEach(function (reading) {
      const swatch = legend.querySelector('[data-reading="' + reading.number + '"] svg').cloneNode(true);
      swatch.removeAttribute("class");
      swatch.removeAttribute("aria-hidden");
      swatch.removeAttribute("focusable");
      swatch.setAttribute("x", PAD);
      swatch.setAttribute("y", y + 2);
      parts.push(swatch);
      const label = reading.name + " (" + KINDS[reading.number] + ")";
      parts.push(svg("text", { x: PAD + 40, y: y + 13, "font-size": "16", fill: "#1b1b1b" }, label));
      y += 26;
    });
    y += 10;
    const rights = [null, 420, 556, WIDTH - PAD];
    const fit = function (text) {
      return text.length > 16 ? text.slice(0, 15) + "\u2026" : text;
    };
    const row = function (cells, bold, line) {
      y += rowHeight;
      cells.forEach(function (text, column) {
        parts.push(
          svg(
            "text",
            {
              x: column ? rights[column] - 8 : PAD,
              y: y - 8,
              "text-anchor": column ? "end" : null,
              "font-size": "16",
              "font-weight": bold ? "700" : null,
              fill: "#1b1b1b",
            },
            column ? fit(text) : text,
          ),
        );
      });
      parts.push(svg("line", { x1: PAD, x2: rights[cells.length - 1], y1: y, y2: y, stroke: line, "stroke-width": "1" }));
    };
    if (shown.length) {
      parts.push(svg("text", { x: PAD, y: (y += 14), "font-size": "14", fill: "#44535e" }, "Scores from 1 to " + top));
      y += 4;
      row(head, true, "#44535e");
      body.forEach(function (cells, index) {
        row(cells, index === body.length - 1, index === body.length - 2 ? "#44535e" : "#c9d2d8");
      });
    }
    y += 28;
    parts.push(
      svg(
        "text",
        { x: PAD, y: y, "font-size": "13", fill: "#44535e" },
        whereFrom(),
      ),
    );
    const height = Math.ceil(y + PAD);
    const root = svg("svg", {
      width: WIDTH,
      height: height,
      viewBox: "0 0 " + WIDTH + " " + height,
      "font-family": "'Atkinson Hyperlegible Next', sans-serif",
      role: "img",
    });
    root.append(svg("title", {}, headline + ": " + (shown.length ? shown.map(describe).join(" ") : "no scores yet")));
    const defs = svg("defs");
    defs.append(svg("style", {}, fontFaces()));
    root.append(defs, svg("rect", { width: WIDTH, height: height, fill: "#fff" }));
    parts.forEach(function (part) {
      root.append(part);
    });
    return { text: new XMLSerializer().serializeToString(root), width: WIDTH, height: height };
  }

  function fileName(extension) {
    const slug = title()
      .toLowerCase()
      .normalize("NFKD")
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 50);
    return "culture-star" + (slug ? "-" + slug : "") + "." + extension;
  }

  function saveFile(blob, name) {
    const url = URL.createObjectURL(blob);
    const link = Hub.element("a", { href: url, download: name, hidden: true });
    document.body.append(link);
    link.click();
    link.remove();
    window.setTimeout(function () {
      URL.revokeObjectURL(url);
    }, 10000);
    Hub.announce(status, "Your star is saved as " + name + ", in your downloads.");
  }

  function pngBlob(made, scale) {
    return new Promise(function (resolve, reject) {
      const image = new Image();
      image.addEventListener("error", function () {
        reject(new Error("this browser could not draw the star"));
      });
      image.addEventListener("load", function () {
        const canvas = document.createElement("canvas");
        canvas.width = made.width * scale;
        canvas.height = made.height * scale;
        canvas.getContext("2d").drawImage(image, 0, 0, canvas.width, canvas.height);
        try {
          canvas.toBlob(function (blob) {
            if (blob) resolve(blob);
            else reject(new Error("this browser could not make a PNG"));
          }, "image/png");
        } catch (error) {
          reject(error);
        }
      });
      image.src = "data:image/svg+xml;charset=utf-8," + encodeURIComponent(made.text);
    });
  }

  /* The PDF is drawn by pack.js (the planner's pack maker, loaded only now): the star as a picture beside
     the table of scores, in the shipped fonts, on an A4 landscape page, as `build.py star` prints it. */

  function downloadPdf(made) {
    const complete = readings().filter(function (reading) {
      return reading.values.every(Boolean);
    });
    if (!complete.length || complete[0].number !== 1) {
      Hub.announce(status, "For the PDF, score every point of the first reading (and all or none of the second).");
      return;
    }
    Hub.announce(status, "Making the PDF…");
    Promise.all([Hub.loadPack(STAR_ASSETS), pngBlob(made, 3)])
      .then(function ([, blob]) {
        return blob.arrayBuffer();
      })
      .then(function (png) {
        return window.HubPack.starPdf({
          assets: STAR_ASSETS,
          title: titleInput.value.trim(),
          points: points.map(function (point) {
            return point.name;
          }),
          scaleMax: top,
          readings: complete,
          chart: new Uint8Array(png),
          alt: summary.textContent,
        });
      })
      .then(function (result) {
        window.HubPack.save(result, fileName("pdf"));
        Hub.announce(status, "Your star is saved as " + fileName("pdf") + ", with the table of scores.");
      })
      .catch(function (error) {
        Hub.announce(status, "The PDF could not be made here (" + (error && error.message) + ").");
      });
  }

  function download(kind) {
    withFonts(function () {
      const made = picture();
      if (kind === "svg") {
        saveFile(new Blob([made.text], { type: "image/svg+xml" }), fileName("svg"));
        return;
      }
      if (kind === "pdf") {
        downloadPdf(made);
        return;
      }
      pngBlob(made, 2).then(
        function (blob) {
          saveFile(blob, fileName("png"));
        },
        function () {
          Hub.announce(status, "This browser could not make a PNG; download the SVG instead.");
        },
      );
    });
  }

  function print() {
    document.documentElement.classList.add("hub-print-star");
    window.addEventListener(
      "afterprint",
      function () {
        document.documentElement.classList.remove("hub-print-star");
      },
      { once: true },
    );
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
      return [1, 2].every(function (reading) {
        return selects[reading].every(function (select) {
          return !select.value;
        });
      });
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
