// Search on a static host. The index (search/<lang>/index.json plus shards by first letter)
// was built by signpost; words are folded and stemmed here exactly as there: the suffix
// table comes inside the index. Without JavaScript the page still lists every page A–Z.
(function () {
  "use strict";
  // Pure part, shared with signpost's test of browser/build parity (node loads this file).
  var state = { index: null, shards: {} };
  var SPECIAL = { "ł": "l", "đ": "d", "ø": "o", "ß": "s", "ё": "е" };
  function foldChar(c) {
    var l = c.toLowerCase();
    l = Array.from(l)[0] || c;
    if (SPECIAL[l]) return SPECIAL[l];
    var code = l.codePointAt(0);
    if (code < 128 || (code >= 0x400 && code <= 0x4ff)) return l;
    return Array.from(l.normalize("NFD"))[0];
  }
  function fold(text) { return Array.from(text).map(foldChar).join(""); }
  // One-letter words are not indexed (they carry no meaning to search by).
  function splitWords(text) {
    return text.split(/[^\p{Alphabetic}\p{N}]+/u).filter(Boolean).map(fold).filter(function (w) { return Array.from(w).length > 1; });
  }
  function stem(word) {
    var index = state.index;
    var len = Array.from(word).length;
    for (var i = 0; i < index.suffixes.length; i++) {
      var s = index.suffixes[i];
      if (word.endsWith(s) && len - Array.from(s).length >= index.min) return word.slice(0, word.length - s.length);
    }
    return word;
  }
  function shardOf(s) { return s.codePointAt(0).toString(16); }

  function own(obj, key) { return Object.prototype.hasOwnProperty.call(obj, key); }

  // The same ranking as LangIndex::query in signpost: every word first, then weight × rarity.
  // Each word is looked up by its stem and as written (a light stemmer sometimes cuts a base
  // form shorter than its inflections); a stem with no exact match matches by prefix.
  function rank(words) {
    var index = state.index;
    var shards = state.shards;
    var n = index.docs.length;
    var scores = {};
    words.forEach(function (word) {
      var st = stem(word);
      var keys = word === st ? [st] : [st, word];
      var matched = {};
      keys.forEach(function (key) {
        var terms = shards[shardOf(key)] || {};
        var lists = [];
        if (own(terms, key)) lists.push([terms[key], 1]);
        else if (key === st && Array.from(key).length >= 3) {
          Object.keys(terms).sort().forEach(function (t) { if (t.startsWith(key)) lists.push([terms[t], 0.5]); });
        }
        lists.forEach(function (pair) {
          var idf = Math.log(1 + n / pair[0].length);
          pair[0].forEach(function (p) {
            var s = p[1] * idf * pair[1];
            if (!own(matched, p[0]) || matched[p[0]] < s) matched[p[0]] = s;
          });
        });
      });
      Object.keys(matched).forEach(function (d) {
        var e = own(scores, d) ? scores[d] : (scores[d] = [0, 0]);
        e[0] += 1;
        e[1] += matched[d];
      });
    });
    return Object.keys(scores).map(Number).sort(function (a, b) {
      return scores[b][0] - scores[a][0] || scores[b][1] - scores[a][1] || a - b;
    });
  }

  // A query's words, without a second word with the same stem (LangIndex::query_words).
  // A shard lists per term (gap to the previous document, weight in tenths) pairs.
  function decodeShard(raw) {
    var terms = {};
    Object.keys(raw).forEach(function (t) {
      var flat = raw[t], pairs = [], doc = 0;
      for (var i = 0; i + 1 < flat.length; i += 2) {
        doc += flat[i];
        pairs.push([doc, flat[i + 1] / 10]);
      }
      terms[t] = pairs;
    });
    return terms;
  }

  function queryWords(q) {
    var seen = [];
    return splitWords(q).filter(function (w) {
      var s = stem(w);
      if (seen.indexOf(s) >= 0) return false;
      seen.push(s);
      return true;
    });
  }

  if (typeof module === "object" && module.exports) {
    module.exports = {
      make: function (index, shards) {
        var decoded = {};
        Object.keys(shards).forEach(function (k) { decoded[k] = decodeShard(shards[k]); });
        state = { index: index, shards: decoded };
        return { fold: fold, splitWords: splitWords, stem: stem, shardOf: shardOf, rank: rank, queryWords: queryWords };
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
  function load(url) {
    return fetch(url).then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); });
  }
  function ensureIndex() {
    return state.index ? Promise.resolve() : load(base + "index.json").then(function (i) { state.index = i; });
  }
  function ensureShard(name) {
    if (state.shards[name] || state.index.shards.indexOf(name) < 0) return Promise.resolve();
    return load(base + "s-" + name + ".json").then(function (s) { state.shards[name] = decodeShard(s); });
  }

  function excerpt(text, stems) {
    var folded = fold(text);
    var chars = Array.from(text);
    var fchars = Array.from(folded);
    var hits = [];
    stems.forEach(function (st) {
      var f = fchars.join("");
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

  var seq = 0;
  function search(q) {
    var mine = ++seq;
    var query = q.trim();
    if (!query) { list.hidden = true; list.textContent = ""; status.textContent = ""; return; }
    status.textContent = labels.loading;
    ensureIndex().then(function () {
      var words = queryWords(query);
      var keys = [];
      words.forEach(function (w) { keys.push(shardOf(stem(w)), shardOf(w)); });
      return Promise.all(keys.map(ensureShard)).then(function () { return words; });
    }).then(function (words) {
      if (mine !== seq) return;
      var stems = words.map(stem);
      var all = rank(words);
      var found = all.slice(0, 50);
      list.textContent = "";
      found.forEach(function (d) {
        var doc = state.index.docs[d];
        var li = document.createElement("li");
        var a = document.createElement("a");
        a.href = doc.u;
        a.textContent = doc.t;
        var section = document.createElement("span");
        section.className = "sp-search-section";
        section.textContent = doc.s;
        var p = document.createElement("p");
        p.appendChild(excerpt(doc.x, stems));
        li.appendChild(a);
        li.appendChild(section);
        li.appendChild(p);
        list.appendChild(li);
      });
      list.hidden = found.length === 0;
      status.textContent = all.length ? countText(all.length) : labels.none;
    }).catch(function () { status.textContent = labels.none; });
  }

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
