/* Outcomes Hub: a part of the browser-made pack (docs/browser-pack.md).
 *
 * The front matter laid out: the cover, contents, agenda and checklist, to the rules of
 * templates/print/pack.workshop.html.j2 (the same boxes and sizes as templates/print/print.css).
 *
 * Loaded by pack.js, which runs it once all its parts are in (HubPack.part), in the order of its
 * PARTS: what it takes from the parts before it comes from P.
 */
"use strict";

self.HubPack.part("pack-front.js", function (P) {
  const { MM, BLUE, INK, GREY, DARK, run, wrap, Elem, Layout } = P;

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

  return { layoutFront: layoutFront };
});
