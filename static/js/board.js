// The applications board (templates/applications/board.html): drag a card to another column
// and the move is posted like the card's own status form (same route, same CSRF token), so the
// select-and-Move path stays the one for keyboards and for pages without JavaScript.
(function () {
  "use strict";
  if (typeof Sortable === "undefined") { return; }

  function csrfToken() {
    try { return JSON.parse(document.body.getAttribute("hx-headers") || "{}")["x-csrftoken"] || ""; }
    catch (e) { return ""; }
  }

  function reload() {
    if (typeof htmx !== "undefined" && document.getElementById("board")) {
      htmx.ajax("GET", "/applications/board", { target: "#board", swap: "outerHTML" });
    }
  }

  function post(card, status) {
    var body = new URLSearchParams({ status: status, back: "board" });
    var select = card.querySelector("select[name=status]");
    if (select) { select.value = status; }
    card.setAttribute("data-status", status);
    card.setAttribute("aria-busy", "true");
    return fetch("/applications/" + encodeURIComponent(card.dataset.applicationId) + "/status", {
      method: "POST",
      credentials: "same-origin",
      headers: { "x-csrftoken": csrfToken(), "x-board-move": "1" },
      body: body
    }).then(function (response) {
      card.removeAttribute("aria-busy");
      // Refused (or the card is gone): show the board as the server has it.
      if (!response.ok) { reload(); }
    }, function () { card.removeAttribute("aria-busy"); reload(); });
  }

  function setUp(board) {
    if (!board || board.hasAttribute("data-sortable")) { return; }
    board.setAttribute("data-sortable", "");
    board.querySelectorAll(".board-cards").forEach(function (list) {
      Sortable.create(list, {
        group: "applications",
        animation: 150,
        // Controls inside a card stay usable; on touch screens a short press starts a drag,
        // so a swipe still scrolls the page.
        filter: "select, button, a, input, label",
        preventOnFilter: false,
        delay: 150,
        delayOnTouchOnly: true,
        onStart: function () { board.setAttribute("data-dragging", ""); },
        onEnd: function (event) {
          board.removeAttribute("data-dragging");
          var to = event.to.dataset.status;
          if (event.from !== event.to && to) { post(event.item, to); }
        }
      });
    });
  }

  function init() { setUp(document.getElementById("board")); }
  document.addEventListener("DOMContentLoaded", init);
  document.addEventListener("htmx:load", init);  // the board reloaded after another tab's move
  if (document.readyState !== "loading") { init(); }
})();
