// Live regions (the generation panel, the task centre) are morphed, not replaced: the SSE
// fragments arrive many times a second, and a replaced button loses a click in progress
// (mouse down on the old node, mouse up on the new one), its focus and its pending state.
(function () {
  "use strict";
  if (typeof Idiomorph === "undefined" || typeof htmx === "undefined") { return; }

  // A control whose request is in flight keeps its pending state (htmx's class and disabled,
  // our aria-busy) until the answer, whatever the fragments streamed meanwhile say.
  var KEPT_WHILE_PENDING = { "class": true, "disabled": true, "aria-busy": true };
  Idiomorph.defaults.callbacks.beforeAttributeUpdated = function (name, node) {
    if (!KEPT_WHILE_PENDING[name] || !node.closest) { return true; }
    return !node.closest(".htmx-request");
  };

  // A focused control that a fragment removes (e.g. Cancel once the task has stopped) hands
  // the focus to its live region instead of letting it fall back to <body>.
  Idiomorph.defaults.callbacks.beforeNodeRemoved = function (node) {
    var active = document.activeElement;
    if (active && active !== document.body && node.contains && node.contains(active)) {
      var region = node.parentElement && node.parentElement.closest("[data-live-region]");
      if (region) {
        setTimeout(function () {
          if (!document.activeElement || document.activeElement === document.body) {
            region.focus({ preventScroll: true });
          }
        }, 0);
      }
    }
    return true;
  };

  // Pending state for assistive technology too: aria-busy on the form (and its button) while
  // its request runs; htmx adds the htmx-request class and disables hx-disabled-elt.
  function busy(form, on) {
    if (!form || !form.hasAttribute || !form.hasAttribute("data-pending")) { return; }
    [form].concat(Array.prototype.slice.call(form.querySelectorAll("button"))).forEach(function (el) {
      if (on) { el.setAttribute("aria-busy", "true"); } else { el.removeAttribute("aria-busy"); }
    });
  }
  // The control focused when its request started (Chrome blurs it once htmx disables it):
  // once the answer is in, the focus goes back to it, or to its live region if it is gone.
  var pending = null;
  function refocus() {
    if (!pending) { return; }
    var active = document.activeElement;
    if (active === pending.control) { return; }  // still focused (disabled, not blurred yet)
    if (active && active !== document.body) { pending = null; return; }  // the user moved on
    if (pending.control.isConnected && !pending.control.disabled) {
      pending.control.focus({ preventScroll: true });
      pending = null;
    } else if (!pending.control.isConnected && pending.region && pending.region.isConnected) {
      pending.region.focus({ preventScroll: true });
      pending = null;
    }
  }
  function later() { setTimeout(refocus, 0); }
  document.addEventListener("htmx:beforeRequest", function (e) {
    busy(e.detail.elt, true);
    var active = document.activeElement;
    if (active && active !== document.body && e.detail.elt.contains && e.detail.elt.contains(active)) {
      pending = { control: active, region: active.closest("[data-live-region]") };
    }
  });
  document.addEventListener("htmx:afterRequest", function (e) { busy(e.detail.elt, false); later(); });
  document.addEventListener("htmx:afterSettle", later);
  document.addEventListener("htmx:sseMessage", later);
})();
