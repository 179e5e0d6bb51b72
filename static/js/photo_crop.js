// The photo page's crop tool: the vendored Cropper.js (static/vendor/) on the stored draft,
// a square crop box shown round, as the CVs show the photo. The crop form works without
// JavaScript (the centred square); here it is revealed and its three numbers (left, top,
// side, in the draft's pixels) follow the box.
// Keyboard: the tool is focusable; arrow keys move the crop (Shift: bigger steps), + and -
// grow or shrink it, 0 resets it. The buttons beside it do the same for pointer and touch
// users; Cropper.js itself handles dragging and pinching.
(function () {
  var image = document.getElementById("photo-draft");
  var form = document.getElementById("crop-form");
  var tool = document.getElementById("crop-tool");
  if (!image || !form || !tool || typeof window.Cropper === "undefined") { return; }
  var cropper = null;

  function record() {
    var data = cropper.getData(true);
    var side = Math.max(1, Math.min(data.width, data.height));
    form.elements.left.value = String(Math.max(0, data.x));
    form.elements.top.value = String(Math.max(0, data.y));
    form.elements.side.value = String(side);
  }

  function nudge(dx, dy, grow) {
    var box = cropper.getCropBoxData();
    var canvas = cropper.getCanvasData();
    var side = Math.max(24, Math.min(box.width + grow, canvas.width, canvas.height));
    var change = side - box.width;
    var left = box.left + dx - change / 2;
    var top = box.top + dy - change / 2;
    // Inside the image (viewMode 1 clamps too, but only while dragging).
    left = Math.min(Math.max(left, canvas.left), canvas.left + canvas.width - side);
    top = Math.min(Math.max(top, canvas.top), canvas.top + canvas.height - side);
    cropper.setCropBoxData({ left: left, top: top, width: side, height: side });
    record();
  }

  function act(action, big) {
    var step = big ? 24 : 6;
    var moves = {
      left: [-step, 0, 0], right: [step, 0, 0], up: [0, -step, 0], down: [0, step, 0],
      bigger: [0, 0, step * 2], smaller: [0, 0, -step * 2],
    };
    if (action === "reset") { cropper.reset(); record(); return true; }
    if (!moves[action]) { return false; }
    nudge(moves[action][0], moves[action][1], moves[action][2]);
    return true;
  }

  var keys = {
    ArrowLeft: "left", ArrowRight: "right", ArrowUp: "up", ArrowDown: "down",
    "+": "bigger", "=": "bigger", "-": "smaller", "_": "smaller", "0": "reset",
  };

  function start() {
    cropper = new window.Cropper(image, {
      aspectRatio: 1,
      viewMode: 1,
      dragMode: "move",
      autoCropArea: 1,
      checkOrientation: false, // the draft is upright already (re-encoded by the server)
      checkCrossOrigin: false,
      background: false,
      guides: false,
      zoomOnWheel: false,
      toggleDragModeOnDblclick: false,
      ready: record,
      cropend: record,
    });
    form.hidden = false;
    tool.classList.add("ready");
    document.querySelectorAll("[data-crop-action]").forEach(function (button) {
      button.addEventListener("click", function () {
        act(button.dataset.cropAction, false);
      });
    });
    tool.addEventListener("keydown", function (event) {
      var action = keys[event.key];
      if (action && act(action, event.shiftKey)) { event.preventDefault(); }
    });
  }

  if (image.complete && image.naturalWidth) { start(); } else { image.addEventListener("load", start); }
})();
