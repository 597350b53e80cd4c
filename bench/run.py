#!/usr/bin/env python3
"""signpost's benchmark: build the synthetic corpus and print figures.

Generates the corpus with ../shared/bench/make_corpus.py (--layout ours), builds the release
binaries, then, in one run on this machine:
  * full clean builds (search off, and on): wall, CPU, peak RSS, pages/s; median, min-max
  * the floor (examples/floor.rs: read + pulldown-cmark + write, on every core) and the ratio
  * per-page cost at several corpus sizes (linearity)
  * search index size per 1,000 pages, the build time search adds, its on/off ratios, and
    the index's steps on one core (where the extra CPU goes); the same ratios on the real
    corpus copied to about 10,000 pages, and both corpora's words per page
  * `serve`: time from saving one page to the new HTML being served and to the search index
    having it, with edits 5 s and 1.5 s apart, and serve's own rebuild and index times
Output goes to tmpfs (/dev/shm) so the disk's noise stays out. No figure here is asserted:
read them, compare them in one run.

Usage: bench/run.py [--pages 2500] [--runs 3] [--scale 250,2500,10000] [--skip-serve | --serve-only]
       bench/run.py --real-search-only [--runs 3]
"""
import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GENERATOR = os.path.join(REPO, "..", "shared", "bench", "make_corpus.py")
SCRATCH = "/dev/shm" if os.path.isdir("/dev/shm") else tempfile.gettempdir()


def measured(cmd):
    """wall, cpu, rss for one child, read from wait4's resource usage."""
    start = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.dup2(devnull, 2)
        os.execvp(cmd[0], cmd)
    _, status, usage = os.wait4(pid, 0)
    wall = time.perf_counter() - start
    if status != 0:
        sys.exit(f"failed ({status}): {' '.join(cmd)}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024.0


def summary(values, unit, fmt="{:.2f}"):
    med = statistics.median(values)
    return f"{fmt.format(med)} {unit} (min {fmt.format(min(values))}, max {fmt.format(max(values))})"


def generate(pages):
    root = os.path.join(SCRATCH, f"signpost-bench-{pages}")
    if not os.path.isdir(os.path.join(root, "content")):
        subprocess.run([sys.executable, GENERATOR, "--pages", str(pages), "--out", root, "--layout", "ours"],
                       check=True, stdout=subprocess.DEVNULL)
    return root


def build_binaries():
    subprocess.run(["cargo", "build", "--release", "--quiet", "--bin", "signpost", "--example", "floor"], cwd=REPO, check=True)
    target = os.path.join(REPO, "target", "release")
    return os.path.join(target, "signpost"), os.path.join(target, "examples", "floor")


def clean(path):
    shutil.rmtree(path, ignore_errors=True)


def bench_builds(signpost, floor, root, runs, pages_total):
    out = os.path.join(SCRATCH, "signpost-bench-out")
    floor_out = os.path.join(SCRATCH, "signpost-bench-floor")
    rows = {"floor": [], "signpost": [], "signpost+search": []}
    for _ in range(runs):
        clean(floor_out)
        rows["floor"].append(measured([floor, os.path.join(root, "content"), floor_out]))
        clean(out)
        rows["signpost"].append(measured([signpost, "--root", root, "build", "--output", out, "--no-search"]))
        clean(out)
        rows["signpost+search"].append(measured([signpost, "--root", root, "build", "--output", out]))
    index_bytes = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(os.path.join(out, "search")) for f in fs)
    clean(floor_out)
    return rows, index_bytes


def print_search_steps(signpost, root):
    """The index's steps on one core (`SIGNPOST_TIMINGS=1`, `RAYON_NUM_THREADS=1`), summed
    over the languages, from one build: where a search-on build's extra CPU goes."""
    out = os.path.join(SCRATCH, "signpost-bench-out")
    clean(out)
    env = dict(os.environ, SIGNPOST_TIMINGS="1", RAYON_NUM_THREADS="1")
    run = subprocess.run([signpost, "--root", root, "build", "--output", out], env=env,
                         capture_output=True, text=True, check=True)
    steps, whole = {}, {}
    for line in run.stderr.splitlines():
        # "timing:   search count   61.1 ms  (from ...)" for a step, "timing: parse ..." for a stage
        m = re.match(r"timing:( +)(.+?) +([0-9.]+) ms", line)
        if not m:
            continue
        name, ms = m.group(2), float(m.group(3))
        if len(m.group(1)) > 1 and name.startswith("search "):
            steps[name[len("search "):]] = steps.get(name[len("search "):], 0) + ms
        elif len(m.group(1)) == 1:
            whole[name] = whole.get(name, 0) + ms
    clean(out)
    if not steps:
        return
    index = whole.get("search index", sum(steps.values()))
    rest = sum(v for k, v in whole.items() if k != "search index")
    print("  the index's steps on one core, one build: "
          + ", ".join(f"{k} {v:.0f} ms" for k, v in steps.items())
          + f"; the index {index:.0f} ms against {rest:.0f} ms for the rest of the build")


def word_profile(root, per_language=500):
    """Words per page and the share of two-letter words, over the text of up to
    `per_language` markdown pages of each language of `root` (front matter and markup
    included, as a rough reading): what the index's per-word cost is paid on."""
    words, pages, two = 0, 0, 0
    content = os.path.join(root, "content")
    for lang in sorted(os.listdir(content)):
        taken = 0
        for d, _, files in sorted(os.walk(os.path.join(content, lang))):
            for f in sorted(files):
                if not f.endswith(".md") or taken >= per_language:
                    continue
                text = open(os.path.join(d, f), encoding="utf-8").read().lower()
                found = [w for w in re.findall(r"\w+", text) if len(w) >= 2]
                words += len(found)
                two += sum(1 for w in found if len(w) == 2)
                taken += 1
        pages += taken
    return words / max(pages, 1), two / max(words, 1)


def bench_search_real(signpost, synthetic, runs):
    """Search on / off on the real pages (the shared corpus copied to about 10,000 pages),
    beside the synthetic corpus's word profile: the index's cost is paid per word, and the
    two corpora differ in how many words a page has and how short they are."""
    real = sxs_corpus(28)
    out = os.path.join(SCRATCH, "signpost-bench-out")
    walls = {True: [], False: []}
    cpus = {True: [], False: []}
    try:
        for _ in range(runs):
            for search in (False, True):
                clean(out)
                cmd = [signpost, "--root", real, "build", "--output", out] + ([] if search else ["--no-search"])
                wall, cpu, _ = measured(cmd)
                walls[search].append(wall)
                cpus[search].append(cpu)
    finally:
        clean(out)
    med = statistics.median
    print(f"\nSearch on real pages (shared corpus x28, {28 * 360:,} pages), median of {runs}, alternating:")
    print(f"  search off {summary(walls[False], 's')}; on {summary(walls[True], 's')}; "
          f"adds {med(walls[True]) - med(walls[False]):.2f} s; wall x{med(walls[True]) / med(walls[False]):.2f}, "
          f"CPU x{med(cpus[True]) / med(cpus[False]):.2f}")
    for name, r in (("synthetic", synthetic), ("real x28", real)):
        per_page, short = word_profile(r)
        print(f"  {name:10} {per_page:,.0f} words of 2+ letters per page, {short:.0%} of them two letters long")


def redirects_cost(signpost, root, entries, runs):
    """Wall seconds of a search-off build without and with a redirection file of `entries`
    entries (old pages that exist nowhere, each sent to a real page): (without, with).
    The file goes into a hard-linked copy of the corpus, so the corpus itself (which other
    benchmarks may be building at the same time) never has it."""
    content = os.path.join(root, "content")
    lang = sorted(d for d in os.listdir(content) if os.path.isdir(os.path.join(content, d)))[0]
    slugs = sorted(f[:-3] for f in os.listdir(os.path.join(content, lang)) if f.endswith(".md"))
    copy = root.rstrip("/") + f"-redirects-{entries}"
    if not os.path.isdir(os.path.join(copy, "content")):
        clean(copy)
        subprocess.run(["cp", "-al", root, copy], check=True)
        rules = [{"source_path": f"moved/old-{i}.md", "redirect_url": f"/{slugs[i % len(slugs)]}",
                  "redirect_document_id": False} for i in range(entries)]
        with open(os.path.join(copy, "content", ".openpublishing.redirection.bench.json"), "w") as f:
            json.dump({"redirections": rules}, f, indent=2)
    out = os.path.join(SCRATCH, "signpost-bench-out")
    without, with_ = [], []
    try:
        for _ in range(runs):
            for r, times in ((root, without), (copy, with_)):
                clean(out)
                times.append(measured([signpost, "--root", r, "build", "--output", out, "--no-search"])[0])
    finally:
        clean(out)
    return without, with_


def search_latency(signpost, root):
    """Milliseconds from submitting a query to results in headless Chromium, to the first ten
    having an excerpt (their pages' openings), to the first ten having the excerpt around the
    words found, and to every result having that: four (cold, [warm])."""
    node_modules = os.path.join(REPO, "tests", "browser", "node_modules", "playwright-core")
    if not (shutil.which("node") and os.path.isdir(node_modules) and os.path.exists("/usr/bin/chromium")):
        return None
    out = os.path.join(SCRATCH, "signpost-bench-search")
    clean(out)
    subprocess.run([signpost, "--root", root, "build", "--output", out, "--base-url", "http://127.0.0.1:8917/"],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    server = subprocess.Popen([sys.executable, "-m", "http.server", "8917", "--bind", "127.0.0.1", "--directory", out],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        time.sleep(0.5)
        # Words of the synthetic corpus's nl pages, read from its index.
        import json
        # index.js is `signpostSearchData("index",{...});` around JSON.
        script = open(os.path.join(out, "search", "nl", "index.js"), encoding="utf-8").read()
        index = json.loads(script[script.index(",") + 1:script.rindex(");")])
        words = [d["t"].split()[0] for d in index["docs"][:6]]
        def run(*extra):
            res = subprocess.run(["node", os.path.join(REPO, "bench", "search_latency.mjs"), "http://127.0.0.1:8917/nl/search/",
                                  *extra, *words], check=True, capture_output=True, text=True)
            times = json.loads(res.stdout.strip().splitlines()[-1])
            return tuple((t[0], t[1:]) for t in (times["results"], times["first10"], times["first10full"], times["excerpts"]))
        # Sent at once to a page that has loaded nothing; then as a reader who clicks into the
        # box and takes 400 ms to type (the index loads on focus).
        return run(), run(f"--focus-ms={FOCUS_MS}")
    finally:
        server.terminate()
        server.wait()
        clean(out)


FOCUS_MS = 400


def print_search_latency(signpost, root):
    latency = search_latency(signpost, root)
    if latency:
        latency, focused = latency
        (cold, warm), (tcold, twarm), (fcold, fwarm), (xcold, xwarm) = latency
        print(f"  search query in headless Chromium: first {cold:.0f} ms to the results listed (loads index + shards), "
              f"{tcold:.0f} ms to the first ten with an excerpt (openings), {fcold:.0f} ms to the first ten's excerpts "
              f"around the words found, {xcold:.0f} ms to all of those; then "
              f"{summary(warm, 'ms', '{:.0f}')}, {summary(twarm, 'ms', '{:.0f}')}, {summary(fwarm, 'ms', '{:.0f}')}, "
              f"{summary(xwarm, 'ms', '{:.0f}')}")
        (cold, _), (tcold, _), (fcold, _), (xcold, _) = focused
        print(f"  the same after the search box had focus for {FOCUS_MS} ms (a reader typing): first {cold:.0f} ms to the "
              f"results listed, {tcold:.0f} ms to the first ten with an excerpt, {fcold:.0f} ms to their excerpts around the "
              f"words found, {xcold:.0f} ms to all of those")
    else:
        print("  search query in headless Chromium: skipped (needs node, `npm ci` in tests/browser, /usr/bin/chromium)")


def serve_latency(signpost, root, edits=5, spacing=None):
    """Seconds from writing a page to the server answering with the new text, and from
    writing it to the search index having the edit's new word (the shard on disk).
    `spacing`: seconds from one edit to the next (None: 0.3 s after each is served); the
    first edit waits until the index that follows edits is built."""
    proc = subprocess.Popen([signpost, "--root", root, "serve", "--port", "0"], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    line = proc.stdout.readline()
    m = re.search(r"http://([\d.]+:\d+)/", line)
    if not m:
        proc.kill()
        sys.exit(f"serve did not start: {line}")
    base = f"http://{m.group(1)}/"
    out = os.path.join(tempfile.gettempdir(), f"signpost-serve-{proc.pid}")
    rebuilds = []
    live = threading.Event()

    def read_stderr():
        for l in proc.stderr:
            if "rebuilt" in l or "search index" in l:
                rebuilds.append(l.strip())
            if "search index updated" in l:
                live.set()
    threading.Thread(target=read_stderr, daemon=True).start()
    page = sorted(os.listdir(os.path.join(root, "content", "nl")))[0]
    path = os.path.join(root, "content", "nl", page)
    url = base + "nl/" + page[:-3] + "/"
    original = open(path, encoding="utf-8").read()
    times, index_times = [], []
    try:
        live.wait(timeout=120)
        for n in range(edits):
            # A word of its own per edit (digits are words too), in the shard of its first
            # two letters (search::shard_of): s-31-30.js for "10…".
            word = f"1{n}{time.time_ns()}"
            shard = os.path.join(out, "search", "nl", "s-" + "-".join(f"{ord(c):x}" for c in word[:2]) + ".js")
            start = time.perf_counter()
            with open(path, "w", encoding="utf-8") as f:
                f.write(original + f"\n\nbenchmark edit {word}\n")
            served = indexed = None
            while served is None or indexed is None:
                now = time.perf_counter() - start
                if served is None:
                    try:
                        body = urllib.request.urlopen(url, timeout=5).read().decode("utf-8", "replace")
                    except OSError:
                        body = ""
                    if word in body:
                        served = now
                if indexed is None:
                    try:
                        if f'"{word}"' in open(shard, encoding="utf-8").read():
                            indexed = now
                    except OSError:
                        pass
                if now > 30:
                    sys.exit("serve never showed the edit or never indexed it")
                time.sleep(0.005)
            times.append(served)
            index_times.append(indexed)
            if spacing is None:
                time.sleep(0.3)
            else:
                time.sleep(max(0.0, spacing - (time.perf_counter() - start)))
    finally:
        with open(path, "w", encoding="utf-8") as f:
            f.write(original)
        time.sleep(0.3)
        proc.terminate()
        proc.wait(timeout=10)
    return times, index_times, rebuilds


def bench_serve(signpost, root, total, edits=5):
    """serve at `total` pages: edit to served and to indexed, edits 5 s and 1.5 s apart."""
    results = {}
    for spacing in (5.0, 1.5):
        times, index_times, rebuilds = serve_latency(signpost, root, edits, spacing)
        results[spacing] = times
        ms = [t * 1000 for t in times]
        print(f"\nserve, one page edited at {total} pages, edits {spacing:g} s apart: edit-to-served "
              f"{summary(ms, 'ms', '{:.0f}')} (debounce included); edit-to-indexed "
              f"{summary([t * 1000 for t in index_times], 'ms', '{:.0f}')}")
        for line in rebuilds:
            print(f"  serve: {line}")
        # The first line is the whole index built after the start; the others, one per edit.
        updates = [float(m.group(1)) for m in (re.search(r"search index updated in ([\d.]+) ms", l)
                                               for l in [l for l in rebuilds if "search index" in l][1:]) if m]
        if updates:
            print(f"  serve's own index update per edit: {summary(updates, 'ms', '{:.1f}')}")
    ratio = statistics.median(results[1.5]) / statistics.median(results[5.0])
    print(f"  edit-to-served, 1.5 s apart / 5 s apart (medians): {ratio:.2f}x")


SHARED_CORPUS = os.path.join(REPO, "..", "shared", "corpus")


def sxs_corpus(copies):
    """The shared corpus (360 real side-by-side and plain pages) copied `copies` times."""
    root = os.path.join(SCRATCH, f"signpost-bench-sxs-{copies}")
    if not os.path.isdir(os.path.join(root, "content")):
        for k in range(copies):
            for lang in ("nl", "ru", "pl"):
                shutil.copytree(os.path.join(SHARED_CORPUS, lang), os.path.join(root, "content", lang, f"copy{k}"))
        with open(os.path.join(root, "site.yaml"), "w") as f:
            f.write("languages: [en, nl, ru, pl]\n")
    return root


def with_qa(root, enabled):
    """site.yaml of `root` with translation QA on or off; returns the original text."""
    path = os.path.join(root, "site.yaml")
    original = open(path).read() if os.path.exists(path) else ""
    kept = "".join(l for l in original.splitlines(True) if not l.startswith("qa:"))
    with open(path, "w") as f:
        f.write(kept + f"qa: {{ enabled: {'true' if enabled else 'false'} }}\n")
    return original


def bench_qa(signpost, root, total, runs):
    """Build time with translation QA on and off: the synthetic corpus (no side-by-side
    spans, so QA has nothing to read) and the real corpus copied to about 10,000 pages."""
    out = os.path.join(SCRATCH, "signpost-bench-out")
    print(f"\nTranslation QA (issue 14), build --no-search, median of {runs}, alternating on/off:")
    for name, r, pages in [("synthetic", root, total), ("side-by-side x28", sxs_corpus(28), 28 * 360)]:
        walls = {True: [], False: []}
        original = open(os.path.join(r, "site.yaml")).read() if os.path.exists(os.path.join(r, "site.yaml")) else ""
        try:
            for _ in range(runs):
                for enabled in (False, True):
                    with_qa(r, enabled)
                    clean(out)
                    wall, _, _ = measured([signpost, "--root", r, "build", "--output", out, "--no-search"])
                    walls[enabled].append(wall)
        finally:
            with open(os.path.join(r, "site.yaml"), "w") as f:
                f.write(original)
            clean(out)
        off, on = statistics.median(walls[False]), statistics.median(walls[True])
        print(f"  {name:17} {pages:>6} pages: QA off {summary(walls[False], 's')}, QA on {summary(walls[True], 's')}; on/off {on / off:.3f}")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pages", type=int, default=2500, help="pages per language for the main figures")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--scale", default="250,2500,10000", help="pages per language for the linearity check")
    ap.add_argument("--skip-serve", action="store_true")
    ap.add_argument("--serve-only", action="store_true", help="only serve's edit-to-served and edit-to-indexed")
    ap.add_argument("--search-only", action="store_true", help="only the first and later queries in headless Chromium")
    ap.add_argument("--redirects", type=int, default=0,
                    help="also time a build with a redirection file of this many entries (e.g. 10000)")
    ap.add_argument("--only-redirects", action="store_true", help="time only the redirects (needs --redirects)")
    ap.add_argument("--qa-only", action="store_true", help="only the translation-QA on/off comparison")
    ap.add_argument("--real-search-only", action="store_true",
                    help="only search on / off on the real corpus x28, with both corpora's word profiles")
    args = ap.parse_args()
    if args.search_only:
        signpost, _ = build_binaries()
        for _ in range(args.runs):
            print_search_latency(signpost, generate(args.pages))
        return
    if args.serve_only:
        signpost, _ = build_binaries()
        bench_serve(signpost, generate(args.pages), 4 * args.pages, args.runs)
        return
    if args.real_search_only:
        signpost, _ = build_binaries()
        bench_search_real(signpost, generate(args.pages), args.runs)
        return
    if args.qa_only:
        signpost, _ = build_binaries()
        bench_qa(signpost, generate(args.pages), 4 * args.pages, args.runs)
        return

    print(f"machine: {os.cpu_count()} cores, {os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') / 2**30:.0f} GiB; output on {SCRATCH}")
    signpost, floor = build_binaries()
    root = generate(args.pages)
    total = 4 * args.pages
    if args.redirects:
        without, with_ = redirects_cost(signpost, root, args.redirects, args.runs)
        n = len(os.listdir(os.path.join(root, "content")))
        print(f"\nRedirects, {total} pages, search off, median of {args.runs}: without {summary(without, 's')}; "
              f"with {args.redirects:,} entries ({args.redirects * n:,} redirect pages) {summary(with_, 's')}; "
              f"adds {(statistics.median(with_) - statistics.median(without)) * 1000:.0f} ms")
        if args.only_redirects:
            return
    rows, index_bytes = bench_builds(signpost, floor, root, args.runs, total)
    print(f"\nFull clean build, {total} pages (4 languages x {args.pages}), median of {args.runs}:")
    for name, samples in rows.items():
        walls = [s[0] for s in samples]
        print(f"  {name:16} wall {summary(walls, 's')}; cpu {summary([s[1] for s in samples], 's')}; "
              f"peak RSS {summary([s[2] for s in samples], 'MiB', '{:.0f}')}; {total / statistics.median(walls):,.0f} pages/s")
    floor_wall = statistics.median(s[0] for s in rows["floor"])
    ours = statistics.median(s[0] for s in rows["signpost"])
    print(f"  ratio to the floor (wall): {ours / floor_wall:.2f}x (search off); "
          f"{statistics.median(s[0] for s in rows['signpost+search']) / floor_wall:.2f}x (search on)")
    search_cost = statistics.median(s[0] for s in rows["signpost+search"]) - ours
    print(f"  search: index {index_bytes / 2**20:.1f} MiB in all = {index_bytes / 2**20 / (total / 1000):.2f} MiB per 1,000 pages; adds {search_cost:.2f} s")
    on_off = lambda k: statistics.median(s[k] for s in rows["signpost+search"]) / statistics.median(s[k] for s in rows["signpost"])
    print(f"  search on / off: wall x{on_off(0):.2f} (issue 16's goal at 10,000 pages: at most 1.3), CPU x{on_off(1):.2f}, "
          f"peak RSS x{on_off(2):.2f} (goal: at most 1.2)")
    print_search_steps(signpost, root)

    print_search_latency(signpost, root)

    print("\nLinearity (search off, one run each):")
    per_page = []
    for pages in [int(p) for p in args.scale.split(",") if p]:
        r = generate(pages)
        out = os.path.join(SCRATCH, "signpost-bench-out")
        clean(out)
        wall, cpu, rss = measured([signpost, "--root", r, "build", "--output", out, "--no-search"])
        clean(out)
        per_page.append(wall / (4 * pages) * 1e6)
        print(f"  {4 * pages:>6} pages: wall {wall:.2f} s, {per_page[-1]:.0f} µs/page, peak RSS {rss:.0f} MiB")
    if len(per_page) > 1:
        mean = statistics.mean(per_page)
        print(f"  per-page cost spread: {min(per_page) / mean - 1:+.0%} .. {max(per_page) / mean - 1:+.0%} of the mean")

    bench_search_real(signpost, root, args.runs)

    bench_qa(signpost, root, total, args.runs)

    if not args.skip_serve:
        bench_serve(signpost, root, total)


if __name__ == "__main__":
    main()
