// The CV page's sections (templates/cvs/_partials/section.html) are <details>, open in the HTML:
// without JavaScript every field is there. On a phone (the width below which the nav folds too,
// static/css/app.css) this folds them when the page loads, so it starts as a list of section
// titles the reader opens one at a time. A section the page points at stays or comes open: the
// address's #section-…, a link to one (the import report's "Go to the section"), or one with
// something to say (an error, an unsaved or refreshed note, what another tab saved).
(function () {
  "use strict";
  var PHONE = "(max-width: 600px)";

  function foldOf(hash) {
    if (!hash || hash.indexOf("#section-") !== 0) { return null; }
    var section = document.getElementById(hash.slice(1));
    return section ? section.querySelector(":scope > .section-fold") : null;
  }

  function openFor(hash) {
    var details = foldOf(hash);
    if (details) { details.open = true; }
  }

  function foldOnPhones() {
    if (!window.matchMedia || !window.matchMedia(PHONE).matches) { return; }
    var pointed = foldOf(window.location.hash);
    document.querySelectorAll(".cv-section > .section-fold").forEach(function (details) {
      if (details === pointed) { return; }
      if (details.querySelector(".section-flag, .alert, .save-error, [role=alert]")) { return; }
      details.open = false;
    });
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest('a[href^="#section-"]');
    if (link) { openFor(link.getAttribute("href")); }
  });
  window.addEventListener("hashchange", function () { openFor(window.location.hash); });
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", foldOnPhones);
  } else {
    foldOnPhones();
  }
})();
