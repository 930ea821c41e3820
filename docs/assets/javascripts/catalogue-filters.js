/* Outcomes Hub: filters on a catalogue page.
 *
 * The catalogue lists every item with data- attributes (data-minutes,
 * data-part, data-themes, data-audience; several values are separated by "|").
 * Each <select data-filter="NAME" data-match="at-most|equals|includes"> keeps
 * the items whose data-NAME matches. Without JavaScript the form stays hidden
 * and the whole list shows.
 */
"use strict";

Hub.enhance("form[data-hub-filters]", function (form) {
  const list = document.querySelector("[data-hub-catalogue]");
  const status = document.querySelector("[data-hub-filter-status]");
  if (!list) return;
  const items = Array.from(list.children);
  const noun = list.dataset.noun || "items";
  const selects = Array.from(form.querySelectorAll("select[data-filter]"));
  const empty = Hub.element("li", { class: "hub-catalogue-empty", hidden: true }, [
    "Nothing matches these filters. Choose “Clear filters” to see everything.",
  ]);
  list.append(empty);

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
    let shown = 0;
    items.forEach(function (item) {
      const keep = selects.every(function (select) {
        return matches(item, select);
      });
      item.hidden = !keep;
      if (keep) shown += 1;
    });
    empty.hidden = shown > 0;
    const filtered = selects.some(function (select) {
      return select.value;
    });
    if (status) {
      status.hidden = false;
      status.textContent = filtered
        ? "Showing " + shown + " of " + items.length + " " + noun + "."
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
