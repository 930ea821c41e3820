/* Outcomes Hub: a part of the browser-made pack (docs/browser-pack.md).
 *
 * The parts of a PDF document the pack and the participant set share: each section's pages joined with
 * their tags (structure elements, renumbered marked-content keys, merged parent trees), bookmarks, the
 * XMP metadata of PDF/UA, and base64 decoding.
 *
 * Loaded by pack.js, which runs it once all its parts are in (HubPack.part), in the order of its
 * PARTS: what it takes from the parts before it comes from P.
 */
"use strict";

self.HubPack.part("pack-document.js", function () {
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

  return { flattenNums: flattenNums, appendSection: appendSection, base64: base64, xmp: xmp, outline: outline };
});
