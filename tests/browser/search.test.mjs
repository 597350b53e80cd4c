// Search in a real Chromium: typing into the search page (nl, ru), a ?q= link (pl), the header
// search box of a content page, the A–Z list without JavaScript, and axe-core on the search
// page with results shown. SIGNPOST_SITE names the built seed site (no base URL, so links end
// in index.html); screenshots go to SIGNPOST_SHOTS. Expected titles and section names are read
// from locales/<lang>/who-handles-this.ftl, so the test follows the translations.

import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { axeCheck, formatViolations, launch, serve, shot, siteDir, useSiteAndBrowser } from "./lib.mjs";

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const T = { timeout: 30_000 };
const LANGS = ["en", "nl", "ru", "pl"];

/** Simple one-line messages (`id = text`) of locales/<lang>/<file>. */
function ftl(lang, file) {
  const out = new Map();
  for (const line of readFileSync(path.join(REPO, "locales", lang, file), "utf8").split(/\r?\n/)) {
    const m = /^([a-zA-Z][\w-]*)\s*=\s*(\S.*)$/.exec(line);
    if (m) out.set(m[1], m[2].trim());
  }
  return (key) => {
    assert.ok(out.has(key), `no one-line message "${key}" in locales/${lang}/${file}`);
    return out.get(key);
  };
}

/**
 * Queries whose best answer in the seed site is a decision-tree outcome: the outcome's title
 * key, and the stem every highlighted word must start with.
 */
const CASES = {
  nl: { q: "abonnementen", outcome: "partner-subscriptions", title: "who-o-partner-subscriptions", mark: "abonnement" },
  ru: { q: "подписку", outcome: "partner-subscriptions", title: "who-o-partner-subscriptions", mark: "подписк" },
  pl: { q: "subskrypcję", outcome: "partner-subscriptions", title: "who-o-partner-subscriptions", mark: "subskrypc" },
};

let server;
let browser;

useSiteAndBrowser((s, b) => {
  server = s;
  browser = b;
});

const searchUrl = (lang, query) =>
  `${server.url}${lang}/search/index.html${query === undefined ? "" : `?q=${encodeURIComponent(query)}`}`;

/** Runs `body` on a fresh page of a fresh context; on failure saves a "failed-search-<name>" screenshot. */
async function withPage(name, { javaScriptEnabled = true, shotOnFailure = true, colorScheme = "light" } = {}, body) {
  const context = await browser.newContext({ javaScriptEnabled, colorScheme, viewport: { width: 1280, height: 900 } });
  context.setDefaultTimeout(5_000);
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => m.type() === "error" && !m.location().url.endsWith("/favicon.ico") && errors.push(`${m.text()} (${m.location().url})`));
  page.on("response", (r) => r.status() >= 400 && errors.push(`${r.status()} ${r.url()}`));
  try {
    await body({ context, page, errors });
    assert.deepEqual(errors, [], "no script errors and no failed requests");
  } catch (e) {
    if (shotOnFailure) await shot(page, `failed-search-${name}`).catch(() => {});
    throw e;
  } finally {
    await context.close();
  }
}

async function open(page, url) {
  const response = await page.goto(url);
  assert.equal(response.status(), 200, `${url} should be served`);
}

/** What the search page shows now. */
function results(page) {
  return page.evaluate(() => {
    const list = document.getElementById("sp-search-results");
    return {
      url: location.href,
      query: document.getElementById("sp-search-q")?.value ?? null,
      status: document.getElementById("sp-search-status")?.textContent.trim() ?? null,
      hidden: list?.hidden ?? null,
      items: [...(list?.querySelectorAll("li") ?? [])].map((li) => ({
        title: li.querySelector("a")?.textContent ?? null,
        href: li.querySelector("a")?.href ?? null,
        section: li.querySelector(".sp-search-section")?.textContent ?? null,
        excerpt: li.querySelector("p")?.textContent ?? null,
        marks: [...li.querySelectorAll("p mark")].map((m) => m.textContent),
      })),
    };
  });
}

/** Waits until the first result is titled `title` and every result shows its excerpt around
 * the words found (results arrive after a debounce and fetches with their pages' openings,
 * the excerpts around the words found from files of their own after them). */
async function waitForFirst(page, title, when) {
  try {
    await page.waitForFunction(
      (t) => document.querySelector("#sp-search-results li a")?.textContent === t && [...document.querySelectorAll("#sp-search-results li")].every((li) => li.querySelector("p") && li.dataset.excerpt === "full"),
      title,
      { timeout: 5_000 },
    );
  } catch {
    const r = await results(page);
    assert.fail(`${when}: the first result should be "${title}"; the page shows status "${r.status}" and ${JSON.stringify(r.items.slice(0, 3).map((i) => i.title))}`);
  }
  return results(page);
}

/** The first result is the outcome: title, section (the tree's name), link, and a highlighted excerpt. */
function assertOutcomeFirst(r, lang, c, when) {
  const t = ftl(lang, "who-handles-this.ftl");
  const first = r.items[0];
  assert.equal(first.title, t(c.title), `${when}: first result's title`);
  assert.equal(first.section, t("who-title"), `${when}: first result's section is the tree's name`);
  assert.equal(first.href, `${server.url}${lang}/who-handles-this/${c.outcome}/index.html`, `${when}: first result's link`);
  assert.ok(first.marks.length > 0, `${when}: the excerpt should highlight the query with <mark>: ${first.excerpt}`);
  for (const m of first.marks) {
    assert.ok(m.toLocaleLowerCase(lang).startsWith(c.mark), `${when}: highlighted "${m}" should be a form of "${c.mark}" (excerpt: ${first.excerpt})`);
  }
  assert.equal(r.hidden, false, `${when}: the result list is shown`);
  assert.ok(r.status.includes(String(r.items.length)), `${when}: status "${r.status}" should count ${r.items.length} results`);
  // Results stay in the reader's language.
  for (const item of r.items) {
    assert.ok(item.href.startsWith(`${server.url}${lang}/`), `${when}: result "${item.title}" links out of /${lang}/: ${item.href}`);
  }
}

describe("search page with JavaScript", () => {
  for (const lang of ["nl", "ru"]) {
    const c = CASES[lang];
    test(`${lang}: typing "${c.q}" letter by letter finds the outcome`, T, () =>
      withPage(`type-${lang}`, {}, async ({ page }) => {
        await open(page, searchUrl(lang));
        const input = page.locator("#sp-search-q");
        await input.click();
        // A half-typed word already finds something (prefix match).
        await input.pressSequentially(c.q.slice(0, 4), { delay: 60 });
        await page.waitForFunction(() => document.querySelectorAll("#sp-search-results li").length > 0).catch(async () => {
          assert.fail(`${lang}: "${c.q.slice(0, 4)}" found nothing: ${JSON.stringify(await results(page))}`);
        });
        await input.pressSequentially(c.q.slice(4), { delay: 60 });
        const r = await waitForFirst(page, ftl(lang, "who-handles-this.ftl")(c.title), `${lang} "${c.q}"`);
        assert.equal(r.query, c.q);
        assertOutcomeFirst(r, lang, c, `${lang} "${c.q}"`);
        await shot(page, `search-${lang}`);

        // The result link leads to the outcome.
        await Promise.all([page.waitForURL(/\/who-handles-this\//), page.locator("#sp-search-results li a").first().click()]);
        assert.equal((await page.locator("main h1").first().textContent()).trim(), r.items[0].title, `${lang}: the result's page`);
      }));
  }

  test("nl: the results are listed with their pages' openings, before any excerpt file is in", T, () =>
    withPage("openings-nl", {}, async ({ context, page }) => {
      // The excerpt files are held back until the list has been looked at: what it shows
      // then came with the index (openings.js), not from a second round of requests.
      const held = [];
      let release = false;
      await context.route(/\/search\/nl\/x-\d+\.js$/, (route) => (release ? route.continue() : held.push(route)));
      await open(page, searchUrl("nl"));
      const input = page.locator("#sp-search-q");
      await input.fill(CASES.nl.q);
      await input.press("Enter");
      const all = (kind) => {
        const items = [...document.querySelectorAll("#sp-search-results li")];
        return items.length > 1 && items.every((li) => li.querySelector("p") && li.dataset.excerpt === kind);
      };
      await page.waitForFunction(all, "opening").catch(async () => {
        assert.fail(`with the excerpt files held back, every result should show its page's opening: ${JSON.stringify((await results(page)).items.slice(0, 3))}`);
      });
      const openings = (await results(page)).items;
      for (const i of openings) assert.ok(i.excerpt.trim().length >= 20, `"${i.title}" shows an opening: "${i.excerpt}"`);
      for (let t = 0; t < 100 && held.length === 0; t++) await page.waitForTimeout(20);
      assert.ok(held.length > 0, "the excerpt files of the results are asked for, after the list");
      // Let them through: the excerpts around the words found replace the openings.
      release = true;
      for (const route of held) await route.continue();
      const r = await waitForFirst(page, ftl("nl", "who-handles-this.ftl")(CASES.nl.title), "nl, excerpt files let through");
      assertOutcomeFirst(r, "nl", CASES.nl, "nl, excerpt files let through");
      // An excerpt that starts where the page starts goes on from its opening (each result
      // got its own page's opening).
      const fromStart = r.items.filter((i, n) => !i.excerpt.startsWith("…") && !openings[n].excerpt.startsWith("…"));
      assert.ok(fromStart.length > 0, "some excerpt starts at the beginning of its page");
      for (const i of fromStart) {
        const o = openings[r.items.indexOf(i)];
        assert.equal(o.title, i.title);
        assert.ok(i.excerpt.startsWith(o.excerpt.trim()), `"${i.title}": "${i.excerpt}" should go on from its opening "${o.excerpt}"`);
      }
    }));

  test("nl: the index and the openings load when the search box gets focus, not before", T, () =>
    withPage("preload-nl", {}, async ({ page }) => {
      const asked = [];
      page.on("request", (r) => /\/search\/nl\/[^/]+\.js$/.test(r.url()) && asked.push(path.basename(r.url())));
      await open(page, searchUrl("nl"));
      await page.waitForTimeout(300);
      assert.deepEqual(asked, [], "a search page merely opened loads no part of the index");
      await page.locator("#sp-search-q").focus();
      for (let t = 0; t < 100 && asked.length < 2; t++) await page.waitForTimeout(20);
      assert.deepEqual([...asked].sort(), ["index.js", "openings.js"], "focus loads the index and the openings, nothing else yet");
      // The query then finds them loaded: no second request for either.
      await page.locator("#sp-search-q").fill(CASES.nl.q);
      await page.locator("#sp-search-q").press("Enter");
      await waitForFirst(page, ftl("nl", "who-handles-this.ftl")(CASES.nl.title), "nl after focus");
      assert.equal(asked.filter((n) => n === "index.js").length, 1, "index.js asked for once");
    }));

  test('pl: /pl/search/index.html?q=subskrypcję shows results at once', T, () =>
    withPage("query-pl", {}, async ({ page }) => {
      const c = CASES.pl;
      await open(page, searchUrl("pl", c.q));
      const r = await waitForFirst(page, ftl("pl", "who-handles-this.ftl")(c.title), `pl ?q=${c.q}`);
      assert.equal(r.query, c.q, "the search box shows the query");
      assertOutcomeFirst(r, "pl", c, `pl ?q=${c.q}`);
    }));

  test("nl: the header search box of a content page submits to the search page", T, () =>
    withPage("header-nl", {}, async ({ page }) => {
      await open(page, `${server.url}nl/customer-self-support/index.html`);
      const box = page.locator("header form[role=search] input[type=search]");
      assert.equal(await box.count(), 1, "one search box in the header");
      await box.fill("factuur");
      await Promise.all([page.waitForURL(/\/nl\/search\/index\.html\?q=factuur$/), box.press("Enter")]);
      const t = ftl("nl", "who-handles-this.ftl");
      const r = await waitForFirst(page, t("who-o-partner-billing"), "nl header search for factuur");
      assert.equal(r.query, "factuur", "the search page's box shows the query");
      assert.equal(r.items[0].section, t("who-title"));
      assert.ok(r.items[0].marks.some((m) => m.toLowerCase().startsWith("factu")), `a highlighted "factuur": ${r.items[0].excerpt}`);
    }));

  test("nl: a query with no match says so; clearing the box hides the results", T, () =>
    withPage("none-nl", {}, async ({ page }) => {
      await open(page, searchUrl("nl"));
      const input = page.locator("#sp-search-q");
      await input.fill("qwxzv");
      const none = (await page.locator("#sp-search-words").evaluate((t) => t.content.firstElementChild.dataset.none)).trim();
      await page.waitForFunction((n) => document.getElementById("sp-search-status").textContent.trim() === n, none);
      let r = await results(page);
      assert.equal(r.items.length, 0);
      assert.equal(r.hidden, true, "an empty result list stays hidden");
      await input.fill("abonnementen");
      await waitForFirst(page, ftl("nl", "who-handles-this.ftl")(CASES.nl.title), "nl abonnementen after a miss");
      await input.fill("");
      await page.waitForFunction(() => document.getElementById("sp-search-results").hidden);
      r = await results(page);
      assert.equal(r.items.length, 0);
      assert.equal(r.status, "");
    }));

  test("nl: the search button submits in place and puts the query in the URL", T, () =>
    withPage("submit-nl", {}, async ({ page }) => {
      await open(page, searchUrl("nl"));
      await page.locator("#sp-search-q").fill("abonnementen");
      await page.locator("main form button[type=submit]").click();
      const r = await waitForFirst(page, ftl("nl", "who-handles-this.ftl")(CASES.nl.title), "nl submit");
      assert.equal(new URL(r.url).searchParams.get("q"), "abonnementen");
      assert.match(r.url, /\/nl\/search\/index\.html\?q=abonnementen$/);
    }));
});

/** Site paths of every page of `lang` a reader can browse: its own and fallback pages. */
function languagePages(lang) {
  const root = path.join(siteDir(), lang);
  const out = [];
  const walk = (dir, rel) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (!e.isDirectory()) continue;
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (!rel && (e.name === "search" || e.name === "who-handles-this")) continue;
      if (existsSync(path.join(dir, e.name, "index.html"))) out.push(`${lang}/${r}/index.html`);
      walk(path.join(dir, e.name), r);
    }
  };
  walk(root, "");
  return out.sort();
}

describe("search page without JavaScript", () => {
  for (const lang of LANGS) {
    test(`${lang}: the A–Z list links every page of the language`, T, () =>
      withPage(`nojs-${lang}`, { javaScriptEnabled: false }, async ({ page }) => {
        await open(page, searchUrl(lang));
        const want = languagePages(lang).map((p) => server.url + p);
        assert.ok(want.length >= 3, `${lang}: pages found in the built site: ${want}`);
        const list = page.locator(".sp-az-list").first();
        assert.ok(await list.isVisible(), "the A–Z list is shown");
        const got = (await page.locator(".sp-az-list a").evaluateAll((as) => as.map((a) => a.href))).sort();
        assert.deepEqual(got, want, `${lang}: A–Z links`);
        const notice = await page.locator("main .sp-notice").textContent();
        assert.equal(notice.trim(), ftl(lang, "ui.ftl")("search-needs-js"), "the no-JavaScript notice");
        assert.equal(await page.locator("#sp-search-results").isVisible(), false, "no empty result list");
        // Every A–Z link works.
        for (const href of got) {
          const response = await page.request.get(href);
          assert.equal(response.status(), 200, href);
        }
        if (lang === "ru") await shot(page, "search-nojs-ru");
      }));
  }
});

describe("accessibility of the search page with results", () => {
  for (const colorScheme of ["light", "dark"]) {
    for (const lang of ["nl", "ru"]) {
      test(`${lang}, ${colorScheme} colour scheme: axe finds no violations`, T, () =>
        withPage(`axe-${lang}-${colorScheme}`, { colorScheme }, async ({ page }) => {
          const c = CASES[lang];
          await open(page, searchUrl(lang, c.q));
          await waitForFirst(page, ftl(lang, "who-handles-this.ftl")(c.title), `${lang} ?q=${c.q}`);
          const violations = await axeCheck(page);
          assert.deepEqual(violations.map((v) => v.id), [], `${lang} search page with results (${colorScheme}):\n${formatViolations(violations)}`);
        }));
    }
  }
});

// Two bugs of an earlier search.js, kept as tests: one-letter query words highlighted every word
// that began with them, and "constructor" (a key every plain object has) broke the ranking.
describe("search.js edge cases", () => {
  test("a one-letter query word highlights nothing", T, () =>
    withPage("one-letter", {}, async ({ page }) => {
      await open(page, searchUrl("ru", "о подписке"));
      await page.waitForFunction(() => {
        const items = [...document.querySelectorAll("#sp-search-results li")];
        return items.length > 0 && items.every((li) => li.querySelector("p") && li.dataset.excerpt === "full");
      });
      const r = await results(page);
      assert.ok(r.items.flatMap((i) => i.marks).length > 0, `some word is highlighted: ${JSON.stringify(r.items.slice(0, 3))}`);
      // Forms of подписка, or the word о itself; not every word that starts with о.
      const stray = r.items.flatMap((i) => i.marks).filter((m) => !m.toLowerCase().startsWith("подпис") && m.toLowerCase() !== "о");
      assert.deepEqual(stray, [], `marks: ${JSON.stringify(r.items.map((i) => i.marks))}`);
    }));

  test('"constructor" in a query does not break the search', T, () =>
    withPage("constructor", {}, async ({ page }) => {
      await open(page, searchUrl("en", "constructor subscriptions"));
      const loading = ftl("en", "ui.ftl")("search-loading");
      await page.waitForFunction((l) => !["", l].includes(document.getElementById("sp-search-status").textContent.trim()), loading);
      const r = await results(page);
      assert.equal(r.items[0]?.title, ftl("en", "who-handles-this.ftl")("who-o-partner-subscriptions"), `status "${r.status}"`);
    }));
});

describe("search from disk and without its index", () => {
  test("pl: opened from file://, /pl/search/?q=subskrypcję finds the page", T, async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    context.setDefaultTimeout(5_000);
    const page = await context.newPage();
    const errors = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    try {
      const url = pathToFileURL(path.join(siteDir(), "pl", "search", "index.html")).href + `?q=${encodeURIComponent(CASES.pl.q)}`;
      await page.goto(url);
      const title = ftl("pl", "who-handles-this.ftl")(CASES.pl.title);
      await page.waitForFunction((t) => document.querySelector("#sp-search-results li a")?.textContent === t && document.querySelector("#sp-search-results li[data-excerpt=full] p"), title).catch(async () => {
        const r = await results(page);
        assert.fail(`from file:// the first result should be "${title}"; the page says "${r.status}" and shows ${JSON.stringify(r.items.slice(0, 3).map((i) => i.title))}`);
      });
      const r = await results(page);
      assert.notEqual(r.status, ftl("pl", "ui.ftl")("search-no-results"));
      assert.ok(r.status.includes(String(r.items.length)), `status "${r.status}" counts the results`);
      assert.ok(r.items[0].marks.length > 0, `highlighted words in ${r.items[0].excerpt}`);
      const target = fileURLToPath(r.items[0].href);
      assert.ok(existsSync(target), `the result links a file that exists: ${r.items[0].href}`);
      assert.deepEqual(errors, []);
    } catch (e) {
      await shot(page, "failed-search-file").catch(() => {});
      throw e;
    } finally {
      await context.close();
    }
  });

  test("nl: when the index cannot be loaded, the page says so, not that nothing matches", T, () =>
    withPage("no-index", {}, async ({ context, page, errors }) => {
      await context.route(/\/search\/nl\/index\.js$/, (route) => route.abort());
      await open(page, searchUrl("nl", "abonnementen"));
      const failed = ftl("nl", "ui.ftl")("search-failed");
      await page.waitForFunction((f) => document.getElementById("sp-search-status").textContent.trim() === f, failed).catch(async () => {
        assert.fail(`the status should say the index could not be loaded; it says "${(await results(page)).status}"`);
      });
      const r = await results(page);
      assert.equal(r.hidden, true, "no result list");
      assert.ok(await page.locator(".sp-az-list").first().isVisible(), "the A–Z list is there to browse");
      // The aborted request is the point of this test.
      errors.length = 0;
    }));
});
