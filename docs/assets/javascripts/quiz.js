/* Outcomes Hub: a quiz (quizzes/...).
 *
 * For each statement: choose an answer, then reveal the suggested answer and
 * its reason. Without JavaScript the answers sit behind a disclosure; with it
 * that disclosure is replaced by the choice and a "Check" button, and a
 * running score shows above the list. The answers and which ones were checked
 * are kept in the page's address (#answers=1,2,0,...&checked=1,3; 0 is not
 * answered), so they survive a reload and print with the page. Nothing is
 * stored or sent.
 */
"use strict";

Hub.enhance("[data-hub-quiz]", function (quiz) {
  const options = (quiz.dataset.options || "Yes|No").split("|");
  const status = document.querySelector("[data-quiz-status]");
  const score = document.querySelector("[data-quiz-score]");
  const items = Array.from(quiz.children);

  /* The answers in the address: one number per statement (the option's place, 0 for none). */
  function save() {
    const params = Hub.readHash();
    params.set(
      "answers",
      items
        .map(function (item) {
          const inputs = Array.from(item.querySelectorAll(".hub-quiz-choices input"));
          return String(inputs.findIndex((input) => input.checked) + 1);
        })
        .join(","),
    );
    const checked = items
      .map(function (item, index) {
        return item.dataset.revealed ? String(index + 1) : "";
      })
      .filter(Boolean);
    if (checked.length) params.set("checked", checked.join(","));
    else params.delete("checked");
    Hub.writeHash(params);
  }

  function restore() {
    const params = Hub.readHash();
    const answers = (params.get("answers") || "").split(",");
    const checked = (params.get("checked") || "").split(",");
    items.forEach(function (item, index) {
      const inputs = Array.from(item.querySelectorAll(".hub-quiz-choices input"));
      const chosen = Number(answers[index]);
      if (Number.isInteger(chosen) && chosen >= 1 && chosen <= inputs.length) inputs[chosen - 1].checked = true;
      if (checked.includes(String(index + 1)) && Number.isInteger(chosen) && chosen >= 1) {
        item.querySelector(".hub-quiz-answer button").click();
      }
    });
  }

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
    const reason = details.querySelector("p");
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
      if (!restoring) save();
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
      save();
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
    save();
    update();
    const first = quiz.querySelector("input");
    if (first) first.focus();
  });
  document.querySelector("[data-quiz-print]").addEventListener("click", function () {
    window.print();
  });
  status.hidden = false;
  let restoring = true;
  restore();
  restoring = false;
  update();
});
