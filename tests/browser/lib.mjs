// Helpers for signpost's real-browser tests: a static file server, a Chromium launcher,
// screenshots and an axe-core accessibility check. Run by tests/site/browser.rs.

import { createServer } from "node:http";
import { after, before } from "node:test";
import { createReadStream, readFileSync } from "node:fs";
import { mkdir, realpath, stat } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { chromium } from "playwright-core";

const require = createRequire(import.meta.url);

/** Debian's Chromium; browsers are never downloaded. SIGNPOST_CHROMIUM overrides it. */
export const CHROMIUM = process.env.SIGNPOST_CHROMIUM || "/usr/bin/chromium";

export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".htm": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
  ".woff2": "font/woff2",
};

export function contentType(file) {
  return TYPES[path.extname(file).toLowerCase()] || "application/octet-stream";
}

/** The file for a request path inside `root`, or null when it is missing or outside `root`. */
async function resolveFile(root, urlPath) {
  let rel;
  try {
    rel = decodeURIComponent(urlPath);
  } catch {
    return { status: 400 };
  }
  if (rel.includes("\0")) return { status: 400 };
  const full = path.resolve(root, "." + path.posix.normalize("/" + rel.replace(/\\/g, "/")));
  if (full !== root && !full.startsWith(root + path.sep)) return { status: 403 };
  let real;
  try {
    real = await realpath(full);
  } catch {
    return { status: 404 };
  }
  // Symlinks must not lead out of the folder either.
  if (real !== root && !real.startsWith(root + path.sep)) return { status: 403 };
  const st = await stat(real);
  if (st.isDirectory()) {
    // Relative links only work when the directory URL ends in a slash.
    if (!urlPath.endsWith("/")) return { status: 301, location: urlPath + "/" };
    const index = path.join(real, "index.html");
    try {
      if ((await stat(index)).isFile()) return { status: 200, file: index };
    } catch {}
    return { status: 404 };
  }
  return st.isFile() ? { status: 200, file: real } : { status: 404 };
}

/**
 * Serves `dir` on 127.0.0.1 at a free port. Directory URLs serve their index.html, missing
 * files get the site's 404.html with status 404, and paths outside `dir` are refused.
 * `extraHeaders` go on every file served (a Content-Security-Policy, for instance).
 * Returns { url, port, close() }; `url` ends in a slash.
 */
export async function serve(dir, extraHeaders = {}) {
  const root = await realpath(path.resolve(dir));
  const server = createServer(async (req, res) => {
    try {
      if (req.method !== "GET" && req.method !== "HEAD") {
        res.writeHead(405, { allow: "GET, HEAD" }).end();
        return;
      }
      const urlPath = new URL(req.url, "http://localhost").pathname;
      const r = await resolveFile(root, urlPath);
      if (r.status === 301) {
        res.writeHead(301, { location: r.location }).end();
        return;
      }
      if (r.status === 200) {
        res.writeHead(200, { "content-type": contentType(r.file), "cache-control": "no-store", ...extraHeaders });
        if (req.method === "HEAD") res.end();
        else createReadStream(r.file).pipe(res);
        return;
      }
      if (r.status === 404) {
        const notFound = path.join(root, "404.html");
        try {
          if ((await stat(notFound)).isFile()) {
            res.writeHead(404, { "content-type": TYPES[".html"], "cache-control": "no-store", ...extraHeaders });
            if (req.method === "HEAD") res.end();
            else createReadStream(notFound).pipe(res);
            return;
          }
        } catch {}
      }
      res.writeHead(r.status, { "content-type": "text/plain; charset=utf-8" }).end(`${r.status}\n`);
    } catch (e) {
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
      res.end(`500 ${e}\n`);
    }
  });
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

/** Debian's Chromium, headless, through playwright-core (which gives it a fresh profile). */
export function launch() {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    timeout: 20_000,
  });
}

/** The built site under test (SIGNPOST_SITE). */
export function siteDir() {
  const dir = process.env.SIGNPOST_SITE;
  if (!dir) throw new Error("SIGNPOST_SITE is not set: it must name a built site folder");
  return dir;
}

/** Saves a full-page PNG as `<SIGNPOST_SHOTS>/<name>.png` and returns its path. */
export async function shot(page, name) {
  const dir = path.resolve(process.env.SIGNPOST_SHOTS || "target/browser-shots");
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

let axeSource;

/**
 * Runs axe-core on the page with the WCAG 2.0/2.1 A and AA rules and returns its violations.
 * Needs a context with JavaScript enabled.
 */
export async function axeCheck(page) {
  axeSource ??= readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
  if (!(await page.evaluate(() => typeof window.axe === "object"))) {
    await page.addScriptTag({ content: axeSource });
  }
  return page.evaluate(async (tags) => {
    const result = await window.axe.run(document, { runOnly: { type: "tag", values: tags } });
    return result.violations;
  }, ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]);
}

/** Violations as readable lines, for assertion messages. */
export function formatViolations(violations) {
  return violations
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n` + v.nodes.map((n) => `    ${n.target.join(" ")}: ${n.failureSummary}`).join("\n"))
    .join("\n");
}

// Serves the built site and starts Chromium before a test file's tests, and stops both after;
// `set(server, browser)` hands them to the file.
export function useSiteAndBrowser(set) {
  let server;
  let browser;
  before(async () => {
    server = await serve(siteDir());
    browser = await launch();
    set(server, browser);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });
}
