// The applications tracker's pages (templates/applications/board.html, detail.html).
// - Every status change says which tab made it: a per-tab id (kept in sessionStorage) goes with
//   a drop (the x-device-id header) and with the plain status forms (a device_tab field); the
//   server adds the browser and system it reads from the User-Agent, and the history shows it.
// - Board: drag a card to another column and the move is posted like the card's own status
//   form (same route, same CSRF token), so the select-and-Move path stays the one for keyboards
//   and for pages without JavaScript. While a card is dragged the board is not reloaded (the
//   morph would fight the drag); a change announced meanwhile reloads it once the drop ends.
(function () {
  "use strict";

  var TAB_KEY = "cvtailor-tab-id";
  var memoryTabId = "";

  function newTabId() {
    var bytes = new Uint8Array(4);
    if (window.crypto && window.crypto.getRandomValues) { window.crypto.getRandomValues(bytes); }
    else { for (var i = 0; i < bytes.length; i++) { bytes[i] = Math.floor(Math.random() * 256); } }
    return Array.prototype.map.call(bytes, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
  }

  function tabId() {
    try {
      var id = window.sessionStorage.getItem(TAB_KEY);
      if (!id) { id = newTabId(); window.sessionStorage.setItem(TAB_KEY, id); }
      return id;
    } catch (e) {  // storage refused (private mode, a sandbox): one id for this page
      memoryTabId = memoryTabId || newTabId();
      return memoryTabId;
    }
  }

  // The plain status forms (a card's, the detail page's) carry the tab's id too.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form || !form.getAttribute || !/\/applications\/[^/]+\/status$/.test(form.getAttribute("action") || "")) { return; }
    var field = form.querySelector("input[name=device_tab]");
    if (!field) {
      field = document.createElement("input");
      field.type = "hidden";
      field.name = "device_tab";
      form.appendChild(field);
    }
    field.value = tabId();
  }, true);

  if (typeof Sortable === "undefined") { return; }  // the detail page, or no drag library

  function csrfToken() {
    try { return JSON.parse(document.body.getAttribute("hx-headers") || "{}")["x-csrftoken"] || ""; }
    catch (e) { return ""; }
  }

  function board() { return document.getElementById("board"); }

  // The board's own request (hx-trigger "board:reload"): morphed like a streamed update.
  function reload() {
    var element = board();
    if (typeof htmx !== "undefined" && element) { htmx.trigger(element, "board:reload"); }
  }

  // Resolves to true when it had to reload the board itself (the move was refused).
  function post(card, status) {
    var body = new URLSearchParams({ status: status, back: "board" });
    var select = card.querySelector("select[name=status]");
    if (select) { select.value = status; }
    card.setAttribute("data-status", status);
    card.setAttribute("aria-busy", "true");
    return fetch("/applications/" + encodeURIComponent(card.dataset.applicationId) + "/status", {
      method: "POST",
      credentials: "same-origin",
      headers: { "x-csrftoken": csrfToken(), "x-board-move": "1", "x-device-id": tabId() },
      body: body
    }).then(function (response) {
      card.removeAttribute("aria-busy");
      // Refused (or the card is gone): show the board as the server has it.
      if (!response.ok) { reload(); return true; }
      return false;
    }, function () { card.removeAttribute("aria-busy"); reload(); return true; });
  }

  function dragging(element) { return element.hasAttribute("data-dragging"); }

  // Says where a card went, in the page's language (the region's data-moved, board.html).
  function announce(card, status) {
    var region = document.getElementById("board-announce");
    var heading = document.getElementById("column-" + status);
    var title = card.querySelector(".board-card-title");
    if (!region || !heading || !title) { return; }
    var column = heading.firstChild ? heading.firstChild.textContent.trim() : status;
    region.textContent = (region.getAttribute("data-moved") || "")
      .replace("%(title)s", title.textContent.trim()).replace("%(status)s", column);
  }

  function recount(element) {
    element.querySelectorAll(".board-cards").forEach(function (list) {
      var badge = document.getElementById("column-count-" + list.dataset.status);
      if (badge) { badge.textContent = String(list.querySelectorAll(".board-card").length); }
    });
  }

  // The keyboard's path (a card's status select, then Move): posted like a drop and the card
  // moved in place, so the focus stays on its select rather than the page reloading to its
  // top. The board is then morphed to the server's order; the focus is put back if that
  // replaced the select.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    var element = board();
    if (!form || !form.classList || !form.classList.contains("board-move")) { return; }
    if (!element || !element.contains(form) || event.defaultPrevented) { return; }
    var card = form.closest(".board-card");
    var select = form.querySelector("select[name=status]");
    var list = select && element.querySelector('.board-cards[data-status="' + select.value + '"]');
    if (!card || !list) { return; }  // an unknown column: the plain form says why
    event.preventDefault();
    var status = select.value;
    if (status === card.getAttribute("data-status")) { select.focus(); return; }
    list.insertBefore(card, list.firstChild);
    recount(element);
    select.focus();
    var selectId = select.id;
    post(card, status).then(function (reloaded) {
      if (!reloaded) { announce(card, status); reload(); }
      element.addEventListener("htmx:afterSettle", function refocus() {
        element.removeEventListener("htmx:afterSettle", refocus);
        var again = document.getElementById(selectId);
        if (again && (document.activeElement === document.body || !document.activeElement)) { again.focus(); }
      });
    });
  });

  function setUp(element) {
    if (!element) { return; }
    if (!element.hasAttribute("data-board-ready")) {
      element.setAttribute("data-board-ready", "");
      // A change the stream names (live:application, static/js/page.js) reloads the board;
      // while a card is dragged it is noted instead, and the board reloads once the drop ends.
      document.body.addEventListener("live:application", function () {
        if (!element.isConnected) { return; }
        if (dragging(element)) { element.setAttribute("data-missed", ""); } else { reload(); }
      });
      // A reload already on its way when the drag started: not now, after the drop.
      element.addEventListener("htmx:beforeSwap", function (event) {
        if (event.detail.target === element && dragging(element)) {
          event.detail.shouldSwap = false;
          element.setAttribute("data-missed", "");
        }
      });
    }
    element.querySelectorAll(".board-cards").forEach(function (list) {
      if (Sortable.get(list)) { return; }  // a morph keeps the lists, and their Sortable
      Sortable.create(list, {
        group: "applications",
        animation: 150,
        // Controls inside a card stay usable; its title, a link, is also a handle (a click
        // still opens it: a drag is no click). On touch screens a short press starts a drag,
        // so a swipe still scrolls the page.
        filter: "select, button, a:not(.board-card-title), input, label",
        preventOnFilter: false,
        delay: 150,
        delayOnTouchOnly: true,
        onStart: function () { element.setAttribute("data-dragging", ""); },
        onEnd: function (event) {
          var missed = element.hasAttribute("data-missed");
          element.removeAttribute("data-dragging");
          element.removeAttribute("data-missed");
          var to = event.to.dataset.status;
          if (event.from !== event.to && to) {
            post(event.item, to).then(function (reloaded) {
              if (!reloaded) { announce(event.item, to); }
              if (missed && !reloaded) { reload(); }
            });
          } else if (missed) {
            reload();
          }
        }
      });
    });
  }

  function init() { setUp(board()); }
  document.addEventListener("DOMContentLoaded", init);
  document.addEventListener("htmx:load", init);
  document.addEventListener("htmx:afterSettle", init);
  if (document.readyState !== "loading") { init(); }
})();
