/* Outcomes Hub: the session planner's plan and agenda, without the page.
 *
 * The plan lives in the address after "#", in the order the session runs:
 *   title=Team+day&date=2026-05-14&place=Room+2&start=09:30&end=16:30
 *   &welcome=10&ex=EXERCISE-ID.60&break=15&lunch=45&note=20.Case+discussion
 * ("ex=ID.MINUTES" is an exercise with its chosen length; welcome, intro, break,
 * lunch, energiser and note are MINUTES or MINUTES.TITLE). The older
 * "exercises=ID,ID&breaks=ID:15" is still read.
 *
 * Nothing in an address is trusted; each kind of problem gives one plain
 * message, and the plan keeps what can be used. Text from the address is only
 * ever shown with textContent or drawn into a PDF.
 *
 * One specification with hub/session_plan.py and hub/session_agenda.py: both
 * pass every case in tests/golden/agenda.json (tests/agenda.test.js runs this
 * file under node --test).
 */
"use strict";

(function (root, make) {
  const made = make();
  if (typeof module === "object" && module.exports) module.exports = made;
  else root.HubAgenda = made;
})(typeof self !== "undefined" ? self : this, function () {
  const MAX_ITEMS = 40;
  const MIN_MINUTES = 5;
  const MAX_MINUTES = 480;
  const TITLE_LENGTH = 120;
  const ITEM_TITLE_LENGTH = 80;
  const DEFAULT_START = 9 * 60 + 30;
  const DAY = 24 * 60;
  const ITEM_KINDS = {
    welcome: ["Welcome", 10],
    intro: ["Introductions", 15],
    break: ["Break", 15],
    lunch: ["Lunch", 45],
    energiser: ["Energiser", 10],
    note: ["Activity", 15],
  };
  const REFRESHMENTS = ["break", "lunch"];
  const SETTINGS = ["title", "date", "place", "start", "end", "view"];
  const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
  const MONTHS = [
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
  ]; // prettier-ignore
  const NOTHING_NEEDED = ["none", "noneneeded", "nothing", "nothingneeded"];

  function clock(minutes) {
    const day = ((minutes % DAY) + DAY) % DAY;
    return String(Math.floor(day / 60)).padStart(2, "0") + ":" + String(day % 60).padStart(2, "0");
  }

  function duration(minutes) {
    const hours = Math.floor(minutes / 60);
    const rest = minutes % 60;
    if (!hours) return rest + " min";
    return rest ? hours + " h " + rest + " min" : hours + " h";
  }

  function count(number) {
    return String(number).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  }

  /* Text as it may be shown: no control or direction characters, spaces
     collapsed, at most `limit` characters (not UTF-16 units); and whether it
     had to be shortened. */
  function cleanText(text, limit) {
    let kept = Array.from(String(text), function (ch) {
      return ch === "\t" || ch === "\n" || ch === "\r" ? " " : ch;
    })
      .filter(function (ch) {
        return !/^[\p{Cc}\p{Cf}]$/u.test(ch);
      })
      .join("");
    kept = kept.replace(/\u00a0/g, " ").replace(/ {2,}/g, " ").trim();
    const chars = Array.from(kept);
    if (chars.length > limit) return [chars.slice(0, limit).join("").trimEnd(), true];
    return [kept, false];
  }

  function shown(raw) {
    const [text, cut] = cleanText(raw, 40);
    return text + (cut ? "…" : "");
  }

  function parseClock(text) {
    const match = /^([01][0-9]|2[0-3]):([0-5][0-9])$/.exec(text);
    return match ? Number(match[1]) * 60 + Number(match[2]) : null;
  }

  function parseDate(text) {
    const match = /^(20[0-9]{2})-(0[1-9]|1[0-2])-([0-3][0-9])$/.exec(text);
    if (!match) return null;
    const year = Number(match[1]);
    const month = Number(match[2]);
    const day = Number(match[3]);
    const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
    return day >= 1 && day <= last ? text : null;
  }

  /* "2026-05-14" → "Thursday 14 May 2026" (in English, whatever the browser's language). */
  function dateText(iso) {
    const [year, month, day] = iso.split("-").map(Number);
    const weekday = (new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7;
    return WEEKDAYS[weekday] + " " + day + " " + MONTHS[month - 1] + " " + year;
  }

  function exerciseTitle(facts) {
    return "Exercise " + facts.number + ": " + facts.title;
  }

  function lookup(exercises, id) {
    if (exercises instanceof Map) return exercises.get(id);
    return Object.prototype.hasOwnProperty.call(exercises, id) ? exercises[id] : undefined;
  }

  function emptyPlan() {
    return { title: "", date: "", place: "", start: DEFAULT_START, end: null, view: "", items: [], messages: [] };
  }

  /* The plan in an address (the part after "#", with or without it). */
  function parsePlan(address, exercises) {
    const text = String(address || "");
    const fragment = text.includes("#") ? text.slice(text.indexOf("#") + 1) : text;
    const plan = emptyPlan();
    const found = new Map();
    const note = function (kind, raw) {
      if (!found.has(kind)) found.set(kind, []);
      found.get(kind).push(raw === undefined ? "" : raw);
    };
    const wanted = [];
    for (const [key, value] of new URLSearchParams(fragment)) {
      if (key === "exercises") {
        value.split(",").forEach(function (id) {
          if (id) wanted.push(["ex", id]);
        });
      } else if (key === "breaks") {
        value.split(",").forEach(function (pair) {
          const colon = pair.lastIndexOf(":");
          const after = colon < 0 ? "" : pair.slice(0, colon);
          const minutes = colon < 0 ? pair : pair.slice(colon + 1);
          const spot = wanted.findIndex(function ([kind, id]) {
            return kind === "ex" && id === after;
          });
          if (spot >= 0) wanted.splice(spot + 1, 0, ["break", minutes]);
        });
      } else if (key === "ex" || Object.prototype.hasOwnProperty.call(ITEM_KINDS, key)) {
        wanted.push([key, value]);
      } else if (SETTINGS.includes(key)) {
        setting(plan, key, value, note);
      } else {
        note("unknown-key", key);
      }
    }
    const seen = new Set();
    wanted.forEach(function ([key, value]) {
      if (plan.items.length === MAX_ITEMS) return note("too-many");
      const made = item(key, value, exercises, seen, note);
      if (made) plan.items.push(made);
    });
    plan.messages = messages(found, plan.items.length);
    return plan;
  }

  function setting(plan, key, value, note) {
    if (key === "title" || key === "place") {
      const [text, cut] = cleanText(value, TITLE_LENGTH);
      if (cut) note("long-text");
      plan[key] = text;
    } else if (key === "date") {
      if (value) {
        const date = parseDate(value);
        plan.date = date || "";
        if (date === null) note("bad-date", value);
      }
    } else if (key === "start") {
      const start = parseClock(value);
      plan.start = start === null ? DEFAULT_START : start;
      if (start === null) note("bad-start", value);
    } else if (key === "end") {
      if (value) {
        plan.end = parseClock(value);
        if (plan.end === null) note("bad-end", value);
      }
    } else if (key === "view") {
      plan.view = value === "participants" ? "participants" : "";
    }
  }

  function item(key, value, exercises, seen, note) {
    const dot = value.indexOf(".");
    const head = dot < 0 ? value : value.slice(0, dot);
    const rest = dot < 0 ? "" : value.slice(dot + 1);
    if (key === "ex") {
      const facts = lookup(exercises, head);
      if (!facts) return note("unknown-exercise", head);
      if (seen.has(head)) return note("twice", exerciseTitle(facts));
      seen.add(head);
      let minutes = dot < 0 ? facts.minutes : readMinutes(rest, facts.minutes, note);
      if (facts.atLeast && minutes < facts.minutes) {
        note("at-least", exerciseTitle(facts) + "\0" + facts.minutes);
        minutes = facts.minutes;
      }
      return makeItem("ex", minutes, exerciseTitle(facts), facts.id, false, false);
    }
    const [defaultTitle, defaultMinutes] = ITEM_KINDS[key];
    const minutes = readMinutes(head, defaultMinutes, note);
    const [title, cut] = dot < 0 ? ["", false] : cleanText(rest, ITEM_TITLE_LENGTH);
    if (cut) note("long-text");
    return makeItem(key, minutes, title || defaultTitle, null, Boolean(title), false);
  }

  function makeItem(kind, minutes, title, exercise, customTitle, atLeast) {
    return {
      kind: kind,
      minutes: minutes,
      title: title,
      exercise: exercise,
      customTitle: customTitle,
      atLeast: atLeast,
    };
  }

  function readMinutes(raw, usual, note) {
    if (/^[0-9]{1,4}$/.test(raw) && Number(raw) >= MIN_MINUTES && Number(raw) <= MAX_MINUTES) return Number(raw);
    note("bad-minutes", raw);
    return usual;
  }

  function messages(found, kept) {
    const said = [];
    found.forEach(function (values, kind) {
      const first = values[0];
      const many = values.length;
      if (kind === "too-many") {
        said.push(
          "The address lists " + count(kept + many) + " items; a session holds at most " + MAX_ITEMS +
            ", so only the first " + MAX_ITEMS + " are kept.",
        );
      } else if (kind === "unknown-exercise") {
        said.push(
          many === 1
            ? 'The address names an exercise the hub does not have ("' + shown(first) + '"), so it is left out.'
            : "The address names " + count(many) + ' exercises the hub does not have (such as "' + shown(first) +
                '"), so they are left out.',
        );
      } else if (kind === "twice") {
        said.push(first + " is in the address more than once; it is kept once, in its first place.");
      } else if (kind === "at-least") {
        const [title, minutes] = first.split("\0");
        said.push(title + " takes at least " + minutes + " minutes, so it is given " + minutes + ".");
      } else if (kind === "bad-minutes") {
        said.push(
          many === 1
            ? '"' + shown(first) + '" is not a length from ' + MIN_MINUTES + " to " + MAX_MINUTES +
                " minutes, so the usual length is used."
            : count(many) + " lengths in the address are not from " + MIN_MINUTES + " to " + MAX_MINUTES +
                ' minutes (such as "' + shown(first) + '"), so the usual lengths are used.',
        );
      } else if (kind === "bad-start") {
        said.push(
          '"' + shown(first) + '" is not a time of day on the 24-hour clock, so the session starts at ' +
            clock(DEFAULT_START) + ".",
        );
      } else if (kind === "bad-end") {
        said.push('"' + shown(first) + '" is not a time of day on the 24-hour clock, so no end time is set.');
      } else if (kind === "bad-date") {
        said.push('"' + shown(first) + '" is not a date such as 2026-05-14, so no date is set.');
      } else if (kind === "long-text") {
        said.push("Some text in the address was too long, so it has been shortened.");
      } else if (kind === "unknown-key") {
        said.push('The address has a part the planner does not know ("' + shown(first) + '"); it is ignored.');
      }
    });
    return said;
  }

  /* The plan as it is written after "#". */
  function planAddress(plan) {
    const params = new URLSearchParams();
    if (plan.title) params.append("title", plan.title);
    if (plan.date) params.append("date", plan.date);
    if (plan.place) params.append("place", plan.place);
    params.append("start", clock(plan.start));
    if (plan.end !== null && plan.end !== undefined) params.append("end", clock(plan.end));
    if (plan.view) params.append("view", plan.view);
    plan.items.forEach(function (it) {
      if (it.kind === "ex") params.append("ex", it.exercise + "." + it.minutes);
      else params.append(it.kind, it.customTitle ? it.minutes + "." + it.title : String(it.minutes));
    });
    return params.toString();
  }

  /* --- the agenda (hub/session_agenda.py) ------------------------------- */

  function refreshmentName(title) {
    const first = Array.from(title)[0] || "";
    const rest = title.slice(first.length);
    return rest === rest.toLowerCase() ? first.toLowerCase() + rest : title;
  }

  function agenda(start, items) {
    const rows = [];
    let now = start;
    let elapsed = 0;
    let openEnded = false;
    items.forEach(function (it) {
      const later = openEnded;
      openEnded = openEnded || Boolean(it.atLeast);
      elapsed += it.minutes;
      rows.push({
        kind: it.kind,
        title: it.title,
        start: now,
        minutes: it.minutes,
        end: now + it.minutes,
        atLeast: Boolean(it.atLeast),
        mayStartLater: later,
        elapsed: elapsed,
        openEnded: openEnded,
        exercise: it.exercise || null,
        startText: clock(now) + (later ? " or later" : ""),
        lengthText: (it.atLeast ? "at least " : "") + duration(it.minutes),
        elapsedText: (openEnded ? "at least " : "") + duration(elapsed),
      });
      now += it.minutes;
    });
    return rows;
  }

  function summary(start, rows, target) {
    const last = rows[rows.length - 1];
    const end = last ? last.end : start;
    const openEnded = Boolean(last && last.openEnded);
    const total = last ? last.elapsed : 0;
    const exercises = rows.filter(function (row) {
      return row.kind === "ex";
    }).length;
    const breakMinutes = rows.reduce(function (sum, row) {
      return sum + (REFRESHMENTS.includes(row.kind) ? row.minutes : 0);
    }, 0);
    let targetText = "";
    if (target !== null && target !== undefined) {
      const gap = end - target;
      if (gap > 0) targetText = "Ends at " + clock(end) + ", " + duration(gap) + " after your end time of " + clock(target) + ".";
      else if (gap < 0) targetText = "Ends at " + clock(end) + ", " + duration(-gap) + " before your end time of " + clock(target) + ".";
      else targetText = "Ends at " + clock(end) + ", on your end time.";
    }
    const endText = clock(end) + (openEnded ? " or later" : "");
    return {
      start: start,
      end: end,
      openEnded: openEnded,
      exercises: exercises,
      total: total,
      breakMinutes: breakMinutes,
      endText: endText,
      totalText: (openEnded ? "at least " : "") + duration(total),
      targetText: targetText,
      over: target !== null && target !== undefined && end > target,
      pastMidnight:
        end > DAY
          ? "The session would end after midnight (" + clock(end) + " the next day); start earlier or shorten it."
          : "",
      shortText:
        exercises + (exercises === 1 ? " exercise" : " exercises") + " · " + duration(total) + " · ends " + endText,
    };
  }

  function refreshmentsText(rows) {
    const named = rows
      .filter(function (row) {
        return REFRESHMENTS.includes(row.kind);
      })
      .map(function (row) {
        return refreshmentName(row.title) + " at " + row.startText;
      });
    if (!named.length) return "";
    const listed = named.length === 1 ? named[0] : named.slice(0, -1).join(", ") + " and " + named[named.length - 1];
    return "Refreshments for the " + listed + ".";
  }

  function exercisesNamed(numbers) {
    const shownNumbers = numbers.map(String);
    if (shownNumbers.length === 1) return "Exercise " + shownNumbers[0];
    return "Exercises " + shownNumbers.slice(0, -1).join(", ") + " and " + shownNumbers[shownNumbers.length - 1];
  }

  /* [[3, ["Flip chart paper"]], …] → [["Flip chart paper", "Exercise 3"], …] */
  function checklist(exercises) {
    const found = new Map();
    exercises.forEach(function ([number, materials]) {
      materials.forEach(function (material) {
        const key = material.toLowerCase().replace(/[^a-z0-9]/g, "");
        if (NOTHING_NEEDED.includes(key)) return;
        if (!found.has(key)) found.set(key, [material, []]);
        const numbers = found.get(key)[1];
        if (!numbers.includes(number)) numbers.push(number);
      });
    });
    return Array.from(found.values(), function ([text, numbers]) {
      return [text, exercisesNamed(numbers)];
    });
  }

  return {
    MAX_ITEMS: MAX_ITEMS,
    MIN_MINUTES: MIN_MINUTES,
    MAX_MINUTES: MAX_MINUTES,
    TITLE_LENGTH: TITLE_LENGTH,
    ITEM_TITLE_LENGTH: ITEM_TITLE_LENGTH,
    DEFAULT_START: DEFAULT_START,
    ITEM_KINDS: ITEM_KINDS,
    REFRESHMENTS: REFRESHMENTS,
    clock: clock,
    duration: duration,
    count: count,
    cleanText: cleanText,
    parseClock: parseClock,
    parseDate: parseDate,
    dateText: dateText,
    exerciseTitle: exerciseTitle,
    emptyPlan: emptyPlan,
    parsePlan: parsePlan,
    planAddress: planAddress,
    makeItem: makeItem,
    agenda: agenda,
    summary: summary,
    refreshmentsText: refreshmentsText,
    exercisesNamed: exercisesNamed,
    checklist: checklist,
  };
});
