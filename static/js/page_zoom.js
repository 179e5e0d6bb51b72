// The review page's source pages on a phone (templates/cvs/detail.html): a page drawn in a
// column a few hundred pixels wide is too small to read, so pressing it (or Enter on its link)
// shows it at its own size in a dialog, its lit lines in view; Escape or "Close" closes it and
// gives the focus back to the page's link. Where the pages sit beside the sections (wide
// screens) and without JavaScript, the link opens the page full size, as before.
(function () {
  var NARROW = "(max-width: 1099px)";  // the pages come after the sections (static/css/cvs.css)

  function zoomable(link) {
    var image = link.querySelector("img");
    return image && image.naturalWidth > 0 && image.getBoundingClientRect().width < image.naturalWidth
      ? image : null;
  }
  function centre(view, node) {
    var box = node.getBoundingClientRect();
    var frame = view.getBoundingClientRect();
    view.scrollTop += box.top - frame.top - frame.height / 3;
    view.scrollLeft += box.left - frame.left - Math.max(0, (frame.width - box.width) / 2);
  }
  function open(link, image) {
    var dialog = document.querySelector("dialog.page-zoom");
    if (!dialog || typeof dialog.showModal !== "function") { return false; }
    var view = dialog.querySelector(".page-zoom-view");
    var page = document.createElement("div");
    page.className = "source-page";
    page.style.width = image.naturalWidth + "px";
    var copy = image.cloneNode(false);
    copy.removeAttribute("loading");
    copy.removeAttribute("data-testid");
    copy.setAttribute("width", image.naturalWidth);
    copy.setAttribute("height", image.naturalHeight);
    page.appendChild(copy);
    // The boxes as they are now: lit lines stay lit, unsure words stay outlined.
    link.parentNode.querySelectorAll(":scope > svg").forEach(function (svg) {
      var boxes = svg.cloneNode(true);
      boxes.removeAttribute("data-testid");
      page.appendChild(boxes);
    });
    view.replaceChildren(page);
    dialog.querySelector("h2").textContent = image.alt;
    dialog.addEventListener("close", function () {
      view.replaceChildren();
      link.focus();
    }, { once: true });
    dialog.showModal();
    view.scrollTop = 0;
    view.scrollLeft = 0;
    var lit = page.querySelector(".lit");
    if (lit) { centre(view, lit); }
    view.focus();  // arrow keys scroll the page
    return true;
  }
  document.addEventListener("click", function (event) {
    var link = event.target instanceof Element && event.target.closest(".source-page > a");
    if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey
        || event.shiftKey || link.closest("dialog") || !window.matchMedia(NARROW).matches) {
      return;
    }
    var image = zoomable(link);
    if (image && open(link, image)) { event.preventDefault(); }
  });
  // A link of the page's boxes (an unplaced line) leads behind the dialog: close it first.
  document.addEventListener("click", function (event) {
    var dialog = event.target instanceof Element && event.target.closest("dialog.page-zoom");
    if (dialog && event.target.closest("a")) { dialog.close(); }
  });
})();
