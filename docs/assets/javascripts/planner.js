/* Outcomes Hub: the session planner (exercises/plan/).
 *
 * The exercises come from the page's own list (data- attributes, links to the
 * exercise pages and their PDFs, materials); when there are more exercises
 * than the page lists, the rest come from the catalogue's data script. The plan lives in the address
 * after "#": exercises=ID,ID&start=09:30&breaks=ID:15&title=... The agenda
 * follows the same rules as the PDF packs (hub/packs.py): where an exercise
 * takes "at least" its time, the clock times after it are the earliest they
 * can be ("or later").
 *
 * Exercise pages and the audit link here with #exercises=...; links with
 * class hub-plan-link and data-exercise get that address added.
 */
"use strict";

Hub.enhance("a.hub-plan-link[data-exercise]", function (link) {
  link.href = link.href.split("#")[0] + "#exercises=" + encodeURIComponent(link.dataset.exercise);
});

Hub.enhance("[data-hub-planner]", function (planner) {
  const BREAK_CHOICES = [5, 10, 15, 20, 30, 45, 60, 90];
  const NOTHING_NEEDED = ["none", "noneneeded", "nonelisted", "nothing", "nothingneeded"];
  const choices = document.querySelector("[data-plan-choices]");
  if (!choices) return;
  const find = function (name) {
    return planner.querySelector("[data-plan-" + name + "]");
  };
  const itemsList = find("items");
  const titleInput = find("title");
  const startInput = find("start");
  const status = find("status");

  const exercises = new Map();
  function addChoice(li) {
    const titleLink = li.querySelector(".hub-plan-choice-title a");
    exercises.set(li.dataset.id, {
      id: li.dataset.id,
      number: Number(li.dataset.number),
      minutes: Number(li.dataset.minutes),
      atLeast: li.dataset.atLeast === "true",
      title: li.dataset.title,
      href: titleLink ? titleLink.getAttribute("href") : "",
      prints: Array.from(li.querySelectorAll(".hub-plan-choice-prints a")).map(function (a) {
        return { label: a.textContent, href: a.getAttribute("href") };
      }),
      materials: Array.from(li.querySelectorAll(".hub-plan-choice-materials li")).map(function (m) {
        return m.textContent.trim();
      }),
      choice: li,
    });
  }
  Array.from(choices.children).forEach(addChoice);

  /* An exercise beyond the page's own list (a catalogue of several pages),
     built from its record in the same form as the listed ones. */
  function choiceFrom(record, root, sample) {
    const link = sample.querySelector(".hub-plan-choice-title a");
    const href = Hub.itemHref(link.getAttribute("href"), sample.dataset.id, record.id);
    const time = (record.atLeast ? "At least " : "About ") + record.minutes + " minutes";
    const prints = [];
    record.prints.forEach(function (print, index) {
      if (index) prints.push(" · ");
      prints.push(Hub.element("a", { href: root + print.pdf, text: print.label }));
    });
    const materials = record.materials.length ? record.materials : ["None listed"];
    return Hub.element(
      "li",
      {
        "data-id": record.id,
        "data-number": record.number,
        "data-minutes": record.minutes,
        "data-at-least": record.atLeast ? "true" : "false",
        "data-title": record.title,
      },
      [
        Hub.element("p", { class: "hub-plan-choice-title" }, [Hub.element("a", { href: href, text: record.title })]),
        Hub.element("p", { class: "hub-plan-choice-time", text: time + " · Part " + (record.part === "1" ? "one" : "two") }),
        Hub.element("div", { class: "hub-plan-choice-materials" }, [
          Hub.element("p", { text: "Materials:" }),
          Hub.element(
            "ul",
            {},
            materials.map(function (material) {
              return Hub.element("li", { text: material });
            }),
          ),
        ]),
        Hub.element("p", { class: "hub-plan-choice-prints" }, prints),
      ],
    );
  }

  const plan = { exercises: [], breaks: {}, start: 9 * 60 + 30, title: "" };

  function readPlan() {
    const params = Hub.readHash();
    plan.exercises = [];
    (params.get("exercises") || "").split(",").forEach(function (id) {
      if (exercises.has(id) && !plan.exercises.includes(id)) plan.exercises.push(id);
    });
    plan.breaks = {};
    (params.get("breaks") || "").split(",").forEach(function (pair) {
      const match = /^(.+):([0-9]{1,3})$/.exec(pair);
      if (match && plan.exercises.includes(match[1]) && Number(match[2]) >= 1 && Number(match[2]) <= 180) {
        plan.breaks[match[1]] = Number(match[2]);
      }
    });
    const start = /^([01][0-9]|2[0-3]):([0-5][0-9])$/.exec(params.get("start") || "");
    plan.start = start ? Number(start[1]) * 60 + Number(start[2]) : 9 * 60 + 30;
    plan.title = (params.get("title") || "").slice(0, 120);
  }

  function writePlan() {
    const params = new URLSearchParams();
    if (plan.exercises.length) params.set("exercises", plan.exercises.join(","));
    params.set("start", Hub.clock(plan.start));
    const breaks = plan.exercises
      .filter(function (id) {
        return plan.breaks[id];
      })
      .map(function (id) {
        return id + ":" + plan.breaks[id];
      });
    if (breaks.length) params.set("breaks", breaks.join(","));
    if (plan.title) params.set("title", plan.title);
    Hub.writeHash(params);
  }

  /* The agenda's rows, as hub/packs.py plans them. */
  function agenda() {
    const slots = [];
    let now = plan.start;
    let elapsed = 0;
    let openEnded = false;
    plan.exercises.forEach(function (id) {
      const exercise = exercises.get(id);
      const later = openEnded;
      openEnded = openEnded || exercise.atLeast;
      elapsed += exercise.minutes;
      slots.push({
        exercise: exercise,
        title: exercise.title,
        start: now,
        minutes: exercise.minutes,
        atLeast: exercise.atLeast,
        later: later,
        elapsed: elapsed,
        openEnded: openEnded,
      });
      now += exercise.minutes;
      const pause = plan.breaks[id];
      if (pause) {
        elapsed += pause;
        slots.push({ title: "Break", start: now, minutes: pause, later: openEnded, elapsed: elapsed, openEnded: openEnded });
        now += pause;
      }
    });
    return slots;
  }

  function startText(slot) {
    return Hub.clock(slot.start) + (slot.later ? " or later" : "");
  }

  function lengthText(slot) {
    return (slot.atLeast ? "at least " : "") + Hub.duration(slot.minutes);
  }

  function renderItems(slots) {
    itemsList.replaceChildren();
    const exerciseSlots = slots.filter(function (slot) {
      return slot.exercise;
    });
    exerciseSlots.forEach(function (slot, index) {
      const exercise = slot.exercise;
      const breakId = "plan-break-" + exercise.id;
      const select = Hub.element("select", { id: breakId, "data-action": "break", "data-id": exercise.id });
      select.append(Hub.element("option", { value: "0", text: "None" }));
      BREAK_CHOICES.forEach(function (minutes) {
        select.append(Hub.element("option", { value: String(minutes), text: minutes + " minutes" }));
      });
      select.value = String(plan.breaks[exercise.id] || 0);
      const label = Hub.element("label", { for: breakId }, ["Break after"]);
      label.append(Hub.element("span", { class: "hub-visually-hidden", text: " " + exercise.title }));
      const controls = Hub.element("div", { class: "hub-plan-item-controls" }, [
        Hub.button("Move up", exercise.title, {
          class: "md-button hub-small-button",
          "data-action": "up",
          "data-id": exercise.id,
          disabled: index === 0,
        }),
        Hub.button("Move down", exercise.title, {
          class: "md-button hub-small-button",
          "data-action": "down",
          "data-id": exercise.id,
          disabled: index === exerciseSlots.length - 1,
        }),
        Hub.button("Remove", exercise.title, {
          class: "md-button hub-small-button",
          "data-action": "remove",
          "data-id": exercise.id,
        }),
        Hub.element("span", { class: "hub-plan-break" }, [label, select]),
      ]);
      const link = Hub.element("a", { href: exercise.href, text: exercise.title });
      itemsList.append(
        Hub.element("li", { "data-id": exercise.id }, [
          Hub.element("p", { class: "hub-plan-item-head" }, [
            Hub.element("span", { class: "hub-plan-item-time", text: startText(slot) }),
            " ",
            link,
            " ",
            Hub.element("span", { class: "hub-muted", text: "(" + lengthText(slot) + ")" }),
          ]),
          controls,
        ]),
      );
    });
  }

  function renderAgenda(slots) {
    const body = find("agenda").querySelector("tbody");
    body.replaceChildren();
    slots.forEach(function (slot) {
      const name = slot.exercise
        ? Hub.element("a", { href: slot.exercise.href, text: slot.title })
        : Hub.element("em", { text: slot.title });
      body.append(
        Hub.element("tr", {}, [
          Hub.element("td", { text: startText(slot) }),
          Hub.element("td", {}, [name]),
          Hub.element("td", { text: lengthText(slot) }),
          Hub.element("td", { text: (slot.openEnded ? "at least " : "") + Hub.duration(slot.elapsed) }),
        ]),
      );
    });
    const last = slots[slots.length - 1];
    const end = Hub.clock(last.start + last.minutes) + (last.openEnded ? " or later" : "");
    const total = (last.openEnded ? "at least " : "") + Hub.duration(last.elapsed);
    body.append(
      Hub.element("tr", { class: "hub-plan-finish" }, [
        Hub.element("td", { text: end }),
        Hub.element("td", {}, [Hub.element("strong", { text: "Finish" })]),
        Hub.element("td", { text: "" }),
        Hub.element("td", { text: total }),
      ]),
    );
    const breakMinutes = slots.reduce(function (sum, slot) {
      return sum + (slot.exercise ? 0 : slot.minutes);
    }, 0);
    const count = plan.exercises.length;
    find("total").textContent =
      count +
      (count === 1 ? " exercise" : " exercises") +
      ", from " +
      Hub.clock(plan.start) +
      " to " +
      end +
      ": " +
      total +
      (breakMinutes ? " in all, including " + Hub.duration(breakMinutes) + " of breaks." : " in all.");
    return { end: end, total: total };
  }

  function renderPrints() {
    const list = find("prints");
    list.replaceChildren();
    plan.exercises.forEach(function (id) {
      const exercise = exercises.get(id);
      const links = [];
      exercise.prints.forEach(function (print, index) {
        if (index) links.push(" · ");
        links.push(Hub.element("a", { href: print.href, text: print.label }));
      });
      list.append(Hub.element("li", {}, [Hub.element("strong", { text: exercise.title + ": " })].concat(links)));
    });
  }

  function renderMaterials() {
    const list = find("materials");
    list.replaceChildren();
    const seen = new Map();
    plan.exercises.forEach(function (id) {
      const exercise = exercises.get(id);
      exercise.materials.forEach(function (text) {
        const key = text.toLowerCase().replace(/[^a-z0-9]/g, "");
        if (NOTHING_NEEDED.includes(key)) return;
        if (!seen.has(key)) seen.set(key, { text: text, numbers: [] });
        seen.get(key).numbers.push(exercise.number);
      });
    });
    seen.forEach(function (material) {
      const numbers = material.numbers.map(String);
      const listed =
        numbers.length === 1 ? numbers[0] : numbers.slice(0, -1).join(", ") + " and " + numbers[numbers.length - 1];
      list.append(
        Hub.element("li", {}, [
          material.text + " ",
          Hub.element("span", {
            class: "hub-muted",
            text: "(Exercise" + (numbers.length > 1 ? "s " : " ") + listed + ")",
          }),
        ]),
      );
    });
    list.append(Hub.element("li", { text: "One copy of each participant worksheet for each person." }));
  }

  function command() {
    const parts = ["python build.py pack"];
    plan.exercises.forEach(function (id) {
      parts.push("--exercise " + Hub.shellQuote(id));
    });
    parts.push("--start " + Hub.clock(plan.start));
    plan.exercises.forEach(function (id) {
      if (plan.breaks[id]) parts.push("--break-after " + Hub.shellQuote(id + ":" + plan.breaks[id]));
    });
    if (plan.title) parts.push("--title " + Hub.shellQuote(plan.title));
    parts.push("-o pack.pdf");
    return parts.join(" ");
  }

  function renderChoices() {
    exercises.forEach(function (exercise) {
      const chosen = plan.exercises.includes(exercise.id);
      let toggle = exercise.choice.querySelector("[data-action=toggle]");
      if (!toggle) {
        toggle = Hub.button("", exercise.title, {
          class: "md-button hub-small-button",
          "data-action": "toggle",
          "data-id": exercise.id,
        });
        exercise.choice.append(Hub.element("p", { class: "hub-plan-choice-toggle" }, [toggle]));
      }
      toggle.firstChild.textContent = chosen ? "Remove from the session" : "Add to the session";
      toggle.classList.toggle("md-button--primary", !chosen);
      exercise.choice.classList.toggle("hub-plan-chosen", chosen);
    });
  }

  function render() {
    const slots = agenda();
    renderItems(slots);
    renderChoices();
    const hasPlan = slots.length > 0;
    find("empty").hidden = hasPlan;
    find("result").hidden = !hasPlan;
    find("print-title").textContent = plan.title || "Session plan";
    if (hasPlan) {
      renderAgenda(slots);
      renderPrints();
      renderMaterials();
      find("command").textContent = command();
    }
  }

  function change(message, focus) {
    writePlan();
    render();
    if (focus) {
      const target = planner.querySelector(focus) || document.querySelector(focus);
      if (target) target.focus();
    }
    if (message) Hub.announce(status, message);
  }

  function move(id, step) {
    const from = plan.exercises.indexOf(id);
    const to = from + step;
    if (to < 0 || to >= plan.exercises.length) return;
    plan.exercises.splice(from, 1);
    plan.exercises.splice(to, 0, id);
    const action = step < 0 ? "up" : "down";
    const edge = step < 0 ? to === 0 : to === plan.exercises.length - 1;
    const focus = '[data-action="' + (edge ? (step < 0 ? "down" : "up") : action) + '"][data-id="' + id + '"]';
    change(exercises.get(id).title + " moved to place " + (to + 1) + " of " + plan.exercises.length + ".", focus);
  }

  function remove(id, fromList) {
    const index = plan.exercises.indexOf(id);
    plan.exercises.splice(index, 1);
    delete plan.breaks[id];
    const next = plan.exercises[Math.min(index, plan.exercises.length - 1)];
    let focus = '[data-action="toggle"][data-id="' + id + '"]';
    if (fromList) focus = next ? '[data-action="remove"][data-id="' + next + '"]' : "#plan-title";
    change(exercises.get(id).title + " removed from the session.", focus);
  }

  planner.addEventListener("click", function (event) {
    const target = event.target.closest("button");
    if (!target) return;
    const id = target.dataset.id;
    if (target.dataset.action === "up") move(id, -1);
    else if (target.dataset.action === "down") move(id, 1);
    else if (target.dataset.action === "remove") remove(id, true);
    else if (target.hasAttribute("data-plan-print")) window.print();
    else if (target.hasAttribute("data-plan-copy-link")) Hub.copyText(location.href, status, "Link to this plan copied.");
    else if (target.hasAttribute("data-plan-copy-command")) Hub.copyText(command(), status, "Command copied.");
  });

  planner.addEventListener("change", function (event) {
    const target = event.target;
    if (target.dataset.action === "break") {
      const minutes = Number(target.value);
      if (minutes) plan.breaks[target.dataset.id] = minutes;
      else delete plan.breaks[target.dataset.id];
      const title = exercises.get(target.dataset.id).title;
      change(
        minutes ? "Break of " + minutes + " minutes after " + title + "." : "No break after " + title + ".",
        "#plan-break-" + target.dataset.id,
      );
    }
  });

  startInput.addEventListener("change", function () {
    const match = /^([01][0-9]|2[0-3]):([0-5][0-9])/.exec(startInput.value);
    if (!match) return;
    plan.start = Number(match[1]) * 60 + Number(match[2]);
    change("Start time " + Hub.clock(plan.start) + ".");
  });

  titleInput.addEventListener("input", function () {
    plan.title = titleInput.value.trim();
    writePlan();
    find("print-title").textContent = plan.title || "Session plan";
    if (plan.exercises.length) find("command").textContent = command();
  });

  choices.addEventListener("click", function (event) {
    const target = event.target.closest("button[data-action=toggle]");
    if (!target) return;
    const id = target.dataset.id;
    if (plan.exercises.includes(id)) {
      remove(id, false);
    } else {
      plan.exercises.push(id);
      change(
        exercises.get(id).title + " added to the session, in place " + plan.exercises.length + ".",
        '[data-action="toggle"][data-id="' + id + '"]',
      );
    }
  });

  function load() {
    readPlan();
    titleInput.value = plan.title;
    startInput.value = Hub.clock(plan.start);
    render();
  }

  function start() {
    window.addEventListener("hashchange", function () {
      if (planner.isConnected) load();
    });
    planner.hidden = false;
    load();
  }

  const dataLink = document.querySelector("a.hub-catalogue-data");
  const sample = choices.firstElementChild;
  if (!dataLink || !sample) return start();
  Hub.loadCatalogue(dataLink, function (records, root) {
    (records || []).forEach(function (record) {
      if (exercises.has(record.id)) return;
      const li = choiceFrom(record, root, sample);
      choices.append(li);
      addChoice(li);
    });
    start();
  });
});
