/* The CV editor's guard (templates/cvs/_partials/editor.html): once a field changes, the
   "Unsaved changes" note shows and leaving the page asks first; pressing Save ends both.
   Without this script the form still posts every section with its one Save. */
(function () {
  "use strict";

  function guard(form) {
    if (form.dataset.guarded) { return; }
    form.dataset.guarded = "1";
    var dirty = form.hasAttribute("data-dirty");
    var saving = false;
    var note = form.querySelector("[data-unsaved-note]");

    function show() { if (note) { note.hidden = !dirty; } }
    function changed() { dirty = true; show(); }

    form.addEventListener("input", changed);
    form.addEventListener("change", changed);
    // A section's add / remove / move / merge comes back from htmx unsaved.
    form.addEventListener("htmx:afterSwap", changed);
    form.addEventListener("submit", function (e) {
      // htmx buttons submit no page: only a real submission (Save) leaves without asking.
      if (!e.defaultPrevented) { saving = true; }
    });
    window.addEventListener("beforeunload", function (e) {
      if (!dirty || saving) { return; }
      e.preventDefault();
      e.returnValue = "";  // older browsers need a value to ask
    });
    show();
    // After a save (or a refused one), what happened is said beside Save: reading from there.
    // Again once loaded: the jump to a refused section's anchor takes the focus back.
    var said = form.querySelector("[data-save-error], [data-saved]");
    function focusSaid() { if (said) { said.focus({ preventScroll: true }); } }
    focusSaid();
    if (document.readyState !== "complete") { window.addEventListener("load", focusSaid); }
  }

  function scan() { document.querySelectorAll("form[data-unsaved-guard]").forEach(guard); }
  document.addEventListener("DOMContentLoaded", scan);
  if (document.readyState !== "loading") { scan(); }
})();
