// Deletion confirmations in a dialog over the page. Without JavaScript a link marked
// data-confirm-dialog opens the confirmation page (app/lib/confirm.py); here the same page is
// fetched and its #confirm-delete card shown in a modal <dialog>, so the list stays in view.
// The card's own form posts as on the page; "Keep it" and Escape close the dialog.
// If the fetch fails, the link is followed as usual.
(function () {
  function close(dialog) {
    dialog.close();
    dialog.remove();
  }
  function show(link, html) {
    var page = new DOMParser().parseFromString(html, "text/html");
    var card = page.getElementById("confirm-delete");
    var heading = page.getElementById("confirm-heading");
    if (!card || !heading) { return false; }
    var dialog = document.createElement("dialog");
    dialog.className = "confirm-dialog";
    dialog.setAttribute("aria-labelledby", "confirm-heading");
    var title = document.createElement("h2");  // the page behind keeps its one h1
    title.id = "confirm-heading";
    title.textContent = heading.textContent;
    dialog.appendChild(title);
    dialog.appendChild(document.importNode(card, true));
    dialog.addEventListener("click", function (e) {
      var cancel = e.target instanceof Element && e.target.closest("[data-confirm-cancel]");
      if (cancel) { e.preventDefault(); close(dialog); link.focus(); }
    });
    dialog.addEventListener("cancel", function () { dialog.remove(); link.focus(); });
    document.body.appendChild(dialog);
    dialog.showModal();
    var keep = dialog.querySelector("[data-confirm-cancel]");
    if (keep) { keep.focus(); }
    return true;
  }
  document.addEventListener("click", function (e) {
    var link = e.target instanceof Element && e.target.closest("a[data-confirm-dialog]");
    if (!link || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey) {
      return;
    }
    if (typeof HTMLDialogElement === "undefined") { return; }
    e.preventDefault();
    fetch(link.href, { credentials: "same-origin", headers: { Accept: "text/html" } })
      .then(function (response) { return response.ok ? response.text() : Promise.reject(); })
      .then(function (html) { if (!show(link, html)) { window.location.href = link.href; } })
      .catch(function () { window.location.href = link.href; });
  });
})();
