// Query latency of the search page in headless Chromium: from submitting a query to the
// results being on the page (titles, links and the count), and to every result shown having
// its excerpt (loaded after the list, from the files that hold them). Cold = the first query
// (loads the index and shards); warm = later queries.
// Usage: node bench/search_latency.mjs URL_OF_SEARCH_PAGE word word …
// Prints {"results":[ms per word], "excerpts":[ms per word]}.
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
const full = [];
for (const word of words) {
  const [ms, all] = await page.evaluate(async (w) => {
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
      if (performance.now() - start > 10000) return [-1, -1];
    }
    const listed = performance.now() - start;
    while (![...list.children].every((li) => li.querySelector("p"))) {
      await new Promise((r) => setTimeout(r, 1));
      if (performance.now() - start > 10000) return [listed, -1];
    }
    return [listed, performance.now() - start];
  }, word);
  times.push(ms);
  full.push(all);
}
await browser.close();
console.log(JSON.stringify({ results: times, excerpts: full }));
