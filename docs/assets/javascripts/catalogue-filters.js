/* Outcomes Hub: filters on a catalogue page.
 *
 * The catalogue lists its items with data- attributes (data-minutes,
 * data-part, data-themes, data-audience; several values are separated by "|").
 * Each <select data-filter="NAME" data-match="at-most|equals|includes"> keeps
 * the items whose data-NAME matches. Without JavaScript the form stays hidden
 * and the whole list shows.
 *
 * The filters chosen are kept in the address after "#", by each select's name
 * (#theme=risk&length=30), so that a filtered list can be shared, reloaded, and
 * found again with Back, with Material's instant navigation or without it (the
 * offline build, from file://). The address is what counts: a value the browser
 * restored into a select on its own is replaced by the address's.
 *
 * When nothing matches, the nearest items show instead, with a sentence that
 * says what was asked and how they differ ("Nothing on Positive risk up to
 * 30 min; Exercise 6 takes at least 45 min."). Nearest means: keep the filters
 * in the order of KEPT_LONGEST (the theme longest, the length least), and give
 * way on the later ones first; a length gives way by as few minutes as it can.
 * The words come from the page (each select's data-preposition, each option's
 * data-words, each item's data-length, worded by the build with hub.words), so
 * this file words no times itself. One specification with the build:
 * tests/golden/filters.json (tests/catalogue_filters.test.js runs this file
 * under node --test; tests/test_filters_golden.py checks the build's words).
 *
 * A catalogue of several pages filters all of its items: the first time a
 * filter is chosen, its data script is loaded (Hub.loadCatalogue) and the
 * matching items of every page replace the page's own list until the filters
 * are cleared.
 */
"use strict";

(function (root, make) {
  const made = make();
  if (typeof module === "object" && module.exports) module.exports = made;
  else root.HubFilters = made;
})(typeof self !== "undefined" ? self : this, function () {
  /* The filters kept longest when nothing matches, first to last; others come after, in the form's order. */
  const KEPT_LONGEST = ["themes", "audience", "part", "minutes"];
  /* Items named in the sentence; the rest are counted ("and 2 more are as near"). */
  const NAMED_AT_MOST = 3;
  const SHOWN_VALUE_LENGTH = 40;

  /* ["A", "B", "C"] → "A, B and C". */
  function listText(words) {
    if (words.length < 2) return words.join("");
    return words.slice(0, -1).join(", ") + " and " + words[words.length - 1];
  }

  /* [3, 7, 8] → "Exercises 3, 7 and 8"; [3] → "Exercise 3" (hub.words.numbers_named). */
  function numbersNamed(numbers, noun) {
    if (numbers.length === 1) return noun + " " + numbers[0];
    return noun + "s " + listText(numbers.map(String));
  }

  function option(filter, value) {
    return filter.options.find(function (choice) {
      return choice.value === value;
    });
  }

  function wordsOf(filter, value) {
    const choice = option(filter, value);
    return choice ? choice.words || choice.label : value;
  }

  /* The filters in the address "#theme=risk&length=30": {chosen: {NAME: value}, ignored: [sentences]}.
     A value that is not one of a filter's choices is left out, and said so. */
  function readAddress(text, filters) {
    const params = new URLSearchParams(String(text || "").replace(/^#/, ""));
    const chosen = {};
    const ignored = [];
    filters.forEach(function (filter) {
      const value = params.get(filter.param);
      if (value === null || value === "") return;
      if (option(filter, value)) {
        chosen[filter.name] = value;
      } else {
        const shown = value.length > SHOWN_VALUE_LENGTH ? value.slice(0, SHOWN_VALUE_LENGTH) + "…" : value;
        ignored.push(filter.label + " “" + shown + "” is not one of the choices, so it was left out.");
      }
    });
    return { chosen: chosen, ignored: ignored };
  }

  /* The address of the chosen filters, in the form's order ("" when none is chosen). */
  function address(filters, chosen) {
    const params = new URLSearchParams();
    filters.forEach(function (filter) {
      if (chosen[filter.name]) params.set(filter.param, chosen[filter.name]);
    });
    return params.toString();
  }

  /* How far an item is from a filter's value: 0 when it matches; the minutes over for a length. */
  function distance(item, filter, wanted) {
    const have = item.values[filter.name] || "";
    switch (filter.match) {
      case "at-most":
        return Math.max(0, Number(have) - Number(wanted));
      case "includes":
        return have.split("|").includes(wanted) ? 0 : 1;
      default:
        return have === wanted ? 0 : 1;
    }
  }

  /* The chosen filters, the one kept longest first. */
  function active(filters, chosen) {
    const rank = function (filter) {
      const at = KEPT_LONGEST.indexOf(filter.name);
      return at < 0 ? KEPT_LONGEST.length + filters.indexOf(filter) : at;
    };
    return filters
      .filter(function (filter) {
        return chosen[filter.name];
      })
      .sort(function (a, b) {
        return rank(a) - rank(b);
      });
  }

  function distances(item, used, chosen) {
    return used.map(function (filter) {
      return distance(item, filter, chosen[filter.name]);
    });
  }

  function matching(items, filters, chosen) {
    const used = active(filters, chosen);
    return items.filter(function (item) {
      return distances(item, used, chosen).every(function (away) {
        return away === 0;
      });
    });
  }

  /* The items nearest to the chosen filters (all of them equally near), in the catalogue's order. */
  function nearest(items, filters, chosen) {
    const used = active(filters, chosen);
    let best = null;
    let found = [];
    items.forEach(function (item) {
      const away = distances(item, used, chosen);
      let order = 0;
      if (best) {
        const at = away.findIndex(function (value, index) {
          return value !== best[index];
        });
        order = at < 0 ? 0 : away[at] - best[at];
      }
      if (!best || order < 0) {
        best = away;
        found = [item];
      } else if (order === 0) {
        found.push(item);
      }
    });
    return found;
  }

  /* "on Positive risk up to 30 min". */
  function askedText(filters, chosen) {
    return active(filters, chosen)
      .map(function (filter) {
        return filter.preposition + " " + wordsOf(filter, chosen[filter.name]);
      })
      .join(" ");
  }

  /* How an item differs from the filters it misses: "is in part two and takes at least 45 min". */
  function differenceText(item, filters, chosen, several) {
    return active(filters, chosen)
      .filter(function (filter) {
        return distance(item, filter, chosen[filter.name]) > 0;
      })
      .map(function (filter) {
        if (filter.match === "at-most") return (several ? "take " : "takes ") + item.length;
        const values = (item.values[filter.name] || "").split("|").filter(Boolean);
        if (!values.length) return (several ? "have no " : "has no ") + filter.label.toLowerCase();
        const words = values.map(function (value) {
          return wordsOf(filter, value);
        });
        return (several ? "are " : "is ") + filter.preposition + " " + listText(words);
      })
      .join(" and ");
  }

  function namesText(group, numbered) {
    if (numbered) {
      return numbersNamed(
        group.map(function (item) {
          return item.number;
        }),
        numbered,
      );
    }
    return listText(
      group.map(function (item) {
        return "“" + item.title + "”";
      }),
    );
  }

  /* "Nothing on Positive risk up to 30 min; Exercise 6 takes at least 45 min." Items with the same
     difference are named together; past NAMED_AT_MOST, the others are counted. */
  function nothingText(near, filters, chosen, numbered) {
    const groups = [];
    near.slice(0, NAMED_AT_MOST).forEach(function (item) {
      const key = differenceText(item, filters, chosen, false);
      const group = groups.find(function (known) {
        return known.key === key;
      });
      if (group) group.items.push(item);
      else groups.push({ key: key, items: [item] });
    });
    const clauses = groups.map(function (group) {
      const several = group.items.length > 1;
      return namesText(group.items, numbered) + " " + differenceText(group.items[0], filters, chosen, several);
    });
    const more = near.length - NAMED_AT_MOST;
    if (more > 0) clauses.push(more + " more " + (more === 1 ? "is" : "are") + " as near");
    return "Nothing " + askedText(filters, chosen) + "; " + listText(clauses) + ".";
  }

  return {
    KEPT_LONGEST: KEPT_LONGEST,
    listText: listText,
    numbersNamed: numbersNamed,
    readAddress: readAddress,
    address: address,
    matching: matching,
    nearest: nearest,
    askedText: askedText,
    nothingText: nothingText,
  };
});

if (typeof Hub !== "undefined")
  Hub.enhance("form[data-hub-filters]", function (form) {
    const F = window.HubFilters;
    const list = document.querySelector("[data-hub-catalogue]");
    const status = document.querySelector("[data-hub-filter-status]");
    if (!list) return;
    const pageItems = Array.from(list.children);
    const noun = list.dataset.noun || "items";
    const selects = Array.from(form.querySelectorAll("select[data-filter]"));
    const dataLink = document.querySelector("a.hub-catalogue-data");
    const pager = document.querySelector(".hub-pager");
    const note = Hub.element("p", { class: "hub-catalogue-near-note", hidden: true });
    const filters = selects.map(function (select) {
      const label = form.querySelector('label[for="' + select.id + '"]');
      return {
        name: select.dataset.filter,
        param: select.name || select.dataset.filter,
        label: label ? label.textContent.trim() : select.dataset.filter,
        match: select.dataset.match,
        preposition: select.dataset.preposition || "",
        options: Array.from(select.options)
          .filter(function (choice) {
            return choice.value;
          })
          .map(function (choice) {
            return { value: choice.value, label: choice.textContent, words: choice.dataset.words || choice.textContent };
          }),
      };
    });
    const models = new Map();
    let allItems = null;
    let loading = false;
    let ignored = [];
    list.before(note);

    function model(element) {
      if (!models.has(element)) {
        const title = element.querySelector(".hub-catalogue-title");
        const values = {};
        filters.forEach(function (filter) {
          values[filter.name] = element.dataset[filter.name] || "";
        });
        models.set(element, {
          element: element,
          title: title ? title.textContent.trim() : "",
          number: element.dataset.number ? Number(element.dataset.number) : null,
          length: element.dataset.length || "",
          values: values,
        });
      }
      return models.get(element);
    }

    function itemFrom(record, sample) {
      const sampleLink = sample.querySelector("a");
      const href = Hub.itemHref(sampleLink.getAttribute("href"), sample.dataset.id, record.id);
      return Hub.element(
        "li",
        {
          "data-id": record.id,
          "data-themes": record.themes,
          "data-number": record.number,
          "data-minutes": record.minutes,
          "data-length": record.length,
          "data-part": record.part,
          "data-audience": record.audience,
        },
        [
          Hub.element("p", { class: "hub-catalogue-title" }, [Hub.element("a", { href: href, text: record.title })]),
          record.facts ? Hub.element("p", { class: "hub-catalogue-facts", text: record.facts }) : "",
          Hub.element("div", { class: "hub-catalogue-summary" }, [
            Hub.element("p", {}, [
              record.hubSummary
                ? Hub.element("span", { class: "hub-note hub-note-inline", "data-provenance": "hub" }, [
                    Hub.element("span", { class: "hub-note-label", text: "Summary from the hub:" }),
                    " " + record.summary,
                  ])
                : record.summary,
            ]),
          ]),
        ],
      );
    }

    function chosenNow() {
      const chosen = {};
      selects.forEach(function (select) {
        if (select.value) chosen[select.dataset.filter] = select.value;
      });
      return chosen;
    }

    function say(text) {
      if (!status) return;
      status.hidden = false;
      status.textContent = ignored.length ? text + " " + ignored.join(" ") : text;
    }

    function apply() {
      const chosen = chosenNow();
      const filtered = Object.keys(chosen).length > 0;
      if (filtered && dataLink && !allItems) {
        if (loading) return;
        loading = true;
        say("Loading every " + (list.dataset.one || "item") + "…");
        Hub.loadCatalogue(dataLink, function (records) {
          loading = false;
          allItems = records
            ? records.map(function (record) {
                return itemFrom(record, pageItems[0]);
              })
            : pageItems;
          apply();
        });
        return;
      }
      const items = filtered && allItems ? allItems : pageItems;
      if (list.firstElementChild !== items[0]) list.replaceChildren(...items);
      if (pager) pager.hidden = filtered && allItems !== null && allItems !== pageItems;
      const every = items.map(model);
      const shown = F.matching(every, filters, chosen);
      const near = filtered && !shown.length ? F.nearest(every, filters, chosen) : [];
      const visible = new Set(shown.concat(near));
      every.forEach(function (item) {
        item.element.hidden = !visible.has(item);
        item.element.classList.toggle("hub-catalogue-near", near.includes(item));
      });
      note.hidden = !near.length;
      note.textContent =
        (near.length === 1 ? "The nearest match is below" : "The nearest matches are below") +
        ". Choose “Clear filters” to see the whole list.";
      const total = dataLink && allItems !== pageItems ? Number(list.dataset.total) : items.length;
      if (near.length) say(F.nothingText(near, filters, chosen, list.dataset.numbered));
      else if (filtered) say("Showing " + shown.length + " of " + total + " " + noun + ".");
      else if (dataLink)
        say("Showing " + pageItems.length + " of " + total + " " + noun + " on this page; the filters search all of them.");
      else say("Showing all " + items.length + " " + noun + ".");
    }

    /* The address, kept as the filters are: a shared or reloaded list, and Back, find them again. */
    function remember() {
      const wanted = F.address(filters, chosenNow());
      if (wanted !== location.hash.replace(/^#/, "")) Hub.writeHash(new URLSearchParams(wanted));
    }

    function fromAddress() {
      const read = F.readAddress(location.hash, filters);
      const mentioned = filters.some(function (filter) {
        return Hub.readHash().has(filter.param);
      });
      selects.forEach(function (select) {
        select.value = read.chosen[select.dataset.filter] || "";
      });
      ignored = read.ignored;
      if (mentioned) remember();
      apply();
    }

    function changed() {
      ignored = [];
      remember();
      apply();
    }

    /* The address changed under the page: by hand, by Back within the page, or by a link to this page
       that Material's instant navigation followed without loading it again (location$). */
    const path = location.pathname;
    let following = null;
    function addressChanged() {
      if (!form.isConnected) {
        window.removeEventListener("hashchange", addressChanged);
        window.removeEventListener("popstate", addressChanged);
        if (following) following.unsubscribe();
        return;
      }
      if (location.pathname !== path) return;
      if (F.address(filters, chosenNow()) !== F.address(filters, F.readAddress(location.hash, filters).chosen)) fromAddress();
    }

    form.addEventListener("change", changed);
    form.addEventListener("reset", function () {
      window.setTimeout(changed, 0);
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
    });
    /* A page the browser kept whole and showed again (Back): its selects may have been restored. */
    function shownAgain(event) {
      if (!form.isConnected) window.removeEventListener("pageshow", shownAgain);
      else if (event.persisted) fromAddress();
    }
    window.addEventListener("hashchange", addressChanged);
    window.addEventListener("popstate", addressChanged);
    window.addEventListener("pageshow", shownAgain);
    if (window.location$ && typeof window.location$.subscribe === "function") {
      following = window.location$.subscribe(function () {
        addressChanged();
      });
    }
    form.hidden = false;
    fromAddress();
  });
