/* Outcomes Hub: the culture star (stars/culture-star/).
 *
 * Score each point for one or two readings; the star is drawn as SVG with the
 * readings overlaid (the first filled with circles at its points, the second
 * dashed with squares, so they differ without colour). The figure caption
 * says the same in words. Scores live in the address:
 * #first=6,4,0,...&second=...&first-name=Now&second-name=Later&title=...
 * (0 is not scored).
 */
"use strict";

/* The site's assets/ folder, for the star's PDF (pack.js, pdf-lib and the fonts), from file:// too. */
const HUB_STAR_ASSETS = (function (script) {
  return script && script.src ? script.src.replace(/javascripts\/culture-star\.js(?:\?.*)?$/, "") : "";
})(document.currentScript);

Hub.enhance("[data-hub-star]", function (tool) {
  const SVG = "http://www.w3.org/2000/svg";
  const top = Number(tool.dataset.scaleMax) || 10;
  const rows = Array.from(tool.querySelectorAll("tbody tr[data-point]"));
  const points = rows.map(function (row) {
    return { key: row.dataset.point, name: row.querySelector("th").textContent.trim() };
  });
  const selects = { 1: [], 2: [] };
  rows.forEach(function (row) {
    row.querySelectorAll("select").forEach(function (select) {
      selects[select.dataset.reading].push(select);
    });
  });
  const nameInputs = { 1: tool.querySelector('[data-star-name="1"]'), 2: tool.querySelector('[data-star-name="2"]') };
  const titleInput = tool.querySelector("[data-star-title]");
  const chart = tool.querySelector("[data-star-chart]");
  const summary = tool.querySelector("[data-star-summary]");
  const commandBox = tool.querySelector("[data-star-command-box]");
  const HASH_KEYS = { 1: "first", 2: "second" };
  const DEFAULT_NAMES = { 1: "Now", 2: "Later" };

  function scores(reading) {
    return selects[reading].map(function (select) {
      return Number(select.value) || 0;
    });
  }

  function readingName(reading) {
    return nameInputs[reading].value.trim() || DEFAULT_NAMES[reading];
  }

  function save() {
    const params = new URLSearchParams();
    [1, 2].forEach(function (reading) {
      const values = scores(reading);
      if (values.some(Boolean)) params.set(HASH_KEYS[reading], values.join(","));
      if (readingName(reading) !== DEFAULT_NAMES[reading]) params.set(HASH_KEYS[reading] + "-name", readingName(reading));
    });
    if (titleInput.value.trim()) params.set("title", titleInput.value.trim());
    Hub.writeHash(params);
  }

  function load() {
    const params = Hub.readHash();
    [1, 2].forEach(function (reading) {
      const values = (params.get(HASH_KEYS[reading]) || "").split(",");
      selects[reading].forEach(function (select, index) {
        const value = Number(values[index]);
        select.value = value >= 1 && value <= top ? String(value) : "";
      });
      nameInputs[reading].value = (params.get(HASH_KEYS[reading] + "-name") || DEFAULT_NAMES[reading]).slice(0, 40);
    });
    titleInput.value = (params.get("title") || "").slice(0, 80);
  }

  function svg(tag, attributes) {
    const made = document.createElementNS(SVG, tag);
    Object.entries(attributes).forEach(function ([name, value]) {
      made.setAttribute(name, value);
    });
    return made;
  }

  function corner(index, score) {
    const angle = -Math.PI / 2 + (index * 2 * Math.PI) / points.length;
    const radius = (100 * score) / top;
    return [radius * Math.cos(angle), radius * Math.sin(angle)];
  }

  function polygon(score) {
    return points
      .map(function (_, index) {
        return corner(index, typeof score === "function" ? score(index) : score)
          .map(function (n) {
            return n.toFixed(1);
          })
          .join(",");
      })
      .join(" ");
  }

  function draw(readings) {
    const drawing = svg("svg", {
      viewBox: "-190 -125 380 250",
      class: "hub-star-svg",
      role: "img",
      "aria-label": "The culture star with your scores; the caption below gives them in words.",
    });
    const rings = svg("g", { fill: "none", stroke: "#8a99a3", "stroke-width": "0.5" });
    for (let score = 1; score <= top; score += 1) {
      const ring = svg("polygon", { points: polygon(score) });
      if (score === top) ring.setAttribute("stroke", "#44535e");
      else if (score % 5 === 0) ring.setAttribute("stroke-width", "1");
      rings.append(ring);
    }
    drawing.append(rings);
    const axes = svg("g", { stroke: "#44535e", "stroke-width": "0.8" });
    const labels = svg("g", { "font-size": "9", "font-weight": "700", fill: "#1b1b1b" });
    points.forEach(function (point, index) {
      const [x, y] = corner(index, top);
      axes.append(svg("line", { x1: "0", y1: "0", x2: x.toFixed(1), y2: y.toFixed(1) }));
      const [lx, ly] = corner(index, top * 1.1);
      const anchor = Math.abs(lx) < 5 ? "middle" : lx > 0 ? "start" : "end";
      const label = svg("text", { x: lx.toFixed(1), y: (ly + 3).toFixed(1), "text-anchor": anchor });
      label.textContent = point.name;
      labels.append(label);
    });
    drawing.append(axes);
    const numbers = svg("g", { "font-size": "6", fill: "#44535e" });
    for (let score = 5; score <= top; score += 5) {
      const [x, y] = corner(0, score);
      const number = svg("text", { x: (x + 2).toFixed(1), y: (y - 1).toFixed(1) });
      number.textContent = String(score);
      numbers.append(number);
    }
    drawing.append(numbers);
    const styles = {
      1: { colour: "#0b5cad", fill: "#0b5cad", dash: null, marker: "circle" },
      2: { colour: "#b34700", fill: "#b34700", dash: "5 3", marker: "square" },
    };
    readings.forEach(function (reading) {
      const style = styles[reading.number];
      const group = svg("g", { class: "hub-star-reading-" + reading.number });
      const shape = svg("polygon", {
        points: polygon(function (index) {
          return reading.values[index];
        }),
        fill: style.fill,
        "fill-opacity": reading.number === 1 ? "0.18" : "0.08",
        stroke: style.colour,
        "stroke-width": "2",
      });
      if (style.dash) shape.setAttribute("stroke-dasharray", style.dash);
      group.append(shape);
      reading.values.forEach(function (value, index) {
        if (!value) return;
        const [x, y] = corner(index, value);
        group.append(
          style.marker === "circle"
            ? svg("circle", { cx: x.toFixed(1), cy: y.toFixed(1), r: "3", fill: style.colour })
            : svg("rect", { x: (x - 3).toFixed(1), y: (y - 3).toFixed(1), width: "6", height: "6", fill: style.colour }),
        );
      });
      drawing.append(group);
    });
    drawing.append(labels);
    return drawing;
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
      (reading.number === 1 ? "filled shape, circles" : "dashed outline, squares") +
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

  function command(readings) {
    const complete = readings.filter(function (reading) {
      return reading.values.every(Boolean);
    });
    if (!complete.length || complete[0].number !== 1) return "";
    const ratings = function (reading) {
      return points
        .map(function (point, index) {
          return point.key + "=" + reading.values[index];
        })
        .join(",");
    };
    const parts = ["python build.py star", "--ratings " + ratings(complete[0]), "--label " + Hub.shellQuote(complete[0].name)];
    if (complete[1]) {
      parts.push("--compare " + ratings(complete[1]), "--compare-label " + Hub.shellQuote(complete[1].name));
    }
    if (titleInput.value.trim()) parts.push("--title " + Hub.shellQuote(titleInput.value.trim()));
    parts.push("-o culture-star.pdf");
    return parts.join(" ");
  }

  function update() {
    [1, 2].forEach(function (reading) {
      tool.querySelector('[data-star-column="' + reading + '"]').textContent = readingName(reading);
    });
    const readings = [1, 2]
      .map(function (number) {
        return { number: number, name: readingName(number), values: scores(number) };
      })
      .filter(function (reading) {
        return reading.values.filter(Boolean).length >= 1;
      });
    chart.replaceChildren(draw(readings));
    const enough = readings.some(function (reading) {
      return reading.values.filter(Boolean).length >= 3;
    });
    summary.textContent = enough
      ? (titleInput.value.trim() ? titleInput.value.trim() + ". " : "") + readings.map(describe).join(" ")
      : "Score at least three points to see your star.";
    const text = command(readings);
    commandBox.hidden = !text;
    commandBox.querySelector("[data-star-command]").textContent = text;
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
    if (target.hasAttribute("data-star-print")) window.print();
    if (target.dataset.starDownload) download(target.dataset.starDownload);
    if (target.hasAttribute("data-star-clear")) {
      [1, 2].forEach(function (reading) {
        selects[reading].forEach(function (select) {
          select.value = "";
        });
      });
      save();
      update();
      selects[1][0].focus();
    }
  });
  /* --- the star to keep: a drawing (SVG), a picture (PNG) or a PDF with the table of scores --- */

  const downloadStatus = tool.querySelector("[data-star-download-status]");

  function currentReadings() {
    return [1, 2]
      .map(function (number) {
        return { number: number, name: readingName(number), values: scores(number) };
      })
      .filter(function (reading) {
        return reading.values.some(Boolean);
      });
  }

  function drawingText() {
    const drawn = chart.querySelector("svg");
    const copy = drawn.cloneNode(true);
    copy.setAttribute("xmlns", SVG);
    copy.setAttribute("width", "760");
    copy.setAttribute("height", "500");
    copy.setAttribute("font-family", "Atkinson Hyperlegible, Arial, sans-serif");
    const heading = svg("title", {});
    heading.textContent = titleInput.value.trim() || "The culture star";
    const words = svg("desc", {});
    words.textContent = summary.textContent;
    copy.prepend(heading, words, svg("rect", { x: "-190", y: "-125", width: "380", height: "250", fill: "#fff" }));
    return new XMLSerializer().serializeToString(copy);
  }

  function picture(scale) {
    return new Promise(function (resolve, reject) {
      const image = new Image();
      image.onload = function () {
        const canvas = document.createElement("canvas");
        canvas.width = 380 * scale;
        canvas.height = 250 * scale;
        const context = canvas.getContext("2d");
        context.fillStyle = "#fff";
        context.fillRect(0, 0, canvas.width, canvas.height);
        context.drawImage(image, 0, 0, canvas.width, canvas.height);
        canvas.toBlob(function (blob) {
          if (blob) resolve(blob);
          else reject(new Error("the picture could not be made"));
        }, "image/png");
      };
      image.onerror = function () {
        reject(new Error("the drawing could not be read"));
      };
      image.src = "data:image/svg+xml;charset=utf-8," + encodeURIComponent(drawingText());
    });
  }

  function hand(blob, name) {
    const url = URL.createObjectURL(blob);
    const link = Hub.element("a", { href: url, download: name, hidden: true });
    document.body.append(link);
    link.click();
    link.remove();
    window.setTimeout(function () {
      URL.revokeObjectURL(url);
    }, 60000);
  }

  function loadPack() {
    if (window.HubPack) return Promise.resolve();
    return new Promise(function (resolve, reject) {
      const tag = Hub.element("script", { src: HUB_STAR_ASSETS + "javascripts/pack.js" });
      tag.addEventListener("load", resolve);
      tag.addEventListener("error", function () {
        reject(new Error("its files did not load"));
      });
      document.head.append(tag);
    });
  }

  function download(kind) {
    const readings = currentReadings();
    if (!readings.some(function (reading) {
      return reading.values.filter(Boolean).length >= 3;
    })) {
      downloadStatus.textContent = "Score at least three points first.";
      return;
    } // prettier-ignore
    const name = (titleInput.value.trim() || "culture-star").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "culture-star";
    if (kind === "svg") {
      hand(new Blob([drawingText()], { type: "image/svg+xml" }), name + ".svg");
      downloadStatus.textContent = "The star is downloaded as a drawing (SVG).";
      return;
    }
    if (kind === "png") {
      picture(4).then(
        function (blob) {
          hand(blob, name + ".png");
          downloadStatus.textContent = "The star is downloaded as a picture (PNG).";
        },
        function (error) {
          downloadStatus.textContent = "The picture could not be made here (" + error.message + ").";
        },
      );
      return;
    }
    const complete = readings.filter(function (reading) {
      return reading.values.every(Boolean);
    });
    if (!complete.length || complete[0].number !== 1) {
      downloadStatus.textContent = "For the PDF, score every point of the first reading (and all or none of the second).";
      return;
    }
    downloadStatus.textContent = "Making the PDF…";
    Promise.all([loadPack(), picture(6)])
      .then(function ([, blob]) {
        return blob.arrayBuffer();
      })
      .then(function (png) {
        return window.HubPack.starPdf({
          assets: HUB_STAR_ASSETS,
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
        window.HubPack.save(result, name + ".pdf");
        downloadStatus.textContent = "The star is downloaded as a PDF, with the table of scores.";
      })
      .catch(function (error) {
        downloadStatus.textContent = "The PDF could not be made here (" + (error && error.message) + ").";
      });
  }

  tool.hidden = false;
  load();
  update();
});
