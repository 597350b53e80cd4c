// "Was this page helpful?" on a Russian page, with JavaScript and without, by keyboard, with
// axe; and the root page's language pick. SIGNPOST_FEEDBACK_SITE names the seed site built
// with `feedback: {url: …}`; the feedback address is never reached (answers are caught here).

import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import { axeCheck, formatViolations, launch, serve, shot } from "./lib.mjs";

const PAGE = "ru/customer-self-support/";
const FEEDBACK = "https://feedback.example.org/collect";
const THANKS = "Спасибо за отзыв!";
const REASON = "Проблема с переводом";
const T = { timeout: 30_000 };

let server;
let browser;

before(async () => {
  const dir = process.env.SIGNPOST_FEEDBACK_SITE;
  if (!dir) throw new Error("SIGNPOST_FEEDBACK_SITE is not set: it must name a built site folder");
  server = await serve(dir);
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** A fresh page; requests to the feedback address are answered here and recorded. */
async function open({ javaScriptEnabled = true, locale = "en-US", path = PAGE, colorScheme = "light" } = {}) {
  const context = await browser.newContext({ javaScriptEnabled, locale, colorScheme, viewport: { width: 1280, height: 900 } });
  context.setDefaultTimeout(5_000);
  const sent = [];
  await context.route(`${FEEDBACK}**`, (route) => {
    sent.push(route.request().url());
    return route.fulfill({ status: 200, contentType: "text/plain", body: "thanks" });
  });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(server.url + path);
  return { context, page, sent, errors };
}

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

function answerOf(url) {
  const q = new URL(url).searchParams;
  return { page: q.get("page"), lang: q.get("lang"), answer: q.get("answer"), reason: q.get("reason") };
}

describe("page feedback on a Russian page", () => {
  test("with JavaScript: No opens the reasons in place, a reason is sent, the box thanks the reader", T, () =>
    withPage("feedback-js", {}, async ({ page, sent, errors }) => {
      const reasons = page.locator("#feedback-reasons");
      assert.equal(await reasons.isVisible(), false, "reasons are hidden at first");
      await page.getByRole("link", { name: "Нет", exact: true }).click();
      assert.ok(await reasons.isVisible(), "No shows the reasons");
      assert.equal(new URL(page.url()).hash, "", "the page did not navigate");
      await shot(page, "feedback-js-reasons");
      await page.getByRole("link", { name: REASON, exact: true }).click();
      await page.getByText(THANKS).waitFor({ state: "visible" });
      assert.equal(await reasons.isVisible(), false, "the reasons go once answered");
      assert.equal(new URL(page.url()).pathname, "/" + PAGE, "the reader stays on the page");
      await page.waitForTimeout(200);
      assert.equal(sent.length, 1, `one answer sent: ${sent}`);
      assert.deepEqual(answerOf(sent[0]), { page: "customer-self-support", lang: "ru", answer: "no", reason: "translation" });
      const status = page.locator(".sp-feedback-status");
      assert.equal(await status.getAttribute("role"), "status");
      assert.ok(await status.evaluate((el) => el === document.activeElement), "focus moves to the thanks");
      await shot(page, "feedback-js-thanks");
      const violations = await axeCheck(page);
      assert.equal(violations.length, 0, formatViolations(violations));
      assert.deepEqual(errors, []);
    }));

  test("without JavaScript: No jumps to the reason list, each reason is a plain link", T, () =>
    withPage("feedback-nojs", { javaScriptEnabled: false }, async ({ page, sent }) => {
      const reasons = page.locator("#feedback-reasons");
      assert.equal(await reasons.isVisible(), false);
      await page.getByRole("link", { name: "Нет", exact: true }).click();
      assert.equal(new URL(page.url()).hash, "#feedback-reasons");
      assert.ok(await reasons.isVisible(), ":target shows the reasons");
      for (const name of ["Информация неверна", "Трудно понять", REASON, "Не хватает информации", "Другое"]) {
        assert.ok(await page.getByRole("link", { name, exact: true }).isVisible(), `${name} is shown`);
      }
      await shot(page, "feedback-nojs-reasons");
      await page.getByRole("link", { name: REASON, exact: true }).click();
      await page.waitForURL(`${FEEDBACK}**`);
      assert.deepEqual(answerOf(sent[0]), { page: "customer-self-support", lang: "ru", answer: "no", reason: "translation" });
    }));

  for (const colorScheme of ["light", "dark"]) {
    test(`axe finds nothing with the reasons open, as without JavaScript (${colorScheme})`, T, () =>
      withPage(`feedback-axe-${colorScheme}`, { path: PAGE + "#feedback-reasons", colorScheme }, async ({ page }) => {
        // With the original shown too, so the per-passage report links are checked.
        await page.locator('label[for="sp-orig-toggle"]').click();
        assert.ok(await page.locator("#feedback-reasons").isVisible());
        assert.ok(await page.locator(".sp-passage-report").first().isVisible(), "report links show with the originals");
        const violations = await axeCheck(page);
        assert.equal(violations.length, 0, formatViolations(violations));
      }));
  }

  test("keyboard only: Tab reaches No, Enter opens the reasons, Tab reaches a reason", T, () =>
    withPage("feedback-keyboard", {}, async ({ page, sent }) => {
      const reached = async (want) => {
        for (let i = 0; i < 120; i++) {
          await page.keyboard.press("Tab");
          const text = await page.evaluate(() => document.activeElement?.textContent?.trim());
          if (text === want) return true;
        }
        return false;
      };
      assert.ok(await reached("Нет"), "Tab reaches No");
      await page.keyboard.press("Enter");
      assert.ok(await page.locator("#feedback-reasons").isVisible());
      assert.ok(await reached(REASON), "Tab reaches the reason");
      await page.keyboard.press("Enter");
      await page.getByText(THANKS).waitFor({ state: "visible" });
      assert.equal(sent.length, 1);
    }));
});

describe("the root page picks a language", () => {
  test("with JavaScript, a browser preferring Polish lands on /pl/", T, () =>
    withPage("root-pl", { locale: "pl-PL", path: "" }, async ({ page }) => {
      await page.waitForURL(`${server.url}pl/**`);
      assert.equal(await page.locator("html").getAttribute("lang"), "pl");
    }));

  test("a choice made on the chooser wins over the browser's preference", T, () =>
    withPage("root-choice", { locale: "pl-PL", path: "" }, async ({ page }) => {
      await page.waitForURL(`${server.url}pl/**`);
      // Back to the chooser from the site: it stays, and the reader picks Dutch.
      await page.goto(server.url, { referer: server.url + "pl/" });
      assert.equal(new URL(page.url()).pathname, "/");
      await page.locator('.sp-chooser-list a[hreflang="nl"]').click();
      await page.waitForURL(`${server.url}nl/**`);
      await page.goto(server.url);
      await page.waitForURL(`${server.url}nl/**`);
    }));

  test("without JavaScript the chooser stays", T, () =>
    withPage("root-nojs", { locale: "pl-PL", path: "", javaScriptEnabled: false }, async ({ page }) => {
      await page.waitForTimeout(300);
      assert.equal(new URL(page.url()).pathname, "/");
      assert.equal(await page.locator(".sp-chooser-list a").count(), 4);
    }));
});
