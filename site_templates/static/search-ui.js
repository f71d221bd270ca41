/* catalog — the search page (search.html): URL <-> form, live results, keyboard navigation.
 * Needs search.js and search-engine.js. Everything is built with DOM calls (textContent),
 * never from HTML strings, so a document's own words cannot inject markup.
 */
(function (global) {
  "use strict";

  const CS = global.CatalogSearch;
  const FIELDS = ["q", "fonds", "type", "issuer", "from", "to", "sort"];
  const PAGE_SIZE = 10, TYPING_DELAY = 150;

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

  function start() {
    const page = document.getElementById("search-page");
    const form = document.getElementById("search-form");
    const results = document.getElementById("results");
    if (!page || !form || !results) return;
    const ui = JSON.parse(page.getAttribute("data-ui"));
    const root = page.getAttribute("data-root") || "";
    const status = document.getElementById("search-status");
    const more = document.getElementById("search-more");
    const input = form.elements.q;
    let generation = 0, shown = 0, last = null, timer = null;

    const values = () => Object.fromEntries(FIELDS.map((f) => [f, (form.elements[f] && form.elements[f].value.trim()) || ""]));

    function fillForm() {
      const params = new URLSearchParams(global.location.search);
      for (const f of FIELDS) if (form.elements[f] && params.has(f)) form.elements[f].value = params.get(f);
    }

    function updateUrl() {
      const params = new URLSearchParams();
      for (const [f, v] of Object.entries(values())) if (v) params.set(f, v);
      try { global.history.replaceState(null, "", "?" + params.toString()); } catch (e) { /* some file:// setups refuse */ }
    }

    function fillFacet(name, facets, current) {
      const select = form.elements[name];
      if (!select) return;
      const options = [element("option", { value: "" }, ui.all)];
      const listed = facets[name].slice();
      if (current && !listed.some((f) => f.value === current)) listed.unshift({ value: current, label: current, count: 0 });
      for (const f of listed) {
        const label = (f.code && f.code !== f.label ? f.code + " — " : "") + f.label + " (" + f.count + ")";
        options.push(element("option", { value: f.value, selected: f.value === current ? "" : null }, label));
      }
      select.replaceChildren(...options);
      select.value = current;
    }

    function pageLinks(result) {
      if (!result.pages.length) return null;
      const links = result.pages.map((n) => (result.pdf
        ? element("a", { href: root + result.pdf + "#page=" + n, class: "page-link" }, String(n))
        : element("span", {}, String(n))));
      const spaced = links.flatMap((link, i) => (i ? [", ", link] : [link]));
      return element("p", { class: "result-pages" }, ui.hitPages + ": ", ...spaced);
    }

    async function item(result, keys) {
      const title = result.title || result.number || result.id;
      const meta = [result.type, result.number, result.date, result.issuer].filter(Boolean).join(" · ");
      const snippet = await CS.snippet(result, keys);
      const snippetNode = snippet && element("p", { class: "snippet" },
        snippet.page ? element("span", { class: "snippet-page" }, ui.page + " " + snippet.page + ": ") : null,
        ...marked(snippet.parts));
      return element("li", { class: "result", "data-doc-id": result.id },
        element("a", { class: "result-title", href: result.url }, ...marked(CS.highlight(title, keys))),
        meta ? element("p", { class: "result-meta" }, meta) : null,
        snippetNode, pageLinks(result));
    }

    async function run(options) {
      const v = values(), mine = ++generation;
      clearTimeout(timer);
      results.setAttribute("data-state", "loading");
      const append = options.append && last;
      const answer = await CS.query(v.q, Object.assign({}, v, { offset: append ? shown : 0, limit: PAGE_SIZE, prefix: options.prefix }));
      const items = await Promise.all(answer.results.map((r) => item(r, answer.highlight)));
      if (mine !== generation) return; // a newer query has started
      if (append) results.append(...items); else results.replaceChildren(...items);
      shown = (append ? shown : 0) + items.length;
      last = answer;
      for (const name of ["fonds", "type", "issuer"]) fillFacet(name, answer.facets, v[name]);
      status.textContent = !v.q ? ui.enterQuery : answer.total ? ui.count.replace("{n}", answer.total) : ui.none;
      more.hidden = shown >= answer.total;
      results.setAttribute("data-query", v.q);
      results.setAttribute("data-total", String(answer.total));
      results.setAttribute("data-state", "done");
    }

    /** Arrow keys move between result titles; from the box, Down enters the list. */
    function onKey(event) {
      if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
      const links = [...results.querySelectorAll(".result-title")];
      const at = links.indexOf(document.activeElement);
      if (event.target === input && event.key === "ArrowDown" && links.length) links[0].focus();
      else if (at >= 0 && event.key === "ArrowDown" && at + 1 < links.length) links[at + 1].focus();
      else if (at > 0 && event.key === "ArrowUp") links[at - 1].focus();
      else if (at === 0 && event.key === "ArrowUp") input.focus();
      else return;
      event.preventDefault();
    }

    form.addEventListener("submit", (event) => { event.preventDefault(); updateUrl(); run({}); });
    input.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(() => run({ prefix: true }), TYPING_DELAY); });
    form.addEventListener("change", (event) => { if (event.target !== input) { updateUrl(); run({}); } });
    form.addEventListener("keydown", onKey);
    results.addEventListener("keydown", onKey);
    more.addEventListener("click", () => run({ append: true }));
    fillForm();
    run({}).catch((error) => { status.textContent = ui.failed; results.setAttribute("data-state", "error"); throw error; });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})(window);
