/* Outcomes Hub: a quiz (quizzes/...).
 *
 * For each statement: choose an answer, then reveal the suggested answer and
 * its reason. Without JavaScript the answers sit behind a disclosure; with it
 * that disclosure is replaced by the choice and a "Check" button, and a
 * running score shows above the list. Nothing is stored or sent.
 */
"use strict";

Hub.enhance("[data-hub-quiz]", function (quiz) {
  const options = (quiz.dataset.options || "Yes|No").split("|");
  const status = document.querySelector("[data-quiz-status]");
  const score = document.querySelector("[data-quiz-score]");
  const items = Array.from(quiz.children);

  function update() {
    const answered = items.filter(function (item) {
      return item.querySelector("input:checked");
    }).length;
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

  items.forEach(function (item, index) {
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
    details.hidden = true;
    item.insertBefore(answerBlock, details);
    item.insertBefore(feedback, details);

    check.addEventListener("click", function () {
      const chosen = choices.querySelector("input:checked");
      feedback.replaceChildren();
      if (!chosen) {
        feedback.append(Hub.element("p", { text: "Choose " + options.join(" or ") + " first." }));
        return;
      }
      const agreed = chosen.value === item.dataset.answer;
      item.dataset.revealed = "true";
      item.dataset.agreed = String(agreed);
      const verdict = agreed
        ? "Your answer, " + chosen.value + ", matches the suggested answer."
        : "You answered " + chosen.value + "; the suggested answer is " + item.dataset.answer + ".";
      const shown = reason.cloneNode(true);
      feedback.append(
        Hub.element("p", { class: agreed ? "hub-quiz-agreed" : "hub-quiz-differs" }, [verdict]),
        shown,
      );
      update();
    });
    choices.addEventListener("change", function () {
      if (item.dataset.revealed) {
        delete item.dataset.revealed;
        delete item.dataset.agreed;
        feedback.replaceChildren();
      }
      update();
    });
  });

  document.querySelector("[data-quiz-reset]").addEventListener("click", function () {
    items.forEach(function (item) {
      item.querySelectorAll("input").forEach(function (input) {
        input.checked = false;
      });
      delete item.dataset.revealed;
      delete item.dataset.agreed;
      item.querySelector(".hub-quiz-feedback").replaceChildren();
    });
    update();
    const first = quiz.querySelector("input");
    if (first) first.focus();
  });
  status.hidden = false;
  update();
});
