// Upload with a progress bar: send the form with XMLHttpRequest, show upload progress, then follow the
// server's redirect to the validation report. Without JavaScript the form posts normally.
(function () {
  "use strict";
  var form = document.getElementById("upload-form");
  if (!form || !window.XMLHttpRequest || !window.FormData) { return; }
  var box = document.getElementById("upload-progress");
  var bar = document.getElementById("upload-bar");
  var percent = document.getElementById("upload-percent");
  var validating = document.getElementById("upload-validating");
  form.addEventListener("submit", function (event) {
    if (!form.checkValidity()) { return; }
    event.preventDefault();
    var button = form.querySelector("button[type=submit]");
    button.disabled = true;
    box.hidden = false;
    var xhr = new XMLHttpRequest();
    xhr.open("POST", form.action);
    xhr.upload.addEventListener("progress", function (e) {
      if (e.lengthComputable) {
        var p = Math.round((e.loaded / e.total) * 100);
        bar.value = p;
        percent.textContent = p + "%";
      }
    });
    xhr.upload.addEventListener("load", function () {
      bar.value = 100;
      percent.textContent = "100%";
      validating.hidden = false;
    });
    xhr.addEventListener("load", function () {
      if (xhr.status >= 200 && xhr.status < 400 && xhr.responseURL) {
        window.location.assign(xhr.responseURL);
      } else {
        document.open(); document.write(xhr.responseText); document.close();
      }
    });
    xhr.addEventListener("error", function () {
      button.disabled = false;
      validating.hidden = true;
      percent.textContent = form.dataset.errorText;
    });
    xhr.send(new FormData(form));
  });
})();
