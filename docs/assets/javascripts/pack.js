/* Outcomes Hub: the planner's workshop pack, made in the browser (docs/browser-pack.md).
 *
 * Loaded only when someone asks for a pack (by planner.js, or by Hub.loadPack in site.js), with the
 * vendored pdf-lib (vendor/pdf-lib.min.js) and the files the build prepared in assets/pack/
 * (hub/pack_sections.py): each exercise's section, printed by WeasyPrint as a tagged PDF without page
 * numbers, a page that carries the fonts, and pack-data.js. It draws the cover, contents, agenda and
 * checklist to the rules of templates/print/pack.workshop.html.j2 (the same boxes and sizes as
 * templates/print/print.css), tags them, joins the sections with their tags, stamps "Page x of y" and
 * adds bookmarks. Nothing is sent anywhere: the files are loaded as scripts, which also works from
 * file://.
 *
 * This file is the pack's entry: window.HubPack, and the loading of everything else. The work is done
 * by its parts (PARTS, beside this file), which it starts loading, all at once, as soon as it runs;
 * each part hands pack.js a maker (HubPack.part), and once every part is in the makers run in the
 * order of PARTS, each given what the ones before it made. Every action waits for that, and so does
 * every file loaded through HubPack.parts.loadScript, so participant-set.js, which uses the parts,
 * finds them in place. docs/sw.js keeps the same list of parts for the planner's offline copy.
 */
"use strict";

self.HubPack = (function () {
  /* The pack's parts, in the order their makers run: each takes only from those before it. */
  const PARTS = [
    "pack-text.js", "pack-layout.js", "pack-drawing.js", "pack-document.js",
    "pack-front.js", "pack-build.js", "pack-star.js",
  ]; // prettier-ignore
  /* The folder of this file, where its parts are (from file:// as well as http). */
  const script = document.currentScript || document.querySelector('script[src*="javascripts/pack.js"]');
  const HERE = script.src.replace(/pack\.js(?:\?.*)?$/, "");

  /* What the parts make, by name (and loadScript, for the participant set): filled in by ready(). */
  const parts = {};
  const makers = {};
  function part(name, maker) {
    makers[name] = maker;
  }

  const loaded = {};
  function fetchScript(src) {
    if (!loaded[src]) {
      loaded[src] = new Promise(function (resolve, reject) {
        const tag = document.createElement("script");
        tag.src = src;
        tag.async = true;
        tag.addEventListener("load", function () {
          resolve();
        });
        tag.addEventListener("error", function () {
          delete loaded[src];
          reject(new Error("could not load " + src.split("?")[0].split("/").slice(-2).join("/")));
        });
        document.head.append(tag);
      });
    }
    return loaded[src];
  }

  /* Every part loaded and made, once; a part that failed to load is asked for again next time. */
  let made = null;
  function ready() {
    if (!made) {
      made = Promise.all(
        PARTS.map(function (name) {
          return fetchScript(HERE + name);
        }),
      )
        .then(function () {
          PARTS.forEach(function (name) {
            if (!makers[name]) throw new Error("the pack's part " + name + " did not run");
            Object.assign(parts, makers[name](parts));
          });
        })
        .catch(function (error) {
          made = null;
          throw error;
        });
    }
    return made;
  }

  /* A file the pack needs (pdf-lib, pack-data.js, the fonts, a section), once the pack's parts are in too. */
  function loadScript(src) {
    return Promise.all([ready(), fetchScript(src)]).then(function () {});
  }
  parts.loadScript = loadScript;

  /* The pack's data and, for each exercise of the plan, its printed part ("section" for the pack, "participants"
     for the participant set), loaded with the fonts; an exercise the site has no such part for is named. */
  async function loadParts(options, which, lacking) {
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
    const entry = function (id) {
      const section = manifest.sections[id];
      return which === "section" ? section : section && section[which];
    };
    const missing = ids.filter(function (id) {
      return !entry(id);
    });
    if (missing.length) throw new Error(lacking + missing.join(", "));
    await Promise.all(
      [loadScript(assets + "pack/" + manifest.fonts.file)].concat(
        ids.map(function (id) {
          return loadScript(assets + "pack/" + entry(id).file);
        }),
      ),
    );
    const loaded = {};
    ids.forEach(function (id) {
      loaded[id] = data[which + ":" + id];
    });
    return { data: data, manifest: manifest, ids: ids, loaded: loaded };
  }
  parts.loadParts = loadParts;

  /* options: {assets: URL of the site's assets/ folder, plan, exercises: Map of {id, number, title, materials}} */
  async function make(options) {
    const { data, manifest, loaded: sections } = await loadParts(options, "section", "this site has no pack section for ");
    await ready();
    return parts.build(self.PDFLib, self.HubAgenda, { manifest: manifest, fonts: data.fonts, sections: sections }, options.plan, options.exercises, options.now || new Date());
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

  async function build(lib, A, data, plan, exercises, now) {
    await ready();
    return parts.build(lib, A, data, plan, exercises, now);
  }

  async function starPdf(options) {
    await ready();
    return parts.starPdf(options);
  }

  ready().catch(function () {
    /* said when the pack is asked for: each action loads what failed again */
  });

  return {
    make: make,
    makeFromAddress: makeFromAddress,
    fromAddress: fromAddress,
    starPdf: starPdf,
    save: save,
    build: build,
    part: part,
    /* once the parts are in (after any of the above, or a file from parts.loadScript) */
    packModel: function (plan, exercises, manifest, A) {
      return parts.packModel(plan, exercises, manifest, A);
    },
    sizes: function (largePrint) {
      return parts.sizes(largePrint);
    },
    /* for the participant set (participant-set.js), which joins sections the same way: Fonts, FONT_KEYS,
       base64, loadScript, appendSection, contentOf, furniture, blankNote, outline, xmp and the rest */
    parts: parts,
  };
})();
