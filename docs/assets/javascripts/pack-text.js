/* Outcomes Hub: a part of the browser-made pack (docs/browser-pack.md).
 *
 * The pack's type: the sizes of print.css and paper.css, its colours, the shipped fonts' glyph codes
 * and widths (from pack-data.js), and greedy line breaking as browsers do it.
 *
 * Loaded by pack.js, which runs it once all its parts are in (HubPack.part), in the order of its
 * PARTS: what it takes from the parts before it comes from P.
 */
"use strict";

self.HubPack.part("pack-text.js", function () {
  const MM = 72 / 25.4;

  /* --- sizes, from templates/print/print.css and paper.css --------------- */

  function sizes(largePrint) {
    const normal = {
      margin: { top: 22 * MM, right: 18 * MM, bottom: 30 * MM, left: 18 * MM },
      base: 11, lineHeight: 1.4,
      kicker: 9, h1: 26, h1LineHeight: 1.15, summary: 12.5, h2: 14, dt: 9, note: 10, table: 10.5,
      furniture: 8.5, footer: 7.5, footerLineHeight: 1.3, qr: 17 * MM, footerIndent: 20 * MM, footerWidth: 146 * MM,
      box: 3 * MM, boxTop: 0.8 * MM, itemIndent: 6 * MM,
      columns: [0.19, 0.4, 0.18, 0.23], timeNoWrap: true, hubLabel: 7.5, hubNote: 9.5,
    };
    if (!largePrint) return normal;
    return Object.assign({}, normal, {
      margin: { top: 20 * MM, right: 16 * MM, bottom: 40 * MM, left: 16 * MM },
      base: 16, lineHeight: 1.45,
      kicker: 14, h1: 28, summary: 17, h2: 22, dt: 14, note: 16, table: 16,
      furniture: 12, footer: 10.5, qr: 22 * MM, footerIndent: 25 * MM, footerWidth: 158 * MM,
      box: 5 * MM, boxTop: 1.3 * MM, itemIndent: 9 * MM,
      columns: [0.2, 0.44, 0.16, 0.2], timeNoWrap: false, hubLabel: 16, hubNote: 16,
    });
  } // prettier-ignore

  const BLUE = [0.043, 0.239, 0.361];
  const INK = [0.067, 0.067, 0.067];
  const GREY = [0.267, 0.267, 0.267];
  const DARK = [0.2, 0.2, 0.2];
  const FONT_KEYS = { regular: "HubR", bold: "HubB", italic: "HubI", "bold-italic": "HubBI" };

  /* --- text ----------------------------------------------------------------- */

  function Fonts(manifest) {
    this.styles = manifest.fonts;
  }
  Fonts.prototype.glyph = function (style, ch) {
    const glyphs = this.styles[style].glyphs;
    return glyphs[ch.codePointAt(0)] || glyphs[63]; // "?" for a character the font does not have
  };
  Fonts.prototype.width = function (text, style, size, spacing) {
    let width = 0;
    for (const ch of text) width += (this.glyph(style, ch)[1] * size) / 1000 + (spacing || 0);
    return width;
  };
  Fonts.prototype.hex = function (text, style) {
    let hex = "";
    for (const ch of text) hex += this.glyph(style, ch)[0].toString(16).padStart(4, "0");
    return hex;
  };
  Fonts.prototype.ascent = function (style) {
    return this.styles[style].ascent / 1000;
  };
  Fonts.prototype.descent = function (style) {
    return -this.styles[style].descent / 1000;
  };

  /* A run of text in one style: {text, style, size, color, spacing, upper}. */
  function run(text, style, size, color, extra) {
    return Object.assign({ text: String(text), style: style, size: size, color: color, spacing: 0 }, extra || {});
  }

  /* Greedy line breaking at spaces (and after a hyphen or slash inside a word), as browsers do. */
  function wrap(fonts, runs, width, noWrap) {
    const pieces = [];
    runs.forEach(function (r) {
      const text = r.upper ? r.text.toUpperCase() : r.text;
      const parts = r.keep ? [text] : text.split(/( +)/); /* keep: one piece, as CSS white-space: nowrap */
      parts.forEach(function (part) {
        if (!part) return;
        if (/^ +$/.test(part)) return pieces.push({ run: r, text: " ", space: true });
        if (r.keep) return pieces.push({ run: r, text: part });
        /* a line may also end after a hyphen or a slash before a letter, as Pango ends it in a web address */
        part.split(/(?<=[A-Za-z]-|\/)(?=[A-Za-z])/).forEach(function (bit, index, all) {
          pieces.push({ run: r, text: bit, glue: index < all.length - 1 });
        });
      });
    });
    pieces.forEach(function (piece) {
      piece.width = fonts.width(piece.text, piece.run.style, piece.run.size, piece.run.spacing);
    });
    const lines = [];
    let line = [];
    let used = 0;
    let pendingSpace = null;
    const finish = function () {
      lines.push(line);
      line = [];
      used = 0;
      pendingSpace = null;
    };
    pieces.forEach(function (piece) {
      if (piece.space) {
        if (line.length) pendingSpace = piece;
        return;
      }
      const extra = (pendingSpace ? pendingSpace.width : 0) + piece.width;
      if (!noWrap && line.length && used + extra > width + 0.01) finish();
      if (pendingSpace && line.length) {
        line.push(pendingSpace);
        used += pendingSpace.width;
      }
      pendingSpace = null;
      if (!noWrap && !line.length && piece.width > width) {
        /* a word longer than the line: break it where it must */
        let part = "";
        for (const ch of piece.text) {
          const next = part + ch;
          if (part && fonts.width(next, piece.run.style, piece.run.size, piece.run.spacing) > width) {
            line.push({ run: piece.run, text: part, width: fonts.width(part, piece.run.style, piece.run.size, piece.run.spacing) });
            finish();
            part = ch;
          } else part = next;
        }
        piece = { run: piece.run, text: part, width: fonts.width(part, piece.run.style, piece.run.size, piece.run.spacing) };
      }
      line.push(piece);
      used += piece.width;
    });
    if (line.length) finish();
    return lines.map(function (pieces) {
      return {
        pieces: pieces,
        width: pieces.reduce(function (sum, piece) {
          return sum + piece.width;
        }, 0),
      };
    });
  }

  return { MM: MM, sizes: sizes, BLUE: BLUE, INK: INK, GREY: GREY, DARK: DARK, FONT_KEYS: FONT_KEYS, Fonts: Fonts, run: run, wrap: wrap };
});
