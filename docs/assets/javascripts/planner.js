/* Outcomes Hub: the session planner (exercises/plan/).
 *
 * The exercises come from the page's own list (data- attributes, links to the
 * exercise pages and their PDFs, materials); when there are more exercises
 * than the page lists, the rest come from the catalogue's data script. The
 * plan lives in the address after "#" (agenda.js reads and writes it, and
 * works out the agenda, by the same rules as hub/session_plan.py). The pack is
 * made in the browser by pack.js, loaded only when it is asked for.
 *
 * Everything from the address, and everything typed, is shown with
 * textContent or as the value of a field: never as markup.
 *
 * Exercise pages and the audit link here with #ex=... or #exercises=...;
 * site.js gives links with class hub-plan-link and data-exercise that address,
 * and a pack's page its whole agenda (data-plan), so exercise and pack pages
 * need not load this script.
 */
"use strict";

(function () {
  const script = document.currentScript;
  /* The site's assets/ folder, for the pack's files (from file:// as well as http). */
  const ASSETS = script && script.src ? script.src.replace(/javascripts\/planner\.js(?:\?.*)?$/, "") : "";

  Hub.enhance("[data-hub-planner]", function (planner) {
    const A = window.HubAgenda;
    const choices = document.querySelector("[data-plan-choices]");
    if (!choices || !A) return;
    const find = function (name) {
      return document.querySelector("[data-plan-" + name + "]");
    };
    const itemsList = find("items");
    const status = find("status");
    const fields = {
      title: find("title"),
      date: find("date"),
      place: find("place"),
      start: find("start"),
      end: find("end"),
    };
    const participants = find("participants");
    const intro = find("intro");
    const layout = planner.closest(".hub-planner-layout");
    const sticky = find("sticky");

    /* --- the exercises ---------------------------------------------------- */

    const exercises = new Map();
    function addChoice(li) {
      const titleLink = li.querySelector(".hub-plan-choice-title a");
      const title = li.dataset.title;
      exercises.set(li.dataset.id, {
        id: li.dataset.id,
        number: Number(li.dataset.number),
        minutes: Number(li.dataset.minutes),
        atLeast: li.dataset.atLeast === "true",
        title: li.dataset.name || title.replace(/^Exercise [0-9]+: /, ""),
        fullTitle: title,
        href: titleLink ? titleLink.getAttribute("href") : "",
        prints: Array.from(li.querySelectorAll(".hub-plan-choice-prints a")).map(function (a) {
          return { label: a.textContent, href: a.getAttribute("href") };
        }),
        materials: Array.from(li.querySelectorAll(".hub-plan-choice-materials li:not([data-none])")).map(function (m) {
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
      const materials = record.materials.length
        ? record.materials.map(function (material) {
            return Hub.element("li", { text: material });
          })
        : [Hub.element("li", { "data-none": true, text: "None listed" })];
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
          Hub.element("p", {
            class: "hub-plan-choice-time",
            text: time + " · Part " + (record.part === "1" ? "one" : "two"),
          }),
          Hub.element("div", { class: "hub-plan-choice-materials" }, [
            Hub.element("p", { text: "Materials:" }),
            Hub.element("ul", {}, materials),
          ]),
          Hub.element("p", { class: "hub-plan-choice-prints" }, prints),
        ],
      );
    }

    /* --- the plan ------------------------------------------------------------- */

    let plan = A.emptyPlan();
    let messages = [];
    let uids = 0;
    function withUid(item) {
      item.uid = "i" + ++uids;
      return item;
    }

    function readPlan() {
      plan = A.parsePlan(location.hash, exercises);
      plan.items.forEach(withUid);
      messages = plan.messages.slice();
    }

    function writePlan() {
      Hub.writeHash(new URLSearchParams(A.planAddress(plan)));
    }

    function defaultTitle(kind) {
      return A.ITEM_KINDS[kind][0];
    }

    function exerciseItem(id) {
      const exercise = exercises.get(id);
      return withUid(A.makeItem("ex", exercise.minutes, exercise.fullTitle, id, false, false));
    }

    function customItem(kind, minutes, title) {
      const name = title || defaultTitle(kind);
      return withUid(A.makeItem(kind, minutes, name, null, name !== defaultTitle(kind), false));
    }

    function itemName(item) {
      return item.title;
    }

    function indexOf(uid) {
      return plan.items.findIndex(function (item) {
        return item.uid === uid;
      });
    }

    function leastMinutes(item) {
      const exercise = item.kind === "ex" ? exercises.get(item.exercise) : null;
      return exercise && exercise.atLeast ? exercise.minutes : A.MIN_MINUTES;
    }

    /* --- drawing the page ------------------------------------------------------ */

    function renderMessages() {
      const box = find("messages");
      const list = box.querySelector("ul");
      list.replaceChildren();
      messages.forEach(function (message) {
        list.append(Hub.element("li", { text: message }));
      });
      box.hidden = messages.length === 0;
    }

    function renderItems(rows) {
      itemsList.replaceChildren();
      rows.forEach(function (row, index) {
        const item = plan.items[index];
        const name = itemName(item);
        const head = [
          Hub.element("span", { class: "hub-plan-drag", "aria-hidden": "true", title: "Drag to move", text: "⠿" }),
          Hub.element("span", { class: "hub-plan-item-time", text: row.startText }),
          " ",
        ];
        if (item.kind === "ex") {
          head.push(Hub.element("a", { href: exercises.get(item.exercise).href, text: name }));
        } else {
          const nameId = "plan-name-" + item.uid;
          const label = Hub.element("label", { for: nameId, class: "hub-visually-hidden" }, [
            "Name of item " + (index + 1),
          ]);
          head.push(
            label,
            Hub.element("input", {
              type: "text",
              id: nameId,
              class: "hub-plan-item-name",
              value: name,
              maxlength: String(A.ITEM_TITLE_LENGTH),
              autocomplete: "off",
              "data-action": "name",
              "data-uid": item.uid,
            }),
          );
        }
        const lengthId = "plan-length-" + item.uid;
        const least = leastMinutes(item);
        const lengthLabel = Hub.element("label", { for: lengthId }, ["Minutes"]);
        lengthLabel.append(Hub.element("span", { class: "hub-visually-hidden", text: " for " + name }));
        const length = Hub.element("span", { class: "hub-plan-length" }, [
          lengthLabel,
          Hub.element("input", {
            type: "number",
            id: lengthId,
            min: String(least),
            max: String(A.MAX_MINUTES),
            step: "5",
            value: String(item.minutes),
            required: true,
            "data-action": "length",
            "data-uid": item.uid,
          }),
        ]);
        if (least > A.MIN_MINUTES) length.append(Hub.element("span", { class: "hub-muted", text: "at least " + least }));
        const button = function (label, action, disabled) {
          return Hub.button(label, name, {
            class: "md-button hub-small-button",
            "data-action": action,
            "data-uid": item.uid,
            disabled: disabled,
          });
        };
        const controls = Hub.element("div", { class: "hub-plan-item-controls" }, [
          length,
          button("Move up", "up", index === 0),
          button("Move down", "down", index === plan.items.length - 1),
          button("Break after", "break-after", plan.items.length >= A.MAX_ITEMS),
          button("Remove", "remove", false),
        ]);
        itemsList.append(
          Hub.element("li", { "data-uid": item.uid, class: "hub-plan-item hub-plan-item--" + item.kind, draggable: "true" }, [
            Hub.element("p", { class: "hub-plan-item-head" }, head),
            controls,
          ]),
        );
      });
    }

    function renderAgenda(rows, said) {
      const body = find("agenda").querySelector("tbody");
      body.replaceChildren();
      rows.forEach(function (row, index) {
        const item = plan.items[index];
        const name =
          item.kind === "ex"
            ? Hub.element("a", { href: exercises.get(item.exercise).href, text: row.title })
            : A.REFRESHMENTS.includes(item.kind)
              ? Hub.element("em", { text: row.title })
              : document.createTextNode(row.title);
        body.append(
          Hub.element("tr", {}, [
            Hub.element("td", { text: row.startText }),
            Hub.element("td", {}, [name]),
            Hub.element("td", { text: row.lengthText }),
            Hub.element("td", { text: row.elapsedText }),
          ]),
        );
      });
      body.append(
        Hub.element("tr", { class: "hub-plan-finish" }, [
          Hub.element("td", { text: said.endText }),
          Hub.element("td", {}, [Hub.element("strong", { text: "Finish" })]),
          Hub.element("td", { text: "" }),
          Hub.element("td", { text: said.totalText }),
        ]),
      );
      find("total").textContent =
        said.exercises +
        (said.exercises === 1 ? " exercise" : " exercises") +
        ", from " +
        A.clock(plan.start) +
        " to " +
        said.endText +
        ": " +
        said.totalText +
        (said.breakMinutes ? " in all, including " + A.duration(said.breakMinutes) + " of breaks." : " in all.");
      const target = find("target");
      const warning = said.pastMidnight || said.targetText;
      target.textContent = warning;
      target.hidden = !warning;
      target.classList.toggle("hub-plan-over", Boolean(said.pastMidnight) || said.over);
    }

    function renderPrints() {
      const list = find("prints");
      list.replaceChildren();
      packExercises().forEach(function (exercise) {
        const links = [];
        exercise.prints.forEach(function (print, index) {
          if (index) links.push(" · ");
          links.push(Hub.element("a", { href: print.href, text: print.label }));
        });
        list.append(Hub.element("li", {}, [Hub.element("strong", { text: exercise.fullTitle + ": " })].concat(links)));
      });
    }

    function renderMaterials(rows) {
      const list = find("materials");
      list.replaceChildren();
      const chosen = packExercises();
      A.checklist(
        chosen.map(function (exercise) {
          return [exercise.number, exercise.materials];
        }),
      ).forEach(function ([text, forText]) {
        list.append(Hub.element("li", {}, [text + " ", Hub.element("span", { class: "hub-muted", text: "(" + forText + ")" })]));
      });
      if (chosen.length) list.append(Hub.element("li", { text: "One copy of the participant materials for each person." }));
      const refreshments = A.refreshmentsText(rows);
      if (refreshments) list.append(Hub.element("li", { text: refreshments }));
    }

    /* the pack and its participant set, as the two downloads beside the pack's */
    function command() {
      const address = Hub.shellQuote("#" + A.planAddress(plan));
      return "python build.py pack --plan " + address + " -o pack.pdf --participants participants.pdf";
    }

    function renderChoices() {
      exercises.forEach(function (exercise) {
        const chosen = plan.items.some(function (item) {
          return item.exercise === exercise.id;
        });
        let toggle = exercise.choice.querySelector("[data-action=toggle]");
        if (!toggle) {
          toggle = Hub.button("", exercise.fullTitle, {
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

    function participantsAddress() {
      const view = Object.assign({}, plan, { view: "participants" });
      return "#" + A.planAddress(view);
    }

    function renderParticipants(rows, said) {
      find("participants-title").textContent = plan.title || "Agenda";
      const when = [];
      if (plan.date) when.push(A.dateText(plan.date));
      if (plan.place) when.push(plan.place);
      if (rows.length) when.push(A.clock(plan.start) + " to " + said.endText);
      find("participants-when").textContent = when.join(" · ");
      const body = find("participants-agenda").querySelector("tbody");
      body.replaceChildren();
      rows.forEach(function (row) {
        body.append(Hub.element("tr", {}, [Hub.element("td", { text: row.startText }), Hub.element("td", { text: row.title })]));
      });
      if (rows.length) {
        body.append(
          Hub.element("tr", { class: "hub-plan-finish" }, [
            Hub.element("td", { text: said.endText }),
            Hub.element("td", {}, [Hub.element("strong", { text: "Finish" })]),
          ]),
        );
      }
      const editing = Object.assign({}, plan, { view: "" });
      find("edit").setAttribute("href", "#" + A.planAddress(editing));
      find("participants-link").setAttribute("href", participantsAddress());
    }

    function render() {
      const rows = A.agenda(plan.start, plan.items);
      const said = A.summary(plan.start, rows, plan.end);
      const viewing = plan.view === "participants";
      participants.hidden = !viewing;
      if (intro) intro.hidden = viewing;
      if (layout) layout.hidden = viewing;
      renderMessages();
      renderItems(rows);
      renderChoices();
      const hasPlan = rows.length > 0;
      find("empty").hidden = plan.items.some(function (item) {
        return item.kind === "ex";
      });
      find("result").hidden = !hasPlan;
      find("print-title").textContent = plan.title || "Session plan";
      renderParticipants(rows, said);
      sticky.hidden = !hasPlan;
      sticky.textContent = hasPlan ? said.shortText : "";
      if (hasPlan) {
        renderAgenda(rows, said);
        renderPrints();
        renderMaterials(rows);
        find("command").textContent = command();
      }
      /* Why there can be no pack yet, said beside its buttons rather than only when they are pressed. */
      const problem = packProblem(said);
      [find("download"), find("print-pack"), find("download-participants")].forEach(function (control) {
        control.setAttribute("aria-disabled", problem ? "true" : "false");
      });
      const packStatus = find("pack-status");
      if (problem) packStatus.textContent = problem;
      else if (packStatus.dataset.problem) packStatus.textContent = "";
      packStatus.dataset.problem = problem;
    }

    function restoreFocus(selector) {
      if (!selector) return;
      const target = document.querySelector(selector);
      if (target) target.focus();
    }

    function change(message, focus) {
      writePlan();
      render();
      restoreFocus(focus);
      if (message) Hub.announce(status, message);
    }

    /* --- changing the plan ------------------------------------------------------ */

    function move(uid, to, how) {
      const from = indexOf(uid);
      if (from < 0 || to < 0 || to >= plan.items.length || to === from) return;
      const [item] = plan.items.splice(from, 1);
      plan.items.splice(to, 0, item);
      let focus = null;
      if (how === "up" || how === "down") {
        const edge = how === "up" ? to === 0 : to === plan.items.length - 1;
        const action = edge ? (how === "up" ? "down" : "up") : how;
        focus = '[data-action="' + action + '"][data-uid="' + uid + '"]';
      }
      change(itemName(item) + " moved to place " + (to + 1) + " of " + plan.items.length + ".", focus);
    }

    function full() {
      if (plan.items.length < A.MAX_ITEMS) return false;
      Hub.announce(status, "A session holds at most " + A.MAX_ITEMS + " items.");
      messages = ["A session holds at most " + A.MAX_ITEMS + " items; remove one to add another."];
      renderMessages();
      return true;
    }

    function add(item, at, focus) {
      if (full()) return;
      const place = at === undefined ? plan.items.length : at;
      plan.items.splice(place, 0, item);
      change(itemName(item) + " added, in place " + (place + 1) + " of " + plan.items.length + ".", focus);
    }

    function remove(uid) {
      const index = indexOf(uid);
      const [item] = plan.items.splice(index, 1);
      const next = plan.items[Math.min(index, plan.items.length - 1)];
      change(itemName(item) + " removed from the session.", next ? '[data-action="remove"][data-uid="' + next.uid + '"]' : "#plan-title");
    }

    function setLength(input) {
      const index = indexOf(input.dataset.uid);
      if (index < 0) return;
      const item = plan.items[index];
      const least = leastMinutes(item);
      const wanted = Number(input.value);
      let note = "";
      if (!/^[0-9]{1,4}$/.test(input.value) || wanted < least || wanted > A.MAX_MINUTES) {
        note = itemName(item) + " takes from " + least + " to " + A.MAX_MINUTES + " minutes; it stays at " + item.minutes + ".";
        messages = [note];
        renderMessages();
        input.value = String(item.minutes);
        Hub.announce(status, note);
        return;
      }
      item.minutes = wanted;
      messages = [];
      change(itemName(item) + ": " + A.duration(wanted) + ".", "#plan-length-" + item.uid);
    }

    planner.addEventListener("click", function (event) {
      const target = event.target.closest("button");
      if (!target) return;
      const uid = target.dataset.uid;
      const action = target.dataset.action;
      if (action === "up") move(uid, indexOf(uid) - 1, "up");
      else if (action === "down") move(uid, indexOf(uid) + 1, "down");
      else if (action === "remove") remove(uid);
      else if (action === "break-after") {
        const item = customItem("break", A.ITEM_KINDS.break[1]);
        add(item, indexOf(uid) + 1, "#plan-length-" + item.uid);
      } else if (action === "add") {
        const kind = target.dataset.kind;
        add(customItem(kind, A.ITEM_KINDS[kind][1]), undefined, null);
      } else if (target.hasAttribute("data-plan-add-own")) addOwn();
      else if (target.hasAttribute("data-plan-download")) pack("download");
      else if (target.hasAttribute("data-plan-print-pack")) pack("print");
      else if (target.hasAttribute("data-plan-download-participants")) pack("participants");
      else if (target.hasAttribute("data-plan-copy-link")) Hub.copyText(location.href, status, "Link to this plan copied.");
      else if (target.hasAttribute("data-plan-copy-command")) Hub.copyText(command(), status, "Command copied.");
    });

    function addOwn() {
      const titleInput = find("own-title");
      const minutesInput = find("own-minutes");
      const [title] = A.cleanText(titleInput.value, A.ITEM_TITLE_LENGTH);
      const minutes = Number(minutesInput.value);
      if (!/^[0-9]{1,4}$/.test(minutesInput.value) || minutes < A.MIN_MINUTES || minutes > A.MAX_MINUTES) {
        messages = ["Give it a length from " + A.MIN_MINUTES + " to " + A.MAX_MINUTES + " minutes."];
        renderMessages();
        minutesInput.focus();
        return;
      }
      add(customItem("note", minutes, title || ""), undefined, "[data-plan-add-own]");
      titleInput.value = "";
    }

    planner.addEventListener("change", function (event) {
      if (event.target.dataset.action === "length") setLength(event.target);
    });

    planner.addEventListener("input", function (event) {
      const target = event.target;
      if (target.dataset.action !== "name") return;
      const item = plan.items[indexOf(target.dataset.uid)];
      if (!item) return;
      const [title] = A.cleanText(target.value, A.ITEM_TITLE_LENGTH);
      item.title = title || defaultTitle(item.kind);
      item.customTitle = item.title !== defaultTitle(item.kind);
      writePlan();
      const rows = A.agenda(plan.start, plan.items);
      const said = A.summary(plan.start, rows, plan.end);
      renderAgenda(rows, said);
      renderParticipants(rows, said);
      renderMaterials(rows);
      find("command").textContent = command();
    });

    planner.addEventListener("keydown", function (event) {
      if (event.key === "Enter" && event.target === find("own-title")) {
        event.preventDefault();
        addOwn();
      }
    });

    fields.title.addEventListener("input", function () {
      plan.title = A.cleanText(fields.title.value, A.TITLE_LENGTH)[0];
      writePlan();
      find("print-title").textContent = plan.title || "Session plan";
      find("participants-title").textContent = plan.title || "Agenda";
      if (plan.items.length) find("command").textContent = command();
    });
    fields.place.addEventListener("input", function () {
      plan.place = A.cleanText(fields.place.value, A.TITLE_LENGTH)[0];
      writePlan();
      render();
    });
    fields.date.addEventListener("change", function () {
      plan.date = A.parseDate(fields.date.value) || "";
      change(plan.date ? "Date " + A.dateText(plan.date) + "." : "No date.");
    });
    fields.start.addEventListener("change", function () {
      const start = A.parseClock(fields.start.value.slice(0, 5));
      if (start === null) return;
      plan.start = start;
      change("Start time " + A.clock(plan.start) + ".");
    });
    fields.end.addEventListener("change", function () {
      plan.end = fields.end.value ? A.parseClock(fields.end.value.slice(0, 5)) : null;
      change(plan.end === null ? "No end time." : "End by " + A.clock(plan.end) + ".");
    });

    choices.addEventListener("click", function (event) {
      const target = event.target.closest("button[data-action=toggle]");
      if (!target) return;
      const id = target.dataset.id;
      const at = plan.items.findIndex(function (item) {
        return item.exercise === id;
      });
      const focus = '[data-action="toggle"][data-id="' + id + '"]';
      if (at >= 0) {
        const [item] = plan.items.splice(at, 1);
        change(itemName(item) + " removed from the session.", focus);
      } else add(exerciseItem(id), undefined, focus);
    });

    /* Drag and drop: an item dropped on another takes its place. */
    let dragged = null;
    itemsList.addEventListener("dragstart", function (event) {
      const li = event.target.closest && event.target.closest("li[data-uid]");
      if (!li) return;
      dragged = li.dataset.uid;
      event.dataTransfer.effectAllowed = "move";
      event.dataTransfer.setData("text/plain", li.dataset.uid);
      li.classList.add("hub-plan-dragging");
    });
    itemsList.addEventListener("dragover", function (event) {
      if (!dragged) return;
      const li = event.target.closest("li[data-uid]");
      if (!li) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = "move";
      itemsList.querySelectorAll(".hub-plan-drop").forEach(function (other) {
        if (other !== li) other.classList.remove("hub-plan-drop");
      });
      li.classList.add("hub-plan-drop");
    });
    itemsList.addEventListener("drop", function (event) {
      const li = event.target.closest("li[data-uid]");
      if (!dragged || !li) return;
      event.preventDefault();
      const uid = dragged;
      dragged = null;
      move(uid, indexOf(li.dataset.uid), "drag");
    });
    itemsList.addEventListener("dragend", function () {
      dragged = null;
      itemsList.querySelectorAll(".hub-plan-drop, .hub-plan-dragging").forEach(function (li) {
        li.classList.remove("hub-plan-drop", "hub-plan-dragging");
      });
    });

    /* --- the pack ---------------------------------------------------------------- */

    function packExercises() {
      return plan.items
        .filter(function (item) {
          return item.kind === "ex";
        })
        .map(function (item) {
          return exercises.get(item.exercise);
        });
    }

    function packProblem(said) {
      if (!packExercises().length) return "Add at least one exercise for a pack.";
      if (said.pastMidnight) return said.pastMidnight;
      if (!ASSETS) return "The pack cannot be made from this page.";
      return "";
    }

    function fileName(how) {
      const slug = (plan.title || "workshop")
        .normalize("NFKD")
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, "-")
        .replace(/^-+|-+$/g, "")
        .slice(0, 60)
        .replace(/-+$/, "");
      return (slug || "workshop") + (how === "participants" ? "-participants.pdf" : "-pack.pdf");
    }

    let busy = false;
    async function pack(how) {
      const packStatus = find("pack-status");
      const rows = A.agenda(plan.start, plan.items);
      const problem = packProblem(A.summary(plan.start, rows, plan.end));
      if (problem) {
        packStatus.textContent = problem;
        return;
      }
      if (busy) return;
      busy = true;
      const started = Date.now();
      const what = how === "participants" ? "participant set" : "pack";
      packStatus.textContent = "Making your " + what + "…";
      planner.setAttribute("aria-busy", "true");
      try {
        await loadScript(ASSETS + "javascripts/pack.js");
        /* the participant set: each exercise's participant materials alone (participant-set.js) */
        if (how === "participants") await loadScript(ASSETS + "javascripts/participant-set.js");
        const maker = how === "participants" ? window.HubParticipantSet : window.HubPack;
        const result = await maker.make({ assets: ASSETS, plan: plan, exercises: exercises });
        const blob = new Blob([result.bytes], { type: "application/pdf" });
        const url = URL.createObjectURL(blob);
        const seconds = ((Date.now() - started) / 1000).toFixed(1);
        if (how === "print") (window.HubPrintPdf || printPdf)(url); /* tests replace the browser's print dialog */
        else {
          const link = Hub.element("a", { href: url, download: fileName(how), hidden: true });
          document.body.append(link);
          link.click();
          link.remove();
        }
        if (how !== "print") {
          window.setTimeout(function () {
            URL.revokeObjectURL(url);
          }, 60000);
        }
        packStatus.textContent =
          (how === "print" ? "Your pack is ready to print: " : "Your " + what + " is downloaded: ") +
          result.pages +
          " pages, made in " +
          seconds +
          " s.";
        planner.dataset.packSeconds = seconds;
      } catch (error) {
        packStatus.textContent =
          "The " + what + " could not be made here (" + (error && error.message ? error.message : "unknown problem") + ").";
      } finally {
        busy = false;
        planner.removeAttribute("aria-busy");
      }
    }

    /* Print through the browser's PDF viewer in a hidden frame; where a page may not
       reach into it (some browsers, or file://), offer the pack to open and print from there. */
    function printPdf(url) {
      const frame = Hub.element("iframe", { src: url, title: "The pack, for printing", class: "hub-plan-print-frame" });
      frame.addEventListener("load", function () {
        try {
          frame.contentWindow.focus();
          frame.contentWindow.print();
        } catch (error) {
          const packStatus = find("pack-status");
          packStatus.replaceChildren(
            "This browser cannot print the pack from here: ",
            Hub.element("a", { href: url, target: "_blank", rel: "noopener", text: "open the pack" }),
            " and print it from there.",
          );
        }
      });
      document.body.append(frame);
      window.setTimeout(function () {
        frame.remove();
      }, 60000);
    }

    const loaded = {};
    function loadScript(src) {
      if (!loaded[src]) {
        loaded[src] = new Promise(function (resolve, reject) {
          const tag = Hub.element("script", { src: src });
          tag.addEventListener("load", resolve);
          tag.addEventListener("error", function () {
            delete loaded[src];
            reject(new Error("its files did not load"));
          });
          document.head.append(tag);
        });
      }
      return loaded[src];
    }

    find("participants-print").addEventListener("click", function () {
      window.print();
    });

    /* Offline after a first visit (docs/sw.js): on a web server, keep this page, what it has loaded and
       the files a pack is made from (unless the browser asks to save data). Not from file://, where the
       offline zip already has everything. */
    function keepForOffline() {
      if (!("serviceWorker" in navigator) || !/^https?:$/.test(location.protocol) || !ASSETS) return;
      const root = ASSETS.replace(/assets\/$/, "");
      navigator.serviceWorker
        .register(root + "sw.js", { scope: root })
        .then(function () {
          return navigator.serviceWorker.ready;
        })
        .then(function (registration) {
          const urls = [location.href.split("#")[0]].concat(
            performance.getEntriesByType("resource").map(function (entry) {
              return entry.name;
            }),
          );
          const saving = navigator.connection && navigator.connection.saveData;
          if (!saving) {
            urls.push(ASSETS + "javascripts/pack.js", ASSETS + "javascripts/participant-set.js");
            urls.push(ASSETS + "javascripts/vendor/pdf-lib.min.js");
            urls.push(ASSETS + "pack/pack-data.js", ASSETS + "pack/fonts.js");
            /* every exercise's section, or in a hub of very many exercises, those of this plan */
            const few = exercises.size <= 50;
            exercises.forEach(function (exercise) {
              const planned = plan.items.some(function (item) {
                return item.exercise === exercise.id;
              });
              if (few || planned) urls.push(ASSETS + "pack/sections/" + exercise.id + ".js");
              /* a participant set's parts only for the plan's exercises: 30 to 100 KB each, asked for less often */
              if (planned) urls.push(ASSETS + "pack/sections/" + exercise.id + "-participants.js");
            });
          }
          navigator.serviceWorker.addEventListener("message", function (event) {
            if (event.data && event.data.kept !== undefined) planner.dataset.offline = event.data.kept + " of " + event.data.of;
          });
          registration.active.postMessage({ keep: urls });
        })
        .catch(function () {
          /* no offline copy: the planner works as before */
        });
    }

    /* --- starting ------------------------------------------------------------------ */

    function load() {
      readPlan();
      fields.title.value = plan.title;
      fields.date.value = plan.date;
      fields.place.value = plan.place;
      fields.start.value = A.clock(plan.start);
      fields.end.value = plan.end === null ? "" : A.clock(plan.end);
      render();
    }

    function start() {
      const kinds = find("add-kinds");
      ["welcome", "intro", "break", "lunch", "energiser"].forEach(function (kind) {
        const [title, minutes] = A.ITEM_KINDS[kind];
        kinds.append(
          Hub.button(title + " (" + minutes + " min)", "add to the end of the session", {
            class: "md-button hub-small-button",
            "data-action": "add",
            "data-kind": kind,
          }),
          " ",
        );
      });
      window.addEventListener("hashchange", function () {
        if (planner.isConnected) load();
      });
      planner.hidden = false;
      load();
      window.setTimeout(keepForOffline, 1500);
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
})();
