// Warn before an idle session ends (WCAG 2.2.1) and let the person stay signed in; once it has ended, reload:
// the server answers with the sign-in page, so a victim's record does not stay on a shared computer's screen.
(function () {
  "use strict";
  var box = document.getElementById("idle-warning");
  if (!box) { return; }
  var idle = Number(box.dataset.idleSeconds);
  var left = Number(box.dataset.idleLeft);
  var form = box.querySelector("form");
  var warnTimer = null;
  var endTimer = null;

  function lead(seconds) { return Math.min(120, Math.floor(seconds / 2)); }  // warn 2 minutes ahead at most

  function schedule(seconds) {
    clearTimeout(warnTimer);
    clearTimeout(endTimer);
    warnTimer = setTimeout(show, Math.max(0, seconds - lead(idle)) * 1000);
    endTimer = setTimeout(function () { window.location.reload(); }, (seconds + 1) * 1000);
  }

  function show() {
    box.hidden = false;
    box.querySelector("button").focus();
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    fetch(form.action, {method: "POST", body: new FormData(form), credentials: "same-origin",
                        headers: {"X-Requested-With": "fetch"}})
      .then(function (response) {
        if (response.status !== 204) { window.location.reload(); return; }  // the session had ended already
        box.hidden = true;
        schedule(idle);
      })
      .catch(function () { window.location.reload(); });
  });

  schedule(left);
}());
