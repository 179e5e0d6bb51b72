// The review page's source beside what was read (templates/cvs/detail.html): pointing at or
// focusing a section or an entry (any element with data-source-lines="3 4 9") lights the
// source lines it was read from — boxes over the page images, or lines of a pasted text.
// "Show in the file" (a plain link to the pages without JavaScript) lights them and brings the
// first into view: on a phone the pages come after the sections.
(function () {
  var current = null;
  var lit = [];

  function holder(node) {
    return node && node.closest ? node.closest("[data-source-lines]") : null;
  }
  function clear() {
    lit.forEach(function (node) { node.classList.remove("lit"); });
    lit = [];
  }
  function pane(node) {
    var aside = node.closest(".source-pages");
    return aside && getComputedStyle(aside).position === "sticky" ? aside : null;
  }
  function light(owner, bringIntoView) {
    var wanted = owner ? owner.getAttribute("data-source-lines") : "";
    if (wanted === current && !bringIntoView) { return; }
    clear();
    current = wanted;
    (wanted || "").split(" ").forEach(function (index) {
      if (!index) { return; }
      document.querySelectorAll('[data-line="' + index + '"]').forEach(function (node) {
        node.classList.add("lit");
        lit.push(node);
      });
    });
    if (!lit.length) { return; }
    if (bringIntoView) {
      // After the link's own jump to the pages (kept, so Back returns to the entry).
      var first = lit[0];
      setTimeout(function () { first.scrollIntoView({ block: "center" }); }, 0);
      return;
    }
    // A sticky pane beside the sections scrolls by itself to the lines, the page does not.
    var scroller = pane(lit[0]);
    if (scroller) {
      var box = lit[0].getBoundingClientRect();
      var view = scroller.getBoundingClientRect();
      if (box.top < view.top || box.bottom > view.bottom) {
        scroller.scrollTop += box.top - view.top - view.height / 3;
      }
    }
  }
  document.addEventListener("mouseover", function (event) {
    var owner = holder(event.target);
    if (owner && !owner.closest(".source-pages")) { light(owner, false); }
  });
  document.addEventListener("focusin", function (event) {
    var owner = holder(event.target);
    if (owner) { light(owner, false); }
  });
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a.show-source");
    if (!link) { return; }
    light(holder(link), true);
  });
})();
