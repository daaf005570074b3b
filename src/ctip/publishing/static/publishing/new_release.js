// The "New release" form: show only the chosen method's parameters. Without this script every parameter
// stays visible, each with a hint saying which methods use it.
(function () {
  "use strict";
  const form = document.getElementById("new-release");
  if (!form) return;
  function update() {
    const chosen = form.querySelector("input[name=method]:checked");
    for (const el of form.querySelectorAll("[data-methods]")) {
      el.hidden = Boolean(chosen) && !el.dataset.methods.split(" ").includes(chosen.value);
    }
  }
  form.addEventListener("change", function (event) {
    if (event.target.name === "method") update();
  });
  update();
})();
