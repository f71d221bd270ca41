/* catalog — the search page (search.html): URL <-> form, live results, keyboard navigation.
 * Needs search.js and search-engine.js. Everything is built with DOM calls (textContent),
 * never from HTML strings, so a document's own words cannot inject markup.
 */
(function (global) {
  "use strict";

  const CS = global.CatalogSearch;
  const { nfc, tokenize, foldedKey, toneKey } = CS.analyzer;
  const { loadDocument } = CS.internals;
  const FIELDS = ["q", "fonds", "type", "issuer", "from", "to", "sort"];
  const PAGE_SIZE = 10, TYPING_DELAY = 150, SNIPPET_TOKENS = 36;
  // The archive's own words are Vietnamese: marked so on the English page (as the templates do).
  const archiveLang = document.documentElement.lang !== "vi" ? "vi" : null;

  // --- highlighting in the original spelling ------------------------------------

  /**
   * Text split into parts {text, mark, exact}: tokens (re-tokenized with the analyzer's
   * rules) whose folded key is a query word are marked; exact: also spelled with the
   * typed diacritics. With `window`, only the stretch of that many tokens holding the
   * most marks, with "…" where cut.
   */
  function highlight(text, keys, window) {
    const folded = new Set(keys.folded), exact = new Set(keys.exact);
    const normalized = nfc(text), tokens = tokenize(normalized);
    const marks = tokens.map((t) => folded.has(foldedKey(t.text)));
    let first = 0, last = tokens.length - 1;
    if (window && tokens.length > window) [first, last] = bestWindow(marks, window);
    const parts = [];
    let cursor = first > 0 ? tokens[first].start : 0;
    if (first > 0) parts.push({ text: "… ", mark: false });
    for (let i = first; i <= last; i++) {
      const t = tokens[i];
      if (t.start > cursor) parts.push({ text: normalized.slice(cursor, t.start), mark: false });
      parts.push({ text: t.text, mark: marks[i], exact: marks[i] && exact.has(toneKey(t.text)) });
      cursor = t.end;
    }
    const end = last < tokens.length - 1 ? tokens[last].end : normalized.length;
    if (end > cursor) parts.push({ text: normalized.slice(cursor, end), mark: false });
    if (last < tokens.length - 1) parts.push({ text: " …", mark: false });
    return parts;
  }

  /** [first, last] token of the window holding the most marked tokens, with a little context before. */
  function bestWindow(marks, size) {
    let bestStart = 0, bestCount = -1, count = 0;
    for (let end = 0; end < marks.length; end++) {
      count += marks[end];
      if (end >= size) count -= marks[end - size];
      if (end >= size - 1 && count > bestCount) { bestCount = count; bestStart = end - size + 1; }
    }
    const firstMark = marks.indexOf(true, bestStart);
    const start = firstMark < 0 ? 0 : Math.max(0, Math.min(bestStart, firstMark - 6));
    return [start, Math.min(marks.length - 1, start + size - 1)];
  }

  /** A page's text: in the document's file (already loaded for the result), or in a further chunk. */
  async function pageText(doc, page) {
    const d = await loadDocument(doc);
    if (!d) return null;
    if (d.text[page] !== undefined) return d.text[page];
    const chunk = d.more.findIndex(([first, last]) => page >= first && page <= last) + 1;
    const texts = chunk ? await loadDocument(doc, chunk) : null;
    return texts ? texts[page] : null;
  }

  /** The snippet of a result: {page, parts}, or null when no page text holds a query word. */
  async function snippet(result, keys) {
    if (result.snippetPage < 0) return null;
    const text = await pageText(result.doc, result.snippetPage);
    return text ? { page: result.snippetPage, parts: highlight(text, keys, SNIPPET_TOKENS) } : null;
  }

  // --- the page ----------------------------------------------------------------------

  function element(tag, attributes, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (value !== undefined && value !== null && value !== false) node.setAttribute(name, value);
    }
    node.append(...children.filter((c) => c !== null && c !== undefined && c !== ""));
    return node;
  }

  /** Highlighted text as nodes: <mark> (class "exact" when spelled as typed). */
  function marked(parts) {
    return parts.map((p) => (p.mark ? element("mark", { class: p.exact ? "exact" : null }, p.text) : p.text));
  }

  /** The page's elements and state; `ui` holds its words (data-ui), `root` the site root. */
  function pageState() {
    const page = document.getElementById("search-page");
    const form = document.getElementById("search-form");
    const results = document.getElementById("results");
    if (!page || !form || !results) return null;
    return { form, results, input: form.elements.q, ui: JSON.parse(page.getAttribute("data-ui")),
      root: page.getAttribute("data-root") || "", status: document.getElementById("search-status"),
      more: document.getElementById("search-more"), generation: 0, shown: 0, timer: null };
  }

  /** The form's fields (q and the filters) as trimmed strings. */
  const values = (s) => Object.fromEntries(FIELDS.map((f) => {
    const field = s.form.elements[f];
    return [f, field ? field.value.trim() : ""];
  }));

  /** The URL (search.html?q=…&fonds=…) fills the form: results are bookmarkable. */
  function fillForm(s) {
    const params = new URLSearchParams(global.location.search);
    for (const f of FIELDS) {
      const field = s.form.elements[f], value = params.get(f);
      if (!field || value === null) continue;
      if (field.tagName === "SELECT" && ![...field.options].some((o) => o.value === value)) {
        field.append(element("option", { value }, value)); // facet options arrive with the results
      }
      field.value = value;
    }
  }

  function updateUrl(s) {
    const params = new URLSearchParams();
    for (const [f, v] of Object.entries(values(s))) if (v) params.set(f, v);
    try { global.history.replaceState(null, "", "?" + params.toString()); } catch (e) { /* some file:// setups refuse */ }
  }

  /** A filter's options with their counts; the chosen value stays listed even at 0. */
  function fillFacet(s, name, facets, current) {
    const select = s.form.elements[name];
    if (!select) return;
    const listed = facets[name].slice();
    if (current && !listed.some((f) => f.value === current)) listed.unshift({ value: current, label: current, count: 0 });
    const options = listed.map((f) => element("option", { value: f.value },
      (f.code && f.code !== f.label ? f.code + " — " : "") + f.label + " (" + f.count + ")"));
    select.replaceChildren(element("option", { value: "" }, s.ui.all), ...options);
    select.value = current;
  }

  /** The PDF opened at page n (numbered as in the PDF, also in a file's whole scan), or null without a scan. */
  const pdfAt = (s, result, n) => (result.pdf ? s.root + result.pdf + "#page=" + n : null);

  /** "Pages with the words: 2, 5", each linking to the PDF at that page. */
  function pageLinks(s, result) {
    if (!result.pages.length) return null;
    const links = result.pages.map((n) => (result.pdf
      ? element("a", { href: pdfAt(s, result, n), class: "page-link" }, String(n))
      : element("span", {}, String(n))));
    const listed = links.flatMap((link, i) => (i ? [", ", link] : [link]));
    return element("p", { class: "result-pages" }, s.ui.hitPages + ": ", ...listed);
  }

  /** The thumbnail of the document's first page (d/ file: thumb), opening the PDF at the first hit page. */
  async function thumbnail(s, result) {
    const d = await loadDocument(result.doc);
    if (!d || !d.thumb || !d.thumb.length || !result.pdf) return null;
    const [src, width, height] = d.thumb, first = (d.range && d.range[0]) || 1;
    const page = result.pages.length ? result.pages[0] : first;
    return element("a", { class: "thumb", href: pdfAt(s, result, page), tabindex: "-1",
      "aria-label": s.ui.openPage.replace("{n}", page) },
      element("img", { src: s.root + src, width, height, loading: "lazy", alt: s.ui.page + " " + first }));
  }

  /** The document page, at the hit's page, with the words to highlight there (document.js). */
  function landing(s, result, found) {
    const q = s.input.value.trim(), page = (found && found.page) || result.pages[0];
    return result.url + (q ? "?q=" + encodeURIComponent(q) : "") + (page ? "#trang-" + page : "");
  }

  async function item(s, result, keys) {
    const title = result.title || result.number || result.id;
    const meta = [result.type, result.number, result.date, result.issuer].filter(Boolean).join(" · ");
    const [found, thumb] = await Promise.all([snippet(result, keys), thumbnail(s, result)]);
    const label = found && found.page ? s.ui.page + " " + found.page : "";
    const pageNode = label && (result.pdf ? element("a", { href: pdfAt(s, result, found.page) }, label) : label);
    const snippetNode = found && element("p", { class: "snippet", lang: archiveLang },
      pageNode ? element("span", { class: "snippet-page" }, pageNode, ": ") : null, ...marked(found.parts));
    return element("li", { class: "result", "data-doc-id": result.id }, thumb,
      element("a", { class: "result-title", href: landing(s, result, found), lang: archiveLang }, ...marked(highlight(title, keys))),
      meta ? element("p", { class: "result-meta", lang: archiveLang }, meta) : null, snippetNode, pageLinks(s, result));
  }

  /**
   * The line above the results: the count, with the exact and approximate ones when the query
   * has diacritics; when none is exact, the notice says the results are only approximate.
   */
  function summary(s, q, answer) {
    if (!q) return s.ui.enterQuery;
    if (answer.onlyExclusions) return s.ui.onlyExclusions;
    if (!answer.total) return s.ui.none;
    const count = s.ui.count.replace("{n}", answer.total);
    if (answer.noExact) return s.ui.noExact.replace("{q}", () => q.replace(/\s+/gu, " ")) + " " + count;
    if (!answer.accented) return count;
    return count + " (" + s.ui.exactCounts.replace("{exact}", answer.exact).replace("{approximate}", answer.approximate) + ")";
  }

  /** Query and render; data-state is "loading", then "done" with data-query and data-total. */
  async function run(s, options) {
    const v = values(s), mine = ++s.generation, append = Boolean(options.append);
    clearTimeout(s.timer);
    s.results.setAttribute("data-state", "loading");
    const answer = await CS.query(v.q, Object.assign({}, v,
      { offset: append ? s.shown : 0, limit: PAGE_SIZE, prefix: options.prefix }));
    const items = await Promise.all(answer.results.map((r) => item(s, r, answer.highlight)));
    if (mine !== s.generation) return; // a newer query has started
    if (append) s.results.append(...items); else s.results.replaceChildren(...items);
    s.shown = (append ? s.shown : 0) + items.length;
    for (const name of ["fonds", "type", "issuer"]) fillFacet(s, name, answer.facets, v[name]);
    s.status.textContent = summary(s, v.q, answer);
    s.more.hidden = s.shown >= answer.total;
    s.results.setAttribute("data-query", v.q);
    s.results.setAttribute("data-prefix", options.prefix ? "1" : ""); // the export asks the same (search-export.js)
    s.results.setAttribute("data-total", String(answer.total));
    s.results.setAttribute("data-state", "done");
  }

  /** Arrow keys move between result titles; from the box, Down enters the list. Enter opens (a link). */
  function onKey(s, event) {
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    const links = [...s.results.querySelectorAll(".result-title")];
    const at = links.indexOf(document.activeElement), down = event.key === "ArrowDown";
    if (event.target === s.input && down && links.length) links[0].focus();
    else if (at >= 0 && down && at + 1 < links.length) links[at + 1].focus();
    else if (at > 0 && !down) links[at - 1].focus();
    else if (at === 0 && !down) s.input.focus();
    else return;
    event.preventDefault();
  }

  /**
   * The filters behind a button "Filters (N)", N the filters in use, and a "Clear filters" link
   * (this page with the query and sort only; a click empties the filters in place and searches
   * again). Folded at first on a phone-sized screen, so that the results come first.
   */
  function filterToggle(s) {
    const button = document.getElementById("filters-toggle"), clear = document.getElementById("filters-clear");
    const panel = document.getElementById("search-filters");
    if (!button || !clear || !panel) return;
    const filters = ["fonds", "type", "issuer", "from", "to"].map((f) => s.form.elements[f]).filter(Boolean);
    const show = (open) => { panel.hidden = !open; button.setAttribute("aria-expanded", String(open)); };
    const update = () => {
      const active = filters.filter((field) => field.value.trim()).length, kept = new URLSearchParams();
      for (const f of ["q", "sort"]) if (s.form.elements[f] && s.form.elements[f].value.trim()) kept.set(f, s.form.elements[f].value.trim());
      button.querySelector(".filter-count").textContent = "(" + active + ")";
      clear.setAttribute("href", clear.getAttribute("href").split("?")[0] + (String(kept) ? "?" + kept : ""));
      clear.hidden = !active;
    };
    button.hidden = false;
    show(!global.matchMedia("(max-width: 40rem)").matches);
    button.addEventListener("click", () => show(panel.hidden));
    clear.addEventListener("click", (event) => {
      if (event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return; // a new tab: the plain link
      event.preventDefault();
      for (const field of filters) field.value = "";
      panel.dispatchEvent(new Event("change", { bubbles: true })); // the form's own listener: the URL, the results
      button.focus(); // the link is hidden now
    });
    s.form.addEventListener("change", update);
    s.form.addEventListener("input", update);
    update();
  }

  function start() {
    const s = pageState();
    if (!s) return;
    const search = (options) => run(s, options).catch((error) => {
      s.status.textContent = s.ui.failed;
      s.results.setAttribute("data-state", "error");
      throw error;
    });
    s.form.addEventListener("submit", (event) => { event.preventDefault(); updateUrl(s); search({}); });
    s.input.addEventListener("input", () => {
      clearTimeout(s.timer);
      s.timer = setTimeout(() => search({ prefix: true }), TYPING_DELAY); // live, completing the last word
    });
    s.form.addEventListener("change", (event) => { if (event.target !== s.input) { updateUrl(s); search({}); } });
    s.form.addEventListener("keydown", (event) => onKey(s, event));
    s.results.addEventListener("keydown", (event) => onKey(s, event));
    s.more.addEventListener("click", () => search({ append: true }));
    fillForm(s);
    filterToggle(s);
    search({});
  }

  Object.assign(CS, { highlight, snippet });

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})(window);
