// A partner's brand (issue 12) in a real Chromium: the site built from the seed pages with
// tests/site/brand.rs's site.yaml (logo with a dark variant, a light accent colour that signpost
// moves to a passing shade, names per language, footer links). Every kind of page shows the
// logo, draws links in the checked shade in light mode and the derived one in dark mode, and
// axe-core finds no WCAG 2.1 A/AA violation in either. Screenshots: brand-<scheme>-<page>.png.
// SIGNPOST_BRANDED_SITE names the built site; SIGNPOST_BRAND_SHADE the shade the build chose.

import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { axeCheck, formatViolations, launch, serve, shot } from "./lib.mjs";

const SITE = process.env.SIGNPOST_BRANDED_SITE;
const SHADE = process.env.SIGNPOST_BRAND_SHADE;
const T = { timeout: 120_000 };

const PAGES = [
  { name: "chooser", path: "index.html", shot: true },
  { name: "home", path: "nl/" },
  { name: "page", path: "nl/report-problems-on-behalf-of-a-customer/", shot: true },
  { name: "fallback", path: "ru/report-problems-on-behalf-of-a-customer/" },
  { name: "tree question", path: "ru/who-handles-this/" },
  { name: "tree outcome", path: "nl/who-handles-this/escalate-azure/" },
  { name: "tree overview", path: "nl/who-handles-this/overview/" },
  { name: "search", path: "pl/search/" },
  { name: "status", path: "status/" },
  { name: "404", path: "nl/404.html" },
];

const hex = (css) => {
  const m = /rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(css);
  return m ? "#" + m.slice(1, 4).map((n) => Number(n).toString(16).padStart(2, "0")).join("") : css;
};

describe("the brand on every kind of page, light and dark", { skip: !SITE && "SIGNPOST_BRANDED_SITE not set" }, () => {
  let server;
  let browser;
  before(async () => {
    server = await serve(SITE);
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const colorScheme of ["light", "dark"]) {
    test(`${colorScheme} colour scheme`, T, async (suite) => {
      const context = await browser.newContext({ colorScheme, viewport: { width: 1280, height: 900 } });
      context.setDefaultTimeout(5_000);
      const page = await context.newPage();
      try {
        for (const p of PAGES) {
          await suite.test(p.name, async () => {
            const response = await page.goto(server.url + p.path);
            assert.equal(response.status(), p.path.endsWith("404.html") ? 200 : 200);
            const logo = page.locator(".sp-header .sp-brand img.sp-brand-logo");
            await logo.waitFor({ state: "visible" });
            const shown = await logo.evaluate((img) => ({
              src: img.currentSrc,
              width: img.naturalWidth,
              alt: img.alt,
            }));
            assert.ok(shown.width > 0, `${p.path}: the logo loaded`);
            assert.ok(shown.alt.length > 0, `${p.path}: the logo has the name as its text`);
            assert.match(shown.src, colorScheme === "dark" ? /logo-dark\.svg$/ : /logo\.svg$/, `${p.path}: ${colorScheme} logo`);
            const link = await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue("--sp-link").trim());
            if (colorScheme === "light") assert.equal(link, SHADE, `${p.path}: the checked shade`);
            else assert.equal(link, "#ffcc00", `${p.path}: the colour itself reads on dark`);
            const bar = await page.evaluate(() => getComputedStyle(document.querySelector(".sp-header")).borderTopColor);
            assert.equal(hex(bar), colorScheme === "light" ? SHADE : "#ffcc00", `${p.path}: header bar`);
            const violations = await axeCheck(page);
            if (violations.length || p.shot) await shot(page, `brand-${colorScheme}-${p.name.replace(/\s+/g, "-")}`);
            assert.deepEqual(violations.map((v) => v.id), [], `${p.path} (${colorScheme}):\n${formatViolations(violations)}`);
          });
        }
      } finally {
        await context.close();
      }
    });
  }
});
