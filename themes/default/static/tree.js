// Progressive enhancement for the decision tree: answers load in place (no full reload),
// the back button walks back through the answers, and focus moves to the new question so
// screen readers announce it. Without this file every step is a plain link.
(function () {
  "use strict";
  if (!window.fetch || !window.history || !window.DOMParser) return;
  if (!document.querySelector("main[data-tree]")) return;

  // The whole body is swapped, not just the question: header and footer links are
  // relative to the page's URL, which just changed.
  function swap(html, url) {
    var doc = new DOMParser().parseFromString(html, "text/html");
    var next = doc.querySelector("main[data-tree]");
    if (!next) { window.location.href = url; return; }
    document.title = doc.title;
    ["link[rel=icon]", "link[rel=canonical]"].forEach(function (sel) {
      var mine = document.head.querySelector(sel);
      var theirs = doc.head.querySelector(sel);
      // Absolute, so a later Back (which changes the URL before the swap) still finds it.
      if (mine && theirs) mine.setAttribute("href", new URL(theirs.getAttribute("href"), url).href);
    });
    document.head.querySelectorAll("link[rel=alternate]").forEach(function (l) { l.remove(); });
    doc.head.querySelectorAll("link[rel=alternate]").forEach(function (l) { document.head.appendChild(l); });
    document.body.replaceWith(document.adoptNode(doc.body));
    var heading = document.querySelector("main[data-tree] h1");
    if (heading) heading.focus();
  }

  function load(url, push) {
    return fetch(url, { credentials: "same-origin" })
      .then(function (r) {
        if (!r.ok) throw new Error(r.status);
        return r.text();
      })
      .then(function (html) {
        // The URL changes first, so everything swapped in resolves against it.
        if (push) window.history.pushState({ tree: true }, "", url);
        swap(html, url);
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

  var icon = document.head.querySelector("link[rel=icon]");
  if (icon) icon.setAttribute("href", icon.href);
  window.history.replaceState({ tree: true }, "", window.location.href);
  window.addEventListener("popstate", function (e) {
    if (e.state && e.state.tree) load(window.location.href, false);
  });
})();
