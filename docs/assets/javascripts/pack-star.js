/* Outcomes Hub: a part of the browser-made pack (docs/browser-pack.md).
 *
 * The culture star, filled in (stars/culture-star/): the star with one or two readings and the table
 * of their scores on an A4 landscape page, tagged, as `build.py star` prints it.
 *
 * Loaded by pack.js, which runs it once all its parts are in (HubPack.part), in the order of its
 * PARTS: what it takes from the parts before it comes from P.
 */
"use strict";

self.HubPack.part("pack-star.js", function (P) {
  const { MM, sizes, BLUE, INK, GREY, FONT_KEYS, Fonts, run, wrap, Elem, Layout, contentOf, base64, xmp, loadScript } = P;

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

  return { signed: signed, starPdf: starPdf };
});
