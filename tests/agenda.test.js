/* The planner's agenda logic (docs/assets/javascripts/agenda.js) against the one specification,
   tests/golden/agenda.json, which hub/session_plan.py and hub/session_agenda.py also pass
   (tests/test_agenda_golden.py). Run: node --test tests/agenda.test.js */
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");
const A = require(path.join(__dirname, "..", "docs", "assets", "javascripts", "agenda.js"));
const golden = require(path.join(__dirname, "golden", "agenda.json"));

const exercises = new Map(golden.exercises.map((e) => [e.id, e]));

function addressOf(c) {
  if (!c.generate) return c.address;
  return Array.from({ length: c.generate.times }, (_, i) => c.generate.repeat.replace("{i}", i)).join("&");
}

for (const c of golden.addresses) {
  test("address: " + c.name, () => {
    const plan = A.parsePlan(addressOf(c), exercises);
    const got = {
      title: plan.title, date: plan.date, place: plan.place, start: plan.start, end: plan.end, view: plan.view,
      items: plan.items.map((i) => [i.kind, i.minutes, i.title, i.exercise]),
    };
    assert.deepEqual(got, c.plan);
    assert.deepEqual(plan.messages, c.messages);
    assert.equal(A.planAddress(plan), c.canonical);
    assert.deepEqual(A.parsePlan(c.canonical, exercises).items, plan.items, "the written address reads back the same");
  });
}

for (const c of golden.agendas) {
  test("agenda: " + c.name, () => {
    const items = c.items.map(([kind, minutes, title, exercise, atLeast]) => A.makeItem(kind, minutes, title, exercise, false, atLeast));
    const rows = A.agenda(c.start, items);
    assert.deepEqual(rows.map((r) => [r.startText, r.title, r.lengthText, r.elapsedText]), c.rows);
    const s = A.summary(c.start, rows, c.target);
    assert.deepEqual(
      [s.endText, s.totalText, s.exercises, s.breakMinutes, s.shortText, s.targetText, s.pastMidnight, A.refreshmentsText(rows)],
      [c.end, c.total, c.exercises, c.breakMinutes, c.short, c.targetText, c.pastMidnight, c.refreshments],
    );
  });
}

test("checklists", () => {
  for (const c of golden.checklists) assert.deepEqual(A.checklist(c.exercises), c.expect);
});

test("dates", () => {
  for (const [iso, text] of golden.dates) assert.equal(A.dateText(iso), text);
});
