// faqcast live reload: served by 'faqcast serve' only, never written to disk.
// It reloads the page after every successful rebuild and shows the build's
// errors over the page after a failed one.
(function () {
  "use strict";
  var seen = null;
  var box = null;
  function hide() {
    if (box) { box.remove(); box = null; }
  }
  function show(errors) {
    hide();
    box = document.createElement("div");
    box.id = "faqcast-errors";
    box.setAttribute("role", "alert");
    box.style.cssText = "position:fixed;inset:0;z-index:2147483647;overflow:auto;" +
      "background:rgba(20,20,20,.94);color:#fff;padding:1.5rem;font:15px/1.5 ui-monospace,monospace";
    var h = document.createElement("h2");
    h.textContent = "faqcast: the last build failed; this page is the last good one";
    h.style.cssText = "font:bold 18px/1.3 system-ui,sans-serif;margin:0 0 1rem;color:#ffb4a9";
    box.appendChild(h);
    var pre = document.createElement("pre");
    pre.style.whiteSpace = "pre-wrap";
    pre.textContent = errors.join("\n");
    box.appendChild(pre);
    var p = document.createElement("p");
    p.textContent = "Fix the file and save: the page reloads by itself.";
    p.style.cssText = "font:15px/1.5 system-ui,sans-serif";
    box.appendChild(p);
    document.body.appendChild(box);
  }
  var events = new EventSource("/_faqcast/events");
  events.addEventListener("build", function (e) {
    // state.build counts the successful builds; state.errors holds the
    // last build's errors, if it failed.
    var state = JSON.parse(e.data);
    if (seen === null) {
      seen = state.build;
    } else if (state.build !== seen) {
      location.reload();
      return;
    }
    if (state.errors && state.errors.length) {
      show(state.errors);
    } else {
      hide();
    }
  });
})();
