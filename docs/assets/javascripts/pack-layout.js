/* Outcomes Hub: a part of the browser-made pack (docs/browser-pack.md).
 *
 * The box model the front matter is laid out by: structure elements of the tagged PDF, and pages of
 * drawing commands with CSS's collapsing margins and paragraphs that run on.
 *
 * Loaded by pack.js, which runs it once all its parts are in (HubPack.part), in the order of its
 * PARTS: what it takes from the parts before it comes from P.
 */
"use strict";

self.HubPack.part("pack-layout.js", function (P) {
  const { wrap } = P;

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

  return { Elem: Elem, Layout: Layout };
});
