/* Outcomes Hub: search, over Pagefind's index (hub/site/pagefind.py).
 *
 * The header's search button opens a dialog (docs/overrides/partials/hub-search.html). Nothing is loaded
 * until someone types: then Pagefind's script, its WebAssembly and the parts of the index the words need.
 * Each result shows the page's title (an exercise's with its number), its kind, its summary and, when the
 * words were found further down the page, the section and the words around them: each once. Everything is shown with textContent: the excerpt's highlighted words are
 * rebuilt as <mark> elements, never written as markup. "/" opens search from anywhere on a page.
 */
"use strict";

(function () {
  const SHOWN = 10;
  /* Pagefind ranks by the words' weight and frequency on each page; of its best RANKED, the pages whose
     title has every word typed come first, those whose title is most nearly just those words first among
     them. So "exercise 6" finds Exercise 6 (not a "60-minute" pack, whose "60" starts with "6"), and a
     page about something comes before pages that mention it in passing. */
  const RANKED = 12;
  const MINOR = new Set(["a", "an", "and", "at", "for", "in", "of", "on", "or", "the", "to", "with"]);

  /* Words as the title match compares them: lower case, split at anything but letters and digits (so
     "outcome-focused" is two words, as Pagefind indexes it), a plural's s dropped. */
  function words(text) {
    return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) || []).map(function (word) {
      return word.length > 3 && word.endsWith("s") && !word.endsWith("ss") ? word.slice(0, -1) : word;
    });
  }

  /* How nearly the title is the query: 0 unless it has every word typed (the last may be half typed,
     unless it is a number), otherwise the share of its own words that were typed. */
  function titleMatch(title, query) {
    const typed = words(query).filter(function (word) {
      return !MINOR.has(word);
    });
    const own = words(title).filter(function (word) {
      return !MINOR.has(word);
    });
    if (!typed.length || !own.length) return 0;
    const last = typed.length - 1;
    const all = typed.every(function (word, index) {
      return own.some(function (mine) {
        return mine === word || (index === last && !/^\d+$/.test(word) && mine.startsWith(word));
      });
    });
    if (!all) return 0;
    return (
      own.filter(function (mine) {
        return typed.some(function (word, index) {
          return mine === word || (index === last && mine.startsWith(word));
        });
      }).length / own.length
    );
  }

  function ranked(found, query) {
    return found
      .map(function (page, order) {
        return { page: page, order: order, match: titleMatch((page.meta || {}).title || "", query) };
      })
      .sort(function (a, b) {
        return b.match - a.match || a.order - b.order;
      })
      .map(function (entry) {
        return entry.page;
      });
  }

  Hub.enhance("[data-hub-search]", function (dialog) {
    const opener = document.querySelector("[data-hub-search-open]");
    const form = dialog.querySelector("form");
    const input = dialog.querySelector("input[type=search]");
    const status = dialog.querySelector("[data-hub-search-status]");
    const list = dialog.querySelector("[data-hub-search-results]");
    const script = new URL(dialog.dataset.pagefind, document.baseURI).href;
    let pagefind = null;
    let latest = 0;

    function open() {
      if (!dialog.open) dialog.showModal();
      input.focus();
      input.select();
    }

    function load() {
      if (!pagefind) {
        pagefind = import(script).then(function (module) {
          const root = new URL("../", script).pathname;
          return module.options({ baseUrl: root, excerptLength: 22 }).then(function () {
            return module;
          });
        });
        pagefind.catch(function () {
          pagefind = null;
        });
      }
      return pagefind;
    }

    function excerpt(where, html) {
      /* Pagefind's excerpt is text with <mark> around the words found: parsed as an inert document, and
         only its text and marks are kept. */
      const parsed = new DOMParser().parseFromString(html, "text/html").body;
      const made = Hub.element("p", { class: "hub-search__excerpt" }, [
        Hub.element("span", { class: "hub-search__section", text: where + ": " }),
      ]);
      /* A section's excerpt starts with the section's heading, which is shown before it already. */
      const first = parsed.firstChild;
      if (first && first.nodeType === Node.TEXT_NODE && first.textContent.startsWith(where + ". ")) {
        first.textContent = first.textContent.slice(where.length + 2);
      }
      parsed.childNodes.forEach(function (node) {
        if (node.nodeName === "MARK") made.append(Hub.element("mark", { text: node.textContent }));
        else made.append(document.createTextNode(node.textContent));
      });
      return made;
    }

    /* Whether an excerpt says again what the summary already says (a section that starts with it). */
    function repeats(html, summary) {
      if (!summary) return false;
      const flat = function (text) {
        return text.replace(/<\/?mark>/g, "").replace(/\s+/g, " ").trim().toLowerCase();
      };
      const said = flat(summary);
      const text = flat(new DOMParser().parseFromString(html, "text/html").body.textContent);
      return text.indexOf(said.slice(0, 30)) >= 0 || said.indexOf(text.slice(0, 30)) >= 0;
    }

    function show(found, query) {
      list.replaceChildren();
      found.forEach(function (page) {
        const meta = page.meta || {};
        const link = Hub.element("a", { href: page.url, class: "hub-search__link" }, [
          Hub.element("span", { class: "hub-search__kind", text: meta.kind || "Page" }),
          Hub.element("span", { class: "hub-search__title", text: meta.title || page.url }),
        ]);
        const item = Hub.element("li", { class: "hub-search__result" }, [link]);
        if (meta.summary) item.append(Hub.element("p", { class: "hub-search__summary", text: meta.summary }));
        /* Where the words were found further down the page: the top of a page is its title and summary,
           already shown, so only a later section's excerpt is added, with the section's name. */
        const section = (page.sub_results || []).find(function (part) {
          return part.url.indexOf("#") > 0 && part.title && part.title !== meta.title && !repeats(part.excerpt, meta.summary);
        });
        if (section) item.append(excerpt(section.title, section.excerpt));
        list.append(item);
      });
      if (!found.length) status.textContent = "Nothing found for “" + query + "”. Try fewer or other words.";
    }

    function search() {
      const query = input.value.trim();
      const asked = ++latest;
      if (!query) {
        list.replaceChildren();
        status.textContent = "Type to search every page of the hub.";
        return;
      }
      status.textContent = "Searching…";
      load()
        .then(function (module) {
          return module.debouncedSearch(query, {}, 150);
        })
        .then(function (answer) {
          if (!answer || asked !== latest) return null;
          const count = answer.results.length;
          return Promise.all(
            answer.results.slice(0, RANKED).map(function (result) {
              return result.data();
            }),
          ).then(function (found) {
            if (asked !== latest) return;
            status.textContent =
              count === 0 ? "" : count === 1 ? "1 page found." : count > SHOWN ? count + " pages found; the first " + SHOWN + " are shown." : count + " pages found.";
            show(ranked(found, query).slice(0, SHOWN), query);
          });
        })
        .catch(function () {
          if (asked !== latest) return;
          list.replaceChildren();
          /* Browsers refuse Pagefind's script from file://; the offline zip has the theme's search instead. */
          status.textContent =
            location.protocol === "file:"
              ? "Search does not work on pages opened as files. The hub's offline zip has a search that does."
              : "Search could not load. Check your connection and try again.";
        });
    }

    opener.hidden = false;
    opener.addEventListener("click", open);
    input.addEventListener("input", search);
    dialog.querySelector("[data-hub-search-close]").addEventListener("click", function () {
      dialog.close();
      opener.focus();
    });
    form.addEventListener("submit", function (event) {
      /* Enter opens the first result (Escape closes the dialog, as any dialog). */
      event.preventDefault();
      const first = list.querySelector("a");
      if (first) window.location.href = first.href;
    });
    dialog.addEventListener("click", function (event) {
      if (event.target === dialog) dialog.close(); /* a click on the backdrop */
    });
    document.addEventListener("keydown", function (event) {
      if (event.key !== "/" || dialog.open || event.ctrlKey || event.metaKey || event.altKey) return;
      const target = event.target;
      if (target.closest && target.closest("input, textarea, select, [contenteditable]")) return;
      event.preventDefault();
      open();
    });
  });
})();
