/* Outcomes Hub: the training-priorities audit (audits/training-priorities/).
 *
 * The guide asks for ratings before training and again after it, so each need
 * holds two sets side by side. The needs rated highest come first, with the
 * guide's priority sections and the hub's exercises for them, read from the
 * page's own table: from the ratings after training once there are any, and
 * until then from those before. Ratings 4 and 5 are high priorities, 3 medium,
 * 1 and 2 lower. A table shows both sets and the change between them.
 * The ratings live in the address, so they survive a reload:
 * #ratings=4,5,0,...&after=2,3,0,... (ratings is before training; 0 is not rated).
 */
"use strict";

/* The site's assets/ folder, for the workshop pack (pack.js and its files), from file:// as well as http. */
const HUB_AUDIT_ASSETS = (function () {
  const script = document.currentScript;
  return script && script.src ? script.src.replace(/javascripts\/audit\.js(?:\?.*)?$/, "") : "";
})();

Hub.enhance("form[data-hub-audit]", function (form) {
  const fieldsets = Array.from(form.querySelectorAll("fieldset[data-need]"));
  const rows = Array.from(document.querySelectorAll("table.hub-audit tbody tr"));
  const results = form.querySelector("[data-audit-results]");
  const status = form.querySelector("[data-audit-status]");
  const compare = form.querySelector("[data-audit-compare]");
  const planLink = document.querySelector(".hub-audit-plan a");
  const top = Number(form.dataset.scale) || 5;
  const SETS = { before: "ratings", after: "after" };

  const needs = fieldsets.map(function (fieldset, index) {
    const row = rows[index];
    const cells = row ? row.querySelectorAll("td") : [];
    return {
      name: row ? row.querySelector("th").textContent.trim() : fieldset.querySelector("legend").textContent,
      sections: cells[0] ? cells[0].textContent.trim() : "",
      links: cells[1] ? Array.from(cells[1].querySelectorAll("a")) : [],
      note: cells[1] ? cells[1].querySelector("[data-provenance='hub']") : null,
      fieldset: fieldset,
    };
  });

  function ratingOf(need, when) {
    const checked = need.fieldset.querySelector('[data-when="' + when + '"] input:checked');
    return checked ? Number(checked.value) : 0;
  }

  function save() {
    const params = Hub.readHash();
    Object.entries(SETS).forEach(function ([when, key]) {
      const ratings = needs.map(function (need) {
        return ratingOf(need, when);
      });
      if (ratings.some(Boolean)) params.set(key, ratings.join(","));
      else params.delete(key);
    });
    Hub.writeHash(params);
  }

  function load() {
    const params = Hub.readHash();
    Object.entries(SETS).forEach(function ([when, key]) {
      const ratings = (params.get(key) || "").split(",");
      needs.forEach(function (need, index) {
        const value = Number(ratings[index]);
        need.fieldset.querySelectorAll('[data-when="' + when + '"] input').forEach(function (input) {
          input.checked = Number(input.value) === value;
        });
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

  function rated(entry) {
    if (!entry.other) return "(rated " + entry.rating + " of " + top + ")";
    return "(rated " + entry.rating + " of " + top + " after training, " + entry.other + " before)";
  }

  function priorityGroup(title, chosen, detailed) {
    const section = Hub.element("div", { class: "hub-audit-group" }, [Hub.element("h3", { text: title })]);
    const list = Hub.element("ol", { class: "hub-audit-priorities" });
    chosen.forEach(function (entry) {
      const item = Hub.element("li", {}, [
        Hub.element("strong", { text: entry.need.name }),
        " ",
        Hub.element("span", { class: "hub-muted", text: rated(entry) }),
      ]);
      if (detailed) {
        item.append(Hub.element("br"), "Priority sections: " + entry.need.sections);
        if (entry.need.links.length) item.append(Hub.element("br"), "Exercises: ", exerciseList(entry.need.links));
        if (entry.need.note) item.append(" ", entry.need.note.cloneNode(true));
      }
      list.append(item);
    });
    section.append(list);
    return section;
  }

  /* −2, 0, +1: the change from before training to after. */
  function signed(value) {
    return value > 0 ? "+" + value : value < 0 ? "\u2212" + -value : "0";
  }

  function showComparison(before, after) {
    const any = before.some(Boolean) || after.some(Boolean);
    compare.parentElement.hidden = !any;
    compare.tBodies[0].replaceChildren(
      ...needs.map(function (need, index) {
        const cells = [before[index], after[index]].map(function (value) {
          return Hub.element("td", { class: "hub-audit-number", text: value ? String(value) : "\u2013" });
        });
        const change = before[index] && after[index] ? signed(after[index] - before[index]) : "\u2013";
        return Hub.element("tr", {}, [
          Hub.element("th", { scope: "row", text: need.name }),
          ...cells,
          Hub.element("td", { class: "hub-audit-number", text: change }),
        ]);
      }),
    );
  }

  function update() {
    const before = needs.map(function (need) {
      return ratingOf(need, "before");
    });
    const after = needs.map(function (need) {
      return ratingOf(need, "after");
    });
    showComparison(before, after);
    const useAfter = after.some(Boolean);
    const current = useAfter ? after : before;
    const entries = needs
      .map(function (need, index) {
        return { need: need, rating: current[index], other: useAfter ? before[index] : 0, index: index };
      })
      .filter(function (entry) {
        return entry.rating;
      })
      .sort(function (a, b) {
        return b.rating - a.rating || a.index - b.index;
      });
    results.replaceChildren();
    if (planLink) planLink.parentElement.hidden = true;
    if (!entries.length) {
      status.textContent = "Rate at least one need to see your priorities.";
      return;
    }
    const high = entries.filter(function (entry) {
      return entry.rating >= 4;
    });
    const medium = entries.filter(function (entry) {
      return entry.rating === 3;
    });
    const lower = entries.filter(function (entry) {
      return entry.rating <= 2;
    });
    const counts = `${high.length} high, ${medium.length} medium and ${lower.length} lower priorities.`;
    const ratedBefore = before.filter(Boolean).length;
    status.textContent = useAfter
      ? `You have rated ${ratedBefore} of ${needs.length} needs before training and ${entries.length} after. ` +
        `From your ratings after training: ${counts}`
      : `You have rated ${entries.length} of ${needs.length} needs: ${counts}`;
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
      if (HUB_AUDIT_ASSETS) results.append(packControl(ids));
    }
  }

  /* The same workshop pack as the planner makes, for these exercises, from 09:30 (issue 13), and beside it
     its participant set (participant-set.js, loaded only when it is asked for, after pack.js): the same
     pages as build.py pack --audit RATINGS --participants PDF for ratings that choose these exercises. */
  const MADE = {
    pack: { what: "pack", file: "training-priorities-pack.pdf" },
    participants: { what: "participant set", file: "training-priorities-participants.pdf" },
  };
  let busy = false;

  function makePack(how, ids, said) {
    if (busy) return;
    busy = true;
    const made = MADE[how];
    said.textContent = "Making your " + made.what + "…";
    const options = {
      assets: HUB_AUDIT_ASSETS,
      address: "title=A+workshop+for+your+training+priorities&exercises=" + ids.join(","),
    };
    Hub.loadPack(HUB_AUDIT_ASSETS)
      .then(function () {
        if (how === "pack") return window.HubPack;
        return window.HubPack.parts.loadScript(HUB_AUDIT_ASSETS + "javascripts/participant-set.js").then(function () {
          return window.HubParticipantSet;
        });
      })
      .then(function (maker) {
        return maker.makeFromAddress(options);
      })
      .then(function (result) {
        window.HubPack.save(result, made.file);
        said.textContent = "Your " + made.what + " is downloaded: " + result.pages + " pages.";
      })
      .catch(function (error) {
        said.textContent = "The " + made.what + " could not be made here (" + (error && error.message) + ").";
      })
      .finally(function () {
        busy = false;
      });
  }

  function packControl(ids) {
    const said = Hub.element("p", { class: "hub-plan-pack-status", role: "status" });
    const pack = Hub.element("button", { type: "button", class: "md-button", "data-audit-pack": true }, [
      "Download a workshop pack for these priorities (PDF)",
    ]);
    const participants = Hub.element(
      "button",
      { type: "button", class: "md-button", "data-audit-participants": true },
      ["Download the participant set (PDF)"],
    );
    pack.addEventListener("click", function () {
      makePack("pack", ids, said);
    });
    participants.addEventListener("click", function () {
      makePack("participants", ids, said);
    });
    const about =
      "The pack has a cover, an agenda, a checklist, and each exercise’s facilitator’s guide and participant " +
      "materials. The participant set is the participant materials alone, to photocopy one for each person. " +
      "Both are made in this browser from the site’s own files.";
    return Hub.element("div", { class: "hub-audit-pack" }, [
      Hub.element("p", { text: about }),
      Hub.element("p", { class: "hub-plan-actions" }, [pack, " ", participants]),
      said,
    ]);
  }

  form.addEventListener("change", function () {
    save();
    update();
  });
  Hub.askFirst(form.querySelector("[data-audit-clear]"), {
    question: "Clear all the ratings, before and after training?",
    yes: "Yes, clear the ratings",
    no: "No, keep them",
    isEmpty: function () {
      return !form.querySelector("input:checked");
    },
    clear: function () {
      form.reset();
      save();
      update();
      const first = form.querySelector("input");
      if (first) first.focus();
    },
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
  });
  form.hidden = false;
  load();
  update();
});
