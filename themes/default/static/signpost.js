// Progressive enhancement only: every page works without this file.
// Remembers whether the reader wants to see English originals next to the translation.
(function () {
  "use strict";
  var KEY = "signpost.showOriginal";
  var toggle = document.getElementById("sp-orig-toggle");
  if (!toggle) return;
  try {
    if (window.localStorage.getItem(KEY) === "1") toggle.checked = true;
  } catch (e) { /* storage may be blocked; the toggle still works */ }
  toggle.addEventListener("change", function () {
    try { window.localStorage.setItem(KEY, toggle.checked ? "1" : "0"); } catch (e) {}
  });
})();
