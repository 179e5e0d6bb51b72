// The STAR coach's reply being written (templates/coach/_partials/thread.html): each SSE
// "coach-delta" carries a piece of text with where it starts and ends in the reply
// (data-offset, data-end, counted in characters). The page may already hold part of it — a
// thread rendered from the reply so far, then the pieces published meanwhile — so a piece is
// appended only from where the shown text ends: nothing twice.
(function () {
  "use strict";
  document.addEventListener("htmx:sseBeforeMessage", function (e) {
    var live = e.target;
    if (!live || !live.matches || !live.matches("[data-coach-live]")) { return; }
    e.preventDefault();
    var holder = document.createElement("template");
    holder.innerHTML = e.detail.data;
    var piece = holder.content.firstElementChild;
    if (!piece) { return; }
    var start = Number(piece.getAttribute("data-offset"));
    var end = Number(piece.getAttribute("data-end"));
    var shown = Number(live.getAttribute("data-end") || "0");
    if (!(end > shown)) { return; }
    // Characters, not UTF-16 units: the server counts code points.
    var text = Array.from(piece.textContent).slice(Math.max(shown - start, 0)).join("");
    live.appendChild(document.createTextNode(text));
    live.setAttribute("data-end", String(end));
  });
})();
