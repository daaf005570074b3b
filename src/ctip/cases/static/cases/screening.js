// Shows the screening engine's suggestion while the worker fills in the form.
// Posts the form (with its CSRF token) to the preview endpoint on every change; nothing is saved.
(function () {
  "use strict";
  var form = document.getElementById("screening-form");
  if (!form || !window.fetch) { return; }
  var headline = document.getElementById("suggestion-headline");
  var reasons = document.getElementById("suggestion-reasons");
  var review = document.getElementById("suggestion-review");
  var latest = 0;

  // The field errors of a refused preview ({"fields": {name: [{"message": ...}]}}), as sentences.
  function problems(fields) {
    var out = [];
    Object.keys(fields || {}).forEach(function (name) {
      (fields[name] || []).forEach(function (error) { out.push(error.message || String(error)); });
    });
    return out;
  }

  function show(data) {
    headline.textContent = data.headline || data.message || "";
    reasons.replaceChildren();
    (data.reasons || problems(data.fields)).forEach(function (text) {
      var li = document.createElement("li");
      li.textContent = text;
      reasons.appendChild(li);
    });
    review.hidden = !data.requires_review;
  }

  function preview() {
    var ticket = ++latest;
    fetch(form.dataset.previewUrl, {
      method: "POST", body: new FormData(form), credentials: "same-origin",
      headers: { "Accept": "application/json" }
    }).then(function (response) { return response.json(); })
      .then(function (data) { if (ticket === latest) { show(data); } })
      .catch(function () { /* the "Show suggestion" button still works */ });
  }

  form.addEventListener("change", preview);
  if (form.querySelector("input:checked")) { preview(); }
}());
