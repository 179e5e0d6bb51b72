// "Select all" for a checkbox list. The list works without JavaScript (each box on its own);
// the master box is rendered hidden and shown only here, where it can do something.
// Markup: <input type="checkbox" data-select-all="NAME" hidden> ticks every input[name=NAME]
// in the same form. A native checkbox: Space toggles it, Tab reaches it.
(function () {
  function boxes(master) {
    var form = master.form || document;
    return Array.prototype.slice.call(
      form.querySelectorAll('input[type="checkbox"][name="' + master.dataset.selectAll + '"]')
    );
  }
  function sync(master) {
    var all = boxes(master);
    var ticked = all.filter(function (box) { return box.checked; }).length;
    master.checked = all.length > 0 && ticked === all.length;
    master.indeterminate = ticked > 0 && ticked < all.length;
  }
  function reveal() {
    document.querySelectorAll("[data-select-all]").forEach(function (master) {
      master.hidden = false;
      sync(master);
    });
  }
  document.addEventListener("change", function (e) {
    var target = e.target;
    if (!(target instanceof HTMLInputElement)) { return; }
    if (target.dataset.selectAll) {
      boxes(target).forEach(function (box) { if (!box.disabled) { box.checked = target.checked; } });
      sync(target);
      return;
    }
    document.querySelectorAll('[data-select-all="' + target.name + '"]').forEach(sync);
  });
  document.addEventListener("DOMContentLoaded", reveal);
  document.addEventListener("htmx:afterSettle", reveal);  // a swapped list brings its own box
  if (document.readyState !== "loading") { reveal(); }
})();
