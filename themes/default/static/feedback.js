// Progressive enhancement only: every answer is a plain link that works without this file.
// With it, "No" opens the reasons in place, an answer is sent without leaving the page (to the
// site's feedback address) or handed to the mail program, and the box thanks the reader.
(function () {
  "use strict";
  var box = document.querySelector(".sp-feedback");
  if (!box) return;
  var mode = box.getAttribute("data-mode");
  var reasons = document.getElementById("feedback-reasons");
  var answers = box.querySelector(".sp-feedback-answers");
  var status = box.querySelector(".sp-feedback-status");

  function thank() {
    answers.hidden = true;
    reasons.hidden = true;
    reasons.classList.remove("sp-open");
    status.textContent = box.getAttribute("data-thanks");
    status.focus();
  }

  // Sends the answer without leaving the page where that is possible, then thanks the
  // reader; false leaves the link to do its plain job.
  function send(href) {
    if (mode === "url") {
      if (typeof window.fetch !== "function") return false;
      // A refused request (offline, or a Content-Security-Policy without this address)
      // falls back to following the link, so no answer is lost.
      window.fetch(href, { mode: "no-cors", credentials: "omit", keepalive: true })
        .then(thank, function () { window.location.href = href; });
      return true;
    }
    if (mode === "issue") {
      window.open(href, "_blank", "noopener");
    } else {
      window.location.href = href; // mailto: opens the mail program, the page stays
    }
    thank();
    return true;
  }

  box.addEventListener("click", function (ev) {
    var link = ev.target.closest ? ev.target.closest("a[data-answer]") : null;
    if (!link || ev.defaultPrevented || ev.button > 0 || ev.metaKey || ev.ctrlKey || ev.shiftKey) return;
    if (link.getAttribute("data-answer") === "no") {
      ev.preventDefault();
      reasons.classList.add("sp-open");
      reasons.focus();
      return;
    }
    if (send(link.href)) ev.preventDefault();
  });
})();
