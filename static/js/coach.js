// The STAR coach's reply being written (templates/coach/page.html, #coach-live-box). The box
// stays in the page for good, so the stream's "coach-delta" pieces always find it (an element
// swapped in by a re-rendered thread only listens once htmx has processed it, and a piece
// arriving meanwhile would be lost). Each piece says where it starts and ends in the reply
// (data-offset, data-end, in characters) and is appended only from where the shown text ends:
// nothing twice. Each re-rendered thread carries the reply's state ([data-coach-state]): the
// box is shown or emptied by it, and takes its text when that is further along.
(function () {
  "use strict";
  function chars(text) { return Array.from(text); }  // code points, as the server counts

  function sync() {
    var state = document.querySelector("#coach-thread [data-coach-state]");
    var live = document.querySelector("[data-coach-live]");
    var box = document.getElementById("coach-live-box");
    if (!state || !live || !box) { return; }
    var writing = state.getAttribute("data-writing") === "true";
    box.hidden = !writing;
    if (!writing) {
      live.textContent = "";
      live.setAttribute("data-end", "0");
      live.setAttribute("data-task", "");
      return;
    }
    var task = state.getAttribute("data-task") || "";
    var end = Number(state.getAttribute("data-end") || "0");
    var shown = Number(live.getAttribute("data-end") || "0");
    if (live.getAttribute("data-task") !== task || end > shown) {
      live.textContent = state.textContent;
      live.setAttribute("data-end", String(end));
      live.setAttribute("data-task", task);
    }
  }

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
    var text = chars(piece.textContent).slice(Math.max(shown - start, 0)).join("");
    live.appendChild(document.createTextNode(text));
    live.setAttribute("data-end", String(end));
    var box = document.getElementById("coach-live-box");
    if (box) { box.hidden = false; }
  });
  document.addEventListener("htmx:afterSwap", function (e) {
    if (e.target && e.target.id === "coach-thread") { sync(); }
  });
})();
