// Query latency of the search page in headless Chromium: from submitting a query to the
// results being on the page (titles, links and the count), to the first ten results having
// their excerpts (loaded after the list, from the files that hold them, the first results'
// first), and to every result shown having its excerpt. Cold = the first query
// (loads the index and shards); warm = later queries.
// Usage: node bench/search_latency.mjs URL_OF_SEARCH_PAGE word word …
// Prints {"results":[ms per word], "first10":[ms per word], "excerpts":[ms per word]}.
import { createRequire } from "node:module";
const require = createRequire(new URL("../tests/browser/package.json", import.meta.url));
const { chromium } = require("playwright-core");

const [url, ...words] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.SIGNPOST_CHROMIUM || "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const page = await browser.newPage();
await page.goto(url);
const times = [];
const top = [];
const full = [];
for (const word of words) {
  const [ms, first, all] = await page.evaluate(async (w) => {
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
      if (performance.now() - start > 10000) return [-1, -1, -1];
    }
    const listed = performance.now() - start;
    const shown = (n) => [...list.children].slice(0, n).every((li) => li.querySelector("p"));
    while (!shown(10)) {
      await new Promise((r) => setTimeout(r, 1));
      if (performance.now() - start > 10000) return [listed, -1, -1];
    }
    const first = performance.now() - start;
    while (!shown(list.children.length)) {
      await new Promise((r) => setTimeout(r, 1));
      if (performance.now() - start > 10000) return [listed, first, -1];
    }
    return [listed, first, performance.now() - start];
  }, word);
  times.push(ms);
  top.push(first);
  full.push(all);
}
await browser.close();
console.log(JSON.stringify({ results: times, first10: top, excerpts: full }));
