// Search on a static host. The index (search/<lang>/index.js: the pages; openings.js: the
// first words of every page, loaded with index.js so that results are listed with an
// excerpt; s-<letters>.js: shards by the first two letters of a word; x-<n>.js: the pages'
// excerpts, loaded for the results shown, around the words found) was built by signpost,
// which stemmed every word of the pages; a shard maps every word form it saw to its stem, so
// a known word is only folded and looked up here. A form the pages never have is cut by the
// light suffix table inside the index and matched as a prefix.
// Without JavaScript the page still lists every page A–Z.
(function () {
  "use strict";
  // Pure part, shared with signpost's test of browser/build parity (node loads this file).
  var state = { index: null, shards: {} };
  var SPECIAL = { "ł": "l", "đ": "d", "ø": "o", "ß": "s", "ё": "е" };
  var PREFIX = 0.5, MIN_PREFIX = 3, MIN_PART = 3;
  function foldChar(c) {
    var l = c.toLowerCase();
    l = Array.from(l)[0] || c;
    if (SPECIAL[l]) return SPECIAL[l];
    var code = l.codePointAt(0);
    if (code < 128 || (code >= 0x400 && code <= 0x4ff)) return l;
    return Array.from(l.normalize("NFD"))[0];
  }
  // foldChar of each character; ASCII directly and the rest from a table, as fold runs over
  // every excerpt shown.
  var FOLDED = {};
  function fold(text) {
    var out = "";
    for (var i = 0; i < text.length; i++) {
      var k = text.charCodeAt(i);
      if (k < 128) { out += k >= 65 && k <= 90 ? String.fromCharCode(k + 32) : text[i]; continue; }
      var c = String.fromCodePoint(text.codePointAt(i));
      i += c.length - 1;
      out += own(FOLDED, c) ? FOLDED[c] : (FOLDED[c] = foldChar(c));
    }
    return out;
  }
  function chars(s) { return Array.from(s).length; }
  // One-letter words are not indexed (they carry no meaning to search by).
  function splitWords(text) {
    return text.split(/[^\p{Alphabetic}\p{N}]+/u).filter(Boolean).map(fold).filter(function (w) { return chars(w) > 1; });
  }
  function lightStem(word) {
    var index = state.index;
    var len = chars(word);
    for (var i = 0; i < index.suffixes.length; i++) {
      var s = index.suffixes[i];
      if (word.endsWith(s) && len - chars(s) >= index.min) return word.slice(0, word.length - s.length);
    }
    return word;
  }
  // The shard of a word: its first two letters as hex code points (search::shard_of).
  function shardOf(s) {
    return Array.from(s).slice(0, 2).map(function (c) { return c.codePointAt(0).toString(16); }).join("-");
  }

  function own(obj, key) { return Object.prototype.hasOwnProperty.call(obj, key); }
  var EMPTY = { t: {}, f: {}, tk: [], fk: [], p: {} };
  function shard(word) { return own(state.shards, shardOf(word)) ? state.shards[shardOf(word)] : EMPTY; }

  // [known, term or prefix] (LangIndex::lookup): a form of the pages and its stem, or what is
  // left of a form they never have after the light suffix table.
  function lookup(word) {
    var s = shard(word);
    if (own(s.f, word)) return [true, s.f[word]];
    if (own(s.t, word)) return [true, word];
    return [false, lightStem(word)];
  }
  // Sorted keys that begin with `prefix`.
  function withPrefix(keys, prefix) {
    var lo = 0, hi = keys.length;
    while (lo < hi) { var mid = (lo + hi) >> 1; if (keys[mid] < prefix) lo = mid + 1; else hi = mid; }
    var out = [];
    for (var i = lo; i < keys.length && keys[i].startsWith(prefix); i++) out.push(keys[i]);
    return out;
  }
  // The other sides of the stem alternations a word and its stem can take part in
  // (stem::alternates): lipiec → lipc, and the stem lipc → lipiec, lipec.
  function alternates(word, stem) {
    var out = [];
    (state.index.alternations || []).forEach(function (p) {
      if (word.endsWith(p[0])) out.push(word.slice(0, word.length - p[0].length) + p[1]);
      if (stem.endsWith(p[1])) out.push(stem.slice(0, stem.length - p[1].length) + p[0]);
    });
    return out.filter(function (a) { return chars(a) >= 3 && a !== word && a !== stem; });
  }
  // Compounds a query word forms with its neighbours, written together or with a linking s.
  function joins(words, i) {
    var out = [];
    if (i > 0) out.push(words[i - 1] + words[i], words[i - 1] + "s" + words[i]);
    if (i + 1 < words.length) out.push(words[i] + words[i + 1], words[i] + "s" + words[i + 1]);
    return out;
  }
  // [term, factor] pairs a query word matches (LangIndex::candidates).
  function candidates(word) {
    var out = [];
    var seen = {};
    function add(t, factor) {
      if (own(seen, t) || !own(shard(t).t, t)) return;
      seen[t] = true;
      out.push([t, factor]);
    }
    var l = lookup(word);
    if (l[0]) add(l[1], 1);
    var prefix = l[1];
    // The other side of a stem alternation (lipiec → lipca) is the same word.
    alternates(word, prefix).forEach(function (a) {
      var la = lookup(a);
      if (la[0]) add(la[1], 1);
    });
    if (chars(prefix) >= MIN_PREFIX) {
      var s = shard(prefix);
      withPrefix(s.tk, prefix).forEach(function (t) { add(t, PREFIX); });
      withPrefix(s.fk, prefix).forEach(function (f) { add(s.f[f], PREFIX); });
    }
    return out;
  }
  // Shards a query still needs: its words', then their stems', alternations', compounds' and
  // prefix matches'.
  function missing(typed) {
    var need = {};
    var words = [];
    typed.forEach(function (w) {
      need[shardOf(w)] = true;
      splitPoints(w).forEach(function (p) {
        need[shardOf(p[1])] = true;
        if (p[1].charAt(0) === "s") need[shardOf(p[1].slice(1))] = true;
      });
      words.push.apply(words, split(w));
    });
    words.forEach(function (w, i) {
      need[shardOf(w)] = true;
      var l = lookup(w);
      need[shardOf(l[1])] = true;
      alternates(w, l[1]).concat(joins(words, i)).forEach(function (a) {
        need[shardOf(a)] = true;
        need[shardOf(lookup(a)[1])] = true;
      });
      var s = shard(l[1]);
      if (chars(l[1]) >= MIN_PREFIX) withPrefix(s.fk, l[1]).forEach(function (f) { need[shardOf(s.f[f])] = true; });
    });
    return Object.keys(need).filter(function (k) { return !own(state.shards, k) && state.index.shards.indexOf(k) >= 0; });
  }

  // The terms query word i matches (LangIndex::word_candidates): its own candidates and the
  // compounds it forms with a neighbour, when the pages have them.
  function wordCandidates(words, i) {
    var out = candidates(words[i]);
    joins(words, i).forEach(function (j) {
      var l = lookup(j);
      if (!l[0] || !own(shard(l[1]).t, l[1])) return;
      var c = out.find(function (o) { return o[0] === l[1]; });
      if (c) c[1] = 1; else out.push([l[1], 1]);
    });
    return out;
  }

  // The same ranking as LangIndex::query in signpost: every word first, then per word its
  // best weight × rarity over the terms it matches; a word's rarity counts every page it
  // reaches.
  function rank(words) {
    var n = state.index.docs.length;
    var scores = {};
    words.forEach(function (word, i) {
      // Best weight × factor per page; the pages matched are the pages the word reaches.
      var matched = {};
      wordCandidates(words, i).forEach(function (c) {
        postings(c[0]).forEach(function (p) {
          var s = p[1] * c[1];
          if (!own(matched, p[0]) || matched[p[0]] < s) matched[p[0]] = s;
        });
      });
      var docs = Object.keys(matched);
      var idf = Math.log(1 + n / Math.max(1, docs.length));
      docs.forEach(function (d) {
        var e = own(scores, d) ? scores[d] : (scores[d] = [0, 0]);
        e[0] += 1;
        e[1] += matched[d] * idf;
      });
    });
    return Object.keys(scores).map(Number).sort(function (a, b) {
      return scores[b][0] - scores[a][0] || scores[b][1] - scores[a][1] || a - b;
    });
  }

  // A shard: per term its postings, coded (decoded when a query reaches the term), and per
  // form its stem (a length when the stem begins the form).
  function decodeShard(raw) {
    var terms = raw.t || {}, forms = {};
    Object.keys(raw.f || {}).forEach(function (f) {
      var v = raw.f[f];
      forms[f] = typeof v === "number" ? Array.from(f).slice(0, v).join("") : v;
    });
    return { t: terms, f: forms, tk: Object.keys(terms).sort(), fk: Object.keys(forms).sort(), p: {} };
  }
  // A term's [document, weight] pairs (search::decode_postings): base-45 numbers in the
  // printable characters from "#" on without the backslash, a digit from the upper half
  // followed by more; per posting the gap to the previous document, then the weight in
  // tenths less 1.0.
  function postings(term) {
    var s = shard(term);
    if (own(s.p, term)) return s.p[term];
    var code = s.t[term], out = [], doc = 0, n = 0, gap = true;
    for (var i = 0; i < code.length; i++) {
      var c = code.charCodeAt(i);
      var d = c - 0x23 - (c > 0x5c ? 1 : 0);
      if (d >= 45) { n = n * 45 + d - 45; continue; }
      n = n * 45 + d;
      if (gap) doc += n; else out.push([doc, (n + 10) / 10]);
      gap = !gap;
      n = 0;
    }
    return (s.p[term] = out);
  }

  // Where a word that reaches nothing could be split: [first part, rest] pairs whose first
  // part is a word of the pages, longest first.
  function splitPoints(word) {
    if (candidates(word).length) return [];
    var cs = Array.from(word), out = [];
    for (var i = cs.length - MIN_PART; i >= MIN_PART; i--) {
      var a = cs.slice(0, i).join("");
      if (lookup(a)[0]) out.push([a, cs.slice(i).join("")]);
    }
    return out;
  }
  // A word that reaches nothing, as the two words of the pages it is written together from
  // (a closed compound: autopilotprofiel → autopilot profiel, with a linking s dropped);
  // else the word (LangIndex::split).
  function split(word) {
    var pts = splitPoints(word);
    for (var i = 0; i < pts.length; i++) {
      var b = pts[i][1];
      if (lookup(b)[0]) return [pts[i][0], b];
      if (b.charAt(0) === "s" && chars(b) > MIN_PART && lookup(b.slice(1))[0]) return [pts[i][0], b.slice(1)];
    }
    return [word];
  }
  // A query's words, closed compounds that reach nothing split, without a second word that
  // reaches the index the same way (LangIndex::query_words).
  function queryWords(q) {
    var seen = [];
    var words = [];
    splitWords(q).forEach(function (w) { words.push.apply(words, split(w)); });
    return words.filter(function (w) {
      var l = lookup(w);
      var key = (l[0] ? "=" : "~") + l[1];
      if (seen.indexOf(key) >= 0) return false;
      seen.push(key);
      return true;
    });
  }

  if (typeof module === "object" && module.exports) {
    module.exports = {
      make: function (index, shards) {
        var decoded = {};
        Object.keys(shards).forEach(function (k) { decoded[k] = decodeShard(shards[k]); });
        state = { index: index, shards: decoded };
        return { fold: fold, splitWords: splitWords, lookup: lookup, shardOf: shardOf, rank: rank, queryWords: queryWords };
      },
    };
    return;
  }

  var main = document.querySelector("main.sp-search");
  if (!main || !window.fetch) return;
  var base = main.getAttribute("data-index");
  var lang = document.documentElement.lang;
  var input = document.getElementById("sp-search-q");
  var status = document.getElementById("sp-search-status");
  var list = document.getElementById("sp-search-results");
  var labels = document.getElementById("sp-search-words").content.firstElementChild.dataset;
  // The index and its shards are scripts that hand their data to signpostSearchData, so search
  // works from disk (file://) as well as from a server, where fetch() could not read them.
  var pending = {};
  window.signpostSearchData = function (name, data) {
    if (own(pending, name)) pending[name].data = data;
  };
  function load(name) {
    if (own(pending, name)) return pending[name].promise;
    var entry = { data: null };
    entry.promise = new Promise(function (resolve, reject) {
      var el = document.createElement("script");
      el.src = base + name + ".js";
      el.async = true;
      el.onload = function () { if (entry.data) resolve(entry.data); else reject(new Error(name)); };
      el.onerror = function () { delete pending[name]; reject(new Error(name)); };
      document.head.appendChild(el);
    });
    pending[name] = entry;
    return entry.promise;
  }
  // Every page's opening, asked for with the index but not waited for: it travels beside
  // index.js and the shards, so the results are listed with their openings, not after a
  // second round of requests. A failed load is tried again with the next query.
  var openings = null;
  function ensureOpenings() {
    if (!openings) openings = load("openings").catch(function () { openings = null; return null; });
    return openings;
  }
  function ensureIndex() {
    return state.index ? Promise.resolve() : load("index").then(function (i) { state.index = i; });
  }
  function ensureShards(names) {
    return Promise.all(names.filter(function (n) {
      return !own(state.shards, n) && state.index.shards.indexOf(n) >= 0;
    }).map(function (n) {
      return load("s-" + n).then(function (s) { state.shards[n] = decodeShard(s); });
    }));
  }
  // Loads the shards of the words, then of their stems and prefix matches, until none is missing.
  function ensureQuery(words, rounds) {
    var need = missing(words);
    if (!need.length || rounds === 0) return Promise.resolve();
    return ensureShards(need).then(function () { return ensureQuery(words, rounds - 1); });
  }

  function excerpt(text, stems) {
    var folded = fold(text);
    var chars = Array.from(text);
    var fchars = Array.from(folded);
    var hits = [];
    var f = folded;
    stems.forEach(function (st) {
      var from = 0;
      while (true) {
        var i = f.indexOf(st, from);
        if (i < 0) break;
        var start = Array.from(f.slice(0, i)).length;
        var prev = start > 0 ? fchars[start - 1] : " ";
        if (!/[\p{Alphabetic}\p{N}]/u.test(prev)) {
          var end = start;
          while (end < fchars.length && /[\p{Alphabetic}\p{N}]/u.test(fchars[end])) end++;
          hits.push([start, end]);
        }
        from = i + st.length;
      }
    });
    hits.sort(function (a, b) { return a[0] - b[0]; });
    var first = hits.length ? hits[0][0] : 0;
    var from = Math.max(0, first - 60);
    // Start at a word, not inside one.
    while (from > 0 && from < first && /[\p{Alphabetic}\p{N}]/u.test(chars[from - 1])) from++;
    var to = Math.min(chars.length, from + 220);
    var frag = document.createDocumentFragment();
    if (from > 0) frag.appendChild(document.createTextNode("… "));
    var pos = from;
    hits.forEach(function (h) {
      if (h[0] < pos || h[1] > to) return;
      frag.appendChild(document.createTextNode(chars.slice(pos, h[0]).join("")));
      var mark = document.createElement("mark");
      mark.textContent = chars.slice(h[0], h[1]).join("");
      frag.appendChild(mark);
      pos = h[1];
    });
    frag.appendChild(document.createTextNode(chars.slice(pos, to).join("") + (to < chars.length ? " …" : "")));
    return frag;
  }

  function countText(n) {
    var cat = new Intl.PluralRules(lang).select(n);
    var sentinel = { one: "1", few: "2", many: "5", other: "1.5" }[cat] || "1.5";
    var tmpl = labels["results" + cat.charAt(0).toUpperCase() + cat.slice(1)] || labels.resultsOther;
    return tmpl.replace(sentinel, String(n));
  }

  // Runs `then` once the page has been painted (the next frame), or after 100 ms in a tab
  // that paints no frames (hidden).
  function afterPaint(then) {
    var done = false;
    function once() { if (!done) { done = true; then(); } }
    requestAnimationFrame(function () { setTimeout(once, 0); });
    setTimeout(once, 100);
  }

  var seq = 0;
  function search(q) {
    var mine = ++seq;
    var query = q.trim();
    if (!query) { list.hidden = true; list.textContent = ""; status.textContent = ""; return; }
    status.textContent = labels.loading;
    var indexed = ensureIndex();
    var opened = ensureOpenings();
    indexed.then(function () {
      return ensureQuery(splitWords(query), 4);
    }).then(function () {
      if (mine !== seq) return;
      var words = queryWords(query);
      // Highlighted: words that begin with a query word, its stem, or what is left of it.
      var stems = [];
      words.forEach(function (w) {
        [w, lookup(w)[1]].forEach(function (s) { if (chars(s) > 1 && stems.indexOf(s) < 0) stems.push(s); });
      });
      var all = rank(words);
      var found = all.slice(0, 50);
      list.textContent = "";
      var paras = {};
      found.forEach(function (d) {
        var doc = state.index.docs[d];
        var li = document.createElement("li");
        var a = document.createElement("a");
        a.href = doc.u;
        a.textContent = doc.t;
        var section = document.createElement("span");
        section.className = "sp-search-section";
        section.textContent = doc.s;
        li.appendChild(a);
        li.appendChild(section);
        list.appendChild(li);
        paras[d] = li;
      });
      list.hidden = found.length === 0;
      status.textContent = all.length ? countText(all.length) : labels.none;
      // A result's excerpt: its page's opening first (data-excerpt="opening"), then the
      // excerpt around the words found (data-excerpt="full"), which an opening never replaces.
      function put(d, text, full) {
        var li = paras[d];
        if (typeof text !== "string" || li.getAttribute("data-excerpt") === "full") return;
        var p = li.querySelector("p") || li.appendChild(document.createElement("p"));
        p.textContent = "";
        p.appendChild(excerpt(text, stems));
        li.setAttribute("data-excerpt", full ? "full" : "opening");
      }
      // Already in for most first queries (it came with the index): then this runs before
      // the list is painted.
      opened.then(function (os) {
        if (mine !== seq || !os) return;
        found.forEach(function (d) { put(d, os[d], false); });
      });
      // The full excerpts follow, from the files that hold the results shown, asked for in
      // the results' order (the first on the screen first); a result whose excerpt cannot be
      // loaded keeps its opening, or its title and section.
      var per = state.index.excerpts || 64;
      var files = [];
      found.forEach(function (d) {
        var n = Math.floor(d / per);
        if (files.indexOf(n) < 0) files.push(n);
      });
      // After the list with its openings is painted: the excerpt files of fifty results are
      // many scripts to run, and the reader sees the list first.
      afterPaint(function () {
        if (mine !== seq) return;
        files.forEach(function (n) {
          load("x-" + n).then(function (xs) {
            if (mine !== seq) return;
            found.forEach(function (d) {
              if (Math.floor(d / per) === n) put(d, xs[d % per], true);
            });
          }).catch(function () {});
        });
      });
    }).catch(function () {
      // The index could not be loaded: say so, never "no pages found".
      if (mine !== seq) return;
      list.hidden = true;
      list.textContent = "";
      status.textContent = labels.failed;
    });
  }

  // A reader who goes to the box is about to search: the index and the openings start
  // loading then, while the words are typed, not when they are sent. A page merely opened
  // (to follow a link, or to read the A–Z list) loads neither.
  input.addEventListener("focus", function () {
    ensureIndex().catch(function () {});
    ensureOpenings();
  }, { once: true });
  var timer = null;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () { search(input.value); }, 150);
  });
  input.form.addEventListener("submit", function (e) {
    e.preventDefault();
    var url = new URL(window.location.href);
    url.searchParams.set("q", input.value);
    window.history.replaceState(null, "", url);
    search(input.value);
  });
  var initial = new URL(window.location.href).searchParams.get("q");
  if (initial) { input.value = initial; search(initial); }
})();
