// Progressive enhancement for the decision tree: answers load in place (no full reload),
// the back button walks back through the answers, and focus moves to the new question so
// screen readers announce it. Without this file every step is a plain link.
(function () {
  "use strict";
  if (!window.fetch || !window.history || !window.DOMParser) return;
  var main = document.querySelector("main[data-tree]");
  if (!main) return;

  function swap(html, url) {
    var doc = new DOMParser().parseFromString(html, "text/html");
    var next = doc.querySelector("main[data-tree]");
    if (!next) { window.location.href = url; return false; }
    var current = document.querySelector("main[data-tree]");
    current.replaceWith(next);
    document.title = doc.title;
    var langs = doc.querySelector(".sp-langs");
    var oldLangs = document.querySelector(".sp-langs");
    if (langs && oldLangs) oldLangs.replaceWith(langs);
    var heading = next.querySelector("h1");
    if (heading) heading.focus();
    return true;
  }

  function load(url, push) {
    return fetch(url, { credentials: "same-origin" })
      .then(function (r) {
        if (!r.ok) throw new Error(r.status);
        return r.text();
      })
      .then(function (html) {
        if (swap(html, url) && push) window.history.pushState({ tree: true }, "", url);
      })
      .catch(function () { window.location.href = url; });
  }

  document.addEventListener("click", function (e) {
    var a = e.target.closest && e.target.closest("main[data-tree] a[href]");
    if (!a || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    var url = new URL(a.getAttribute("href"), window.location.href);
    if (url.origin !== window.location.origin || a.hasAttribute("download")) return;
    // Only steps of the tree load in place; the overview and pages are normal links.
    if (!a.matches(".sp-tree-option, .sp-tree-nav .sp-button, .sp-tree-answer a")) return;
    e.preventDefault();
    load(url.href, true);
  });

  window.history.replaceState({ tree: true }, "", window.location.href);
  window.addEventListener("popstate", function (e) {
    if (e.state && e.state.tree) load(window.location.href, false);
  });
})();
