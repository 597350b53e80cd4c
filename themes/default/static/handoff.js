// Progressive enhancement for the request summary on a decision-tree outcome: "Copy summary"
// and "Print" buttons. Without this file the summary is plain, selectable text and the
// browser's own print uses the same print layout. Listeners sit on the document, so they
// keep working after tree.js swaps a new step in.
(function () {
  "use strict";
  document.documentElement.classList.add("sp-js");

  // What "Copy summary" copies: every copy, the reader's language first, as the mail holds it.
  function summaryText(section) {
    var texts = [];
    section.querySelectorAll("[data-handoff-text]").forEach(function (pre) {
      texts.push(pre.textContent);
    });
    return texts.join("\n\n");
  }

  function say(section, text) {
    var status = section.querySelector(".sp-handoff-status");
    if (!status) return;
    // Emptied first, so saying the same thing twice is announced twice.
    status.textContent = "";
    window.setTimeout(function () { status.textContent = text; }, 50);
  }

  // Without the asynchronous clipboard (an http: page, an old browser): select the text and
  // let the browser copy the selection.
  function copyBySelection(section, text) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.className = "sp-visually-hidden";
    section.appendChild(area);
    area.select();
    var ok = false;
    try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
    area.remove();
    return ok;
  }

  document.addEventListener("click", function (e) {
    var button = e.target.closest && e.target.closest("[data-handoff-copy], [data-handoff-print]");
    if (!button) return;
    var section = button.closest(".sp-handoff");
    if (!section) return;
    if (button.hasAttribute("data-handoff-print")) {
      window.print();
      return;
    }
    var text = summaryText(section);
    var done = function () { say(section, button.getAttribute("data-done")); };
    var failed = function () {
      if (copyBySelection(section, text)) done();
      else say(section, button.getAttribute("data-failed"));
    };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(done, failed);
    } else {
      failed();
    }
  });
})();
