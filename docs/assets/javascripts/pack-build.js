/* Outcomes Hub: a part of the browser-made pack (docs/browser-pack.md).
 *
 * The whole pack: what its cover, agenda and checklist say (from the plan, with agenda.js's rules),
 * and the PDF made of them: front matter laid out again until its page numbers settle, each exercise's
 * section on a right-hand page, "Page x of y", links, tags and bookmarks.
 *
 * Loaded by pack.js, which runs it once all its parts are in (HubPack.part), in the order of its
 * PARTS: what it takes from the parts before it comes from P.
 */
"use strict";

self.HubPack.part("pack-build.js", function (P) {
  const { sizes, FONT_KEYS, Fonts, Elem, layoutFront, contentOf, blankNote, furniture, appendSection, base64, xmp, outline } = P;

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

  return { packModel: packModel, build: build };
});
