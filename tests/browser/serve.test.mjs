// The test server in lib.mjs: content types, directory indexes, 404.html, and no way out of
// its folder. Needs no browser and no built site.

import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { request } from "node:http";
import { mkdtemp, mkdir, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { serve } from "./lib.mjs";

let base;
let server;

before(async () => {
  base = await mkdtemp(path.join(tmpdir(), "signpost-serve-"));
  const site = path.join(base, "site");
  await mkdir(path.join(site, "pl", "a"), { recursive: true });
  await mkdir(path.join(site, "static"), { recursive: true });
  await writeFile(path.join(base, "secret.txt"), "secret outside the site");
  const files = {
    "index.html": "<p>home</p>",
    "404.html": "<p>not found page</p>",
    "pl/a/index.html": "<p>pl a</p>",
    "static/style.css": "p{}",
    "static/signpost.js": "1",
    "status.json": "{}",
    "sitemap.xml": "<urlset/>",
    "static/i.svg": "<svg/>",
    "static/i.png": "png",
  };
  for (const [p, text] of Object.entries(files)) await writeFile(path.join(site, p), text);
  await symlink(path.join(base, "secret.txt"), path.join(site, "link.txt")).catch(() => {});
  server = await serve(site);
});

after(async () => {
  await server?.close();
  await rm(base, { recursive: true, force: true });
});

/** A raw GET that sends the path exactly as written (no URL normalisation). */
function get(rawPath) {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port: server.port, path: rawPath, method: "GET" }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (c) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode, type: res.headers["content-type"], location: res.headers.location, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

test("serves files with their content types", { timeout: 10_000 }, async () => {
  assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
  const types = {
    "/index.html": "text/html",
    "/static/style.css": "text/css",
    "/static/signpost.js": "text/javascript",
    "/status.json": "application/json",
    "/sitemap.xml": "application/xml",
    "/static/i.svg": "image/svg+xml",
    "/static/i.png": "image/png",
  };
  for (const [p, type] of Object.entries(types)) {
    const r = await get(p);
    assert.equal(r.status, 200, p);
    assert.equal(r.type.split(";")[0], type, p);
  }
});

test("directory URLs serve index.html, without a slash they redirect", { timeout: 10_000 }, async () => {
  assert.equal((await get("/")).body, "<p>home</p>");
  assert.equal((await get("/pl/a/")).body, "<p>pl a</p>");
  assert.equal((await get("/pl/a/?x=1")).body, "<p>pl a</p>");
  const r = await get("/pl/a");
  assert.equal(r.status, 301);
  assert.equal(r.location, "/pl/a/");
});

test("missing files get 404.html with status 404", { timeout: 10_000 }, async () => {
  for (const p of ["/nope", "/pl/nope/", "/pl/"]) {
    const r = await get(p);
    assert.equal(r.status, 404, p);
    assert.equal(r.body, "<p>not found page</p>", p);
    assert.equal(r.type.split(";")[0], "text/html", p);
  }
});

test("paths outside the folder are refused", { timeout: 10_000 }, async () => {
  for (const p of ["/../secret.txt", "/pl/../../secret.txt", "/%2e%2e/secret.txt", "/..%2fsecret.txt", "/pl/..%5c..%5csecret.txt", "/link.txt", "/%00"]) {
    const r = await get(p);
    assert.notEqual(r.status, 200, `${p} was served`);
    assert.ok(!r.body.includes("secret outside"), `${p} leaked a file outside the site`);
  }
});
