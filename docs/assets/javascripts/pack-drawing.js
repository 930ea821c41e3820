/* Outcomes Hub: a part of the browser-made pack (docs/browser-pack.md).
 *
 * Drawing commands written as PDF content streams, their text marked as its structure element's
 * content; the note on a left-hand page left empty; and each page's furniture (running header, footer
 * with QR code, "Page x of y"), drawn as artifacts.
 *
 * Loaded by pack.js, which runs it once all its parts are in (HubPack.part), in the order of its
 * PARTS: what it takes from the parts before it comes from P.
 */
"use strict";

self.HubPack.part("pack-drawing.js", function (P) {
  const { MM, GREY, DARK, FONT_KEYS, run, wrap } = P;

  /* --- PDF writing ------------------------------------------------------------ */

  function number(value) {
    return (Math.round(value * 1000) / 1000).toString();
  }

  function colour(rgb) {
    return rgb.map(number).join(" ");
  }

  /* A page's drawing commands as a content stream; text is marked as its structure element's content. */
  function contentOf(page, pageIndex, fonts, height, mcids) {
    const out = [];
    page.commands.forEach(function (c) {
      if (c.kind === "rect") {
        out.push("/Artifact BMC q " + colour(c.fill) + " rg");
        if (c.radius) {
          const r = c.radius;
          const k = 0.5523 * r;
          const x = c.x;
          const y = height - c.y - c.h;
          const w = c.w;
          const h = c.h;
          out.push(
            [number(x + r), number(y), "m", number(x + w - r), number(y), "l",
              number(x + w - r + k), number(y), number(x + w), number(y + r - k), number(x + w), number(y + r), "c",
              number(x + w), number(y + h - r), "l",
              number(x + w), number(y + h - r + k), number(x + w - r + k), number(y + h), number(x + w - r), number(y + h), "c",
              number(x + r), number(y + h), "l",
              number(x + r - k), number(y + h), number(x), number(y + h - r + k), number(x), number(y + h - r), "c",
              number(x), number(y + r), "l",
              number(x), number(y + r - k), number(x + r - k), number(y), number(x + r), number(y), "c", "f"].join(" "),
          ); // prettier-ignore
        } else {
          out.push([number(c.x), number(height - c.y - c.h), number(c.w), number(c.h), "re f"].join(" "));
        }
        out.push("Q EMC");
      } else if (c.kind === "line") {
        out.push("/Artifact BMC q " + colour(c.color) + " RG " + number(c.width) + " w " +
          [number(c.x1), number(height - c.y1), "m", number(c.x2), number(height - c.y2), "l S Q EMC"].join(" ")); // prettier-ignore
      } else if (c.kind === "box") {
        out.push("/Artifact BMC q " + colour(c.color) + " RG " + number(c.width) + " w " +
          [number(c.x), number(height - c.y - c.h), number(c.w), number(c.h), "re S Q EMC"].join(" ")); // prettier-ignore
      } else if (c.kind === "text") {
        let open;
        if (c.owner) {
          const mcid = mcids.length;
          mcids.push(c.owner);
          c.owner.kids.push({ page: pageIndex, mcid: mcid });
          open = "/" + c.owner.type + " <</MCID " + mcid + ">> BDC";
        } else open = "/Artifact BMC";
        out.push(
          open + " BT /" + FONT_KEYS[c.style] + " " + number(c.size) + " Tf " + number(c.spacing || 0) + " Tc " +
            colour(c.color) + " rg 1 0 0 1 " + number(c.x) + " " + number(height - c.y) + " Tm <" +
            fonts.hex(c.text, c.style) + "> Tj ET EMC",
        );
      } else if (c.kind === "image") {
        let open = "/Artifact BMC";
        if (c.owner) {
          const mcid = mcids.length;
          mcids.push(c.owner);
          c.owner.kids.push({ page: pageIndex, mcid: mcid });
          open = "/" + c.owner.type + " <</MCID " + mcid + ">> BDC";
        }
        out.push(open + " q " + [number(c.w), 0, 0, number(c.h), number(c.x), number(height - c.y - c.h)].join(" ") + " cm /" + c.name + " Do Q EMC");
      }
    });
    return out.join("\n");
  }

  /* A left-hand page left empty so that what follows starts on a right-hand page says so, and carries
     nothing else (print.css: @page :blank); the note is an artifact. */
  function blankNote(fonts, manifest) {
    const size = 11;
    const x = (manifest.page[0] - fonts.width(manifest.blankNote, "italic", size)) / 2;
    const y = 120 * MM - fonts.descent("italic") * size;
    return [{ kind: "text", x: x, y: y, text: manifest.blankNote, style: "italic", size: size, color: GREY, spacing: 0, owner: null }];
  }

  /* Page furniture, drawn as artifacts: running header, footer with QR code, and "Page x of y". */
  function furniture(fonts, s, page, options) {
    const commands = [];
    const width = page[0];
    const height = page[1];
    const text = function (value, style, size, x, y, color, align) {
      const w = fonts.width(value, style, size);
      commands.push({ kind: "text", x: align === "right" ? x - w : x, y: y, text: value, style: style, size: size, color: color, spacing: 0, owner: null });
    };
    const headerBaseline = s.margin.top - 3 * MM - fonts.descent("regular") * s.furniture - 0.68;
    const footerTop = height - s.margin.bottom + 3 * MM;
    const numberBaseline = footerTop + 0.68 + fonts.ascent("regular") * s.furniture;
    text("Page " + options.number + " of " + options.total, "regular", s.furniture, width - s.margin.right, numberBaseline, DARK, "right");
    if (!options.front) return commands;
    const headerText = wrap(fonts, [run(options.title, "regular", s.furniture, GREY)], width - s.margin.left - s.margin.right - 80, true)[0];
    let title = options.title;
    if (headerText.width > width - s.margin.left - s.margin.right - 80) title = Array.from(title).slice(0, 80).join("") + "…";
    text(title, "regular", s.furniture, s.margin.left, headerBaseline, GREY);
    text("Outcomes Hub", "regular", s.furniture, width - s.margin.right, headerBaseline, GREY, "right");
    /* the QR code and the "Online:" link only for a site at a real address (templates/print/_footer.html.j2) */
    const indent = options.link ? s.footerIndent : 0;
    if (options.link) commands.push({ kind: "image", name: "HubQR", x: s.margin.left, y: footerTop, w: s.qr, h: s.qr });
    const flh = s.footer * s.footerLineHeight;
    const x = s.margin.left + indent;
    const textWidth = s.footerWidth - indent;
    const source = [run("Source: ", "bold", s.footer, DARK), run(options.source.title, "italic", s.footer, DARK),
      run(", " + options.source.publisher + ", " + options.source.date + ": " + options.section + ". " + options.source.licence, "regular", s.footer, DARK)]; // prettier-ignore
    let y = footerTop;
    const edition = run("Outcomes Hub edition of " + options.printedOn, "regular", s.footer, DARK, { keep: true });
    const online = options.link ? [run("Online: ", "bold", s.footer, DARK), run(options.link + " · ", "regular", s.footer, DARK)] : [];
    [source, online.concat([edition])].forEach(function (runs) {
      wrap(fonts, runs, textWidth).forEach(function (line) {
        let cursor = x;
        line.pieces.forEach(function (piece) {
          const r = piece.run;
          const baseline = y + (flh - (fonts.ascent(r.style) + fonts.descent(r.style)) * r.size) / 2 + fonts.ascent(r.style) * r.size;
          commands.push({ kind: "text", x: cursor, y: baseline, text: piece.text, style: r.style, size: r.size, color: r.color, spacing: 0, owner: null });
          cursor += piece.width;
        });
        y += flh;
      });
      y += 1 * MM;
    });
    return commands;
  }

  return { number: number, colour: colour, contentOf: contentOf, blankNote: blankNote, furniture: furniture };
});
