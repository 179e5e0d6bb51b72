// Keyboard triage of the job inbox (templates/inbox/index.html): j/k move, a approve, r reject,
// x select, ? help. Without this script every row's forms post and reload the page; with it the
// same forms are posted with fetch (the server answers 204) and the row leaves at once, focus
// moving to the next row (the previous one after the last).
(function () {
  "use strict";
  var list = document.getElementById("inbox-list");
  var help = document.getElementById("inbox-keys");
  var status = document.getElementById("inbox-status");
  if (!list || list.dataset.status !== "pending") { return; }
  if (help) { help.hidden = false; }

  function rows() {
    return Array.prototype.filter.call(list.querySelectorAll(".inbox-row"), function (row) {
      return !row.hasAttribute("data-leaving");
    });
  }
  var current = null;

  function select(row) {
    if (current) { current.classList.remove("current"); }
    current = row || null;
    if (!current) { return; }
    current.classList.add("current");
    current.focus({ preventScroll: true });
    current.scrollIntoView({ block: "nearest" });
  }

  function move(step) {
    var all = rows();
    if (!all.length) { return; }
    var at = all.indexOf(current);
    var next = at < 0 ? 0 : Math.min(all.length - 1, Math.max(0, at + step));
    select(all[next]);
  }

  function say(text) { if (status) { status.textContent = text; } }

  function bump(tab, by) {
    var count = document.querySelector('[data-tab="' + tab + '"] .count');
    if (count) { count.textContent = String(Math.max(0, (parseInt(count.textContent, 10) || 0) + by)); }
  }

  function neighbour(row) {
    var all = rows();
    var at = all.indexOf(row);
    return all[at + 1] || all[at - 1] || null;
  }

  function send(form) {
    var row = form.closest(".inbox-row");
    if (!row || row.hasAttribute("data-leaving")) { return; }
    var verb = form.getAttribute("data-inbox-action");
    var after = neighbour(row);
    row.setAttribute("data-leaving", "");
    row.hidden = true;
    if (current === row || !current) { select(after); }
    fetch(form.action, {
      method: "POST",
      body: new FormData(form),
      headers: { "x-inbox-key": "1" },
      credentials: "same-origin",
    }).then(function (response) {
      if (response.ok) {
        row.remove();
        bump("pending", -1);
        bump(verb === "approve" ? "approved" : "rejected", 1);
        say("");
        if (!rows().length) {
          var empty = document.getElementById("inbox-empty");
          if (empty) { empty.hidden = false; }
          var bulk = document.getElementById("bulk");
          if (bulk) { bulk.hidden = true; }
        }
        return;
      }
      return response.text().then(function (text) { throw new Error(text || response.statusText); });
    }).catch(function (error) {
      row.removeAttribute("data-leaving");
      row.hidden = false;
      select(row);
      say(error.message);
    });
  }

  list.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.hasAttribute("data-inbox-action")) { return; }
    event.preventDefault();
    send(form);
  });

  list.addEventListener("focusin", function (event) {
    var row = event.target.closest(".inbox-row");
    if (row && row !== current) {
      if (current) { current.classList.remove("current"); }
      current = row;
      row.classList.add("current");
    }
  });

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) { return; }
    var target = event.target;
    if (target.closest && target.closest("input, textarea, select, [contenteditable]")) {
      if (event.key === "Escape" && current) { current.focus(); }
      return;
    }
    var key = event.key;
    if (key === "j") { move(1); }
    else if (key === "k") { move(-1); }
    else if ((key === "a" || key === "r") && current) {
      var form = current.querySelector('[data-inbox-action="' + (key === "a" ? "approve" : "reject") + '"]');
      if (form) { send(form); }
    } else if (key === "x" && current) {
      var box = current.querySelector(".inbox-pick");
      if (box) { box.checked = !box.checked; }
    } else if (key === "?" && help) { help.hidden = !help.hidden; }
    else { return; }
    event.preventDefault();
  });

  if (rows().length) { select(rows()[0]); }
})();
