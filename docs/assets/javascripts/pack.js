/* Outcomes Hub: the planner's workshop pack, made in the browser (docs/browser-pack.md).
 *
 * Loaded only when someone asks for a pack, with the vendored pdf-lib
 * (vendor/pdf-lib.min.js) and the files the build prepared in assets/pack/
 * (hub/pack_sections.py): each exercise's section, printed by WeasyPrint as a
 * tagged PDF without page numbers, a page that carries the fonts, and
 * pack-data.js. It draws the cover, contents, agenda and checklist to the
 * rules of templates/print/pack.workshop.html.j2 (the same boxes and sizes as
 * templates/print/print.css), tags them, joins the sections with their tags,
 * stamps "Page x of y" and adds bookmarks. Nothing is sent anywhere: the
 * files are loaded as scripts, which also works from file://.
 */
"use strict";

(function (root, make) {
  const made = make();
  if (typeof module === "object" && module.exports) module.exports = made;
  else root.HubPack = made;
})(typeof self !== "undefined" ? self : this, function () {
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

  /* --- a structure element of the tagged PDF -------------------------------- */

  function Elem(type, parent, attributes) {
    this.type = type;
    this.kids = [];
    this.attributes = attributes || null;
    this.parent = parent || null;
    if (parent) parent.kids.push(this);
  }

  /* --- the front matter, laid out onto pages of drawing commands ---------- */

  function Layout(fonts, size, page) {
    this.fonts = fonts;
    this.s = size;
    this.width = page[0];
    this.height = page[1];
    this.left = size.margin.left;
    this.right = page[0] - size.margin.right;
    this.top = size.margin.top;
    this.bottom = page[1] - size.margin.bottom;
    this.pages = [];
    this.marks = {};
    this.newPage();
  }
  Layout.prototype.newPage = function () {
    this.page = { commands: [], links: [] };
    this.pages.push(this.page);
    this.y = this.top;
    this.pending = 0;
    this.atTop = true;
  };
  Layout.prototype.room = function () {
    return this.bottom - this.y;
  };
  /* Collapse a top margin with the one before it, as CSS does; none at the top of a page, unless it is
     kept there (margin-break: keep, as print.css sets for the agenda and checklist). */
  Layout.prototype.margin = function (top, keep) {
    if (!this.atTop) this.y += Math.max(this.pending, top);
    else if (keep) this.y += top;
    this.pending = 0;
  };
  Layout.prototype.after = function (bottom) {
    this.pending = bottom;
  };
  Layout.prototype.place = function () {
    this.atTop = false;
  };
  Layout.prototype.mark = function (name) {
    this.marks[name] = { page: this.pages.length - 1, y: this.y };
  };
  Layout.prototype.command = function (command) {
    this.page.commands.push(command);
  };
  Layout.prototype.rect = function (x, y, w, h, fill, radius) {
    this.command({ kind: "rect", x: x, y: y, w: w, h: h, fill: fill, radius: radius || 0 });
  };
  Layout.prototype.line = function (x1, y1, x2, y2, width, color) {
    this.command({ kind: "line", x1: x1, y1: y1, x2: x2, y2: y2, width: width, color: color });
  };
  Layout.prototype.box = function (x, y, w, h, width, color) {
    this.command({ kind: "box", x: x, y: y, w: w, h: h, width: width, color: color });
  };
  /* One line of text whose line box starts at `top`: the glyphs sit in its middle, as in CSS. */
  Layout.prototype.textLine = function (line, x, top, lineHeight, owner, align, boxWidth) {
    let cursor = align === "right" ? x + boxWidth - line.width : x;
    const self = this;
    line.pieces.forEach(function (piece, index) {
      piece.continues = index > 0 && line.pieces[index - 1].run === piece.run;
      const r = piece.run;
      const asc = self.fonts.ascent(r.style) * r.size;
      const content = (self.fonts.ascent(r.style) + self.fonts.descent(r.style)) * r.size;
      const baseline = top + (lineHeight - content) / 2 + asc;
      const last = self.page.commands[self.page.commands.length - 1];
      if (piece.continues && last && last.kind === "text" && last.run === r) last.text += piece.text;
      else {
        self.command({
          kind: "text", x: cursor, y: baseline, text: piece.text, style: r.style, size: r.size,
          color: r.color, spacing: r.spacing, owner: r.artifact ? null : owner, run: r,
        }); // prettier-ignore
      }
      cursor += piece.width;
    });
  };
  /* A paragraph: lines that may run on to the next page (two at least on each). */
  Layout.prototype.paragraph = function (runs, options) {
    const o = options || {};
    const lh = o.lineHeight;
    const lines = wrap(this.fonts, runs, o.width || this.right - this.left, o.noWrap);
    this.margin(o.marginTop || 0);
    const self = this;
    const keep = o.keepWith || 0;
    if (lines.length * lh + keep > this.room() && !this.atTop) {
      this.newPage();
    }
    lines.forEach(function (line) {
      if (self.y + lh > self.bottom + 0.01 && !self.atTop) self.newPage();
      self.textLine(line, (o.x || self.left), self.y, lh, o.owner, o.align, o.width);
      self.y += lh;
      self.place();
    });
    this.after(o.marginBottom || 0);
    return lines;
  };

  /* --- the pack's model: what the cover, agenda and checklist say ---------- */

  function packModel(plan, exercises, manifest, A) {
    const rows = A.agenda(plan.start, plan.items);
    const said = A.summary(plan.start, rows, plan.end);
    const chosen = rows
      .filter(function (row) {
        return row.kind === "ex";
      })
      .map(function (row) {
        return exercises.get(row.exercise);
      });
    const numbers = chosen.map(function (e) {
      return e.number;
    });
    const count = chosen.length;
    const source = manifest.sources[manifest.sections[chosen[0].id].source];
    return {
      title: plan.title || "Workshop: " + A.exercisesNamed(numbers),
      summary: "A workshop of " + count + " exercise" + (count === 1 ? "" : "s") + " chosen for your team.",
      audience: "Team leaders and their teams",
      packNote: manifest.packNote || "",
      date: plan.date ? A.dateText(plan.date) : "",
      place: plan.place,
      time: A.clock(plan.start) + " to " + said.endText,
      length: said.totalText + (said.breakMinutes ? ", including " + A.duration(said.breakMinutes) + " of breaks" : ""),
      count: count,
      source: source,
      sourceSection: A.exercisesNamed(numbers),
      rows: rows,
      summaryOf: said,
      exercises: chosen,
      materials: A.checklist(
        chosen.map(function (e) {
          return [e.number, e.materials];
        }),
      ),
      refreshments: A.refreshmentsText(rows),
    };
  }

  /* --- drawing the front matter --------------------------------------------- */

  function layoutFront(fonts, s, page, model, pageOf, doc) {
    const L = new Layout(fonts, s, page);
    const lh = s.base * s.lineHeight;
    const width = L.right - L.left;
    const reg = function (text, size, color, extra) {
      return run(text, "regular", size || s.base, color || INK, extra);
    };
    const bold = function (text, size, color, extra) {
      return run(text, "bold", size || s.base, color || INK, extra);
    };

    /* the cover */
    L.mark("cover");
    L.paragraph([reg("Workshop pack", s.kicker, GREY, { upper: true, spacing: 0.06 * s.kicker })], {
      lineHeight: s.kicker * s.lineHeight, marginBottom: 1 * MM, owner: new Elem("P", doc),
    }); // prettier-ignore
    L.paragraph([bold(model.title, s.h1, BLUE)], {
      lineHeight: s.h1 * s.h1LineHeight, marginBottom: 4 * MM, owner: new Elem("H1", doc),
    }); // prettier-ignore
    /* the pack's summary, audience and note are the hub's words, labelled as print/pack.workshop.html.j2 labels them */
    /* print.css .hub-note: 1.5 mm padding, a 7.5 pt label with 0.8 mm under it, paragraphs 1 mm apart */
    const LABEL = s.hubLabel;
    const NOTE = s.hubNote;
    const hubLabel = function (text) {
      return bold(text, LABEL, GREY, { upper: true, spacing: 0.05 * LABEL });
    };
    L.y += 1.5 * MM;
    L.paragraph([hubLabel("Summary from the hub")], {
      lineHeight: LABEL * s.lineHeight, marginBottom: 0.8 * MM, owner: new Elem("P", doc),
    }); // prettier-ignore
    L.paragraph([reg(model.summary, s.summary)], {
      lineHeight: s.summary * s.lineHeight, marginBottom: (1 + 1.5 + 5) * MM, owner: new Elem("P", doc),
    }); // prettier-ignore
    const facts = [["For", [hubLabel("The hub suggests:"), reg(" " + model.audience)]]];
    if (model.date) facts.push(["Date", [reg(model.date)]]);
    if (model.place) facts.push(["Place", [reg(model.place)]]);
    facts.push(["Time", [reg(model.time)]], ["Length", [reg(model.length)]]);
    facts.push(["Exercises", [reg(model.count + ", from "), run(model.source.title, "italic", s.base, INK)]]);
    L.margin(0);
    const boxTop = L.y;
    const inner = width - 8 * MM;
    const column = inner * 0.47;
    const gap = inner * 0.04;
    const list = new Elem("L", doc);
    const factsStart = L.page.commands.length;
    let y = boxTop + 3 * MM;
    for (let index = 0; index < facts.length; index += 2) {
      let rowHeight = 0;
      [facts[index], facts[index + 1]].forEach(function (fact, side) {
        if (!fact) return;
        const item = new Elem("LI", list);
        const x = L.left + 4 * MM + side * (column + gap);
        const dtHeight = s.dt * s.lineHeight;
        const label = wrap(fonts, [bold(fact[0], s.dt, BLUE, { upper: true, spacing: 0.04 * s.dt })], column);
        label.forEach(function (line, n) {
          L.textLine(line, x, y + n * dtHeight, dtHeight, new Elem("Lbl", item));
        });
        const value = wrap(fonts, fact[1], column);
        const body = new Elem("LBody", item);
        value.forEach(function (line, n) {
          L.textLine(line, x, y + label.length * dtHeight + n * lh, lh, body);
        });
        rowHeight = Math.max(rowHeight, label.length * dtHeight + value.length * lh);
      });
      y += rowHeight + 2 * MM;
    }
    const boxHeight = y - boxTop + 1 * MM;
    L.page.commands.splice(factsStart, 0, { kind: "rect", x: L.left, y: boxTop, w: width, h: boxHeight, fill: [0.933, 0.957, 0.969], radius: 2 * MM });
    /* the facts' margin, the hub's note on the pack, and the cover's padding, then its rule */
    L.y = boxTop + boxHeight + 4 * MM;
    if (model.packNote) {
      L.y += 1.5 * MM;
      L.paragraph([hubLabel("Note from the hub")], {
        lineHeight: LABEL * s.lineHeight, marginBottom: 0.8 * MM, owner: new Elem("P", doc),
      }); // prettier-ignore
      L.paragraph([reg(model.packNote, NOTE)], {
        lineHeight: NOTE * s.lineHeight, marginBottom: (1 + 1.5 + 3) * MM, owner: new Elem("P", doc),
      }); // prettier-ignore
    }
    L.y += 4 * MM;
    L.place();
    L.line(L.left, L.y + 0.75, L.right, L.y + 0.75, 1.5, BLUE);
    L.y += 1.5;
    L.after(6 * MM);

    /* the contents */
    L.margin(0);
    L.mark("contents");
    L.paragraph([bold("Contents", s.h2, BLUE)], { lineHeight: s.h2 * s.lineHeight, marginBottom: 2 * MM, owner: new Elem("H2", doc), keepWith: lh });
    const toc = new Elem("TOC", doc);
    const entries = [["Agenda", "agenda", 0], ["Materials and room preparation", "checklist", 0]];
    model.exercises.forEach(function (e) {
      entries.push(["Exercise " + e.number + ": " + e.title, "exercise:" + e.id, 0]);
      entries.push(["Participant materials", "participant:" + e.id, 1]);
    });
    entries.forEach(function ([text, target, level], index) {
      const number = String(pageOf(target));
      const indent = level ? 7 * MM : 0;
      const top = level ? (entries[index - 1][2] ? 0 : 0.5 * MM) : 1.5 * MM; /* print.css: ol.toc */
      const item = new Elem("TOCI", toc);
      const link = new Elem("Link", item);
      const numberWidth = fonts.width(number, "regular", s.base);
      const lines = wrap(fonts, [level ? reg(text) : bold(text)], width - indent - numberWidth - 12);
      L.margin(top);
      if (lines.length * lh > L.room()) L.newPage();
      const first = L.y;
      lines.forEach(function (line, n) {
        L.textLine(line, L.left + indent, L.y, lh, link);
        if (n === lines.length - 1) {
          const dot = fonts.width(". ", "regular", s.base);
          const start = L.left + indent + line.width + 0.5;
          const dots = Math.floor((L.right - numberWidth - 2 - start) / dot);
          if (dots > 0) {
            const leader = ". ".repeat(dots).trimEnd();
            const piece = { run: reg(leader, s.base, INK, { artifact: true }), text: leader, width: dots * dot };
            L.textLine({ pieces: [piece], width: piece.width }, start, L.y, lh, null);
          }
          L.textLine(wrap(fonts, [reg(number)], 1000)[0], L.left, L.y, lh, link, "right", width);
        }
        L.y += lh;
      });
      L.page.links.push({ x: L.left + indent, y: first, w: width - indent, h: L.y - first, target: target, owner: link, text: text });
      L.place();
      L.after(level ? 0.5 * MM : 0);
    });
    L.after(3 * MM);

    /* the agenda: kept on one page when it fits on one */
    const tableSize = s.table;
    const tlh = tableSize * s.lineHeight;
    const pad = [1.3 * MM, 2.5 * MM];
    const columns = s.columns.map(function (share) {
      return share * width;
    });
    const cells = function (values, styles, noWrap) {
      return values.map(function (value, index) {
        return wrap(fonts, [run(value, styles[index], tableSize, INK)], columns[index] - 2 * pad[1] - 0.6, noWrap[index]);
      });
    };
    const header = cells(["Time", "Session", "Length", "Running total"], ["bold", "bold", "bold", "bold"], [false, false, false, false]);
    const body = model.rows.map(function (row) {
      const quiet = row.kind === "break" || row.kind === "lunch";
      const styles = quiet ? ["italic", "italic", "italic", "italic"] : ["regular", row.kind === "ex" ? "bold" : "regular", "regular", "regular"];
      const noWrap = s.timeNoWrap ? [true, false, true, true] : [false, false, false, false];
      return { cells: cells([row.startText, row.title, row.lengthText, row.elapsedText], styles, noWrap), quiet: quiet, kind: row.kind };
    });
    body.push({
      cells: cells([model.summaryOf.endText, "Finish", "", model.summaryOf.totalText], ["regular", "bold", "regular", "regular"], s.timeNoWrap ? [true, false, true, true] : [false, false, false, false]),
      finish: true,
    }); // prettier-ignore
    const rowHeight = function (row) {
      return Math.max.apply(null, row.map(function (lines) {
        return Math.max(1, lines.length);
      })) * tlh + 2 * pad[0] + 0.6;
    }; // prettier-ignore
    const headHeight = rowHeight(header);
    const noteLines = model.summaryOf.openEnded ? 1 : 0;
    const agendaHeight =
      1.5 * MM + s.h2 * s.lineHeight + 2 * MM + s.hubLabel * s.lineHeight + 0.8 * MM + headHeight + body.reduce(function (sum, row) {
        return sum + rowHeight(row.cells);
      }, 0) + noteLines * 3 * lh; // prettier-ignore
    L.margin(6 * MM); /* the agenda shares the contents' page when it fits there (print.css: .pack-agenda) */
    if (agendaHeight > L.room() && !L.atTop) {
      L.newPage();
      L.margin(6 * MM, true);
    }
    L.mark("agenda");
    L.y += 1.5 * MM; /* the agenda is the hub's: a .hub-note, with its label under the heading */
    L.paragraph([bold("Agenda", s.h2, BLUE)], { lineHeight: s.h2 * s.lineHeight, marginBottom: 2 * MM, owner: new Elem("H2", doc) });
    L.paragraph([bold("The hub’s agenda, from the guide’s timings", s.hubLabel, GREY, { upper: true, spacing: 0.05 * s.hubLabel })], {
      lineHeight: s.hubLabel * s.lineHeight, marginBottom: 0.8 * MM, owner: new Elem("P", doc),
    }); // prettier-ignore
    const table = new Elem("Table", doc);
    const head = new Elem("THead", table);
    const tbody = new Elem("TBody", table);
    L.margin(1 * MM);
    const drawRow = function (row, fill, owner, cellTypes, topRule) {
      const height = rowHeight(row) + (topRule ? 0.9 : 0);
      const tr = new Elem("TR", owner);
      const top = L.y;
      if (fill) L.rect(L.left, top, width, height, fill);
      let x = L.left;
      row.forEach(function (lines, index) {
        L.box(x, top, columns[index], height, 0.6, [0.467, 0.467, 0.467]);
        const cell = new Elem(cellTypes[index], tr, cellTypes[index] === "TH" ? { Scope: owner === head ? "Column" : "Row" } : null);
        lines.forEach(function (line, n) {
          L.textLine(line, x + pad[1] + 0.3, top + 0.6 + pad[0] + n * tlh, tlh, cell);
        });
        x += columns[index];
      });
      if (topRule) L.line(L.left, top, L.right, top, 1.5, BLUE);
      L.y += height;
      L.place();
    };
    drawRow(header, [0.867, 0.914, 0.937], head, ["TH", "TH", "TH", "TH"]);
    body.forEach(function (row) {
      if (rowHeight(row.cells) > L.room()) {
        L.newPage();
        drawRow(header, [0.867, 0.914, 0.937], head, ["TH", "TH", "TH", "TH"]);
      }
      drawRow(row.cells, row.quiet ? [0.949, 0.949, 0.949] : null, tbody, ["TD", "TH", "TD", "TD"], row.finish);
    });
    L.after(2 * MM);

    /* the checklist */
    const items = model.materials.map(function ([text, forText]) {
      return [reg(text + " "), reg("(" + forText + ")", s.base, GREY)];
    });
    const copies = [reg("One copy of the participant materials for each person: ")];
    /* each exercise's participant pages, "pages 9–11" or "page 9", kept on one line (print.css: .page-range) */
    model.exercises.forEach(function (e, index) {
      const first = pageOf("participant:" + e.id);
      const last = pageOf("participant-end:" + e.id);
      const pages = first === last ? ", page " + first : ", pages " + first + "–" + last;
      const final = index === model.exercises.length - 1;
      copies.push(reg("Exercise "), reg(e.number + pages + (final ? "." : ";"), s.base, INK, { keep: true }));
      if (!final) copies.push(reg(" "));
    });
    items.push(copies);
    if (model.refreshments) items.push([reg(model.refreshments)]);
    L.margin(6 * MM);
    const first = wrap(fonts, items[0], width - s.itemIndent);
    if (s.h2 * s.lineHeight + 2 * MM + lh + 2.5 * MM + first.length * lh > L.room()) {
      L.newPage();
      L.margin(6 * MM, true);
    }
    L.mark("checklist");
    L.paragraph([bold("Materials and room preparation", s.h2, BLUE)], { lineHeight: s.h2 * s.lineHeight, marginBottom: 2 * MM, owner: new Elem("H2", doc) });
    L.paragraph([reg("Everything the exercises ask for, once, with the exercises that use it.")], { lineHeight: lh, marginBottom: 2.5 * MM, owner: new Elem("P", doc) });
    const checklist = new Elem("L", doc);
    items.forEach(function (runs) {
      const lines = wrap(fonts, runs, width - s.itemIndent);
      L.margin(0);
      if (lines.length * lh > L.room()) L.newPage();
      const item = new Elem("LI", checklist);
      const bodyElem = new Elem("LBody", item);
      L.box(L.left + 0.4, L.y + s.boxTop + 0.4, s.box + 0.8, s.box + 0.8, 0.8, DARK);
      lines.forEach(function (line) {
        L.textLine(line, L.left + s.itemIndent, L.y, lh, bodyElem);
        L.y += lh;
      });
      L.place();
      L.after(1.2 * MM);
    });
    return L;
  }

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

  /* --- joining the sections, with their tags -------------------------------- */

  function flattenNums(lib, context, tree) {
    const found = [];
    const walk = function (node) {
      const nums = node.lookup(lib.PDFName.of("Nums"));
      if (nums) for (let i = 0; i < nums.size(); i += 2) found.push([nums.lookup(i).asNumber(), nums.get(i + 1)]);
      const kids = node.lookup(lib.PDFName.of("Kids"));
      if (kids) for (let i = 0; i < kids.size(); i++) walk(kids.lookup(i, lib.PDFDict));
    };
    if (tree) walk(tree);
    return found;
  }

  async function appendSection(lib, doc, bytes, tree) {
    const N = lib.PDFName.of;
    const src = await lib.PDFDocument.load(bytes, { updateMetadata: false });
    const copier = lib.PDFObjectCopier.for(src.context, doc.context);
    const srcPages = src.getPages();
    const refs = srcPages.map(function (page) {
      const ref = doc.context.nextRef();
      copier.traversedObjects.set(page.ref, ref);
      return ref;
    });
    const rootRef = src.catalog.get(N("StructTreeRoot"));
    const root = rootRef ? src.context.lookup(rootRef, lib.PDFDict) : null;
    const documents = [];
    if (root) {
      copier.traversedObjects.set(rootRef, tree.rootRef);
      const k = root.get(N("K"));
      const list = k instanceof lib.PDFArray ? k.asArray() : k ? [k] : [];
      list.forEach(function (ref) {
        documents.push(ref);
        copier.traversedObjects.set(ref, tree.documentRef);
      });
    }
    const offset = tree.nextKey;
    let highest = -1;
    const pages = srcPages.map(function (page, index) {
      const node = copier.copy(page.node);
      doc.context.assign(refs[index], node);
      const copied = lib.PDFPage.of(node, refs[index], doc);
      doc.addPage(copied);
      const parents = node.get(N("StructParents"));
      if (parents) {
        node.set(N("StructParents"), lib.PDFNumber.of(offset + parents.asNumber()));
        highest = Math.max(highest, parents.asNumber());
      }
      const annots = node.lookup(N("Annots"));
      if (annots instanceof lib.PDFArray) {
        for (let i = 0; i < annots.size(); i++) {
          const annot = annots.lookup(i, lib.PDFDict);
          const parent = annot.get(N("StructParent"));
          if (parent) {
            annot.set(N("StructParent"), lib.PDFNumber.of(offset + parent.asNumber()));
            highest = Math.max(highest, parent.asNumber());
          }
        }
      }
      return copied;
    });
    documents.forEach(function (ref) {
      const document = src.context.lookup(ref, lib.PDFDict);
      const k = document.get(N("K"));
      const kids = k instanceof lib.PDFArray ? k.asArray() : k ? [k] : [];
      kids.forEach(function (kid) {
        tree.kids.push(copier.copy(kid));
      });
    });
    if (root) {
      flattenNums(lib, src.context, root.lookup(N("ParentTree"), lib.PDFDict)).forEach(function ([key, value]) {
        tree.nums.push([offset + key, copier.copy(value)]);
        highest = Math.max(highest, key);
      });
    }
    tree.nextKey = offset + highest + 1;
    return pages;
  }

  /* --- the whole pack ---------------------------------------------------------- */

  function base64(text) {
    if (typeof atob === "function") {
      const binary = atob(text);
      const bytes = new Uint8Array(binary.length);
      for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
      return bytes;
    }
    return Uint8Array.from(Buffer.from(text, "base64"));
  }

  function xmp(title, now) {
    const escape = function (text) {
      return text.replace(/[<>&"']/g, function (ch) {
        return "&#" + ch.charCodeAt(0) + ";";
      });
    };
    const date = now.toISOString().replace(/\.\d{3}Z$/, "Z");
    return (
      '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>\n' +
      '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">' +
      '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/" ' +
      'xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">' +
      '<dc:title><rdf:Alt><rdf:li xml:lang="x-default">' + escape(title) + "</rdf:li></rdf:Alt></dc:title>" +
      "<dc:language><rdf:Bag><rdf:li>en-GB</rdf:li></rdf:Bag></dc:language>" +
      "<pdfuaid:part>1</pdfuaid:part><xmp:CreatorTool>Outcomes Hub</xmp:CreatorTool>" +
      "<xmp:CreateDate>" + date + "</xmp:CreateDate><pdf:Producer>Outcomes Hub with pdf-lib 1.17.1</pdf:Producer>" +
      '</rdf:Description></rdf:RDF></x:xmpmeta>\n<?xpacket end="w"?>'
    );
  }

  /* data: {manifest, fonts: {pdf}, sections: {id: {pdf, pages, outline, participantPage}}} */
  async function build(lib, A, data, plan, exercises, now) {
    const N = lib.PDFName.of;
    const manifest = data.manifest;
    const fonts = new Fonts(manifest);
    const s = sizes(manifest.paper.largePrint);
    const model = packModel(plan, exercises, manifest, A);
    const doc = await lib.PDFDocument.create({ updateMetadata: false });
    const context = doc.context;
    const tree = { rootRef: context.nextRef(), documentRef: context.nextRef(), kids: [], nums: [], nextKey: 0 };
    const document = new Elem("Document", null);

    /* where each part starts: the front matter is laid out again until its length and the pages it
       names for the agenda and checklist no longer change */
    let frontPages = 1;
    let frontMarks = { agenda: 0, checklist: 0 };
    let L;
    const starts = {};
    const pageOf = function (target) {
      return (target in frontMarks ? frontMarks[target] : starts[target]) + 1;
    };
    /* each exercise starts on a right-hand page, after a blank left-hand one if need be (print.css:
       .pack-exercise); a section's own blank pages are in its pages */
    const placeSections = function () {
      let at = frontPages;
      model.exercises.forEach(function (e) {
        if (at % 2 === 1) at += 1;
        starts["exercise:" + e.id] = at;
        starts["participant:" + e.id] = at + data.sections[e.id].participantPage;
        at += data.sections[e.id].pages;
        starts["participant-end:" + e.id] = at - 1;
      });
      return at;
    };
    for (let attempt = 0; attempt < 6; attempt++) {
      placeSections();
      document.kids = [];
      L = layoutFront(fonts, s, manifest.page, model, pageOf, document);
      const marks = { agenda: L.marks.agenda.page, checklist: L.marks.checklist.page };
      const settled = L.pages.length === frontPages && marks.agenda === frontMarks.agenda && marks.checklist === frontMarks.checklist;
      frontPages = L.pages.length;
      frontMarks = marks;
      if (settled) break;
    }
    const total = placeSections();

    /* the fonts and the QR code */
    const carrier = await lib.PDFDocument.load(base64(data.fonts.pdf), { updateMetadata: false });
    const fontCopier = lib.PDFObjectCopier.for(carrier.context, doc.context);
    const carrierFonts = carrier.getPages()[0].node.Resources().lookup(N("Font"), lib.PDFDict);
    const fontRefs = {};
    Object.keys(FONT_KEYS).forEach(function (style) {
      fontRefs[style] = fontCopier.copy(carrierFonts.get(N(manifest.fonts[style].resource)));
    });
    const qr = manifest.planner.qr ? await doc.embedPng(base64(manifest.planner.qr)) : null;
    const useFonts = function (page) {
      Object.keys(FONT_KEYS).forEach(function (style) {
        page.node.setFontDictionary(N(FONT_KEYS[style]), fontRefs[style]);
      });
    };

    /* the front matter */
    const parentTree = [];
    const frontRefs = [];
    const footer = {
      title: model.title, source: model.source, section: model.sourceSection,
      link: manifest.planner.shortLink, printedOn: manifest.printedOn, total: total,
    }; // prettier-ignore
    L.pages.forEach(function (layoutPage, index) {
      const page = doc.addPage(manifest.page);
      frontRefs.push(page.ref);
      useFonts(page);
      if (qr) page.node.setXObject(N("HubQR"), qr.ref);
      const mcids = [];
      const drawn = contentOf(layoutPage, index, fonts, manifest.page[1], mcids);
      const stamp = contentOf(
        { commands: furniture(fonts, s, manifest.page, Object.assign({ number: index + 1, front: true }, footer)) },
        index, fonts, manifest.page[1], [],
      ); // prettier-ignore
      page.node.set(N("Contents"), context.obj([context.register(context.flateStream(drawn + "\n" + stamp))]));
      page.node.set(N("StructParents"), lib.PDFNumber.of(tree.nextKey));
      page.node.set(N("Tabs"), N("S"));
      parentTree.push({ key: tree.nextKey, mcids: mcids });
      tree.nextKey += 1;
    });
    /* links from the contents to their pages */
    const annotations = [];
    L.pages.forEach(function (layoutPage, index) {
      const page = doc.getPage(index);
      layoutPage.links.forEach(function (link) {
        const height = manifest.page[1];
        const target = pageOf(link.target) - 1;
        const annot = context.obj({
          Type: "Annot", Subtype: "Link",
          Rect: [link.x, height - link.y - link.h, link.x + link.w, height - link.y],
          Border: [0, 0, 0], Contents: lib.PDFHexString.fromText(link.text + ", page " + (target + 1)),
          StructParent: tree.nextKey,
        }); // prettier-ignore
        const ref = context.register(annot);
        page.node.addAnnot(ref);
        annotations.push({ key: tree.nextKey, owner: link.owner, ref: ref, page: index, target: target });
        link.owner.kids.push({ annot: ref, page: index });
        tree.nextKey += 1;
      });
    });

    /* the sections, with their own tags, and "Page x of y" */
    for (const e of model.exercises) {
      if (doc.getPageCount() % 2 === 1) {
        const blank = doc.addPage(manifest.page);
        useFonts(blank);
        const note = contentOf({ commands: blankNote(fonts, manifest) }, doc.getPageCount() - 1, fonts, manifest.page[1], []);
        blank.node.set(N("Contents"), context.obj([context.register(context.flateStream(note))]));
        blank.node.set(N("Tabs"), N("S"));
      }
      const pages = await appendSection(lib, doc, base64(data.sections[e.id].pdf), tree);
      const blanks = data.sections[e.id].blanks;
      pages.forEach(function (page, at) {
        if (blanks.indexOf(at) >= 0) return; /* a blank page carries no page number */
        const index = doc.getPageCount() - pages.length + at;
        useFonts(page);
        const stamp = contentOf({ commands: furniture(fonts, s, manifest.page, { number: index + 1, total: total }) }, index, fonts, manifest.page[1], []);
        page.node.addContentStream(context.register(context.flateStream(stamp)));
      });
    }
    const allPages = doc.getPages();
    annotations.forEach(function (a) {
      const top = manifest.page[1] - s.margin.top;
      context.lookup(a.ref, lib.PDFDict).set(N("Dest"), context.obj([allPages[a.target].ref, "XYZ", null, top, null]));
    });

    /* the structure tree: the front matter's elements, then each section's */
    const refOf = new Map();
    const register = function (elem) {
      refOf.set(elem, context.nextRef());
      elem.kids.forEach(function (kid) {
        if (kid instanceof Elem) register(kid);
      });
    };
    document.kids.forEach(register);
    const write = function (elem, parentRef) {
      const firstPage = elem.kids.find(function (kid) {
        return !(kid instanceof Elem);
      });
      const k = elem.kids.map(function (kid) {
        if (kid instanceof Elem) return refOf.get(kid);
        if (kid.annot) return context.obj({ Type: "OBJR", Obj: kid.annot, Pg: frontRefs[kid.page] });
        if (firstPage && kid.page === firstPage.page) return lib.PDFNumber.of(kid.mcid);
        return context.obj({ Type: "MCR", Pg: frontRefs[kid.page], MCID: kid.mcid });
      });
      const dict = context.obj({ Type: "StructElem", S: elem.type, P: parentRef });
      if (k.length) dict.set(N("K"), context.obj(k));
      if (firstPage) dict.set(N("Pg"), frontRefs[firstPage.page]);
      if (elem.attributes) dict.set(N("A"), context.obj(Object.assign({ O: "Table" }, elem.attributes)));
      context.assign(refOf.get(elem), dict);
      elem.kids.forEach(function (kid) {
        if (kid instanceof Elem) write(kid, refOf.get(elem));
      });
    };
    document.kids.forEach(function (elem) {
      write(elem, tree.documentRef);
    });
    const nums = [];
    parentTree.forEach(function (entry) {
      nums.push([entry.key, context.obj(entry.mcids.map(function (owner) {
        return refOf.get(owner);
      }))]); // prettier-ignore
    });
    annotations.forEach(function (a) {
      nums.push([a.key, refOf.get(a.owner)]);
    });
    tree.nums.forEach(function (entry) {
      nums.push(entry);
    });
    nums.sort(function (a, b) {
      return a[0] - b[0];
    });
    const flat = [];
    nums.forEach(function ([key, value]) {
      flat.push(lib.PDFNumber.of(key), value);
    });
    const kids = document.kids.map(function (elem) {
      return refOf.get(elem);
    }).concat(tree.kids); // prettier-ignore
    context.assign(tree.documentRef, context.obj({ Type: "StructElem", S: "Document", P: tree.rootRef, K: kids }));
    context.assign(
      tree.rootRef,
      context.obj({ Type: "StructTreeRoot", K: [tree.documentRef], ParentTree: context.obj({ Nums: flat }), ParentTreeNextKey: tree.nextKey }),
    );
    doc.catalog.set(N("StructTreeRoot"), tree.rootRef);
    doc.catalog.set(N("MarkInfo"), context.obj({ Marked: true }));

    /* bookmarks */
    const marks = [
      [0, model.title, 0, manifest.page[1] - L.marks.cover.y],
      [0, "Contents", L.marks.contents.page, manifest.page[1] - L.marks.contents.y],
      [0, "Agenda", L.marks.agenda.page, manifest.page[1] - L.marks.agenda.y],
      [0, "Materials and room preparation", L.marks.checklist.page, manifest.page[1] - L.marks.checklist.y],
    ];
    model.exercises.forEach(function (e) {
      const first = starts["exercise:" + e.id];
      data.sections[e.id].outline.forEach(function ([level, title, page, top]) {
        marks.push([level, title, first + page, top]);
      });
    });
    outline(lib, doc, marks);

    /* what the file says of itself */
    doc.setTitle(model.title + " (workshop pack)", { showInWindowTitleBar: true });
    doc.setSubject(model.summary);
    doc.setCreator("Outcomes Hub");
    doc.setProducer("Outcomes Hub with pdf-lib 1.17.1");
    doc.setCreationDate(now);
    doc.setModificationDate(now);
    doc.setLanguage("en-GB");
    const metadata = context.stream(xmp(model.title + " (workshop pack)", now), { Type: "Metadata", Subtype: "XML" });
    doc.catalog.set(N("Metadata"), context.register(metadata));
    const bytes = await doc.save({ useObjectStreams: true });
    return { bytes: bytes, pages: total, title: model.title };
  }

  function outline(lib, doc, marks) {
    const context = doc.context;
    const N = lib.PDFName.of;
    const pages = doc.getPages();
    const rootRef = context.nextRef();
    const items = marks.map(function ([level, title, page, top]) {
      return { level: level, title: title, page: page, top: top, ref: context.nextRef(), kids: [] };
    });
    const top = [];
    items.forEach(function (item, index) {
      if (item.level === 0) top.push(item);
      else {
        const parent = items.slice(0, index).reverse().find(function (other) {
          return other.level < item.level;
        }); // prettier-ignore
        (parent ? parent.kids : top).push(item);
        item.parent = parent;
      }
    });
    const writeList = function (list, parentRef) {
      list.forEach(function (item, index) {
        const dict = context.obj({
          Title: lib.PDFHexString.fromText(item.title),
          Parent: parentRef,
          Dest: [pages[item.page].ref, "XYZ", null, item.top, null],
        });
        if (index > 0) dict.set(N("Prev"), list[index - 1].ref);
        if (index < list.length - 1) dict.set(N("Next"), list[index + 1].ref);
        if (item.kids.length) {
          dict.set(N("First"), item.kids[0].ref);
          dict.set(N("Last"), item.kids[item.kids.length - 1].ref);
          dict.set(N("Count"), lib.PDFNumber.of(item.kids.length));
          writeList(item.kids, item.ref);
        }
        context.assign(item.ref, dict);
      });
    };
    writeList(top, rootRef);
    context.assign(rootRef, context.obj({ Type: "Outlines", First: top[0].ref, Last: top[top.length - 1].ref, Count: items.length }));
    doc.catalog.set(N("Outlines"), rootRef);
    doc.catalog.set(N("PageMode"), N("UseOutlines"));
  }

  /* --- in the page: load what is needed, then build ------------------------ */

  const loaded = {};
  function loadScript(src) {
    if (!loaded[src]) {
      loaded[src] = new Promise(function (resolve, reject) {
        const script = document.createElement("script");
        script.src = src;
        script.async = true;
        script.addEventListener("load", function () {
          resolve();
        });
        script.addEventListener("error", function () {
          delete loaded[src];
          reject(new Error("could not load " + src.split("?")[0].split("/").slice(-2).join("/")));
        });
        document.head.append(script);
      });
    }
    return loaded[src];
  }

  /* options: {assets: URL of the site's assets/ folder, plan, exercises: Map of {id, number, title, materials}} */
  async function make(options) {
    const assets = options.assets;
    await Promise.all([loadScript(assets + "javascripts/vendor/pdf-lib.min.js"), loadScript(assets + "pack/pack-data.js")]);
    const data = self.HubPackData || {};
    const manifest = data.manifest;
    if (!manifest) throw new Error("the pack's data did not load");
    const ids = options.plan.items
      .filter(function (item) {
        return item.kind === "ex";
      })
      .map(function (item) {
        return item.exercise;
      });
    const missing = ids.filter(function (id) {
      return !manifest.sections[id];
    });
    if (missing.length) throw new Error("this site has no pack section for " + missing.join(", "));
    await Promise.all(
      [loadScript(assets + "pack/" + manifest.fonts.file)].concat(
        ids.map(function (id) {
          return loadScript(assets + "pack/" + manifest.sections[id].file);
        }),
      ),
    );
    const sections = {};
    ids.forEach(function (id) {
      sections[id] = data["section:" + id];
    });
    return build(self.PDFLib, self.HubAgenda, { manifest: manifest, fonts: data.fonts, sections: sections }, options.plan, options.exercises, options.now || new Date());
  }

  /* --- the culture star, filled in (stars/culture-star/) ---------------------------------------- */

  function signed(value) {
    if (Math.abs(value) < 0.05) return "0";
    const shown = Math.abs(value).toFixed(1).replace(/\.0$/, "");
    return (value > 0 ? "+" : "−") + shown;
  }

  /* The star with one or two readings and the table of their scores, on an A4 landscape page, as
     `build.py star` prints it. options: {assets, title, points: [name], scaleMax, readings: [{name, values}],
     chart: PNG bytes of the drawn star, alt: the star in words}. */
  async function starPdf(options) {
    const assets = options.assets;
    await Promise.all([loadScript(assets + "javascripts/vendor/pdf-lib.min.js"), loadScript(assets + "pack/pack-data.js")]);
    const data = self.HubPackData || {};
    if (!data.manifest) throw new Error("the fonts did not load");
    await loadScript(assets + "pack/" + data.manifest.fonts.file);
    const lib = self.PDFLib;
    const N = lib.PDFName.of;
    const manifest = data.manifest;
    const fonts = new Fonts(manifest);
    const s = sizes(manifest.paper.largePrint);
    const page = [manifest.page[1], manifest.page[0]];
    const doc = await lib.PDFDocument.create({ updateMetadata: false });
    const context = doc.context;
    const document = new Elem("Document", null);
    const L = new Layout(fonts, s, page);
    const width = L.right - L.left;
    const title = options.title || "The culture star";
    L.paragraph([run("Culture star", "regular", s.kicker, GREY, { upper: true, spacing: 0.06 * s.kicker })], {
      lineHeight: s.kicker * s.lineHeight, marginBottom: 1 * MM, owner: new Elem("P", document),
    }); // prettier-ignore
    L.paragraph([run(title, "bold", 20, BLUE)], { lineHeight: 20 * 1.15, marginBottom: 5 * MM, owner: new Elem("H1", document) });
    const top = L.y;
    const chartWidth = width * 0.56;
    const chartHeight = (chartWidth * 250) / 380;
    const figure = new Elem("Figure", document, null);
    figure.alt = options.alt;
    L.command({ kind: "image", name: "HubStar", x: L.left, y: top, w: chartWidth, h: chartHeight, owner: figure });
    /* the table beside it */
    const x0 = L.left + chartWidth + 8 * MM;
    const tableWidth = L.right - x0;
    const two = options.readings.length === 2;
    const shares = two ? [0.43, 0.19, 0.19, 0.19] : [0.6, 0.4];
    const columns = shares.map(function (share) {
      return share * tableWidth;
    });
    const size = 10;
    const tlh = size * 1.4;
    const pad = [1.2 * MM, 2 * MM];
    const caption = "Scores from 1 to " + options.scaleMax + (two ? ", and the change from " + options.readings[0].name + " to " + options.readings[1].name : "");
    const table = new Elem("Table", document);
    const captionLines = wrap(fonts, [run(caption, "bold", size, INK)], tableWidth);
    let y = top;
    const captionElem = new Elem("Caption", table);
    captionLines.forEach(function (line) {
      L.textLine(line, x0, y, tlh, captionElem);
      y += tlh;
    });
    const rows = [["Point of the star"].concat(options.readings.map(function (r) {
      return r.name;
    })).concat(two ? ["Change"] : [])]; // prettier-ignore
    options.points.forEach(function (name, index) {
      const values = options.readings.map(function (r) {
        return r.values[index];
      });
      rows.push([name].concat(values.map(String)).concat(two ? [signed(values[1] - values[0])] : []));
    });
    const averages = options.readings.map(function (r) {
      return r.values.reduce(function (a, b) {
        return a + b;
      }, 0) / r.values.length;
    }); // prettier-ignore
    rows.push(["Average"].concat(averages.map(function (v) {
      return v.toFixed(1);
    })).concat(two ? [signed(averages[1] - averages[0])] : [])); // prettier-ignore
    const head = new Elem("THead", table);
    const body = new Elem("TBody", table);
    rows.forEach(function (cells, rowIndex) {
      const lines = cells.map(function (text, index) {
        const style = rowIndex === 0 || index === 0 || rowIndex === rows.length - 1 ? "bold" : "regular";
        return wrap(fonts, [run(text, style, size, INK)], columns[index] - 2 * pad[1]);
      });
      const height = Math.max.apply(null, lines.map(function (l) {
        return l.length;
      })) * tlh + 2 * pad[0]; // prettier-ignore
      if (rowIndex === 0) L.rect(x0, y, tableWidth, height, [0.867, 0.914, 0.937]);
      const tr = new Elem("TR", rowIndex === 0 ? head : body);
      let x = x0;
      lines.forEach(function (cellLines, index) {
        L.box(x, y, columns[index], height, 0.6, [0.467, 0.467, 0.467]);
        const type = rowIndex === 0 || index === 0 ? "TH" : "TD";
        const cell = new Elem(type, tr, type === "TH" ? { Scope: rowIndex === 0 ? "Column" : "Row" } : null);
        cellLines.forEach(function (line, n) {
          const align = index > 0 && rowIndex > 0 ? "right" : null;
          L.textLine(line, x + pad[1], y + pad[0] + n * tlh, tlh, cell, align, columns[index] - 2 * pad[1]);
        });
        x += columns[index];
      });
      y += height;
    });
    const hint = "1 is near the centre and " + options.scaleMax + " at the tip of each point. Then think: what does this show about your workplace culture, and how does it affect you, the workforce and the people you support?";
    y += 3 * MM;
    const hintElem = new Elem("P", document);
    wrap(fonts, [run(hint, "regular", size, INK)], tableWidth).forEach(function (line) {
      L.textLine(line, x0, y, tlh, hintElem);
      y += tlh;
    });
    /* the page */
    const carrier = await lib.PDFDocument.load(base64(data.fonts.pdf), { updateMetadata: false });
    const copier = lib.PDFObjectCopier.for(carrier.context, context);
    const carrierFonts = carrier.getPages()[0].node.Resources().lookup(N("Font"), lib.PDFDict);
    const pdfPage = doc.addPage(page);
    Object.keys(FONT_KEYS).forEach(function (style) {
      pdfPage.node.setFontDictionary(N(FONT_KEYS[style]), copier.copy(carrierFonts.get(N(manifest.fonts[style].resource))));
    });
    const image = await doc.embedPng(options.chart);
    pdfPage.node.setXObject(N("HubStar"), image.ref);
    const mcids = [];
    const drawn = contentOf(L.page, 0, fonts, page[1], mcids);
    const headerBaseline = s.margin.top - 3 * MM - fonts.descent("regular") * s.furniture - 0.68;
    const furnitureCommands = [
      { kind: "text", x: L.left, y: headerBaseline, text: title, style: "regular", size: s.furniture, color: GREY, spacing: 0, owner: null },
      { kind: "text", x: L.right - fonts.width("Outcomes Hub", "regular", s.furniture), y: headerBaseline, text: "Outcomes Hub", style: "regular", size: s.furniture, color: GREY, spacing: 0, owner: null },
      { kind: "text", x: L.left, y: page[1] - s.margin.bottom + 3 * MM + 8, text: "Made with Outcomes Hub" + (manifest.planner.shortLink ? " (" + manifest.planner.shortLink.replace(/exercises\/plan\/$/, "stars/culture-star/") + ")" : ""), style: "regular", size: s.furniture, color: GREY, spacing: 0, owner: null },
    ]; // prettier-ignore
    const stamp = contentOf({ commands: furnitureCommands }, 0, fonts, page[1], []);
    pdfPage.node.set(N("Contents"), context.obj([context.register(context.flateStream(drawn + "\n" + stamp))]));
    pdfPage.node.set(N("StructParents"), lib.PDFNumber.of(0));
    pdfPage.node.set(N("Tabs"), N("S"));
    /* its structure */
    const rootRef = context.nextRef();
    const documentRef = context.nextRef();
    const refOf = new Map();
    const register = function (elem) {
      refOf.set(elem, context.nextRef());
      elem.kids.forEach(function (kid) {
        if (kid instanceof Elem) register(kid);
      });
    };
    document.kids.forEach(register);
    const write = function (elem, parentRef) {
      const k = elem.kids.map(function (kid) {
        return kid instanceof Elem ? refOf.get(kid) : lib.PDFNumber.of(kid.mcid);
      });
      const dict = context.obj({ Type: "StructElem", S: elem.type, P: parentRef, Pg: pdfPage.ref });
      if (k.length) dict.set(N("K"), context.obj(k));
      if (elem.attributes) dict.set(N("A"), context.obj(Object.assign({ O: "Table" }, elem.attributes)));
      if (elem.alt) dict.set(N("Alt"), lib.PDFHexString.fromText(elem.alt));
      context.assign(refOf.get(elem), dict);
      elem.kids.forEach(function (kid) {
        if (kid instanceof Elem) write(kid, refOf.get(elem));
      });
    };
    document.kids.forEach(function (elem) {
      write(elem, documentRef);
    });
    const owners = context.obj(mcids.map(function (owner) {
      return refOf.get(owner);
    })); // prettier-ignore
    context.assign(documentRef, context.obj({ Type: "StructElem", S: "Document", P: rootRef, K: document.kids.map(function (e) {
      return refOf.get(e);
    }) })); // prettier-ignore
    context.assign(rootRef, context.obj({ Type: "StructTreeRoot", K: [documentRef], ParentTree: context.obj({ Nums: [0, owners] }), ParentTreeNextKey: 1 }));
    doc.catalog.set(N("StructTreeRoot"), rootRef);
    doc.catalog.set(N("MarkInfo"), context.obj({ Marked: true }));
    const now = options.now || new Date();
    doc.setTitle(title + " (culture star)", { showInWindowTitleBar: true });
    doc.setCreator("Outcomes Hub");
    doc.setProducer("Outcomes Hub with pdf-lib 1.17.1");
    doc.setCreationDate(now);
    doc.setModificationDate(now);
    doc.setLanguage("en-GB");
    doc.catalog.set(N("Metadata"), context.register(context.stream(xmp(title + " (culture star)", now), { Type: "Metadata", Subtype: "XML" })));
    return { bytes: await doc.save(), pages: 1, title: title };
  }

  /* For a page without the planner's list of exercises (the audit's): the exercises come from pack-data.js. */
  /* What make() needs, from a planner's address, for a page without the planner (the audit): the plan, and
     every exercise the pack's data knows. The participant set (participant-set.js) is asked for the same way. */
  async function fromAddress(options) {
    await loadScript(options.assets + "pack/pack-data.js");
    const manifest = (self.HubPackData || {}).manifest;
    if (!manifest) throw new Error("the pack's data did not load");
    const exercises = new Map();
    Object.keys(manifest.exercises).forEach(function (id) {
      exercises.set(id, Object.assign({ id: id }, manifest.exercises[id]));
    });
    const plan = self.HubAgenda.parsePlan(options.address, exercises);
    return { assets: options.assets, plan: plan, exercises: exercises, now: options.now };
  }

  async function makeFromAddress(options) {
    return make(await fromAddress(options));
  }

  /* Hand the pack to the browser as a download named after its title. */
  function save(result, name) {
    const url = URL.createObjectURL(new Blob([result.bytes], { type: "application/pdf" }));
    const link = document.createElement("a");
    link.href = url;
    link.download = name;
    link.hidden = true;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(function () {
      URL.revokeObjectURL(url);
    }, 60000);
  }

  return {
    make: make,
    makeFromAddress: makeFromAddress,
    fromAddress: fromAddress,
    starPdf: starPdf,
    save: save,
    build: build,
    packModel: packModel,
    sizes: sizes,
    /* for the participant set (participant-set.js), which joins sections the same way */
    parts: {
      Fonts: Fonts, FONT_KEYS: FONT_KEYS, base64: base64, loadScript: loadScript, appendSection: appendSection,
      contentOf: contentOf, furniture: furniture, blankNote: blankNote, outline: outline, xmp: xmp,
    },
  }; // prettier-ignore
});
