// Accessibility of every kind of page (issue 7), in a real Chromium: axe-core's WCAG 2.1 A and
// AA rules in the light and the dark colour scheme, a visible focus indicator on the skip link,
// the language switcher, the header search box and the "show original" checkbox, and accessible
// names for the switcher and the checkbox as Chromium's accessibility tree reports them.
// SIGNPOST_SITE names the built site (no base URL); screenshots go to SIGNPOST_SHOTS.

import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { axeCheck, formatViolations, launch, serve, shot, siteDir, useSiteAndBrowser } from "./lib.mjs";

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const T = { timeout: 60_000 };
const SCHEMES = ["light", "dark"];

/** Simple `id = text` messages of locales/<lang>/ui.ftl. */
function ui(lang) {
  const out = new Map();
  for (const line of readFileSync(path.join(REPO, "locales", lang, "ui.ftl"), "utf8").split(/\r?\n/)) {
    const m = /^([a-zA-Z][\w-]*)\s*=\s*(\S.*)$/.exec(line);
    if (m) out.set(m[1], m[2].trim());
  }
  return (key) => {
    assert.ok(out.has(key), `no message "${key}" in locales/${lang}/ui.ftl`);
    return out.get(key);
  };
}

/** Every kind of page: `checked` ticks the "show original" checkbox first; `shot` saves a screenshot. */
const PAGES = [
  { name: "root chooser", path: "index.html", shot: true },
  { name: "404 (default language)", path: "404.html" },
  { name: "status", path: "status/", shot: true },
  { name: "English page rebuilt from a translation", path: "en/customer-self-support/" },
  { name: "content page (nl)", path: "nl/report-problems-on-behalf-of-a-customer/" },
  { name: "fallback page (ru)", path: "ru/report-problems-on-behalf-of-a-customer/" },
  ...["pl", "nl", "ru"].flatMap((lang) => [
    // nl and pl are stale: their changed passages carry drift markers (issue 14).
    { name: `machine translation with originals (${lang})`, path: `${lang}/customer-self-support/`, marks: lang !== "ru" },
    { name: `machine translation, originals shown (${lang})`, path: `${lang}/customer-self-support/`, checked: true, shot: lang === "pl", marks: lang !== "ru" },
  ]),
  ...["nl", "ru"].flatMap((lang) => [
    { name: `language home (${lang})`, path: `${lang}/`, shot: lang === "ru" },
    { name: `tree question (${lang})`, path: `${lang}/who-handles-this/` },
    { name: `tree walk page (${lang})`, path: `${lang}/who-handles-this/p/2/` },
    { name: `tree outcome (${lang})`, path: `${lang}/who-handles-this/escalate-azure/` },
    { name: `tree overview (${lang})`, path: `${lang}/who-handles-this/overview/`, shot: lang === "ru" },
    { name: `search page (${lang})`, path: `${lang}/search/` },
    { name: `404 (${lang})`, path: `${lang}/404.html` },
  ]),
];

let server;
let browser;

useSiteAndBrowser((s, b) => {
  server = s;
  browser = b;
});

async function newPage(colorScheme) {
  const context = await browser.newContext({ colorScheme, viewport: { width: 1280, height: 900 } });
  context.setDefaultTimeout(5_000);
  const page = await context.newPage();
  // The context's colorScheme already sets it; emulateMedia makes it explicit per page.
  await page.emulateMedia({ colorScheme });
  return { context, page };
}

async function open(page, sitePath) {
  const response = await page.goto(server.url + sitePath);
  assert.equal(response.status(), 200, `${sitePath} should be served`);
}

const slug = (s) => s.replace(/[^a-z0-9]+/gi, "-").replace(/^-|-$/g, "").toLowerCase();

describe("axe-core finds no WCAG 2.1 A/AA violations on any kind of page", { concurrency: true }, () => {
  for (const colorScheme of SCHEMES) {
    test(`${colorScheme} colour scheme`, T, async (suite) => {
      const { context, page } = await newPage(colorScheme);
      try {
        const dark = await page.evaluate(() => matchMedia("(prefers-color-scheme: dark)").matches);
        assert.equal(dark, colorScheme === "dark", "the colour scheme is emulated");
        for (const p of PAGES) {
          await suite.test(p.name, async () => {
            await open(page, p.path);
            // The choice is remembered (localStorage), so set it on every page that has it.
            const toggle = page.locator("#sp-orig-toggle");
            if (p.checked || (await toggle.count())) {
              await toggle.setChecked(Boolean(p.checked));
              await page.locator(".sp-content .sp-orig").first().waitFor({ state: p.checked ? "visible" : "hidden" });
            }
            if (p.marks) assert.ok((await page.locator(".sp-changed").count()) > 0, `${p.path} should show drift markers`);
            const violations = await axeCheck(page);
            if (violations.length) await shot(page, `failed-a11y-${colorScheme}-${slug(p.name)}`);
            else if (p.shot) await shot(page, `a11y-${colorScheme}-${slug(p.name)}`);
            assert.deepEqual(violations.map((v) => v.id), [], `${p.path} (${colorScheme}${p.checked ? ", originals shown" : ""}):\n${formatViolations(violations)}`);
          });
        }
      } finally {
        await context.close();
      }
    });
  }
});

// A redirect page sends the reader on at once (meta refresh, delay 0), so axe would check
// the target instead. The page is served as built, except that the delay is made a day long:
// the markup axe sees is the redirect page's own.
describe("a redirect page has no WCAG 2.1 A/AA violations and speaks the reader's language", () => {
  const dir = process.env.SIGNPOST_REDIRECT_SITE;
  for (const colorScheme of SCHEMES) {
    for (const [lang, heading] of [["nl", "Deze pagina is verplaatst"], ["ru", "Эта страница перемещена"]]) {
      test(`${lang}, ${colorScheme} colour scheme`, { ...T, skip: !dir && "SIGNPOST_REDIRECT_SITE is not set" }, async () => {
        const site = await serve(dir);
        const { context, page } = await newPage(colorScheme);
        try {
          const stub = `${site.url}${lang}/oud/`;
          let original = "";
          await page.route(stub, async (route) => {
            const response = await route.fetch();
            original = await response.text();
            await route.fulfill({ response, body: original.replace('content="0; url=', 'content="86400; url=') });
          });
          const response = await page.goto(stub);
          assert.equal(response.status(), 200);
          assert.match(original, /<meta http-equiv="refresh" content="0; url=\.\.\/\.\.\/[a-z]+\/nieuw\/index\.html">/);
          assert.equal(await page.getAttribute("html", "lang"), lang);
          assert.equal((await page.locator("h1").textContent()).trim(), heading);
          const link = page.locator("main a");
          assert.equal(await link.getAttribute("href"), `../../${lang}/nieuw/index.html`);
          assert.equal((await link.textContent()).trim(), "Nieuwe pagina");
          // Russian readers see the Dutch page (no translation): the title says its language.
          assert.equal(await link.getAttribute("lang"), lang === "nl" ? null : "nl");
          await link.focus();
          const violations = await axeCheck(page);
          if (violations.length) await shot(page, `failed-a11y-${colorScheme}-redirect-${lang}`);
          assert.deepEqual(violations.map((v) => v.id), [], `redirect page (${lang}, ${colorScheme}):\n${formatViolations(violations)}`);
        } finally {
          await context.close();
          await site.close();
        }
      });
    }
  }
});

/** The sRGB colour of a CSS colour string, as [r, g, b, a] (0-255, alpha 0-1). */
function parseColor(css) {
  const m = /rgba?\(([^)]+)\)/.exec(css);
  if (!m) return null;
  const [r, g, b, a = "1"] = m[1].split(/[\s,/]+/).filter(Boolean);
  return [Number(r), Number(g), Number(b), Number(a)];
}

function luminance([r, g, b]) {
  const lin = (c) => {
    c /= 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

function contrast(a, b) {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/**
 * The focused element's focus indicator: its outline (or box-shadow), whether it matches
 * :focus-visible, whether it is on screen, and the background it is drawn on (the first opaque
 * background of the element's ancestors, since the outline sits outside the element).
 */
async function focusStyle(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    const s = getComputedStyle(el);
    let bg = "rgb(255, 255, 255)";
    for (let a = el.parentElement; a; a = a.parentElement) {
      const c = getComputedStyle(a).backgroundColor;
      if (c && c !== "transparent" && !/rgba\(.*,\s*0\)$/.test(c)) {
        bg = c;
        break;
      }
    }
    const r = el.getBoundingClientRect();
    return {
      element: `${el.tagName.toLowerCase()}${el.id ? "#" + el.id : ""}${el.className ? "." + String(el.className).split(" ").join(".") : ""}`,
      text: (el.textContent || el.getAttribute("placeholder") || "").trim().slice(0, 40),
      focusVisible: el.matches(":focus-visible"),
      outlineStyle: s.outlineStyle,
      outlineWidth: parseFloat(s.outlineWidth) || 0,
      outlineColor: s.outlineColor,
      boxShadow: s.boxShadow,
      background: bg,
      box: { x: r.x, y: r.y, width: r.width, height: r.height },
      onScreen: r.width > 1 && r.height > 1 && r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth,
    };
  });
}

/** Asserts a visible focus indicator: :focus-visible, a ring of 2px or more, 3:1 against its background. */
function assertFocusRing(f, what) {
  const info = JSON.stringify(f);
  assert.ok(f.focusVisible, `${what}: does not match :focus-visible after Tab: ${info}`);
  assert.ok(f.onScreen, `${what}: focused but not on screen: ${info}`);
  const hasOutline = f.outlineStyle !== "none" && f.outlineWidth >= 2;
  assert.ok(hasOutline || (f.boxShadow && f.boxShadow !== "none"), `${what}: no visible focus indicator: ${info}`);
  if (hasOutline) {
    const ring = parseColor(f.outlineColor);
    const bg = parseColor(f.background);
    assert.ok(ring && bg, `${what}: colours not understood: ${info}`);
    const ratio = contrast(ring, bg);
    assert.ok(ratio >= 3, `${what}: focus ring ${f.outlineColor} on ${f.background} has contrast ${ratio.toFixed(2)}, below 3:1`);
  }
}

/** Presses Tab until `matches(focused)` holds; returns the focus path on failure. */
async function tabTo(page, description, matches, limit = 40) {
  const seen = [];
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press("Tab");
    const f = await focusStyle(page);
    seen.push(f.element + (f.text ? ` "${f.text}"` : ""));
    if (await matches(f)) return f;
  }
  assert.fail(`Tab never reached ${description}; focus went: ${seen.join(" → ")}`);
}

describe("keyboard focus is visible", () => {
  for (const colorScheme of SCHEMES) {
    for (const lang of ["nl", "ru"]) {
      test(`${lang}, ${colorScheme}: skip link, header search box, show-original checkbox, language switcher`, T, async () => {
        const { context, page } = await newPage(colorScheme);
        try {
          const t = ui(lang);
          await open(page, `${lang}/customer-self-support/`);
          // The skip link is hidden until the first Tab, which focuses and shows it.
          const skip = page.locator("a.sp-skip");
          assert.equal(await skip.count(), 1, "one skip link");
          const hiddenBox = await skip.boundingBox();
          assert.ok(!hiddenBox || hiddenBox.width <= 1 || hiddenBox.height <= 1, `the skip link is visible before Tab: ${JSON.stringify(hiddenBox)}`);
          await page.keyboard.press("Tab");
          const f = await focusStyle(page);
          assert.match(f.element, /^a\.sp-skip/, `the first Tab focuses the skip link, not ${f.element}`);
          assert.equal(f.text, t("skip-to-content"));
          assert.ok(f.box.width > 40 && f.box.height > 20, `the focused skip link is visible: ${JSON.stringify(f.box)}`);
          assert.ok(await skip.isVisible(), "the focused skip link is visible");
          assertFocusRing(f, "skip link");
          await shot(page, `focus-${lang}-${colorScheme}-skip-link`);
          // Following it moves focus to the main content.
          await page.keyboard.press("Enter");
          assert.equal(await page.evaluate(() => location.hash), "#main");

          await open(page, `${lang}/customer-self-support/`);
          const search = await tabTo(page, "the header search box", (x) => x.element.startsWith("input#sp-q"));
          assertFocusRing(search, "header search box");
          await shot(page, `focus-${lang}-${colorScheme}-search-box`);

          const toggle = await tabTo(page, "the show-original checkbox", (x) => x.element.startsWith("input#sp-orig-toggle"));
          assertFocusRing(toggle, "show-original checkbox");
          await shot(page, `focus-${lang}-${colorScheme}-show-original`);

          await open(page, `${lang}/customer-self-support/`);
          const links = await page.locator("nav.sp-langs a").count();
          assert.ok(links >= 3, `at least 3 links in the language switcher, found ${links}`);
          for (let i = 0; i < links; i++) {
            const f = await tabTo(page, `language switcher link #${i + 1}`, () => page.evaluate((n) => document.activeElement === document.querySelectorAll("nav.sp-langs a")[n], i));
            assertFocusRing(f, `language switcher link "${f.text}"`);
            if (i === 0) await shot(page, `focus-${lang}-${colorScheme}-language-switcher`);
          }
        } finally {
          await context.close();
        }
      });
    }

  }
});

/** The accessibility node Chromium reports for the first element matching `selector`. */
async function axNode(context, page, selector) {
  const cdp = await context.newCDPSession(page);
  try {
    const { root } = await cdp.send("DOM.getDocument", { depth: 0 });
    const { nodeId } = await cdp.send("DOM.querySelector", { nodeId: root.nodeId, selector });
    assert.ok(nodeId, `no element ${selector}`);
    const { nodes } = await cdp.send("Accessibility.getPartialAXTree", { nodeId, fetchRelatives: false });
    return nodes[0];
  } finally {
    await cdp.detach();
  }
}

describe("accessible names", () => {
  for (const lang of ["nl", "ru", "pl"]) {
    test(`${lang}: the language switcher is a navigation landmark named in the page's language`, T, async () => {
      const { context, page } = await newPage("light");
      try {
        const t = ui(lang);
        await open(page, `${lang}/customer-self-support/`);
        const ax = await axNode(context, page, "nav.sp-langs");
        assert.equal(ax.role?.value, "navigation");
        assert.equal(ax.name?.value, t("language-switcher-label"));
        assert.ok(!ax.ignored, "the switcher is in the accessibility tree");
        assert.equal(await page.getByRole("navigation", { name: t("language-switcher-label"), exact: true }).count(), 1);
        // Every language in it is a named link or a named text.
        const names = await page.locator("nav.sp-langs li").evaluateAll((lis) => lis.map((li) => li.textContent.trim()));
        assert.ok(names.length >= 3 && names.every((n) => n.length > 0), `language names: ${JSON.stringify(names)}`);
        const current = await axNode(context, page, 'nav.sp-langs a[aria-current]');
        assert.equal(current.role?.value, "link");
        assert.ok(current.name?.value, "the current language's link has a name");
      } finally {
        await context.close();
      }
    });
  }

  for (const lang of ["nl", "ru", "pl"]) {
    test(`${lang}: the show-original checkbox is named by its label`, T, async () => {
      const { context, page } = await newPage("light");
      try {
        const label = ui(lang)("show-original");
        await open(page, `${lang}/customer-self-support/`);
        const ax = await axNode(context, page, "#sp-orig-toggle");
        assert.equal(ax.role?.value, "checkbox");
        assert.equal(ax.name?.value, label);
        assert.ok(!ax.ignored, "the checkbox is in the accessibility tree");
        assert.equal(await page.getByRole("checkbox", { name: label, exact: true }).count(), 1);
      } finally {
        await context.close();
      }
    });
  }
});
