/* Outcomes Hub: the training-priorities audit (audits/training-priorities/).
 *
 * Rate each need; the needs rated highest come first, with the guide's
 * priority sections and the hub's exercises for them, read from the page's
 * own table. Ratings 4 and 5 are high priorities, 3 medium, 1 and 2 lower.
 * The ratings live in the address (#ratings=4,5,0,...; 0 is not rated).
 */
"use strict";

(function () {
  const script = document.currentScript;
  /* The site's assets/ folder, for the workshop pack (pack.js and its files), from file:// as well as http. */
  const ASSETS = script && script.src ? script.src.replace(/javascripts\/audit\.js(?:\?.*)?$/, "") : "";

  Hub.enhance("form[data-hub-audit]", function (form) {
    const fieldsets = Array.from(form.querySelectorAll("fieldset[data-need]"));
    const rows = Array.from(document.querySelectorAll("table.hub-audit tbody tr"));
    const results = form.querySelector("[data-audit-results]");
    const status = form.querySelector("[data-audit-status]");
    const planLink = document.querySelector(".hub-audit-plan a");
    const top = Number(form.dataset.scale) || 5;

    const needs = fieldsets.map(function (fieldset, index) {
      const row = rows[index];
      const cells = row ? row.querySelectorAll("td") : [];
      return {
        name: row ? row.querySelector("th").textContent.trim() : fieldset.querySelector("legend").textContent,
        sections: cells[0] ? cells[0].textContent.trim() : "",
        links: cells[1] ? Array.from(cells[1].querySelectorAll("a")) : [],
        fieldset: fieldset,
      };
    });

    function ratingOf(need) {
      const checked = need.fieldset.querySelector("input:checked");
      return checked ? Number(checked.value) : 0;
    }

    function save() {
      const params = Hub.readHash();
      const ratings = needs.map(ratingOf);
      if (ratings.some(Boolean)) params.set("ratings", ratings.join(","));
      else params.delete("ratings");
      Hub.writeHash(params);
    }

    function load() {
      const ratings = (Hub.readHash().get("ratings") || "").split(",");
      needs.forEach(function (need, index) {
        const value = Number(ratings[index]);
        need.fieldset.querySelectorAll("input").forEach(function (input) {
          input.checked = Number(input.value) === value;
        });
      });
    }

    function exerciseList(links) {
      const list = Hub.element("span");
      links.forEach(function (link, index) {
        if (index) list.append("; ");
        list.append(Hub.element("a", { href: link.getAttribute("href"), text: link.textContent }));
      });
      return list;
    }

    function priorityGroup(title, chosen, detailed) {
      const section = Hub.element("div", { class: "hub-audit-group" }, [Hub.element("h3", { text: title })]);
      const list = Hub.element("ol", { class: "hub-audit-priorities" });
      chosen.forEach(function (entry) {
        const item = Hub.element("li", {}, [
          Hub.element("strong", { text: entry.need.name }),
          " ",
          Hub.element("span", { class: "hub-muted", text: "(rated " + entry.rating + " of " + top + ")" }),
        ]);
        if (detailed) {
          item.append(Hub.element("br"), "Priority sections: " + entry.need.sections);
          if (entry.need.links.length) item.append(Hub.element("br"), "Exercises: ", exerciseList(entry.need.links));
        }
        list.append(item);
      });
      section.append(list);
      return section;
    }

    function update() {
      const rated = needs
        .map(function (need, index) {
          return { need: need, rating: ratingOf(need), index: index };
        })
        .filter(function (entry) {
          return entry.rating;
        })
        .sort(function (a, b) {
          return b.rating - a.rating || a.index - b.index;
        });
      results.replaceChildren();
      if (planLink) planLink.parentElement.hidden = true;
      if (!rated.length) {
        status.textContent = "Rate at least one need to see your priorities.";
        return;
      }
      const high = rated.filter(function (entry) {
        return entry.rating >= 4;
      });
      const medium = rated.filter(function (entry) {
        return entry.rating === 3;
      });
      const lower = rated.filter(function (entry) {
        return entry.rating <= 2;
      });
      status.textContent =
        `You have rated ${rated.length} of ${needs.length} needs: ` +
        `${high.length} high, ${medium.length} medium and ${lower.length} lower priorities.`;
      if (high.length) results.append(priorityGroup("High priority (rated 4 or 5)", high, true));
      if (medium.length) results.append(priorityGroup("Medium priority (rated 3)", medium, true));
      if (lower.length) results.append(priorityGroup("Lower priority (rated 1 or 2)", lower, false));
      const wanted = high.concat(medium);
      const exercises = new Map();
      wanted.forEach(function (entry) {
        entry.need.links.forEach(function (link) {
          const id = link.getAttribute("href").replace(/\/$/, "").split("/").pop().replace(/\.html$/, "");
          const number = Number((/Exercise (\d+)/.exec(link.textContent) || [0, 0])[1]);
          exercises.set(id, number);
        });
      });
      if (planLink && exercises.size) {
        const ids = Array.from(exercises.keys()).sort(function (a, b) {
          return exercises.get(a) - exercises.get(b);
        });
        planLink.href = planLink.href.split("#")[0] + "#exercises=" + ids.join(",");
        const paragraph = Hub.element("p", {}, [
          Hub.element("a", { class: "md-button md-button--primary", href: planLink.href }, [
            "Plan a session with the exercises for your high and medium priorities",
          ]),
        ]);
        results.append(paragraph);
        if (ASSETS) results.append(packControl(ids));
      }
    }

    /* The same workshop pack as the planner makes, for these exercises, from 09:30 (issue 13). */
    function packControl(ids) {
      const said = Hub.element("p", { class: "hub-plan-pack-status", role: "status" });
      const button = Hub.element("button", { type: "button", class: "md-button", "data-audit-pack": true }, [
        "Download a workshop pack for these priorities (PDF)",
      ]);
      button.addEventListener("click", function () {
        said.textContent = "Making your pack…";
        const address = "title=A+workshop+for+your+training+priorities&exercises=" + ids.join(",");
        loadPack()
          .then(function () {
            return window.HubPack.makeFromAddress({ assets: ASSETS, address: address });
          })
          .then(function (result) {
            window.HubPack.save(result, "training-priorities-pack.pdf");
            said.textContent = "Your pack is downloaded: " + result.pages + " pages.";
          })
          .catch(function (error) {
            said.textContent = "The pack could not be made here (" + (error && error.message) + ").";
          });
      });
      return Hub.element("div", {}, [Hub.element("p", {}, [button]), said]);
    }

    function loadPack() {
      if (window.HubPack) return Promise.resolve();
      return new Promise(function (resolve, reject) {
        const tag = Hub.element("script", { src: ASSETS + "javascripts/pack.js" });
        tag.addEventListener("load", resolve);
        tag.addEventListener("error", function () {
          reject(new Error("its files did not load"));
        });
        document.head.append(tag);
      });
    }

    form.addEventListener("change", function () {
      save();
      update();
    });
    form.addEventListener("reset", function () {
      window.setTimeout(function () {
        save();
        update();
      }, 0);
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
    });
    form.hidden = false;
    load();
    update();
  });
})();
