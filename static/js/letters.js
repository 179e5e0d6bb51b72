// The letter editor and the letter-template form save in place with htmx. A refused save
// (422, 409) comes back as the form drawn again with the reason beside its Save button: swap it
// in like a saved one (htmx leaves 4xx answers out by default), then move the focus to the
// "Saved" note or the reason, where the reader is looking. Without JavaScript both are plain
// forms (app/domain/letters/pages.py).
(function () {
  "use strict";
  var SAVED_IN_PLACE = ["letter-editor", "letter-template-form"];
  function ours(el) {
    return el && el.classList && SAVED_IN_PLACE.some(function (c) { return el.classList.contains(c); });
  }
  var swapped = false;  // one of our forms was just answered: focus its note once settled
  document.addEventListener("htmx:beforeSwap", function (e) {
    if (!ours(e.detail.target)) { return; }
    var status = e.detail.xhr.status;
    if (status === 422 || status === 409) {
      e.detail.shouldSwap = true;
      e.detail.isError = false;
    }
    swapped = e.detail.shouldSwap;
  });
  document.addEventListener("htmx:afterSettle", function () {
    if (!swapped) { return; }
    swapped = false;
    var note = document.querySelector(".letter-editor [data-save-error], .letter-editor [data-saved], " +
      ".letter-template-form [data-save-error], .letter-template-form [data-saved]");
    if (note) {
      note.focus({ preventScroll: true });
      note.scrollIntoView({ block: "nearest" });
    }
  });
})();
