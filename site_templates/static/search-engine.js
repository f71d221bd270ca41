/* catalog — query matching, ranking, filters and snippets (needs search.js first).
 *
 * Mirrors catalog/search/query.py: a document must match every clause of _required_query;
 * its score is the sum of the _tiers it earns plus 0.99 x BM25 / best BM25, so the
 * browser returns the same documents as `catalog search`, ranked by the same tiers.
 * Adjacency uses syllable bigrams (">so hoa"); a required phrase of 3+ syllables is
 * confirmed with bigram positions ("@so hoa"), loaded in a second round only if needed.
 */
(function (global) {
  "use strict";

  const CS = global.CatalogSearch;
  const { load, loadDocument, fetchKeys, postingsOf, ready, paths, getMeta } = CS.internals;
  const { parseQuery, nfc } = CS.analyzer;
  const { pageList } = CS.codec;

  // Tier weights of search/query.py; BM25F parameters of whoosh (B, K1) and index.TITLE_BOOST.
  const OWN_NUMBER_WEIGHT = 16, EXACT_PHRASE_WEIGHT = 8, ADJACENT_WEIGHT = 4;
  const BIGRAM_WEIGHT = 2, EXACT_SYLLABLE_WEIGHT = 1, RELEVANCE_WEIGHT = 0.99;
  const B = 0.75, K1 = 1.2, TITLE_BOOST = 2;
  const COMPLETIONS = 8; // completions of the last word while typing

  // Keys (catalog/search/browser/export.py): folded "hoa", exact "!hoa2", bigrams ">so hoa" and ">!so1 hoa2",
  // and the folded bigram with positions "@so hoa".
  const pairs = (keys, prefix) => keys.slice(1).map((key, i) => prefix + keys[i] + " " + key);

  /**
   * An alternative: documents holding every key of `keys`; with `verify`, also the
   * positional bigrams of `verify` in a chain. A clause is a list of alternatives.
   */
  const single = (key) => ({ keys: [key] });

  /** A required phrase: its bigrams, and for 3+ syllables their positions ("a b" and "b c" apart are not "a b c"). */
  function phrase(folded) {
    const keys = pairs(folded, ">");
    return folded.length > 2 ? { keys, verify: pairs(folded, "@") } : { keys };
  }

  /**
   * A ranking phrase: every adjacent pair (folded ">a b" or exact ">!a b"). For 3+ syllables
   * this is a little looser than whoosh's positions (the pairs may stand apart): tiers
   * only order documents, and positions for every multi-word query would cost many bytes.
   */
  const rankingPhrase = (keys, exact) => ({ keys: pairs(keys, exact ? ">!" : ">") });

  /** The query as clauses: _required_query, the BM25 parts, _tiers, and the words for page hits. */
  function plan(groups, completion) {
    const required = [], relevance = [], pageKeys = new Map();
    const tiers = { own: [], exactPhrase: [], adjacent: [], bigrams: [], exact: [] };
    groups.forEach((group) => {
      const folded = group.syllables.map((s) => s.folded);
      const alternatives = (i) => (completion && completion.group === group && completion.syllable === i
        ? [folded[i], ...completion.keys] : [folded[i]]);
      if (group.kind === "number") {
        // by any of its number keys, or by its parts adjacent (never the parts apart)
        required.push([...group.numberKeys.map((k) => single("#" + k)), phrase(folded)]);
        relevance.push({ numbers: group.numberKeys.map((k) => "#" + k), phrase: folded, alternative: phrase(folded) });
        tiers.own.push(group.numberKeys.map((k) => single("$" + k)));
      } else {
        folded.forEach((_, i) => {
          required.push(alternatives(i).map(single));
          relevance.push({ syllable: alternatives(i) });
        });
        if (group.kind === "phrase" && folded.length > 1) {
          required.push([phrase(folded)]);
          relevance.push({ phrase: folded, alternative: phrase(folded) });
        }
        if (folded.length > 1 && group.syllables.every((s) => s.marked)) {
          tiers.exactPhrase.push([rankingPhrase(group.syllables.map((s) => s.exact), true)]);
        }
        if (group.kind === "words" && folded.length > 1) tiers.adjacent.push([rankingPhrase(folded)]);
        if (group.kind === "words" && folded.length > 2) pairs(folded, ">").forEach((k) => tiers.bigrams.push([single(k)]));
      }
      group.syllables.forEach((s, i) => {
        if (s.marked) tiers.exact.push([single("!" + s.exact)]);
        if (!pageKeys.has(s.folded)) pageKeys.set(s.folded, group.kind === "number" ? [s.folded] : alternatives(i));
      });
    });
    const tierList = [[OWN_NUMBER_WEIGHT, tiers.own], [EXACT_PHRASE_WEIGHT, tiers.exactPhrase],
      [ADJACENT_WEIGHT, tiers.adjacent], [BIGRAM_WEIGHT, tiers.bigrams], [EXACT_SYLLABLE_WEIGHT, tiers.exact]];
    return { required, relevance, tiers: tierList, pageKeys: [...pageKeys.values()] };
  }

  const allClauses = (p) => [...p.required, ...p.tiers.flatMap(([, clauses]) => clauses)];

  /** Keys of the first round: everything but the positional bigrams. */
  function planKeys(p) {
    const keys = new Set();
    allClauses(p).forEach((clause) => clause.forEach((alt) => alt.keys.forEach((k) => keys.add(k))));
    p.relevance.forEach((r) => [...(r.syllable || []), ...(r.numbers || []), ...(r.phrase || []),
      ...(r.alternative ? r.alternative.keys : [])].forEach((k) => keys.add(k)));
    p.pageKeys.forEach((alts) => alts.forEach((k) => keys.add(k)));
    return [...keys];
  }

  /** Does the document hold the positional bigrams of `verify` one after the other? */
  function chainAt(verify, raw, doc) {
    let starts = null;
    verify.forEach((key, i) => {
      const posting = postingsOf(raw, key), j = find(posting.docs, doc);
      const shifted = j < 0 ? [] : posting.positions[j].map((position) => position - i);
      starts = new Set(starts === null ? shifted : shifted.filter((position) => starts.has(position)));
    });
    return starts.size > 0;
  }

  /** Flags (1 = matches) of every document for one alternative; positions checked once loaded. */
  function altFlags(alt, raw, n) {
    const keys = [...new Set(alt.keys)], hit = new Uint8Array(n), count = new Uint8Array(n);
    for (const key of keys) for (const doc of postingsOf(raw, key).docs) count[doc]++;
    const check = alt.verify && alt.verify.every((key) => raw.has(key));
    for (let doc = 0; doc < n; doc++) {
      if (count[doc] === keys.length && (!check || chainAt(alt.verify, raw, doc))) hit[doc] = 1;
    }
    return hit;
  }

  function clauseFlags(clause, raw, n) {
    const hit = new Uint8Array(n);
    for (const alt of clause) altFlags(alt, raw, n).forEach((f, doc) => { hit[doc] |= f; });
    return hit;
  }

  /** Documents matching every required clause (a superset until positions are loaded). */
  function candidatesOf(p, raw, n) {
    const matched = new Uint16Array(n);
    p.required.forEach((clause) => clauseFlags(clause, raw, n).forEach((f, doc) => { matched[doc] += f; }));
    const candidates = [];
    for (let doc = 0; doc < n; doc++) if (matched[doc] === p.required.length) candidates.push(doc);
    return candidates;
  }

  /**
   * Positional keys of the second round: those of phrase alternatives that a candidate
   * matches by their bigrams alone (and by no other alternative of the clause).
   */
  function verifyKeys(p, raw, n, candidates) {
    const keys = new Set();
    for (const clause of allClauses(p)) {
      const plain = clause.filter((alt) => !alt.verify).map((alt) => altFlags(alt, raw, n));
      for (const alt of clause.filter((a) => a.verify && !a.verify.every((key) => raw.has(key)))) {
        const flags = altFlags(alt, raw, n);
        if (candidates.some((doc) => flags[doc] && !plain.some((f) => f[doc]))) alt.verify.forEach((k) => keys.add(k));
      }
    }
    return [...keys];
  }

  const idf = (n, df) => Math.log(n / (df + 1)) + 1; // whoosh's idf

  /** whoosh's bm25(): idf, weight (tf x field boost), field length and its average. */
  const bm25 = (idfValue, weight, length, average) =>
    idfValue * (weight * (K1 + 1)) / (weight + K1 * ((1 - B) + B * length / (average || 1)));

  /**
   * BM25F of a folded syllable key: the folded field, plus with `withTitle` the title
   * field (whoosh's Or(folded, title): its own document frequency, weight tf x TITLE_BOOST).
   * `best`: keep the best score per document, not the sum.
   */
  function addBm25(target, posting, meta, withTitle, best) {
    const folded = idf(meta.n, posting.docs.length);
    const titled = idf(meta.n, posting.title.filter((tf) => tf > 0).length);
    posting.docs.forEach((doc, i) => {
      let s = bm25(folded, posting.tf[i], meta.length[doc], meta.avgLength);
      if (withTitle && posting.title[i]) {
        s += bm25(titled, posting.title[i] * TITLE_BOOST, meta.quantize(posting.titleLength[i]), meta.avgTitle);
      }
      target[doc] = best ? Math.max(target[doc], s) : target[doc] + s;
    });
  }

  /** The BM25 part of the score: the sum over the clauses of _required_query. */
  function relevanceScores(p, raw, meta, candidates) {
    const n = meta.n, total = new Float64Array(n);
    for (const r of p.relevance) {
      if (r.syllable) { // Or(folded, title) per syllable; a completed word scores as its best form
        const best = new Float64Array(n);
        r.syllable.forEach((k) => addBm25(best, postingsOf(raw, k), meta, true, true));
        best.forEach((s, doc) => { total[doc] += s; });
      }
      for (const key of r.numbers || []) { // Term(NUMBERS, key): tf 1 in the document's numbers field
        const posting = postingsOf(raw, key), score = idf(n, posting.docs.length);
        posting.docs.forEach((doc, i) => { total[doc] += bm25(score, 1, meta.quantize(posting.lengths[i]), meta.avgNumbers); });
      }
      if (r.alternative) { // Phrase(FOLDED): its terms' scores where it matches
        const matches = altFlags(r.alternative, raw, n), parts = new Float64Array(n);
        r.phrase.forEach((k) => addBm25(parts, postingsOf(raw, k), meta, false, false));
        parts.forEach((s, doc) => { if (matches[doc]) total[doc] += s; });
      }
    }
    return candidates.map((doc) => total[doc]);
  }

  /** docnum -> final score for every matching document (query._rank). */
  function rank(p, raw, meta, candidates) {
    const relevance = relevanceScores(p, raw, meta, candidates);
    const best = relevance.reduce((a, b) => Math.max(a, b), 0) || 1;
    const scores = new Map(candidates.map((doc, i) => [doc, RELEVANCE_WEIGHT * relevance[i] / best]));
    for (const [weight, clauses] of p.tiers) {
      for (const clause of clauses) {
        const flags = clauseFlags(clause, raw, meta.n);
        for (const doc of candidates) if (flags[doc]) scores.set(doc, scores.get(doc) + weight / clauses.length);
      }
    }
    return scores;
  }

  function find(docs, doc) {
    let lo = 0, hi = docs.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (docs[mid] === doc) return mid;
      if (docs[mid] < doc) lo = mid + 1; else hi = mid - 1;
    }
    return -1;
  }

  /** Pages of the document holding each query word: one Set per word (0 = metadata). */
  function wordPages(p, raw, doc) {
    return p.pageKeys.map((alternatives) => {
      const pages = new Set();
      for (const key of alternatives) {
        const posting = postingsOf(raw, key), i = find(posting.docs, doc);
        if (i >= 0) pageList(posting.pages[i]).forEach((page) => pages.add(page));
      }
      return pages;
    });
  }

  /** index._matching_pages: pages holding every word; and the page for the snippet. */
  function pagesOf(p, raw, doc) {
    const perWord = wordPages(p, raw, doc);
    const counts = new Map();
    perWord.forEach((pages) => pages.forEach((page) => counts.set(page, (counts.get(page) || 0) + 1)));
    const hits = [...counts].filter(([page, c]) => page > 0 && c === perWord.length).map(([page]) => page);
    let snippetPage = -1, bestCount = 0;
    for (const [page, c] of [...counts].sort((a, b) => (a[0] || Infinity) - (b[0] || Infinity))) {
      if (c > bestCount) { bestCount = c; snippetPage = page; }
    }
    return { pages: hits.sort((a, b) => a - b), snippetPage };
  }


  // --- completions while typing ---------------------------------------------

  /** File name of a completion prefix (export.prefix_name). */
  function prefixName(prefix) {
    if (/^[a-z0-9]{2}$/.test(prefix)) return prefix;
    return "u" + Array.from(prefix, (ch) => ch.codePointAt(0).toString(16)).join("-");
  }

  /** The most frequent words the last, unfinished word of the query may become. */
  async function completionFor(groups, query) {
    if (!groups.length || !/[\p{L}\p{N}\p{M}]$/u.test(nfc(query))) return null;
    // The word being typed ends the query; the parser lists exclusions last, wherever typed.
    if (nfc(query).trim().split(/[ \t\u00a0\u2007\u202f]+/u).pop().startsWith("-")) return null; // an exclusion: completing it would widen it
    const group = groups.filter((g) => !g.excluded).pop();
    if (!group || group.kind !== "words") return null;
    const i = group.syllables.length - 1, typed = group.syllables[i].folded;
    const chars = Array.from(typed);
    if (chars.length < 2) return null;
    const prefix = chars.slice(0, 2).join(""), name = prefixName(prefix);
    const lists = await Promise.all(getMeta().segments.map((s) => load("p", s.name + "/" + prefix, paths.prefix(s.name, name))));
    const frequency = new Map(); // over every segment, as one index's
    for (const listed of lists.filter(Boolean)) {
      for (const entry of listed.split(",")) {
        const at = entry.lastIndexOf(":"), key = entry.slice(0, at);
        if (key !== typed && key.startsWith(typed)) frequency.set(key, (frequency.get(key) || 0) + Number(entry.slice(at + 1)));
      }
    }
    const keys = [...frequency].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
      .slice(0, COMPLETIONS).map(([key]) => key);
    return keys.length ? { group, syllable: i, keys } : null;
  }

  // --- filters, facets, order ------------------------------------------------

  /** Per document, which filters it passes: {fonds, type, issuer, year} -> boolean. */
  function filterTests(meta, options) {
    const indexOf = (table, value) => table.indexOf(value) + 1; // 0: no such value, matches nothing
    const fonds = new Set(meta.fonds.map((f, i) => ((f[0] || f[1]) === options.fonds ? i + 1 : -1)));
    const type = options.type ? indexOf(meta.types, options.type) : null;
    const issuer = options.issuer ? indexOf(meta.issuers, options.issuer) : null;
    const from = parseInt(options.from, 10) || 0, to = parseInt(options.to, 10) || 0;
    return {
      fonds: (doc) => !options.fonds || fonds.has(meta.cols.fonds[doc]),
      type: (doc) => type === null || (type > 0 && meta.cols.type[doc] === type),
      issuer: (doc) => issuer === null || (issuer > 0 && meta.cols.issuer[doc] === issuer),
      year: (doc) => !(from || to) || (meta.year[doc] > 0 && (!from || meta.year[doc] >= from) &&
        (!to || meta.year[doc] <= to)),
    };
  }

  /** Results that pass every filter, and counts per facet value over those passing the others. */
  function filterAndCount(meta, docs, options) {
    const tests = filterTests(meta, options), names = Object.keys(tests);
    const counts = { fonds: new Map(), type: new Map(), issuer: new Map(), year: new Map() };
    const kept = [];
    for (const doc of docs) {
      const failed = names.filter((name) => !tests[name](doc));
      if (!failed.length) kept.push(doc);
      if (failed.length > 1) continue;
      for (const name of failed.length ? failed : names) { // counted where only this facet's filter is lifted
        const value = name === "year" ? meta.year[doc] : meta.cols[name][doc];
        if (value) counts[name].set(value, (counts[name].get(value) || 0) + 1);
      }
    }
    return { kept, facets: facetLists(meta, counts) };
  }

  /** Facet values {value (the URL parameter), label, code, count}: in Vietnamese alphabetical order
   * (ICU's, as the build's browse pages: catalog/language/collation.py), fonds by their shown
   * "code — name", years in order. */
  function facetLists(meta, counts) {
    const fonds = ([code, name]) => ({ value: code || name, label: name, code });
    const plain = (value) => ({ value: String(value), label: String(value) });
    const lists = {
      fonds: [...counts.fonds].map(([i, count]) => Object.assign(fonds(meta.fonds[i - 1]), { count })),
      type: [...counts.type].map(([i, count]) => Object.assign(plain(meta.types[i - 1]), { count })),
      issuer: [...counts.issuer].map(([i, count]) => Object.assign(plain(meta.issuers[i - 1]), { count })),
      year: [...counts.year].map(([year, count]) => Object.assign(plain(year), { count })),
    };
    const compare = new Intl.Collator("vi").compare; // equal labels keep the index's order (sorted_vi's)
    const shown = (f) => (f.code && f.code !== f.label ? f.code + " — " : "") + f.label;
    lists.fonds.sort((a, b) => compare(shown(a), shown(b)));
    for (const name of ["type", "issuer"]) lists[name].sort((a, b) => compare(a.label, b.label));
    lists.year.sort((a, b) => a.value - b.value);
    return lists;
  }

  /** By the index's date order (meta.rank: undated last), newest first (undated still last), or by score. */
  function order(docs, scores, sort, meta) {
    const { rank, year } = meta;
    if (sort === "date") return docs.sort((a, b) => rank[a] - rank[b]);
    if (sort === "date-desc") return docs.sort((a, b) => (year[b] > 0) - (year[a] > 0) || rank[b] - rank[a]);
    return docs.sort((a, b) => scores.get(b) - scores.get(a) || rank[a] - rank[b]);
  }

  // --- the query --------------------------------------------------------------

  /** query_sides(): the sides of OR (each its groups, in order) and the excluded groups. */
  function querySides(groups) {
    const sides = new Map();
    for (const g of groups.filter((x) => !x.excluded)) sides.set(g.side, [...(sides.get(g.side) || []), g]);
    return { sides: [...sides.values()], excluded: groups.filter((g) => g.excluded) };
  }

  /** A plan per side of OR, and per excluded group one of its required clauses only. */
  function plans(groups, completion) {
    const { sides, excluded } = querySides(groups);
    const exclusions = excluded.map((g) => ({ required: plan([g], null).required, relevance: [], tiers: [], pageKeys: [] }));
    return { groups: sides, sides: sides.map((side) => plan(side, completion)), exclusions };
  }

  /** The candidates of every plan; a second round loads positions to confirm phrases of 3+ syllables. */
  async function matchAll(all, raw, n) {
    let found = all.map((p) => candidatesOf(p, raw, n));
    const more = [...new Set(all.flatMap((p, i) => verifyKeys(p, raw, n, found[i])))];
    if (more.length) {
      (await fetchKeys(more)).forEach((value, key) => raw.set(key, value));
      found = all.map((p) => candidatesOf(p, raw, n));
    }
    return found;
  }

  /** query._side_matches and _rank: per side its documents (none excluded); scores summed over sides. */
  async function rankSides(q, raw, meta) {
    const all = [...q.sides, ...q.exclusions], found = await matchAll(all, raw, meta.n);
    const removed = new Set(found.slice(q.sides.length).flat());
    const sideDocs = found.slice(0, q.sides.length).map((docs) => new Set(docs.filter((d) => !removed.has(d))));
    const scores = new Map();
    q.sides.forEach((p, i) => rank(p, raw, meta, [...sideDocs[i]]).forEach((score, doc) => {
      scores.set(doc, (scores.get(doc) || 0) + score);
    }));
    return { scores, sideDocs };
  }

  /** query._exact_docs: documents holding every accented syllable of a side they match by its exact key. */
  function exactDocs(q, sideDocs, raw, n) {
    const exact = new Set();
    q.groups.forEach((side, i) => {
      const keys = [...new Set(side.flatMap((g) => g.syllables.filter((s) => s.marked).map((s) => "!" + s.exact)))];
      const flags = keys.length ? altFlags({ keys }, raw, n) : null;
      sideDocs[i].forEach((doc) => { if (!flags || flags[doc]) exact.add(doc); });
    });
    return exact;
  }

  /** query._matching_pages over the sides the document matches; the snippet from the first of them. */
  function sidePages(q, sideDocs, raw, doc) {
    const each = q.sides.filter((p, i) => sideDocs[i].has(doc)).map((p) => pagesOf(p, raw, doc));
    const pages = [...new Set(each.flatMap((e) => e.pages))].sort((a, b) => a - b);
    return { pages, snippetPage: each.length ? each[0].snippetPage : -1 };
  }

  /** The counts of search_results: exact and approximate among `docs`, and the no-exact-match notice. */
  function counts(groups, docs, exact) {
    const accented = groups.some((g) => !g.excluded && g.syllables.some((s) => s.marked));
    const exactCount = docs.filter((doc) => exact.has(doc)).length;
    const onlyExclusions = groups.some((g) => g.excluded) && groups.every((g) => g.excluded);
    return { exact: exactCount, approximate: docs.length - exactCount, accented, onlyExclusions,
      noExact: accented && docs.length > 0 && exactCount === 0 };
  }

  /**
   * Ranked results for a query: {query, total, results, facets, highlight, and the counts
   * exact, approximate (after the filters), accented, noExact, onlyExclusions}.
   * options: fonds, type, issuer, from, to (years), sort ("relevance" | "date" |
   * "date-desc"), offset, limit (default 10), prefix (complete the last word: while typing).
   * Each result: doc, id, title, number, date, issuer, type, url, pdf, pageCount,
   * score, exact, pages (1-based pages holding every word), snippetPage (-1: none).
   */
  async function query(text, options = {}) {
    const meta = await ready();
    const groups = parseQuery(String(text || ""));
    const completion = groups.length && meta.n && options.prefix ? await completionFor(groups, text) : null;
    const q = plans(groups, completion);
    if (!q.sides.length || !meta.n) {
      const facets = { fonds: [], type: [], issuer: [], year: [] };
      return Object.assign({ query: text, total: 0, results: [], facets, highlight: highlightKeys(groups, null) },
        counts(groups, [], new Set()));
    }
    const raw = await fetchKeys([...new Set([...q.sides, ...q.exclusions].flatMap(planKeys))]);
    const { scores, sideDocs } = await rankSides(q, raw, meta);
    const exact = exactDocs(q, sideDocs, raw, meta.n);
    const { kept, facets } = filterAndCount(meta, [...scores.keys()], options);
    const ordered = order(kept, scores, options.sort, meta);
    const offset = Math.max(0, options.offset || 0), limit = options.limit === undefined ? 10 : options.limit;
    const page = ordered.slice(offset, offset + limit);
    const shown = await Promise.all(page.map((doc) => loadDocument(doc)));
    const results = page.map((doc, i) => Object.assign({ doc, score: Math.round(scores.get(doc) * 1e6) / 1e6,
      exact: exact.has(doc) }, display(shown[i]), sidePages(q, sideDocs, raw, doc)));
    return Object.assign({ query: text, total: ordered.length, results, facets,
      highlight: highlightKeys(groups, completion) }, counts(groups, ordered, exact));
  }

  function display(d) {
    d = d || {};
    return { id: d.id, title: d.title || "", number: d.number || "", date: d.date || "", issuer: d.issuer || "",
      type: d.type || "", url: d.url || "", pdf: d.pdf || "", pageCount: d.pages || 0 };
  }

  // --- snippets and highlighting -----------------------------------------------

  /** Keys to mark: every query word folded (and its completions); exact keys of accented words. */
  function highlightKeys(groups, completion) {
    const folded = new Set(), exact = new Set();
    groups.filter((group) => !group.excluded).forEach((group) => group.syllables.forEach((s) => {
      folded.add(s.folded);
      if (s.marked) exact.add(s.exact);
    }));
    if (completion) completion.keys.forEach((k) => folded.add(k));
    return { folded: [...folded], exact: [...exact] };
  }

  Object.assign(CS, { query, ready, prefixName });
  CS.engine = { plan, plans, planKeys, verifyKeys, candidatesOf, rank, pagesOf, completionFor, querySides };
})(window);
