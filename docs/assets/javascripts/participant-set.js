/* Outcomes Hub: the participant set of the planner's session (or the audit's), made in the browser
 * (docs/browser-pack.md).
 *
 * The participant materials alone, one PDF to photocopy for each person: each exercise's part of a
 * participant set, printed on its own by WeasyPrint at build time (print/pack.participant-section.html.j2,
 * assets/pack/sections/<id>-participants.js), joined in the session's order with their tags, each
 * starting on a right-hand page (a left-hand page left empty says so), with "Page x of y" and a bookmark
 * for each exercise: the same pages as `build.py pack --plan ADDRESS --participants PDF` prints
 * (print/pack.participants.html.j2). Loaded only when the set is asked for, after pack.js, whose
 * parts it uses. Nothing is sent anywhere.
 */
"use strict";

(function (root, make) {
  const made = make();
  if (typeof module === "object" && module.exports) module.exports = made;
  else root.HubParticipantSet = made;
})(typeof self !== "undefined" ? self : this, function () {
  /* data: {manifest, fonts: {pdf}, sets: {id: {pdf}}}; title: the pack's title */
  async function build(lib, P, data, ids, title, summary, now) {
    const H = P.parts;
    const N = lib.PDFName.of;
    const manifest = data.manifest;
    const fonts = new H.Fonts(manifest);
    const s = P.sizes(manifest.paper.largePrint);
    const doc = await lib.PDFDocument.create({ updateMetadata: false });
    const context = doc.context;
    const tree = { rootRef: context.nextRef(), documentRef: context.nextRef(), kids: [], nums: [], nextKey: 0 };

    /* where each exercise starts: on a right-hand (odd) page, as print.css's .pack-exercise */
    const starts = {};
    let total = 0;
    ids.forEach(function (id) {
      if (total % 2 === 1) total += 1;
      starts[id] = total;
      total += manifest.sections[id].participants.pages;
    });

    const carrier = await lib.PDFDocument.load(H.base64(data.fonts.pdf), { updateMetadata: false });
    const copier = lib.PDFObjectCopier.for(carrier.context, context);
    const carrierFonts = carrier.getPages()[0].node.Resources().lookup(N("Font"), lib.PDFDict);
    const fontRefs = {};
    Object.keys(H.FONT_KEYS).forEach(function (style) {
      fontRefs[style] = copier.copy(carrierFonts.get(N(manifest.fonts[style].resource)));
    });
    const useFonts = function (page) {
      Object.keys(H.FONT_KEYS).forEach(function (style) {
        page.node.setFontDictionary(N(H.FONT_KEYS[style]), fontRefs[style]);
      });
    };

    for (const id of ids) {
      if (doc.getPageCount() % 2 === 1) {
        const blank = doc.addPage(manifest.page);
        useFonts(blank);
        const note = H.contentOf({ commands: H.blankNote(fonts, manifest) }, doc.getPageCount() - 1, fonts, manifest.page[1], []);
        blank.node.set(N("Contents"), context.obj([context.register(context.flateStream(note))]));
        blank.node.set(N("Tabs"), N("S"));
      }
      const pages = await H.appendSection(lib, doc, H.base64(data.sets[id].pdf), tree);
      const blanks = manifest.sections[id].participants.blanks || [];
      pages.forEach(function (page, at) {
        if (blanks.indexOf(at) >= 0) return; /* a blank page (before a sheet handed out later) carries no number */
        const index = doc.getPageCount() - pages.length + at;
        useFonts(page);
        const commands = H.furniture(fonts, s, manifest.page, { number: index + 1, total: total });
        const stamp = H.contentOf({ commands: commands }, index, fonts, manifest.page[1], []);
        page.node.addContentStream(context.register(context.flateStream(stamp)));
      });
    }

    /* the structure tree: each exercise's, in order */
    const nums = tree.nums.slice().sort(function (a, b) {
      return a[0] - b[0];
    });
    const flat = [];
    nums.forEach(function ([key, value]) {
      flat.push(lib.PDFNumber.of(key), value);
    });
    context.assign(tree.documentRef, context.obj({ Type: "StructElem", S: "Document", P: tree.rootRef, K: tree.kids }));
    context.assign(
      tree.rootRef,
      context.obj({ Type: "StructTreeRoot", K: [tree.documentRef], ParentTree: context.obj({ Nums: flat }), ParentTreeNextKey: tree.nextKey }),
    );
    doc.catalog.set(N("StructTreeRoot"), tree.rootRef);
    doc.catalog.set(N("MarkInfo"), context.obj({ Marked: true }));

    /* bookmarks: each exercise, where its participant materials start */
    const marks = [];
    ids.forEach(function (id) {
      manifest.sections[id].participants.outline.forEach(function ([level, text, page, top]) {
        marks.push([level, text, starts[id] + page, top]);
      });
    });
    H.outline(lib, doc, marks);

    const name = title + " (participant set)";
    doc.setTitle(name, { showInWindowTitleBar: true });
    doc.setSubject(summary);
    doc.setCreator("Outcomes Hub");
    doc.setProducer("Outcomes Hub with pdf-lib 1.17.1");
    doc.setCreationDate(now);
    doc.setModificationDate(now);
    doc.setLanguage("en-GB");
    doc.catalog.set(N("Metadata"), context.register(context.stream(H.xmp(name, now), { Type: "Metadata", Subtype: "XML" })));
    const bytes = await doc.save({ useObjectStreams: true });
    return { bytes: bytes, pages: total, title: title };
  }

  /* options: {assets: URL of the site's assets/ folder, plan, exercises: Map of {id, number, title, materials}} */
  async function make(options) {
    const P = self.HubPack;
    const H = P.parts;
    const { data, manifest, ids, loaded: sets } = await H.loadParts(options, "participants", "this site has no participant materials for ");
    const model = P.packModel(options.plan, options.exercises, manifest, self.HubAgenda);
    const input = { manifest: manifest, fonts: data.fonts, sets: sets };
    return build(self.PDFLib, P, input, ids, model.title, model.summary, options.now || new Date());
  }

  /* options: {assets, address: a planner's address}, as HubPack.makeFromAddress (the audit's set) */
  async function makeFromAddress(options) {
    return make(await self.HubPack.fromAddress(options));
  }

  return { make: make, makeFromAddress: makeFromAddress, build: build };
});
