/* Outcomes Hub: the culture star's downloads (stars/culture-star/).
 *
 * The star, its key and its table of scores as one SVG, with the shipped font embedded (from the
 * build's stars/star-fonts.js), or as a PNG of it; and the PDF, drawn by pack.js (the planner's pack
 * maker): the star as a picture beside the table of scores, in the shipped fonts, on an A4 landscape
 * page, as `build.py star` prints it. Loaded by culture-star.js only when a download is first asked
 * for, and given what it needs of the star on the page (HubStarDownloads(star)).
 */
"use strict";

/* star: {svg, legend, status, summary, points, top, kinds, assets, title(), readings(), table(reading),
   describe(reading), whereFrom()}; gives download(kind), kind "svg", "png" or "pdf". */
window.HubStarDownloads = function (starOnPage) {
  const { legend, status, summary, points, top, assets } = starOnPage;
  const { title, readings, table, describe, whereFrom } = starOnPage;
  const star = starOnPage.svg;
  const KINDS = starOnPage.kinds;

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
    Promise.all([Hub.loadPack(assets), pngBlob(made, 3)])
      .then(function ([, blob]) {
        return blob.arrayBuffer();
      })
      .then(function (png) {
        return window.HubPack.starPdf({
          assets: assets,
          title: title(),
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

  return download;
};
