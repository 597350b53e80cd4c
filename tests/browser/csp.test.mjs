// The Content-Security-Policy signpost writes into `_headers` (issue 12), enforced: every kind
// of page of the seed site and of the branded site is served with that header, used (the tree
// answered with JavaScript, a search run, the original-text switch flipped), and Chromium
// reports no `securitypolicyviolation` event and no CSP message on the console.

import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { launch, serve, siteDir } from "./lib.mjs";

const T = { timeout: 120_000 };

/** The policy `_headers` gives every path of a site built without a base URL. */
function policyOf(dir) {
  const lines = readFileSync(path.join(dir, "_headers"), "utf8").split(/\r?\n/);
  const start = lines.indexOf("/*");
  assert.ok(start >= 0, "_headers has rules for /*");
  const line = lines.slice(start + 1).find((l) => l.trim().startsWith("Content-Security-Policy:"));
  assert.ok(line, "_headers sets a Content-Security-Policy");
  const policy = line.split(":").slice(1).join(":").trim();
  assert.match(policy, /script-src 'self'/);
  assert.doesNotMatch(policy, /unsafe-inline|unsafe-eval|https?:/, "strict: no inline, no other origins");
  return policy;
}

const PAGES = [
  { path: "index.html" },
  { path: "404.html" },
  { path: "status/" },
  { path: "nl/" },
  { path: "pl/customer-self-support/", use: "toggle" },
  { path: "ru/report-problems-on-behalf-of-a-customer/" },
  { path: "nl/who-handles-this/", use: "tree" },
  { path: "nl/who-handles-this/escalate-azure/" },
  { path: "ru/who-handles-this/overview/" },
  { path: "nl/search/?q=abonnement", use: "search" },
  { path: "ru/404.html" },
];

const sites = [["seed site", process.env.SIGNPOST_SITE], ["branded site", process.env.SIGNPOST_BRANDED_SITE]].filter(([, d]) => d);

for (const [name, dir] of sites) {
  describe(`${name}: no CSP violation with the policy of _headers enforced`, () => {
    let server;
    let browser;
    before(async () => {
      server = await serve(dir, { "content-security-policy": policyOf(dir) });
      browser = await launch();
    });
    after(async () => {
      await browser?.close();
      await server?.close();
    });

    test("every kind of page, used", T, async (suite) => {
      const context = await browser.newContext();
      context.setDefaultTimeout(5_000);
      const page = await context.newPage();
      const console_ = [];
      page.on("console", (m) => {
        if (/Content Security Policy|Refused to/i.test(m.text())) console_.push(m.text());
      });
      await page.addInitScript(() => {
        window.__violations = [];
        document.addEventListener("securitypolicyviolation", (e) =>
          window.__violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`),
        );
      });
      try {
        for (const p of PAGES) {
          await suite.test(p.path, async () => {
            const response = await page.goto(server.url + p.path);
            assert.ok([200, 404].includes(response.status()), `${p.path}: ${response.status()}`);
            assert.ok(response.headers()["content-security-policy"], "served with the policy");
            if (p.use === "toggle") await page.locator("#sp-orig-toggle").setChecked(true);
            if (p.use === "tree") {
              await page.locator(".sp-tree-option").first().click();
              await page.waitForLoadState("load");
            }
            if (p.use === "search") await page.locator(".sp-search-results li, .sp-search-result").first().waitFor();
            await page.waitForTimeout(100);
            const violations = await page.evaluate(() => window.__violations);
            assert.deepEqual(violations, [], `${p.path}: violations`);
            assert.deepEqual(console_, [], `${p.path}: console`);
          });
        }
      } finally {
        await context.close();
      }
    });
  });
}
