// Query latency of the search page in headless Chromium: from submitting a query to the
// results being on the page (titles, links and the count), to the first ten results having
// an excerpt (their pages' openings, from openings.js, loaded with the index), to the first
// ten having the excerpt around the words found (from the x-<n>.js files that hold them,
// loaded after the list, the first results' first), and to every result shown having that.
// A build from before openings.js shows only full excerpts: there `first10` and
// `first10full` are the same. Cold = the first query (loads the index and shards); warm =
// later queries.
// With --focus-ms=N, the search box gets focus N ms before the first query is sent, as when a
// reader clicks into it and types (the page starts loading the index on focus); without it the
// query is sent to a page that has loaded nothing yet (a scripted submit).
// Usage: node bench/search_latency.mjs URL_OF_SEARCH_PAGE [--focus-ms=N] word word …
// Prints {"results":[ms per word], "first10":[…], "first10full":[…], "excerpts":[…]}.
import { createRequire } from "node:module";
const require = createRequire(new URL("../tests/browser/package.json", import.meta.url));
const { chromium } = require("playwright-core");

const [url, ...rest] = process.argv.slice(2);
const focusArg = rest.find((a) => a.startsWith("--focus-ms="));
const focusMs = focusArg ? Number(focusArg.split("=")[1]) : null;
const words = rest.filter((a) => !a.startsWith("--focus-ms="));
const browser = await chromium.launch({
  executablePath: process.env.SIGNPOST_CHROMIUM || "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const page = await browser.newPage();
await page.goto(url);
if (focusMs !== null) {
  await page.focus("#sp-search-q");
  await page.waitForTimeout(focusMs);
}
const times = [];
const top = [];
const topFull = [];
const full = [];
for (const word of words) {
  const [ms, first, firstFull, all] = await page.evaluate(async (w) => {
    const input = document.getElementById("sp-search-q");
    const list = document.getElementById("sp-search-results");
    const status = document.getElementById("sp-search-status");
    list.textContent = "";
    status.textContent = "";
    const start = performance.now();
    input.value = w;
    input.form.requestSubmit();
    while (!/\d/.test(status.textContent) && !list.children.length) {
      await new Promise((r) => setTimeout(r, 1));
      if (performance.now() - start > 10000) return [-1, -1, -1, -1];
    }
    const listed = performance.now() - start;
    const some = (li) => li.querySelector("p");
    const whole = (li) => li.querySelector("p") && li.getAttribute("data-excerpt") !== "opening";
    const shown = (n, has) => [...list.children].slice(0, n).every(has);
    const until = async (n, has) => {
      while (!shown(n, has)) {
        await new Promise((r) => setTimeout(r, 1));
        if (performance.now() - start > 10000) return -1;
      }
      return performance.now() - start;
    };
    return [listed, await until(10, some), await until(10, whole), await until(list.children.length, whole)];
  }, word);
  times.push(ms);
  top.push(first);
  topFull.push(firstFull);
  full.push(all);
}
await browser.close();
console.log(JSON.stringify({ results: times, first10: top, first10full: topFull, excerpts: full }));
