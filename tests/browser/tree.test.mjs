// The "Who handles this?" decision tree in a real Chromium: with JavaScript (steps load in
// place, history and focus follow), without it (every step a full page with "Your answers",
// "Change" and "Start again"), by keyboard alone, and axe-core on its kinds of page.
// SIGNPOST_SITE names the built site (no base URL, so links end in index.html); screenshots
// go to SIGNPOST_SHOTS. Visible texts are read from locales/<lang>/who-handles-this.ftl.

import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { axeCheck, formatViolations, launch, serve, shot, siteDir, useSiteAndBrowser } from "./lib.mjs";

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const T = { timeout: 30_000 };
const TREE = "who-handles-this";

/**
 * The simple messages of a Fluent file (`id = text`, with indented continuation lines), with
 * English filling any gap. Selectors and attributes are not needed by this file and skipped.
 */
function readFtl(lang) {
  const parse = (file) => {
    const out = new Map();
    let id = null;
    for (const line of readFileSync(file, "utf8").split(/\r?\n/)) {
      const m = /^([a-zA-Z][\w-]*)\s*=\s*(.*)$/.exec(line);
      if (m) {
        id = m[1];
        out.set(id, m[2].trim());
      } else if (id && /^\s+\S/.test(line) && !/^\s*[.[*{}]/.test(line)) {
        out.set(id, `${out.get(id)} ${line.trim()}`.trim());
      } else if (!/^\s/.test(line)) {
        id = null;
      }
    }
    return out;
  };
  const en = parse(path.join(REPO, "locales/en", `${TREE}.ftl`));
  const own = lang === "en" ? en : parse(path.join(REPO, "locales", lang, `${TREE}.ftl`));
  return (key) => {
    const text = own.get(key) || en.get(key);
    assert.ok(text, `no message "${key}" in locales/${lang}/${TREE}.ftl`);
    return text;
  };
}

/**
 * Paths through content/who-handles-this.yaml: the question asked at each step, the answer
 * chosen, and where it ends. `walk` is the 1-based option numbers, as in /p/<walk>/ URLs.
 */
const PATHS = {
  enPartnerSupport: {
    lang: "en",
    steps: [
      ["who-q-role", "who-a-role-customer"],
      ["who-q-customer-need", "who-a-customer-not-working"],
      ["who-q-service-health", "who-a-service-health-no"],
    ],
    walk: "1-3-2",
    outcome: "partner-support",
    title: "who-o-partner-support",
    handler: "who-handler-partner",
  },
  nlEscalateAzure: {
    lang: "nl",
    steps: [
      ["who-q-role", "who-a-role-partner"],
      ["who-q-partner-need", "who-a-partner-technical"],
      ["who-q-partner-can-fix", "who-a-partner-can-fix-no"],
      ["who-q-partner-reseller", "who-a-partner-reseller-direct"],
      ["who-q-partner-service", "who-a-partner-service-azure"],
    ],
    walk: "2-1-2-2-1",
    outcome: "escalate-azure",
    title: "who-o-escalate-azure",
    handler: "who-handler-microsoft",
  },
  ruKnownIncident: {
    lang: "ru",
    steps: [
      ["who-q-role", "who-a-role-customer"],
      ["who-q-customer-need", "who-a-customer-not-working"],
      ["who-q-service-health", "who-a-service-health-yes"],
    ],
    walk: "1-3-1",
    outcome: "known-incident",
    title: "who-o-known-incident",
    handler: "who-handler-you",
  },
  plIndirectProvider: {
    lang: "pl",
    steps: [
      ["who-q-role", "who-a-role-partner"],
      ["who-q-partner-need", "who-a-partner-technical"],
      ["who-q-partner-can-fix", "who-a-partner-can-fix-no"],
      ["who-q-partner-reseller", "who-a-partner-reseller-indirect"],
    ],
    walk: "2-1-2-1",
    outcome: "indirect-provider",
    title: "who-o-indirect-provider",
    handler: "who-handler-indirect-provider",
  },
};

let server;
let browser;

useSiteAndBrowser((s, b) => {
  server = s;
  browser = b;
});

const startUrl = (lang) => `${server.url}${lang}/${TREE}/index.html`;

/** Runs `body` on a fresh page of a fresh context; on failure saves a "failed-tree-<name>" screenshot. */
async function withPage(name, { javaScriptEnabled = true, colorScheme = "light" } = {}, body) {
  const context = await browser.newContext({ javaScriptEnabled, colorScheme, viewport: { width: 1280, height: 900 } });
  context.setDefaultTimeout(5_000);
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  // Chromium asks for /favicon.ico whatever the page links; that request is not the site's.
  page.on("console", (m) => m.type() === "error" && !m.location().url.endsWith("/favicon.ico") && errors.push(`${m.text()} (${m.location().url})`));
  page.on("response", (r) => r.status() >= 400 && errors.push(`${r.status()} ${r.url()}`));
  try {
    await body({ context, page, errors });
  } catch (e) {
    await shot(page, `failed-tree-${name}`).catch(() => {});
    throw e;
  } finally {
    await context.close();
  }
}

async function open(page, url) {
  const response = await page.goto(url);
  assert.equal(response.status(), 200, `${url} should be served`);
}

const decodeHtml = (s) =>
  s.replace(/&(#x?[0-9a-f]+|amp|lt|gt|quot|apos);/gi, (_, e) =>
    ({ amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" })[e.toLowerCase()] ??
    String.fromCodePoint(e[1].toLowerCase() === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)));

const exactly = (text) => new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\s*$`);

/** The answer link with exactly this visible text; there must be one. */
async function option(page, text) {
  const link = page.locator("main[data-tree] a.sp-tree-option", { hasText: exactly(text) });
  const n = await link.count();
  if (n !== 1) {
    const all = await page.locator("main[data-tree] a.sp-tree-option").allTextContents();
    assert.fail(`expected one answer "${text}", found ${n}; the answers are: ${JSON.stringify(all)}`);
  }
  return link;
}

/** What the tree shows now. */
function treeState(page) {
  return page.evaluate(() => {
    const main = document.querySelector("main[data-tree]");
    const h1 = main?.querySelector("h1");
    const a = document.activeElement;
    return {
      url: location.href,
      h1: h1?.textContent.trim() ?? null,
      focusOnH1: !!h1 && a === h1,
      active: a ? `${a.tagName.toLowerCase()} "${(a.textContent || "").trim().slice(0, 60)}"` : "none",
      isOutcome: !!main?.matches(".sp-tree-outcome"),
      handler: main?.querySelector(".sp-tree-handler strong")?.textContent.trim() ?? null,
      options: [...(main?.querySelectorAll("a.sp-tree-option") ?? [])].map((o) => o.textContent.trim()),
      answersTitle: main?.querySelector(".sp-tree-answers h2")?.textContent.trim() ?? null,
      answers: [...(main?.querySelectorAll(".sp-tree-answer") ?? [])].map((d) => ({
        q: d.querySelector("dt")?.textContent.trim(),
        // The answer without its "Change" link.
        a: [...(d.querySelector("dd")?.childNodes ?? [])].filter((n) => n.nodeType === 3).map((n) => n.textContent).join("").trim(),
      })),
      mains: document.querySelectorAll("main").length,
      marker: window.__spTreeMarker ?? null,
      title: document.title,
    };
  });
}

function assertAnswers(state, path, t, count, when) {
  const expected = path.steps.slice(0, count).map(([q, a]) => ({ q: t(q), a: t(a) }));
  assert.deepEqual(state.answers, expected, `${when}: "Your answers" should list the first ${count} answer(s)`);
  if (count > 0) assert.equal(state.answersTitle, t("who-your-answers"), `${when}: the answers' heading`);
  else assert.equal(state.answersTitle, null, `${when}: no "Your answers" before the first answer`);
}

async function assertOutcome(page, state, path, t, when) {
  assert.ok(state.isOutcome, `${when}: main.sp-tree-outcome expected, at ${state.url}`);
  assert.equal(state.h1, t(path.title), `${when}: the outcome's heading`);
  assert.equal(state.handler, t(path.handler), `${when}: who handles it`);
  assert.ok(state.url.endsWith(`/${path.lang}/${TREE}/p/${path.walk}/index.html`), `${when}: URL ${state.url} is not the walk p/${path.walk}/`);
  // The walk ends where the outcome's stable, shareable page is.
  const stable = `${server.url}${path.lang}/${TREE}/${path.outcome}/index.html`;
  const other = await page.context().request.get(stable);
  assert.equal(other.status(), 200, `${stable} should be served`);
  const html = await other.text();
  assert.ok(html.includes("sp-tree-outcome"), `${stable} is not an outcome page`);
  const stableH1 = decodeHtml(/<h1[^>]*>([^<]*)<\/h1>/.exec(html)?.[1] ?? "");
  assert.equal(stableH1, t(path.title), `${stable}: the stable outcome page has the same heading`);
  const canonical = /<link rel="canonical" href="([^"]*)">/.exec(await (await page.context().request.get(state.url)).text())?.[1];
  assert.equal(canonical, `/${path.lang}/${TREE}/${path.outcome}/`, `${when}: the walk page's canonical URL is the outcome's stable URL`);
}

describe("decision tree with JavaScript: steps load in place", () => {
  for (const key of ["enPartnerSupport", "nlEscalateAzure"]) {
    const path = PATHS[key];
    test(`${path.lang}: ${path.steps.length} answers to "${path.outcome}", then the Back button`, T, () =>
      withPage(`js-${path.lang}`, {}, async ({ page, errors }) => {
        const t = readFtl(path.lang);
        let loads = 0;
        page.on("load", () => loads++);
        await open(page, startUrl(path.lang));
        // tree.js marks the first history entry as part of the tree once it has run.
        await page.waitForFunction(() => history.state && history.state.tree === true, null, { timeout: 3_000 })
          .catch(() => assert.fail("tree.js did not start (history.state.tree is not set)"));
        await page.evaluate(() => { window.__spTreeMarker = "same document"; });
        loads = 0;

        let state = await treeState(page);
        assert.equal(state.h1, t(path.steps[0][0]), "the start page asks the first question");
        assertAnswers(state, path, t, 0, "start page");
        const historyAtStart = await page.evaluate(() => history.length);
        const visited = [state];

        for (const [i, [question, answer]] of path.steps.entries()) {
          const when = `after answering "${t(answer)}" (step ${i + 1})`;
          assert.equal(state.h1, t(question), `before step ${i + 1}: the question`);
          const link = await option(page, t(answer));
          const target = await link.evaluate((a) => a.href);
          await link.click();
          const expected = i + 1 < path.steps.length ? t(path.steps[i + 1][0]) : t(path.title);
          await page.waitForFunction((h) => document.querySelector("main[data-tree] h1")?.textContent.trim() === h, expected, { timeout: 3_000 })
            .catch(async () => assert.fail(`${when}: expected the heading "${expected}"; the page shows ${JSON.stringify(await treeState(page))}`));
          state = await treeState(page);
          assert.equal(state.marker, "same document", `${when}: the page was reloaded (window marker lost), not updated in place`);
          assert.equal(loads, 0, `${when}: a full page load happened`);
          assert.equal(state.mains, 1, `${when}: exactly one <main>`);
          assert.equal(state.url, target, `${when}: the URL should be the answer's link (history.pushState)`);
          assert.equal(await page.evaluate(() => history.length), historyAtStart + i + 1, `${when}: one history entry per answer`);
          assert.ok(state.focusOnH1, `${when}: focus should be on the new h1, it is on ${state.active}`);
          assert.equal(state.title.split(" · ")[0], expected, `${when}: document.title follows the step`);
          assertAnswers(state, path, t, i + 1, when);
          visited.push(state);
        }

        await assertOutcome(page, state, path, t, "at the outcome");
        assert.deepEqual(state.options, [], "an outcome offers no answers");
        await shot(page, `tree-js-${path.lang}-${path.outcome}`);

        // The browser's Back button: the previous question again, still in the same document.
        await page.goBack();
        const previous = visited.at(-2);
        await page.waitForFunction((h) => document.querySelector("main[data-tree] h1")?.textContent.trim() === h, previous.h1, { timeout: 3_000 })
          .catch(async () => assert.fail(`after Back: expected "${previous.h1}"; the page shows ${JSON.stringify(await treeState(page))}`));
        state = await treeState(page);
        assert.equal(state.url, previous.url, "after Back: the previous step's URL");
        assert.equal(state.isOutcome, false, "after Back: a question, not the outcome");
        assert.deepEqual(state.options, previous.options, "after Back: the previous question's answers");
        assertAnswers(state, path, t, path.steps.length - 1, "after Back");
        assert.equal(state.marker, "same document", "after Back: the page was reloaded instead of updated in place");
        assert.ok(state.focusOnH1, `after Back: focus should be on the h1, it is on ${state.active}`);
        // And the same answer leads on to the same outcome again.
        await (await option(page, t(path.steps.at(-1)[1]))).click();
        await page.waitForFunction((h) => document.querySelector("main.sp-tree-outcome h1")?.textContent.trim() === h, t(path.title), { timeout: 3_000 });
        assert.deepEqual(errors, [], "no script errors");
      }));
  }
});

describe("decision tree without JavaScript: every step is a page", () => {
  test("ru: links to an outcome, Your answers, Change and Start again", T, () =>
    withPage("nojs-ru", { javaScriptEnabled: false }, async ({ page }) => {
      const path = PATHS.ruKnownIncident;
      const t = readFtl(path.lang);
      await open(page, startUrl(path.lang));
      let state = await treeState(page);
      assert.equal(state.h1, t(path.steps[0][0]));

      const follow = async (link, when) => {
        const target = await link.evaluate((a) => a.href);
        await Promise.all([page.waitForURL(target, { waitUntil: "load" }), link.click()]);
        assert.equal(page.url(), target, `${when}: a page load of the link's URL`);
        return treeState(page);
      };

      for (const [i, [question, answer]] of path.steps.entries()) {
        assert.equal(state.h1, t(question), `before step ${i + 1}: the question`);
        state = await follow(await option(page, t(answer)), `answer "${t(answer)}"`);
        assertAnswers(state, path, t, i + 1, `after answering "${t(answer)}"`);
      }
      await assertOutcome(page, state, path, t, "at the outcome without JS");
      const answers = page.locator(".sp-tree-answers");
      assert.ok(await answers.isVisible(), "Your answers is visible");
      assert.equal((await answers.locator("h2").innerText()).trim(), t("who-your-answers"));
      const shown = await answers.innerText();
      for (const [q, a] of path.steps) {
        assert.ok(shown.includes(t(q)) && shown.includes(t(a)), `Your answers should show "${t(q)}" → "${t(a)}":\n${shown}`);
      }
      await shot(page, `tree-nojs-${path.lang}-${path.outcome}`);
      const outcomeUrl = page.url();

      // "Change" on the first answer: back to the first question, with nothing answered.
      const changes = page.locator(".sp-tree-answer dd a");
      assert.equal(await changes.count(), path.steps.length, "one Change link per answer");
      const changeText = (await changes.first().textContent()).trim();
      assert.ok(changeText.startsWith(t("who-change")), `the first answer's link should read "${t("who-change")}", it reads "${changeText}"`);
      state = await follow(changes.first(), "Change on the first answer");
      assert.equal(state.h1, t(path.steps[0][0]), "Change on the first answer shows the first question");
      assert.ok(state.options.includes(t(path.steps[0][1])), "with its answers to choose from");
      assertAnswers(state, path, t, 0, "after Change on the first answer");

      // "Change" on the second answer keeps the first one.
      await open(page, outcomeUrl);
      state = await follow(page.locator(".sp-tree-answer dd a").nth(1), "Change on the second answer");
      assert.equal(state.h1, t(path.steps[1][0]), "Change on the second answer shows the second question");
      assertAnswers(state, path, t, 1, "after Change on the second answer");

      // "Start again" from the outcome: the start page.
      await open(page, outcomeUrl);
      const again = page.locator(".sp-tree-nav a", { hasText: exactly(t("who-start-again")) });
      assert.equal(await again.count(), 1, "one Start again link");
      state = await follow(again, "Start again");
      assert.ok(state.url.endsWith(`/${path.lang}/${TREE}/index.html`), `Start again should lead to the start page, not ${state.url}`);
      assert.equal(state.h1, t(path.steps[0][0]), "Start again shows the first question");
      assertAnswers(state, path, t, 0, "after Start again");
      assert.equal(await page.locator(".sp-tree-nav a", { hasText: exactly(t("who-start-again")) }).count(), 0, "no Start again on the start page");
    }));
});

/** Focus indicator of the focused element, as computed. */
function focusRing(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    const s = getComputedStyle(el);
    const width = parseFloat(s.outlineWidth) || 0;
    return {
      text: (el.textContent || "").trim(),
      isOption: el.matches("a.sp-tree-option"),
      focusVisible: el.matches(":focus-visible"),
      outline: `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}`,
      boxShadow: s.boxShadow,
      ring: (s.outlineStyle !== "none" && width > 0) || (s.boxShadow !== "none" && s.boxShadow !== ""),
    };
  });
}

describe("decision tree by keyboard alone", () => {
  test("pl: Tab, Shift+Tab and Enter reach an outcome, focus always visible", T, () =>
    withPage("keyboard-pl", {}, async ({ page, errors }) => {
      const path = PATHS.plIndirectProvider;
      const t = readFtl(path.lang);
      await open(page, startUrl(path.lang));
      await page.waitForFunction(() => history.state && history.state.tree === true, null, { timeout: 3_000 });
      let shiftTabs = 0;

      const press = async (key) => {
        await page.keyboard.press(key);
        if (key === "Shift+Tab") shiftTabs++;
        const ring = await focusRing(page);
        if (ring.isOption) {
          assert.ok(ring.focusVisible, `the focused answer "${ring.text}" does not match :focus-visible`);
          assert.ok(ring.ring, `no visible focus indicator on the answer "${ring.text}": ${JSON.stringify(ring)}`);
        }
        return ring;
      };

      for (const [i, [question, answer]] of path.steps.entries()) {
        const want = t(answer);
        const state = await treeState(page);
        assert.equal(state.h1, t(question), `step ${i + 1}: the question`);
        const trail = [];
        let ring = null;
        for (let n = 0; n < 40 && !(ring?.isOption && ring.text === want); n++) {
          ring = await press("Tab");
          trail.push(ring.text.slice(0, 30));
        }
        assert.ok(ring?.isOption && ring.text === want, `step ${i + 1}: Tab never reached "${want}"; focus went: ${trail.join(" → ")}`);
        // Past it to the next answer (or the next control) and back with Shift+Tab.
        const past = await press("Tab");
        assert.notEqual(past.text, want, "Tab moves focus on");
        ring = await press("Shift+Tab");
        assert.ok(ring.isOption && ring.text === want, `step ${i + 1}: Shift+Tab should return to "${want}", focus is on "${ring.text}"`);

        await page.keyboard.press("Enter");
        const expected = i + 1 < path.steps.length ? t(path.steps[i + 1][0]) : t(path.title);
        await page.waitForFunction((h) => {
          const h1 = document.querySelector("main[data-tree] h1");
          return h1?.textContent.trim() === h && document.activeElement === h1;
        }, expected, { timeout: 3_000 })
          .catch(async () => assert.fail(`step ${i + 1}: Enter on "${want}" should show "${expected}" with focus on it; the page shows ${JSON.stringify(await treeState(page))}`));
      }
      assert.ok(shiftTabs >= path.steps.length, "Shift+Tab was used");
      const state = await treeState(page);
      await assertOutcome(page, state, path, t, "at the outcome by keyboard");
      assertAnswers(state, path, t, path.steps.length, "at the outcome by keyboard");
      // The focused heading after a keyboard step shows its ring too.
      const h1Ring = await page.evaluate(() => {
        const s = getComputedStyle(document.activeElement);
        return { focusVisible: document.activeElement.matches(":focus-visible"), outline: s.outlineStyle };
      });
      assert.ok(h1Ring.focusVisible && h1Ring.outline !== "none", `the focused outcome heading shows no focus ring: ${JSON.stringify(h1Ring)}`);
      await shot(page, `tree-keyboard-${path.lang}-${path.outcome}`);
      assert.deepEqual(errors, [], "no script errors");
    }));
});

describe("decision tree: axe-core finds no WCAG 2.1 A/AA violations", () => {
  const pages = [];
  for (const lang of ["nl", "ru"]) {
    pages.push(
      { name: `${lang} start page`, url: `${lang}/${TREE}/index.html` },
      { name: `${lang} question with answers (walk p/2-1)`, url: `${lang}/${TREE}/p/2-1/index.html` },
      { name: `${lang} outcome (walk p/2-1-2-2-1, escalate-azure)`, url: `${lang}/${TREE}/p/2-1-2-2-1/index.html` },
      { name: `${lang} outcome (stable partner-support)`, url: `${lang}/${TREE}/partner-support/index.html` },
    );
  }
  pages.push({ name: "en overview", url: `en/${TREE}/overview/index.html` });

  for (const colorScheme of ["light", "dark"]) {
    test(`${colorScheme} colour scheme`, T, async (suite) => {
      const context = await browser.newContext({ colorScheme, viewport: { width: 1280, height: 900 } });
      context.setDefaultTimeout(5_000);
      const page = await context.newPage();
      try {
        for (const p of pages) {
          await suite.test(p.name, async () => {
            await open(page, server.url + p.url);
            const violations = await axeCheck(page);
            if (violations.length) await shot(page, `failed-tree-axe-${colorScheme}-${p.name.replace(/\W+/g, "-")}`);
            assert.deepEqual(violations.map((v) => v.id), [], `${p.url}:\n${formatViolations(violations)}`);
          });
        }
      } finally {
        await context.close();
      }
    });
  }
});
