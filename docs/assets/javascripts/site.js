/* Outcomes Hub: what every page needs.
 *
 * Hub.enhance(selector, setup) runs setup(element) once for each element that
 * matches, on the first page and on every page that Material's instant
 * navigation swaps in (document$). The tools (filters, planner, audit, star,
 * quiz) are built on it. Nothing here sends anything anywhere.
 */
"use strict";

window.Hub = (function () {
  function onEveryPage(callback) {
    if (window.document$ && typeof window.document$.subscribe === "function") {
      window.document$.subscribe(callback);
    } else if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", callback);
    } else {
      callback();
    }
  }

  function enhance(selector, setup) {
    onEveryPage(function () {
      document.querySelectorAll(selector).forEach(function (element) {
        if (element.dataset.hubReady) return;
        element.dataset.hubReady = "true";
        setup(element);
      });
    });
  }

  /* Settings kept in the address after "#", as in #start=09:30&exercises=a,b:
     shareable, and never sent to a server. */
  function readHash() {
    return new URLSearchParams(location.hash.replace(/^#/, ""));
  }

  function writeHash(params) {
    const text = params.toString();
    const url = location.pathname + location.search + (text ? "#" + text : "");
    history.replaceState(history.state, "", url);
  }

  function element(tag, attributes, children) {
    const made = document.createElement(tag);
    Object.entries(attributes || {}).forEach(function ([name, value]) {
      if (value === false || value === null || value === undefined) return;
      if (name === "text") made.textContent = value;
      else made.setAttribute(name, value === true ? "" : value);
    });
    (children || []).forEach(function (child) {
      made.append(child);
    });
    return made;
  }

  /* A button whose visible text is `label`, and whose accessible name adds
     which item it is for (so a list of "Remove" buttons can be told apart). */
  function button(label, forWhat, attributes) {
    const made = element("button", Object.assign({ type: "button" }, attributes || {}), [label]);
    if (forWhat) made.append(element("span", { class: "hub-visually-hidden", text: " (" + forWhat + ")" }));
    return made;
  }

  function announce(region, message) {
    if (!region) return;
    region.textContent = "";
    window.setTimeout(function () {
      region.textContent = message;
    }, 50);
  }

  function copyText(text, status, done) {
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(
        function () {
          announce(status, done);
        },
        function () {
          announce(status, "Copying did not work here; select the text and copy it yourself.");
        },
      );
    } else {
      announce(status, "Copying is not available here; select the text and copy it yourself.");
    }
  }

  /* 95 → "1 h 35 min"; the same words as the PDF packs. */
  function duration(minutes) {
    const hours = Math.floor(minutes / 60);
    const rest = minutes % 60;
    if (!hours) return rest + " min";
    return rest ? hours + " h " + rest + " min" : hours + " h";
  }

  /* 570 → "09:30" (wrapping past midnight). */
  function clock(minutes) {
    const day = ((minutes % 1440) + 1440) % 1440;
    return String(Math.floor(day / 60)).padStart(2, "0") + ":" + String(day % 60).padStart(2, "0");
  }

  /* A value for a POSIX shell, quoted only when it needs to be. */
  function shellQuote(text) {
    if (/^[A-Za-z0-9_./:=,@%+-]+$/.test(text)) return text;
    return "'" + text.replace(/'/g, "'\\''") + "'";
  }

  /* A button that clears what someone entered asks first, in the page rather
     than in a browser dialog: a group with the question and two buttons opens
     after the button's paragraph, "No" focused. ask.isEmpty() says when there
     is nothing to lose (then it clears at once); ask.clear() clears. */
  let asked = 0;
  function askFirst(trigger, ask) {
    const id = "hub-confirm-" + ++asked;
    const yes = element("button", { type: "button", class: "md-button", text: ask.yes });
    const no = element("button", { type: "button", class: "md-button md-button--primary", text: ask.no });
    const box = element("div", { class: "hub-confirm", id: id, role: "group", "aria-labelledby": id + "-question", hidden: true }, [
      element("p", { id: id + "-question", text: ask.question }),
      element("p", {}, [yes, " ", no]),
    ]);
    (trigger.closest("p, div") || trigger).after(box);
    trigger.setAttribute("aria-expanded", "false");
    trigger.setAttribute("aria-controls", id);
    function open(opened) {
      box.hidden = !opened;
      trigger.setAttribute("aria-expanded", String(opened));
    }
    trigger.addEventListener("click", function () {
      if (ask.isEmpty()) return ask.clear();
      open(true);
      no.focus();
    });
    yes.addEventListener("click", function () {
      open(false);
      ask.clear();
    });
    no.addEventListener("click", function () {
      open(false);
      trigger.focus();
    });
    box.addEventListener("keydown", function (event) {
      if (event.key !== "Escape") return;
      open(false);
      trigger.focus();
    });
  }

  /* A script a tool needs only when it is asked for (a script element works from file:// too), loaded once. */
  const scripts = {};
  function loadScript(src) {
    if (!scripts[src]) {
      scripts[src] = new Promise(function (resolve, reject) {
        const tag = element("script", { src: src });
        tag.addEventListener("load", resolve);
        tag.addEventListener("error", function () {
          delete scripts[src];
          reject(new Error("its files did not load"));
        });
        document.head.append(tag);
      });
    }
    return scripts[src];
  }

  /* The pack maker (pack.js, which loads its own parts) and the planner's rules it needs (agenda.js,
     HubAgenda), loaded when a page that does not load them itself first asks for a PDF; `assets` is the
     site's assets/ folder. */
  function loadPack(assets) {
    if (window.HubPack) return Promise.resolve();
    return (window.HubAgenda ? Promise.resolve() : loadScript(assets + "javascripts/agenda.js")).then(function () {
      return loadScript(assets + "javascripts/pack.js");
    });
  }

  /* A catalogue with several pages (hub/listings.py) links, hidden, to a data
     script with every item. loadCatalogue(link, ready) runs that script once
     (a script element works from file:// too, where fetch does not) and calls
     ready(records, root): records for every item (null if the script could
     not be loaded), and the address of the site's top folder, for links to PDFs. Records are JSON data, shown with
     textContent only. */
  const catalogues = {};
  function loadCatalogue(link, ready) {
    const src = link.href;
    const folder = src.replace(/\/[^/]*$/, "");
    const root = folder.replace(/\/[^/]*$/, "/");
    const name = folder.slice(folder.lastIndexOf("/") + 1);
    const done = function () {
      ready((window.HubCatalogues || {})[name] || null, root);
    };
    if (catalogues[src] === "finished") return done();
    if (catalogues[src]) return catalogues[src].push(done);
    catalogues[src] = [done];
    const finish = function () {
      const waiting = catalogues[src];
      catalogues[src] = "finished";
      waiting.forEach(function (callback) {
        callback();
      });
    };
    const script = element("script", { src: src });
    script.addEventListener("load", finish);
    script.addEventListener("error", finish);
    document.head.append(script);
  }

  /* The address of item `id`, made from a link to another item of the same
     folder, so that it follows the site's form (folder/ or folder.html). */
  function itemHref(sampleHref, sampleId, id) {
    const at = sampleHref.lastIndexOf(sampleId);
    return at < 0 ? sampleHref : sampleHref.slice(0, at) + id + sampleHref.slice(at + sampleId.length);
  }

  return {
    onEveryPage: onEveryPage,
    loadCatalogue: loadCatalogue,
    itemHref: itemHref,
    enhance: enhance,
    readHash: readHash,
    writeHash: writeHash,
    element: element,
    button: button,
    askFirst: askFirst,
    loadPack: loadPack,
    loadScript: loadScript,
    announce: announce,
    copyText: copyText,
    duration: duration,
    clock: clock,
    shellQuote: shellQuote,
  };
})();

document.documentElement.classList.add("hub-js");

/* "Plan a session with this exercise": the planner's address with the exercise in it (an exercise page
   does not load the planner's script). */
Hub.enhance("a.hub-plan-link[data-exercise]", function (link) {
  link.href = link.href.split("#")[0] + "#ex=" + encodeURIComponent(link.dataset.exercise);
});
/* A workshop pack's page: "Change this agenda in the session planner" carries its whole agenda as the
   planner's address (hub/model/agenda.py planner_address). */
Hub.enhance("a.hub-plan-link[data-plan]", function (link) {
  link.href = link.href.split("#")[0] + "#" + link.dataset.plan;
});

/* The theme's own accessibility gaps. */
Hub.onEveryPage(function () {
  const search = document.querySelector('.md-search[role="dialog"]');
  if (search && !search.hasAttribute("aria-label")) search.setAttribute("aria-label", "Search");
  document.querySelectorAll(".md-tags:not([aria-label])").forEach(function (tags) {
    tags.setAttribute("aria-label", "Themes");
  });
  /* Wide tables scroll sideways on small screens: let keyboard users reach
     and scroll them, and say what they are. */
  document.querySelectorAll(".md-typeset__scrollwrap:not([tabindex]), .hub-table-wrap:not([tabindex])").forEach(function (wrap) {
    if (wrap.parentElement.closest(".hub-table-wrap")) return; /* one region for a table, not two */
    const table = wrap.querySelector("table");
    const caption = table && table.querySelector("caption");
    const heading = wrap.closest("section") && wrap.closest("section").querySelector(".hub-block-title");
    const name = (caption && caption.textContent) || (heading && heading.textContent) || "Table";
    wrap.setAttribute("tabindex", "0");
    wrap.setAttribute("role", "region");
    wrap.setAttribute("aria-label", name.trim());
  });
});

/* In print, write each link's address after it: a link to another site as it is, a link within the hub as
   its address on the published site (never the address of the machine showing it, such as localhost or a
   file), and none where the page does not know the published address. */
window.addEventListener("beforeprint", function () {
  const canonical = document.querySelector('link[rel="canonical"]');
  const config = document.getElementById("__config");
  const base = config ? JSON.parse(config.textContent).base || "." : ".";
  const localRoot = new URL(base.replace(/\/?$/, "/"), window.location.href).href;
  const publishedRoot = canonical ? new URL(base.replace(/\/?$/, "/"), canonical.href).href : null;
  document.querySelectorAll(".md-content a[href]").forEach(function (link) {
    const href = link.getAttribute("href");
    delete link.dataset.printHref;
    if (!href || href.startsWith("#") || link.classList.contains("headerlink") || link.closest(".md-button, .hub-downloads")) return;
    if (link.href.startsWith(localRoot)) {
      /* a page of the hub: its address on the published site, or none where the page does not know it */
      if (publishedRoot) link.dataset.printHref = publishedRoot + link.href.slice(localRoot.length).split("#")[0];
    } else if (/^(https?:|mailto:)/i.test(link.href)) {
      link.dataset.printHref = link.href.replace(/^mailto:/i, "");
    }
  });
});
