// Progressive enhancement only: without this file the language chooser simply stays.
// A reader arriving at the chooser goes to the language chosen here before, or else, once,
// to the first of the browser's preferred languages the site has. Coming back to the chooser
// from the site itself (to pick another language) never sends the reader away.
(function () {
  "use strict";
  var CHOSEN = "signpost.language";
  var OFFERED = "signpost.languageOffered";
  var links = document.querySelectorAll(".sp-chooser-list a[hreflang]");
  var byLang = {};
  function get(key) { try { return window.localStorage.getItem(key); } catch (e) { return null; } }
  function set(key, value) { try { window.localStorage.setItem(key, value); } catch (e) {} }
  Array.prototype.forEach.call(links, function (a) {
    var lang = a.getAttribute("hreflang").toLowerCase();
    byLang[lang] = a.href;
    a.addEventListener("click", function () { set(CHOSEN, lang); });
  });

  var fromSite = false;
  try {
    fromSite = document.referrer !== "" && new URL(document.referrer).origin === window.location.origin;
  } catch (e) {}
  if (fromSite) return;

  var chosen = get(CHOSEN);
  if (chosen && byLang[chosen]) {
    window.location.replace(byLang[chosen]);
    return;
  }
  if (get(OFFERED)) return;
  var wanted = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || ""];
  for (var i = 0; i < wanted.length; i++) {
    var code = String(wanted[i]).toLowerCase();
    var target = byLang[code] || byLang[code.split("-")[0]];
    if (target) {
      set(OFFERED, "1");
      window.location.replace(target);
      return;
    }
  }
})();
