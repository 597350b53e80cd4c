// Search relevance, measured: signpost's search page against Pagefind 1.6 on the same pages.
//
// Builds the shared corpus (content/<lang> = ../shared/corpus/<lang>/live for nl, ru, pl) with
// signpost, indexes the same built pages with Pagefind (search, status, 404 and decision-tree
// pages left out), serves both on loopback and runs every judged query of the query file in
// headless Chromium: through signpost's real search page (`/<lang>/search/?q=…`, search.js) and
// through Pagefind's own JS API (`pagefind.search(q)` on a page whose <html lang> is the
// query's language). Prints recall@1, recall@5 and MRR per language side by side, then every
// query whose first signpost result is not a target, then the same scores on each half of the
// set (alternate queries within each language), to see whether a change helps both halves.
//
// Usage: node bench/search_eval.mjs [--queries FILE.tsv] [--bin target/release/signpost]
//          [--no-pagefind] [--json OUT.json] [--keep DIR]
// Needs `npm ci` in bench/ (pagefind, playwright-core) and /usr/bin/chromium (or $SIGNPOST_CHROMIUM).
// Without --bin it runs `cargo build --release --bin signpost` first. No figure is asserted.

import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const BENCH = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.dirname(BENCH);
const SHARED = path.resolve(REPO, "..", "shared");
const LANGS = ["nl", "ru", "pl"];
const require = createRequire(path.join(BENCH, "package.json"));

function parseArgs(argv) {
  const o = { queries: path.join(SHARED, "search-queries", "dev.tsv"), bin: null, pagefind: true, json: null, keep: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--queries") o.queries = argv[++i];
    else if (a === "--bin") o.bin = argv[++i];
    else if (a === "--no-pagefind") o.pagefind = false;
    else if (a === "--json") o.json = argv[++i];
    else if (a === "--keep") o.keep = argv[++i];
    else {
      console.error(`search_eval: unknown argument ${a}`);
      process.exit(2);
    }
  }
  return o;
}

/** Judged queries: lang, query, targets (page paths without .md, several separated by |). */
function readQueries(file) {
  const lines = readFileSync(file, "utf8").split(/\r?\n/).filter((l) => l.trim() && !l.startsWith("#"));
  const head = lines.shift().split("\t").map((c) => c.trim().toLowerCase());
  const col = (k) => head.indexOf(k);
  return lines.map((line) => {
    const c = line.split("\t");
    return { lang: c[col("lang")].trim(), query: c[col("query")].trim(), targets: c[col("targets")].split("|").map(normPath) };
  });
}

function normPath(p) {
  return p.trim().replace(/^\/+/, "").replace(/\.md$/, "").replace(/(^|\/)index(\.html)?$/, "").replace(/\/+$/, "");
}

/** A result link (absolute URL) as a page path relative to its language folder. */
function pagePath(href, lang) {
  const p = decodeURIComponent(new URL(href).pathname).replace(/^\/+/, "");
  return normPath(p.startsWith(`${lang}/`) ? p.slice(lang.length + 1) : p);
}

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: ["ignore", "pipe", "pipe"], encoding: "utf8", ...opts });
  if (r.status !== 0) {
    console.error(`${cmd} ${args.join(" ")} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
    process.exit(1);
  }
  return r;
}

function buildSite(work, bin) {
  const root = path.join(work, "site");
  for (const lang of LANGS) cpSync(path.join(SHARED, "corpus", lang, "live"), path.join(root, "content", lang), { recursive: true });
  writeFileSync(path.join(root, "site.yaml"), "languages: [nl, ru, pl]\n");
  const out = path.join(work, "signpost");
  const start = performance.now();
  run(bin, ["--root", root, "build", "--output", out]);
  return { out, seconds: (performance.now() - start) / 1000 };
}

/** The built pages Pagefind indexes: content pages only, as a reader would want them found. */
function pagefindSite(work, built) {
  const dir = path.join(work, "pagefind-site");
  cpSync(built, dir, {
    recursive: true,
    filter: (src) => {
      const rel = path.relative(built, src).split(path.sep);
      if (rel[0] === "search" || rel[0] === "404.html") return false;
      return !(rel.length > 1 && LANGS.includes(rel[0]) && ["search", "who-handles-this", "status"].includes(rel[1]));
    },
  });
  const binary = path.join(BENCH, "node_modules", ".bin", "pagefind");
  const start = performance.now();
  run(binary, ["--site", dir]);
  const seconds = (performance.now() - start) / 1000;
  // Pages to run Pagefind's JS API from, one per language, written after indexing.
  for (const lang of LANGS) {
    mkdirSync(path.join(dir, "_eval"), { recursive: true });
    writeFileSync(path.join(dir, "_eval", `${lang}.html`), `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>eval</title></head><body></body></html>`);
  }
  return { dir, seconds };
}

const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".json": "application/json", ".css": "text/css", ".svg": "image/svg+xml", ".wasm": "application/wasm" };

/** A static file server on 127.0.0.1 for `dir`; folders answer with their index.html. */
function serve(dir) {
  const server = createServer((req, res) => {
    let file = path.join(dir, decodeURIComponent(new URL(req.url, "http://x").pathname));
    if (!file.startsWith(dir)) return res.writeHead(403).end();
    if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, "index.html");
    if (!existsSync(file)) return res.writeHead(404).end();
    res.writeHead(200, { "content-type": TYPES[path.extname(file)] || "application/octet-stream" });
    res.end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve({ server, url: `http://127.0.0.1:${server.address().port}` })));
}

/** Result links of signpost's search page for one query, in order. */
async function signpostResults(page, base, q) {
  await page.goto(`${base}/${q.lang}/search/?q=${encodeURIComponent(q.query)}`);
  await page.waitForFunction(() => {
    const status = document.getElementById("sp-search-status").textContent.trim();
    const loading = document.getElementById("sp-search-words").content.firstElementChild.dataset.loading;
    return status !== "" && status !== loading;
  }, null, { timeout: 10_000 });
  return page.$$eval("#sp-search-results li", (lis) => lis.map((li) => li.querySelector("a").href));
}

/** Result URLs of Pagefind's JS API for one query, in order. */
async function pagefindResults(page, base, q, loaded) {
  if (loaded.lang !== q.lang) {
    await page.goto(`${base}/_eval/${q.lang}.html`);
    await page.evaluate(async () => {
      window.pf = await import("/pagefind/pagefind.js");
      await window.pf.init();
    });
    loaded.lang = q.lang;
  }
  const urls = await page.evaluate(async (query) => {
    const r = await window.pf.search(query);
    const data = await Promise.all(r.results.slice(0, 50).map((x) => x.data()));
    return data.map((d) => d.url);
  }, q.query);
  return urls.map((u) => new URL(u, base).href);
}

function score(queries, results) {
  const per = {};
  queries.forEach((q, i) => {
    const paths = results[i].map((h) => pagePath(h, q.lang));
    const rank = paths.findIndex((p) => q.targets.includes(p)) + 1;
    const s = (per[q.lang] ??= { n: 0, r1: 0, r5: 0, rr: 0, misses: [] });
    s.n++;
    if (rank === 1) s.r1++;
    if (rank >= 1 && rank <= 5) s.r5++;
    if (rank >= 1) s.rr += 1 / rank;
    if (rank !== 1) s.misses.push({ query: q.query, targets: q.targets, rank, top: paths.slice(0, 3) });
  });
  for (const s of Object.values(per)) {
    s.r1 /= s.n;
    s.r5 /= s.n;
    s.mrr = s.rr / s.n;
  }
  return per;
}

const opts = parseArgs(process.argv.slice(2));
const queries = readQueries(opts.queries);
let bin = opts.bin;
if (!bin) {
  run("cargo", ["build", "--release", "--quiet", "--bin", "signpost"], { cwd: REPO });
  bin = path.join(REPO, "target", "release", "signpost");
}
const work = opts.keep ? path.resolve(opts.keep) : mkdtempSync(path.join(os.tmpdir(), "signpost-search-eval-"));
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
const built = buildSite(work, path.resolve(bin));
const pf = opts.pagefind ? pagefindSite(work, built.out) : null;

const { chromium } = require("playwright-core");
const browser = await chromium.launch({
  executablePath: process.env.SIGNPOST_CHROMIUM || "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const systems = {};
try {
  const sp = await serve(built.out);
  const page = await browser.newPage();
  const spResults = [];
  for (const q of queries) spResults.push(await signpostResults(page, sp.url, q));
  systems.signpost = { results: spResults, scores: score(queries, spResults) };
  sp.server.close();
  if (pf) {
    const pfs = await serve(pf.dir);
    const loaded = {};
    const pfResults = [];
    for (const q of queries) pfResults.push(await pagefindResults(page, pfs.url, q, loaded));
    systems.pagefind = { results: pfResults, scores: score(queries, pfResults) };
    pfs.server.close();
  }
} finally {
  await browser.close();
}

const commit = spawnSync("git", ["rev-parse", "--short", "HEAD"], { cwd: REPO, encoding: "utf8" }).stdout.trim();
const dirty = spawnSync("git", ["status", "--porcelain", "--untracked-files=no"], { cwd: REPO, encoding: "utf8" }).stdout.trim() ? "+changes" : "";
console.log(`search relevance, ${path.relative(REPO, opts.queries) || opts.queries} (${queries.length} queries), ${new Date().toISOString().slice(0, 10)}, commit ${commit}${dirty}`);
console.log(`signpost build ${built.seconds.toFixed(2)} s${pf ? `; Pagefind 1.6 indexing ${pf.seconds.toFixed(2)} s` : ""}\n`);
const names = Object.keys(systems);
console.log(`| lang | ${names.map((n) => `${n} MRR / R@1 / R@5`).join(" | ")} |`);
console.log(`|---|${names.map(() => "---").join("|")}|`);
const fmt = (x) => x.toFixed(2);
for (const lang of LANGS) {
  const cells = names.map((n) => {
    const s = systems[n].scores[lang];
    return s ? `${fmt(s.mrr)} / ${fmt(s.r1)} / ${fmt(s.r5)}` : "–";
  });
  console.log(`| ${lang} | ${cells.join(" | ")} |`);
}
// Halves: alternate rows within each language (the first, third, … query of a language in A).
const nth = {};
const half = queries.map((q) => ((nth[q.lang] = (nth[q.lang] ?? -1) + 1) % 2 === 0 ? "A" : "B"));
console.log(`\n| half | ${names.map((n) => LANGS.map((l) => `${n} ${l}`).join(" | ")).join(" | ")} |`);
console.log(`|---|${names.flatMap(() => LANGS.map(() => "---")).join("|")}|`);
for (const h of ["A", "B"]) {
  const pick = (arr) => arr.filter((_, i) => half[i] === h);
  const cells = names.flatMap((n) => {
    const s = score(pick(queries), pick(systems[n].results));
    return LANGS.map((l) => (s[l] ? `${fmt(s[l].mrr)} / ${fmt(s[l].r1)}` : "–"));
  });
  console.log(`| ${h} | ${cells.join(" | ")} |`);
}
for (const n of names) {
  console.log(`\n${n}: queries whose first result is not a target`);
  for (const lang of LANGS) {
    for (const m of systems[n].scores[lang]?.misses ?? []) {
      console.log(`  ${lang} ${JSON.stringify(m.query)} → target ${m.rank ? `rank ${m.rank}` : "not found"} (${m.targets.join(" | ")}); top 3: ${m.top.join(", ")}`);
    }
  }
}
console.log(`\nsearch-eval: ${names.map((n) => `${n} ${LANGS.map((l) => `${l} MRR ${fmt(systems[n].scores[l]?.mrr ?? 0)} R@1 ${fmt(systems[n].scores[l]?.r1 ?? 0)}`).join(" ")}`).join(" | ")}`);
if (opts.json) writeFileSync(opts.json, JSON.stringify({ queries, systems }, null, 1));
if (!opts.keep) rmSync(work, { recursive: true, force: true });
