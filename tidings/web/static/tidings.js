// tidings dashboard: small progressive enhancements; every page works without this file.
(function () {
  "use strict";

  // Highlight the evidence sentence named by #event-<id> (CSS :has() does it too; this adds a class).
  function markEvidence() {
    document.querySelectorAll(".evidence.target").forEach(function (el) { el.classList.remove("target"); });
    var id = decodeURIComponent(window.location.hash.slice(1));
    if (id.indexOf("event-") !== 0) { return; }
    var anchor = document.getElementById(id);
    if (!anchor || !anchor.parentElement) { return; }
    var sentence = anchor.parentElement;
    sentence.classList.add("target");
    sentence.scrollIntoView({ block: "center" });
  }

  // Leave empty fields out of filter URLs (?since=&until= → nothing).
  function cleanForms() {
    document.querySelectorAll("form.filters").forEach(function (form) {
      form.addEventListener("submit", function () {
        form.querySelectorAll("input, select").forEach(function (field) {
          if (field.value === "" || (field.type === "checkbox" && !field.checked)) { field.disabled = true; }
        });
      });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    cleanForms();
    markEvidence();
  });
  window.addEventListener("hashchange", markEvidence);
})();
