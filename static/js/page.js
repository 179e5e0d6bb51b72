// What every page runs, from a file: the Content-Security-Policy (app/lib/security_headers.py)
// allows no inline script and no eval, so htmx trigger filters ("every 3s [cond]") cannot run.
// Instead this file turns conditions into events elements listen for with "from:body":
//   poll:3s, poll:5s     every 3 or 5 s while no event stream is open (the polling fallbacks);
//   live:<name>, live:<kind>  when the stream's "message" names the event <name> ("kind:what",
//                        app/domain/events/api.py, templates/_partials/event_item.html).
(function () {
  "use strict";
  function fire(name, detail) {
    if (typeof htmx !== "undefined") { htmx.trigger(document.body, name, detail || {}); }
  }

  // SSE open → polling fallbacks stand down; closed or failing → they poll again.
  document.addEventListener("htmx:sseOpen", function (e) { e.detail.elt.setAttribute("sse-connected", ""); });
  document.addEventListener("htmx:sseError", function (e) { e.detail.elt.removeAttribute("sse-connected"); });
  [3, 5].forEach(function (seconds) {
    setInterval(function () {
      if (document.body && !document.body.hasAttribute("sse-connected")) { fire("poll:" + seconds + "s"); }
    }, seconds * 1000);
  });

  // Every stream this tab opens: each "message" is announced by the event names it carries.
  var EVENT_NAME = /data-event="([a-z_]+):([a-z_:]+)"/g;
  var watched = typeof WeakSet === "function" ? new WeakSet() : null;
  document.addEventListener("htmx:sseOpen", function (e) {
    var source = e.detail && e.detail.source;
    if (!source || !watched || watched.has(source)) { return; }
    watched.add(source);
    source.addEventListener("message", function (message) {
      var data = typeof message.data === "string" ? message.data : "";
      var seen = {};
      var match;
      EVENT_NAME.lastIndex = 0;
      while ((match = EVENT_NAME.exec(data)) !== null) {
        [match[1], match[1] + ":" + match[2]].forEach(function (name) {
          if (!seen[name]) { seen[name] = true; fire("live:" + name, { data: data }); }
        });
      }
    });
  });

  // The task centre is a <details> (works without JS); with JS its toggle also reports
  // aria-expanded, closes on Escape or a click elsewhere, and gives focus back.
  function taskCentre() {
    var centre = document.getElementById("task-centre");
    if (!centre || centre.hasAttribute("data-ready")) { return; }
    centre.setAttribute("data-ready", "");
    var toggle = centre.querySelector("summary");
    function sync() { toggle.setAttribute("aria-expanded", centre.open ? "true" : "false"); }
    centre.addEventListener("toggle", sync);
    sync();
    document.addEventListener("keydown", function (e) {
      if (e.key === "Escape" && centre.open) { centre.open = false; toggle.focus(); }
    });
    document.addEventListener("click", function (e) {
      if (centre.open && !centre.contains(e.target)) { centre.open = false; }
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", taskCentre);
  } else {
    taskCentre();
  }
})();
