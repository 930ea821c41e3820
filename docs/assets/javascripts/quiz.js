/* Outcomes Hub: a quiz (quizzes/...).
 *
 * For each statement: choose an answer, then reveal the suggested answer and
 * its reason. Without JavaScript the answers sit behind a disclosure; with it
 * that disclosure is replaced by the choice and a "Check" button, and a
 * running score shows in a slim bar at the foot of the screen.
 *
 * The answers are kept in the address, like the other tools' settings, so they
 * survive a reload and can be bookmarked, and nothing is stored on the device
 * or sent anywhere: #answers=1200...&checked=1100... (for each statement in
 * turn: which option was chosen, 0 for none; and 1 if it was checked). The
 * address rather than localStorage, because a quiz answered on a shared
 * computer should not greet the next person, and every tool keeps its state
 * the same way. "Start again" asks before clearing; "Print your answers"
 * prints each statement with the answer chosen and the suggested answer.
 */
"use strict";

Hub.enhance("[data-hub-quiz]", function (quiz) {
  const options = (quiz.dataset.options || "Yes|No").split("|");
  const status = document.querySelector("[data-quiz-status]");
  const score = document.querySelector("[data-quiz-score]");
  const actions = document.querySelector("[data-quiz-actions]");
  const resetButton = actions.querySelector("[data-quiz-reset]");
  const items = Array.from(quiz.children);

  function chosen(item) {
    return item.querySelector("input:checked");
  }

  function update() {
    const answered = items.filter(chosen).length;
    const revealed = items.filter(function (item) {
      return item.dataset.revealed;
    });
    const agreed = revealed.filter(function (item) {
      return item.dataset.agreed === "true";
    }).length;
    score.textContent =
      `You have answered ${answered} of ${items.length} statements and checked ${revealed.length}: ` +
      `${agreed} of ${revealed.length} match the suggested answer.`;
  }

  function save() {
    const params = Hub.readHash();
    const answers = items
      .map(function (item) {
        const input = chosen(item);
        return input ? String(options.indexOf(input.value) + 1) : "0";
      })
      .join("")
      .replace(/0+$/, "");
    const checked = items
      .map(function (item) {
        return item.dataset.revealed ? "1" : "0";
      })
      .join("")
      .replace(/0+$/, "");
    if (answers) params.set("answers", answers);
    else params.delete("answers");
    if (checked) params.set("checked", checked);
    else params.delete("checked");
    Hub.writeHash(params);
  }

  const controls = items.map(function (item, index) {
    const number = index + 1;
    const details = item.querySelector("details");
    const reason = details.querySelector("[data-provenance='hub']");
    const statement = item.querySelector(".hub-statement");
    const choices = Hub.element("div", {
      class: "hub-quiz-choices",
      role: "radiogroup",
      "aria-labelledby": statement.id,
    });
    options.forEach(function (option) {
      const input = Hub.element("input", { type: "radio", name: "quiz-" + number, value: option });
      choices.append(Hub.element("label", {}, [input, " " + option]));
    });
    const check = Hub.button("Check", "statement " + number, { class: "md-button hub-small-button" });
    const feedback = Hub.element("div", { class: "hub-quiz-feedback", "aria-live": "polite" });
    const answerBlock = Hub.element("div", { class: "hub-quiz-answer" }, [choices, check]);
    /* What the printed summary says under the statement: the answer chosen, then the hub's suggested one and why. */
    const printed = Hub.element("div", { class: "hub-quiz-printed" });
    const suggested = reason.cloneNode(true);
    details.hidden = true;
    item.insertBefore(answerBlock, details);
    item.insertBefore(feedback, details);
    item.insertBefore(printed, details);

    function showPrinted() {
      const input = chosen(item);
      printed.replaceChildren(
        Hub.element("p", { class: "hub-quiz-printed-answer", text: input ? "Your answer: " + input.value + "." : "Not answered." }),
        suggested,
      );
    }

    function reveal() {
      const input = chosen(item);
      feedback.replaceChildren();
      if (!input) {
        feedback.append(Hub.element("p", { text: "Choose " + options.join(" or ") + " first." }));
        return;
      }
      const agreed = input.value === item.dataset.answer;
      item.dataset.revealed = "true";
      item.dataset.agreed = String(agreed);
      const verdict = agreed
        ? "Your answer, " + input.value + ", matches the suggested answer."
        : "You answered " + input.value + "; the suggested answer is " + item.dataset.answer + ".";
      feedback.append(
        Hub.element("p", { class: agreed ? "hub-quiz-agreed" : "hub-quiz-differs" }, [verdict]),
        reason.cloneNode(true),
      );
    }

    function forget() {
      delete item.dataset.revealed;
      delete item.dataset.agreed;
      feedback.replaceChildren();
    }

    check.addEventListener("click", function () {
      reveal();
      save();
      update();
    });
    choices.addEventListener("change", function () {
      if (item.dataset.revealed) forget();
      showPrinted();
      save();
      update();
    });
    showPrinted();
    return { item: item, reveal: reveal, forget: forget, showPrinted: showPrinted };
  });

  function load() {
    const params = Hub.readHash();
    const answers = params.get("answers") || "";
    const checked = params.get("checked") || "";
    controls.forEach(function (control, index) {
      const option = options[Number(answers.charAt(index)) - 1];
      control.item.querySelectorAll("input").forEach(function (input) {
        input.checked = input.value === option;
      });
      control.showPrinted();
      if (option && checked.charAt(index) === "1") control.reveal();
    });
  }

  function clearAll() {
    controls.forEach(function (control) {
      control.item.querySelectorAll("input").forEach(function (input) {
        input.checked = false;
      });
      control.forget();
      control.showPrinted();
    });
    save();
    update();
  }

  Hub.askFirst(resetButton, {
    question: "Clear all your answers and start again?",
    yes: "Yes, clear my answers",
    no: "No, keep them",
    isEmpty: function () {
      return !items.some(chosen);
    },
    clear: function () {
      clearAll();
      const first = quiz.querySelector("input");
      if (first) first.focus();
    },
  });
  actions.querySelector("[data-quiz-print]").addEventListener("click", function () {
    window.print();
  });

  status.hidden = false;
  actions.hidden = false;
  load();
  update();
});
