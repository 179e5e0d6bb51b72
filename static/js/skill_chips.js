// Chips for a list of names (the CV editor's skills). Without JavaScript the textarea
// (one name per line or comma separated) is the editor; here it stays the posted value,
// hidden, and is rewritten after every change, one name per line (a comma inside a name,
// "Python (Numpy, Pandas)", is kept). Markup: <textarea data-chips
// data-chip-input-label="…" data-chip-remove-label="Remove {name}">.
// Keys: Enter or comma (outside brackets) adds what is typed; Backspace in the empty input removes the last chip;
// each chip's remove button is a real button (Tab reaches it, its label names the skill).
// A removed chip takes its level field (templates/cvs/_partials/skills.html) with it.
// A section's refused save is swapped in too (its errors beside the Save button).
// Also: after an HTMX save, focus goes to the "Saved" note, or to why nothing was saved, both
// beside the Save button.
(function () {
  // How deep in brackets the end of ``text`` is: a comma typed there belongs to the name.
  function depth(text) {
    var open = 0;
    for (var i = 0; i < text.length; i++) {
      if ("([{".indexOf(text[i]) >= 0) { open += 1; }
      else if (")]}".indexOf(text[i]) >= 0) { open = Math.max(0, open - 1); }
    }
    return open;
  }
  // What is typed: one name per line or comma separated, never at a comma inside brackets
  // ("Python (Numpy, Pandas)" is one skill), as app/lib/name_list.py reads it.
  function names(text) {
    var out = [];
    text.split("\n").forEach(function (line) {
      var part = "";
      for (var i = 0; i < line.length; i++) {
        if (line[i] === "," && depth(part) === 0) { out.push(part); part = ""; }
        else { part += line[i]; }
      }
      out.push(part);
    });
    return out.map(function (s) { return s.trim(); }).filter(Boolean);
  }
  // A separator in ``text``: a line break, or a comma outside brackets.
  function separated(text) {
    if (text.indexOf("\n") >= 0) { return true; }
    for (var i = 0; i < text.length; i++) {
      if (text[i] === "," && depth(text.slice(0, i)) === 0) { return true; }
    }
    return false;
  }
  // The posted list the page was drawn with: one name per line, each whole whatever it holds.
  function lines(text) {
    return text.split("\n").map(function (s) { return s.trim(); }).filter(Boolean);
  }
  function enhance(area) {
    if (area.dataset.chipsReady) { return; }
    area.dataset.chipsReady = "1";
    var box = document.createElement("div");
    box.className = "chips";
    var list = document.createElement("ul");
    list.className = "chip-list";
    var input = document.createElement("input");
    input.type = "text";
    input.className = "chip-input";
    input.id = area.id + "-new";
    input.setAttribute("aria-label", area.dataset.chipInputLabel || "Add");
    input.placeholder = (area.dataset.chipInputLabel || "") + "…";  // a prompt, not a value
    var described = area.getAttribute("aria-describedby");
    if (described) { input.setAttribute("aria-describedby", described); }
    box.appendChild(list);
    box.appendChild(input);
    area.hidden = true;
    area.parentNode.insertBefore(box, area.nextSibling);
    var label = area.form && area.form.querySelector('label[for="' + area.id + '"]');
    if (label) { label.htmlFor = input.id; }

    function current() {
      return Array.prototype.map.call(list.querySelectorAll(".chip-name"), function (el) {
        return el.textContent;
      });
    }
    // "change" so the editor's unsaved-changes guard (unsaved_guard.js) sees a chip come or go.
    function sync() {
      area.value = current().join("\n");
      area.dispatchEvent(new Event("change", { bubbles: true }));
    }
    function dropLevel(name) {
      var group = area.closest("fieldset");
      if (!group) { return; }
      group.querySelectorAll(".skill-level[data-skill]").forEach(function (row) {
        if (row.dataset.skill === name) { row.remove(); }
      });
    }
    function chip(name) {
      var item = document.createElement("li");
      item.className = "chip";
      var text = document.createElement("span");
      text.className = "chip-name";
      text.textContent = name;
      var remove = document.createElement("button");
      remove.type = "button";
      remove.className = "chip-remove";
      remove.textContent = "×";
      remove.setAttribute("aria-label", (area.dataset.chipRemoveLabel || "Remove {name}").replace("{name}", name));
      remove.addEventListener("click", function () {
        var next = item.nextElementSibling;
        item.remove();
        dropLevel(name);
        sync();
        (next ? next.querySelector("button") : input).focus();
      });
      item.appendChild(text);
      item.appendChild(remove);
      list.appendChild(item);
    }
    function add(text) {
      var seen = current().map(function (n) { return n.toLowerCase(); });
      names(text).forEach(function (name) {
        if (seen.indexOf(name.toLowerCase()) < 0) { chip(name); seen.push(name.toLowerCase()); }
      });
      sync();
    }
    lines(area.value).forEach(chip);
    input.addEventListener("keydown", function (e) {
      var inBrackets = depth(input.value.slice(0, input.selectionStart || 0)) > 0;
      if (e.key === "Enter" || (e.key === "," && !inBrackets)) {
        e.preventDefault();  // Enter would otherwise save the whole section
        add(input.value);
        input.value = "";
      } else if (e.key === "Backspace" && input.value === "") {
        var last = list.lastElementChild;
        if (last) {
          e.preventDefault();
          last.remove();
          dropLevel(last.querySelector(".chip-name").textContent);
          sync();
        }
      }
    });
    input.addEventListener("input", function () {  // a pasted "a, b, c"
      if (separated(input.value)) {
        add(input.value);
        input.value = "";
      }
    });
    // What is typed but not yet a chip is saved too (capture: before HTMX reads the form).
    document.addEventListener("submit", function (e) {
      if (e.target === area.form && input.value.trim()) { add(input.value); input.value = ""; }
    }, true);
  }
  function scan() { document.querySelectorAll("textarea[data-chips]").forEach(enhance); }
  // A refused save (422) is answered with the section drawn again, the reason beside its Save
  // button: swap it in like a saved one (htmx leaves 4xx answers out by default).
  document.addEventListener("htmx:beforeSwap", function (e) {
    var target = e.detail.target;
    if (e.detail.xhr.status === 422 && target && target.classList &&
        target.classList.contains("cv-section")) {
      e.detail.shouldSwap = true;
      e.detail.isError = false;
    }
  });
  document.addEventListener("DOMContentLoaded", scan);
  document.addEventListener("htmx:afterSettle", function (e) {
    scan();
    var note = e.target && e.target.querySelector &&
      e.target.querySelector("[data-save-error], [data-saved]");
    if (note) {
      note.focus({ preventScroll: true });
      note.scrollIntoView({ block: "nearest" });
    }
  });
  if (document.readyState !== "loading") { scan(); }
})();
