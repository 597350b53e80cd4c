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

  // True when the answer went out and the reader stays on the page.
  function send(href) {
    if (mode === "url") {
      if (typeof window.fetch !== "function") return false;
      try {
        window.fetch(href, { mode: "no-cors", credentials: "omit", keepalive: true })
          .catch(function () {});
      } catch (e) {
        return false; // blocked (a Content-Security-Policy without this address): follow the link
      }
      return true;
    }
    if (mode === "issue") {
      window.open(href, "_blank", "noopener");
      return true;
    }
    window.location.href = href; // mailto: opens the mail program, the page stays
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
    if (send(link.href)) {
      ev.preventDefault();
      thank();
    }
  });
})();
