/* Outcomes Hub: filters on a catalogue page.
 *
 * The catalogue lists its items with data- attributes (data-minutes,
 * data-part, data-themes, data-audience; several values are separated by "|").
 * Each <select data-filter="NAME" data-match="at-most|equals|includes"> keeps
 * the items whose data-NAME matches. Without JavaScript the form stays hidden
 * and the whole list shows.
 *
 * A catalogue of several pages filters all of its items: the first time a
 * filter is chosen, its data script is loaded (Hub.loadCatalogue) and the
 * matching items of every page replace the page's own list until the filters
 * are cleared.
 */
"use strict";

Hub.enhance("form[data-hub-filters]", function (form) {
  const list = document.querySelector("[data-hub-catalogue]");
  const status = document.querySelector("[data-hub-filter-status]");
  if (!list) return;
  const pageItems = Array.from(list.children);
  const noun = list.dataset.noun || "items";
  const selects = Array.from(form.querySelectorAll("select[data-filter]"));
  const dataLink = document.querySelector("a.hub-catalogue-data");
  const pager = document.querySelector(".hub-pager");
  const empty = Hub.element("li", { class: "hub-catalogue-empty", hidden: true }, [
    "Nothing matches these filters. Choose “Clear filters” to see everything.",
  ]);
  let allItems = null;
  let loading = false;
  list.append(empty);

  function itemFrom(record, sample) {
    const sampleLink = sample.querySelector("a");
    const href = Hub.itemHref(sampleLink.getAttribute("href"), sample.dataset.id, record.id);
    return Hub.element(
      "li",
      {
        "data-id": record.id,
        "data-themes": record.themes,
        "data-minutes": record.minutes,
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

  function matches(item, select) {
    const wanted = select.value;
    if (!wanted) return true;
    const have = item.dataset[select.dataset.filter] || "";
    switch (select.dataset.match) {
      case "at-most":
        return Number(have) <= Number(wanted);
      case "includes":
        return have.split("|").includes(wanted);
      default:
        return have === wanted;
    }
  }

  function apply() {
    const filtered = selects.some(function (select) {
      return select.value;
    });
    if (filtered && dataLink && !allItems) {
      if (loading) return;
      loading = true;
      if (status) {
        status.hidden = false;
        status.textContent = "Loading every " + noun.replace(/s$/, "") + "…";
      }
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
    if (list.firstElementChild !== items[0]) list.replaceChildren(...items, empty);
    if (pager) pager.hidden = filtered && allItems !== null && allItems !== pageItems;
    let shown = 0;
    items.forEach(function (item) {
      const keep = selects.every(function (select) {
        return matches(item, select);
      });
      item.hidden = !keep;
      if (keep) shown += 1;
    });
    empty.hidden = shown > 0;
    if (status) {
      const total = dataLink ? Number(list.dataset.total) : items.length;
      status.hidden = false;
      status.textContent = filtered
        ? "Showing " + shown + " of " + (allItems === pageItems ? items.length : total) + " " + noun + "."
        : dataLink
          ? "Showing " + pageItems.length + " of " + total + " " + noun + " on this page; the filters search all of them."
          : "Showing all " + items.length + " " + noun + ".";
    }
  }

  form.addEventListener("change", apply);
  form.addEventListener("reset", function () {
    window.setTimeout(apply, 0);
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
  });
  form.hidden = false;
  apply();
});
