// The notice before the 8-hour end of a session (WCAG 2.2.1): shown by the server on pages drawn in the last
// minutes; on a page drawn earlier, shown here when the time comes (with the focus on "Sign in again now"). When
// the session is over, reload: the server answers with the sign-in page, so nothing stays on the screen.
(function () {
  "use strict";
  var box = document.getElementById("session-end");
  if (!box) { return; }
  var left = Number(box.dataset.endLeft);
  var warn = Number(box.dataset.warnSeconds);
  if (box.hidden) {
    setTimeout(function () {
      box.hidden = false;
      box.querySelector("button").focus();
    }, Math.max(0, left - warn) * 1000);
  }
  setTimeout(function () { window.location.reload(); }, (left + 1) * 1000);
}());
