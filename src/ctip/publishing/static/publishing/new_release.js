// The "New release" form: show only the chosen method's parameters, and while a release is being made,
// say so and refuse a second submission. Without this script every parameter stays visible, each with a
// hint saying which methods use it, and a second click is refused by the server (the id is taken).
(function () {
  "use strict";
  const form = document.getElementById("new-release");
  if (!form) return;
  const button = form.querySelector("button[type=submit]");
  const status = document.getElementById("new-release-status");
  const idle = button.textContent;

  function update() {
    const chosen = form.querySelector("input[name=method]:checked");
    for (const el of form.querySelectorAll("[data-methods]")) {
      el.hidden = Boolean(chosen) && !el.dataset.methods.split(" ").includes(chosen.value);
    }
  }

  function working(on) {
    // aria-disabled, not disabled: the button keeps the keyboard focus and stays announced
    form.dataset.submitting = on ? "true" : "";
    if (on) {
      button.setAttribute("aria-disabled", "true");
      button.textContent = button.dataset.working;
      status.textContent = status.dataset.working;
    } else {
      button.removeAttribute("aria-disabled");
      button.textContent = idle;
      status.textContent = "";
    }
  }

  form.addEventListener("change", function (event) {
    if (event.target.name === "method") update();
  });
  form.addEventListener("submit", function (event) {
    if (form.dataset.submitting === "true") {
      event.preventDefault(); // the first submission is still being answered
      return;
    }
    working(true);
  });
  // back to this page from the browser's history: the form is usable again
  window.addEventListener("pageshow", function (event) {
    if (event.persisted) working(false);
  });
  update();
})();
