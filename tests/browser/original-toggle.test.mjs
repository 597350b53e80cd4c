// The "show English original" switch on a machine-translated page with side-by-side originals,
// in a real Chromium: with JavaScript (choice remembered), without it (CSS :has() only), and by
// keyboard alone. SIGNPOST_SITE names the built site; screenshots go to SIGNPOST_SHOTS.

import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { launch, serve, shot, siteDir, useSiteAndBrowser } from "./lib.mjs";

const PAGE = "pl/customer-self-support/";
const LABEL = "Pokaż angielski oryginał";
const STORAGE_KEY = "signpost.showOriginal";
const T = { timeout: 30_000 };

let server;
let browser;

useSiteAndBrowser((s, b) => {
  server = s;
  browser = b;
});

/** Runs `body` on a fresh page of a fresh context; on failure saves a "failed-<name>" screenshot. */
async function withPage(name, options, body) {
  const opened = await open(options);
  try {
    await body(opened);
  } catch (e) {
    await shot(opened.page, `failed-${name}`).catch(() => {});
    throw e;
  } finally {
    await opened.context.close();
  }
}

async function open({ javaScriptEnabled = true } = {}) {
  const context = await browser.newContext({ javaScriptEnabled, viewport: { width: 1280, height: 900 } });
  context.setDefaultTimeout(5_000);
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  const response = await page.goto(server.url + PAGE);
  assert.equal(response.status(), 200, `${PAGE} should be served`);
  return { context, page, errors };
}

/** How many English originals are shown, checking each with isVisible and its bounding box. */
async function shownOriginals(page) {
  const all = await page.locator(".sp-content .sp-orig").all();
  assert.ok(all.length >= 10, `expected at least 10 English originals on ${PAGE}, found ${all.length}`);
  let shown = 0;
  for (const [i, orig] of all.entries()) {
    const visible = await orig.isVisible();
    const box = await orig.boundingBox();
    const hasArea = box !== null && box.width > 0 && box.height > 0;
    assert.equal(visible, hasArea, `original #${i}: isVisible() says ${visible} but its box is ${JSON.stringify(box)}`);
    if (visible) shown++;
  }
  return { shown, total: all.length };
}

async function assertAllHidden(page, when) {
  const { shown, total } = await shownOriginals(page);
  assert.equal(shown, 0, `${when}: ${shown} of ${total} English originals are visible, expected none`);
  // Nor is their text part of what the reader sees.
  const text = await page.locator(".sp-content").innerText();
  assert.ok(!text.includes("Customers can sign into"), `${when}: English text is readable:\n${text.slice(0, 400)}`);
}

async function assertAllShown(page, when) {
  // CSS applies on the next style recalculation; wait for the first one, then count all.
  await page.locator(".sp-content .sp-orig").first().waitFor({ state: "visible", timeout: 2_000 }).catch(() => {});
  const { shown, total } = await shownOriginals(page);
  if (shown !== total) {
    // Say why, so a CSS regression reads as one.
    const why = await page.evaluate(() => {
      const toggle = document.getElementById("sp-orig-toggle");
      const orig = document.querySelector(".sp-content .sp-orig");
      return {
        checkboxChecked: toggle?.checked,
        showRuleMatches: orig?.matches("body:has(#sp-orig-toggle:checked) .sp-orig[hidden]"),
        computedDisplay: orig && getComputedStyle(orig).display,
      };
    });
    assert.fail(`${when}: only ${shown} of ${total} English originals are visible (${JSON.stringify(why)}); ` +
      "if the show rule matches but display is still none, a stronger rule (e.g. `[hidden] { display: none !important }`) wins");
  }
  assert.ok(shown >= 10, `${when}: only ${shown} originals visible`);
  assert.ok(await page.locator(".sp-content h1 .sp-orig").first().isVisible(), `${when}: the original inside the h1 is hidden`);
  assert.ok(await page.locator(".sp-content li .sp-orig").first().isVisible(), `${when}: no original inside a list item is visible`);
  assert.ok(await page.locator(".sp-content p .sp-orig").first().isVisible(), `${when}: no original inside a paragraph is visible`);
  const text = await page.locator(".sp-content").innerText();
  assert.ok(text.includes("Customers can sign into their own Microsoft Office 365 admin center"), `${when}: English text missing:\n${text.slice(0, 400)}`);
}

async function assertControl(page) {
  const notice = page.locator(".sp-notice-mt");
  assert.equal(await notice.count(), 1, "one machine-translation notice");
  assert.ok(await notice.isVisible(), "the machine-translation notice is visible");
  const toggle = notice.locator("#sp-orig-toggle");
  assert.ok(await toggle.isVisible(), "the checkbox #sp-orig-toggle is visible inside the notice");
  assert.equal(await toggle.getAttribute("type"), "checkbox");
  const label = notice.locator('label[for="sp-orig-toggle"]');
  assert.ok(await label.isVisible(), "the checkbox's label is visible inside the notice");
  assert.equal((await label.innerText()).trim(), LABEL);
  return { toggle, label };
}

describe("English originals on a machine-translated page", () => {
  test("with JavaScript: hidden at first, shown by the label, remembered across reloads", T, () =>
    withPage("js", {}, async ({ context, page, errors }) => {
      await assertAllHidden(page, "on load");
      const { toggle, label } = await assertControl(page);
      assert.equal(await toggle.isChecked(), false);

      await label.click();
      assert.equal(await toggle.isChecked(), true, "clicking the label checks the box");
      await assertAllShown(page, "after clicking the label");
      await shot(page, "toggle-js-on");
      assert.equal(await page.evaluate((k) => localStorage.getItem(k), STORAGE_KEY), "1", "the choice is stored");

      await page.reload();
      assert.equal(await page.locator("#sp-orig-toggle").isChecked(), true, "checked again after reload");
      await assertAllShown(page, "after reload");
      // A new tab has no form state to restore: only localStorage can bring the choice back.
      const tab = await context.newPage();
      await tab.goto(server.url + PAGE);
      await assertAllShown(tab, "in a new tab");
      await tab.close();

      await page.locator('label[for="sp-orig-toggle"]').click();
      assert.equal(await page.locator("#sp-orig-toggle").isChecked(), false, "clicking again unchecks the box");
      await assertAllHidden(page, "after clicking the label again");
      await shot(page, "toggle-js-off");
      assert.equal(await page.evaluate((k) => localStorage.getItem(k), STORAGE_KEY), "0");

      await page.reload();
      await assertAllHidden(page, "after reload with the choice turned off");
      assert.deepEqual(errors, [], "no script errors");
    }));

  test("without JavaScript: the label alone shows and hides them (CSS :has())", T, () =>
    withPage("nojs", { javaScriptEnabled: false }, async ({ page }) => {
      await assertAllHidden(page, "on load without JS");
      const { toggle, label } = await assertControl(page);

      await label.click();
      assert.equal(await toggle.isChecked(), true);
      await assertAllShown(page, "after clicking the label without JS");
      await shot(page, "toggle-nojs-on");

      await label.click();
      assert.equal(await toggle.isChecked(), false);
      await assertAllHidden(page, "after clicking the label again without JS");
      await shot(page, "toggle-nojs-off");
    }));

  for (const javaScriptEnabled of [true, false]) {
    const mode = javaScriptEnabled ? "with" : "without";
    test(`keyboard only (${mode} JavaScript): Tab reaches the checkbox, it shows focus, Space toggles`, T, () =>
      withPage(`keyboard-${javaScriptEnabled ? "js" : "nojs"}`, { javaScriptEnabled }, async ({ page }) => {
        await assertAllHidden(page, "on load");
        let reached = false;
        const path = [];
        for (let presses = 0; presses < 60 && !reached; presses++) {
          await page.keyboard.press("Tab");
          const active = await page.evaluate(() => {
            const a = document.activeElement;
            return a ? `${a.tagName.toLowerCase()}${a.id ? "#" + a.id : ""}` : "none";
          });
          path.push(active);
          reached = active === "input#sp-orig-toggle";
        }
        assert.ok(reached, `Tab never reached #sp-orig-toggle; focus went: ${path.join(" → ")}`);

        const focus = await page.locator("#sp-orig-toggle").evaluate((el) => {
          const s = getComputedStyle(el);
          return {
            focusVisible: el.matches(":focus-visible"),
            outlineStyle: s.outlineStyle,
            outlineWidth: parseFloat(s.outlineWidth) || 0,
            outlineColor: s.outlineColor,
            boxShadow: s.boxShadow,
          };
        });
        const ring = (focus.outlineStyle !== "none" && focus.outlineWidth > 0) || (focus.boxShadow && focus.boxShadow !== "none");
        assert.ok(focus.focusVisible, "the checkbox matches :focus-visible after Tab");
        assert.ok(ring, `no visible focus indicator on the checkbox: ${JSON.stringify(focus)}`);
        if (javaScriptEnabled) await shot(page, "toggle-keyboard-focus");

        await page.keyboard.press("Space");
        assert.equal(await page.locator("#sp-orig-toggle").isChecked(), true, "Space checks the box");
        await assertAllShown(page, "after Space");
        await page.keyboard.press("Space");
        await assertAllHidden(page, "after Space again");
      }));
  }

  test("originals are marked English and the checkbox has an accessible name", T, () =>
    withPage("a11y", {}, async ({ context, page }) => {
      assert.equal(await page.locator("html").getAttribute("lang"), "pl");
      const langs = await page.locator(".sp-content .sp-orig").evaluateAll((els) =>
        els.map((el) => ({ attr: el.getAttribute("lang"), effective: el.closest("[lang]")?.getAttribute("lang"), text: el.textContent.trim().slice(0, 40) })),
      );
      assert.ok(langs.length >= 10, `only ${langs.length} originals`);
      for (const l of langs) assert.deepEqual([l.attr, l.effective], ["en", "en"], `original without lang="en": ${JSON.stringify(l)}`);
      // The surrounding translation stays Polish.
      assert.equal(await page.locator(".sp-content").getAttribute("lang"), "pl");

      // Accessible name as Playwright computes it…
      assert.equal(await page.getByRole("checkbox", { name: LABEL, exact: true }).count(), 1, `no checkbox named "${LABEL}"`);
      // …and as Chromium's own accessibility tree reports it to screen readers.
      const cdp = await context.newCDPSession(page);
      const { root } = await cdp.send("DOM.getDocument", { depth: 0 });
      const { nodeId } = await cdp.send("DOM.querySelector", { nodeId: root.nodeId, selector: "#sp-orig-toggle" });
      const { nodes } = await cdp.send("Accessibility.getPartialAXTree", { nodeId, fetchRelatives: false });
      const ax = nodes[0];
      assert.equal(ax.role?.value, "checkbox");
      assert.equal(ax.name?.value, LABEL);
      assert.ok(!ax.ignored, "the checkbox is in the accessibility tree");
      await cdp.detach();
    }));
});
