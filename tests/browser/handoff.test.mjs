// The request summary at the end of a decision-tree walk (issue 13), in a real Chromium:
// walked by clicks, "Copy summary" puts both copies on the real clipboard (permissions
// granted, read back with navigator.clipboard.readText); without JavaScript the buttons stay
// hidden and the summary is selectable text; axe-core finds nothing in light and dark mode;
// printed, the page is the summary without the site's header, search or switcher, on one
// page. SIGNPOST_SITE names the built default site (no base URL, no partner e-mail).

import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { axeCheck, formatViolations, shot, useSiteAndBrowser } from "./lib.mjs";

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const T = { timeout: 60_000 };
const TREE = "who-handles-this";

/** One-line messages of locales/<lang>/who-handles-this.ftl. */
function ftl(lang) {
  const messages = new Map();
  for (const line of readFileSync(path.join(REPO, "locales", lang, `${TREE}.ftl`), "utf8").split(/\r?\n/)) {
    const m = /^([a-z][\w-]*) = (.*)$/.exec(line);
    if (m) messages.set(m[1], m[2].trim());
  }
  return (key) => {
    assert.ok(messages.has(key), `no one-line message ${key} in locales/${lang}`);
    return messages.get(key);
  };
}

/** Customer → something isn't working → Service health shows nothing: the partner helps. */
const PARTNER_WALK = {
  lang: "pl",
  steps: [
    ["who-q-role", "who-a-role-customer"],
    ["who-q-customer-need", "who-a-customer-not-working"],
    ["who-q-service-health", "who-a-service-health-no"],
  ],
  walk: "1-3-2",
  title: "who-o-partner-support",
};

let server;
let browser;
useSiteAndBrowser((s, b) => {
  server = s;
  browser = b;
});

const walkUrl = (lang, walk) => `${server.url}${lang}/${TREE}/p/${walk}/index.html`;

async function withPage(name, options, body) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  context.setDefaultTimeout(5_000);
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("response", (r) => r.status() >= 400 && !r.url().endsWith("/favicon.ico") && errors.push(`${r.status()} ${r.url()}`));
  try {
    await body({ page, errors });
  } catch (e) {
    await shot(page, `failed-handoff-${name}`).catch(() => {});
    throw e;
  } finally {
    await context.close();
  }
}

/** The summary's copies as shown: [{ lang, text }]. */
const copies = (page) =>
  page.$$eval(".sp-handoff-copy", (els) => els.map((e) => ({ lang: e.lang, text: e.querySelector("pre").textContent })));

/** What a copy must say about the walk: every question and its answer, in order. */
function assertWalkIn(text, lang, walk) {
  const t = ftl(lang);
  const lines = walk.steps.map(([q, a]) => `- ${t(q)}\n  ${t(a)}\n`).join("");
  assert.ok(text.includes(`${t("who-your-answers")}:\n${lines}`), `${lang} copy should list the walk's answers:\n${lines}\nin:\n${text}`);
  assert.ok(text.startsWith(t("who-handoff-subject").replace("{ $title }", t(walk.title))), `${lang} copy starts with the subject:\n${text}`);
}

describe("request summary with JavaScript", () => {
  test("pl: walk to the partner, Copy summary puts both copies on the clipboard", T, () =>
    withPage("copy", { permissions: ["clipboard-read", "clipboard-write"] }, async ({ page, errors }) => {
      const t = ftl("pl");
      await page.goto(`${server.url}pl/${TREE}/index.html`);
      await page.waitForFunction(() => history.state && history.state.tree === true);
      for (const [, answer] of PARTNER_WALK.steps) {
        await page.locator("main[data-tree] a.sp-tree-option", { hasText: t(answer) }).click();
        await page.waitForFunction((text) => ![...document.querySelectorAll("a.sp-tree-option")].some((a) => a.textContent.trim() === text), t(answer));
      }
      await page.waitForSelector("main.sp-tree-outcome .sp-handoff");
      assert.ok(page.url().endsWith(`/pl/${TREE}/p/${PARTNER_WALK.walk}/index.html`), page.url());
      const shown = await copies(page);
      assert.deepEqual(shown.map((c) => c.lang), ["pl", "en"], "the reader's copy, then English");
      assertWalkIn(shown[0].text, "pl", PARTNER_WALK);
      assertWalkIn(shown[1].text, "en", PARTNER_WALK);

      const copy = page.locator(".sp-handoff [data-handoff-copy]");
      assert.ok(await copy.isVisible(), "Copy summary is shown with JavaScript");
      assert.equal((await copy.innerText()).trim(), t("who-handoff-copy"));
      assert.ok(await page.locator(".sp-handoff [data-handoff-print]").isVisible(), "Print is shown with JavaScript");
      await page.evaluate(() => navigator.clipboard.writeText("not the summary"));
      await copy.click();
      await page.waitForFunction((done) => document.querySelector(".sp-handoff-status")?.textContent === done, t("who-handoff-copied"))
        .catch(() => assert.fail("the status line should say the summary was copied"));
      const clipboard = await page.evaluate(() => navigator.clipboard.readText());
      assert.equal(clipboard, `${shown[0].text}\n\n${shown[1].text}`, "the clipboard holds both copies, the reader's first");
      await shot(page, "handoff-js-pl-partner-support");
      assert.deepEqual(errors, []);
    }));
});

describe("request summary without JavaScript", () => {
  test("ru: Azure escalation: no buttons, the summary is selectable text with the checklist", T, () =>
    withPage("nojs", { javaScriptEnabled: false }, async ({ page }) => {
      const t = ftl("ru");
      await page.goto(walkUrl("ru", "2-1-2-2-1"));
      assert.equal(await page.locator(".sp-handoff [data-handoff-copy]").isVisible(), false, "no Copy button without JavaScript");
      assert.equal(await page.locator(".sp-handoff [data-handoff-print]").isVisible(), false, "no Print button without JavaScript");
      const pre = page.locator(".sp-handoff-copy[lang=ru] pre");
      assert.ok(await pre.isVisible());
      assert.notEqual(await pre.evaluate((e) => getComputedStyle(e).userSelect), "none", "the text can be selected");
      // Selecting it the way a reader does: a triple click takes a paragraph of it.
      await pre.click({ clickCount: 3 });
      const selected = await page.evaluate(() => String(window.getSelection()));
      assert.ok(selected.length > 0 && (await pre.innerText()).includes(selected.trim()), `selection: ${selected}`);
      const text = await pre.innerText();
      assert.ok(text.includes(`( ) ${t("who-severity-a")} — в течение 2 часов`), text);
      assert.ok(text.includes(`( ) ${t("who-severity-other")} — в течение 1 рабочего дня`), text);
      await shot(page, "handoff-nojs-ru-escalate-azure");
    }));
});

describe("request summary: axe-core finds no WCAG 2.1 A/AA violations", () => {
  for (const colorScheme of ["light", "dark"]) {
    test(`${colorScheme} colour scheme`, T, () =>
      withPage(`axe-${colorScheme}`, { colorScheme }, async ({ page }) => {
        for (const [lang, walk] of [["pl", "1-3-2"], ["ru", "2-1-2-2-1"], ["en", "1-2"]]) {
          await page.goto(walkUrl(lang, walk));
          await page.waitForSelector(".sp-js .sp-handoff [data-handoff-copy]", { state: "visible" });
          const violations = await axeCheck(page);
          if (violations.length) await shot(page, `failed-handoff-axe-${colorScheme}-${lang}`);
          assert.deepEqual(violations.map((v) => v.id), [], `${lang} ${walk}:\n${formatViolations(violations)}`);
        }
      }));
  }
});

describe("request summary printed", () => {
  for (const [lang, walk] of [["ru", "2-1-2-2-1"], ["pl", "1-3-2"]]) {
    test(`${lang} p/${walk}: the summary without header, search or switcher, on one page`, T, () =>
      withPage(`print-${lang}`, {}, async ({ page }) => {
        await page.goto(walkUrl(lang, walk));
        await page.emulateMedia({ media: "print" });
        for (const chrome of [".sp-header", ".sp-search-form", ".sp-langs", ".sp-footer", ".sp-tree-nav", ".sp-handoff-actions"]) {
          assert.equal(await page.locator(chrome).first().isVisible(), false, `${chrome} is not printed`);
        }
        assert.ok(await page.locator("main h1").isVisible(), "the outcome's heading is printed");
        const pres = page.locator(".sp-handoff-copy pre");
        assert.equal(await pres.count(), 2);
        for (let i = 0; i < 2; i++) assert.ok(await pres.nth(i).isVisible(), `copy ${i + 1} is printed`);
        const printed = await page.locator("body").innerText();
        assert.ok(printed.includes(ftl(lang)("who-handoff-include")), "the checklist is printed");
        await shot(page, `handoff-print-${lang}`);
        const pdf = await page.pdf({ format: "A4" });
        const pages = (pdf.toString("latin1").match(/\/Type\s*\/Page\b/g) || []).length;
        assert.equal(pages, 1, `printed on ${pages} A4 pages`);
      }));
  }
});
