/* catalog — the document page: copy the citation; and, when opened from a search result
 * (tai-lieu/ab/x.html?q=words#trang-N), highlight the words in the page texts, open the text,
 * and open the PDF viewer at that page. The highlighting loads the search page's analyzer
 * (search.js) and marker (search-ui.js), so a word is marked here exactly when the search
 * matched it. Everything is built with DOM calls (textContent), never from HTML strings.
 */
(function (global) {
  "use strict";

  function copyCitation(button) {
    const text = document.getElementById(button.dataset.copy).textContent.trim();
    const status = button.parentElement.querySelector(".copy-status");
    const done = (ok) => { status.textContent = ok ? button.dataset.done : button.dataset.failed; };
    if (navigator.clipboard && global.isSecureContext) {
      navigator.clipboard.writeText(text).then(() => done(true), () => done(legacyCopy(text)));
    } else done(legacyCopy(text));
  }

  /** Where the clipboard API is not offered (an intranet over plain http): a selected textarea. */
  function legacyCopy(text) {
    const area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed"; area.style.opacity = "0";
    document.body.append(area);
    area.select();
    let ok = false;
    try { ok = document.execCommand("copy"); } catch (error) { ok = false; }
    area.remove();
    return ok;
  }

  function loadScript(src) {
    return new Promise((resolve, reject) => {
      const script = document.createElement("script");
      script.src = src; script.onload = resolve; script.onerror = reject;
      document.head.append(script);
    });
  }

  /** The words to mark: folded keys of every searched syllable, exact keys of accented ones. */
  function queryKeys(CS, q) {
    const folded = new Set(), exact = new Set();
    for (const group of CS.analyzer.parseQuery(q)) {
      if (group.excluded) continue; // "-word": the reader asked for documents without it
      for (const s of group.syllables) { folded.add(s.folded); if (s.marked) exact.add(s.exact); }
    }
    return { folded: [...folded], exact: [...exact] };
  }

  function markText(node, parts) {
    node.replaceChildren(...parts.map((p) => {
      if (!p.mark) return document.createTextNode(p.text);
      const mark = document.createElement("mark");
      if (p.exact) mark.className = "exact";
      mark.textContent = p.text;
      return mark;
    }));
  }

  /** The PDF viewer at page n: an <object>'s data is only read when it is inserted. */
  function openViewerAt(page) {
    const viewer = document.querySelector("object.pdf");
    if (!viewer || !page || !viewer.getAttribute("data")) return;
    const moved = viewer.cloneNode(true);
    moved.data = viewer.getAttribute("data").split("#")[0] + "#page=" + page;
    viewer.replaceWith(moved);
  }

  function notice(article, ui, q, found) {
    const p = document.createElement("p");
    p.className = "note highlight-notice";
    p.append((found ? ui.highlighting : ui.none).replace("{q}", () => q), " · "); // a function: "$&" in q stays as typed
    const clear = document.createElement("a");
    clear.href = location.pathname + location.hash;
    clear.textContent = ui.clear;
    p.append(clear);
    article.querySelector("h1").after(p);
  }

  async function landFromSearch(article) {
    const params = new URLSearchParams(location.search), q = (params.get("q") || "").trim();
    if (!q) return;
    const root = article.dataset.root, ui = JSON.parse(article.dataset.ui);
    await loadScript(root + "static/search.js");
    await loadScript(root + "static/search-ui.js");
    const CS = global.CatalogSearch, keys = queryKeys(CS, q);
    let found = 0;
    for (const node of article.querySelectorAll(".page-text")) {
      const parts = CS.highlight(node.textContent, keys);
      found += parts.filter((p) => p.mark).length;
      markText(node, parts);
    }
    const details = article.querySelector(".fulltext details");
    if (details && found) details.open = true;
    notice(article, ui, q, found);
    const page = /^#trang-(\d+)$/.exec(location.hash);
    openViewerAt(page && page[1]);
    const target = page && document.getElementById("trang-" + page[1]);
    if (target) target.scrollIntoView();
    article.setAttribute("data-highlighted", String(found));
  }

  function start() {
    for (const button of document.querySelectorAll("button.copy[data-copy]")) {
      button.hidden = false;
      button.addEventListener("click", () => copyCitation(button));
    }
    const article = document.querySelector("article.document[data-root]");
    if (article) landFromSearch(article).catch(() => article.setAttribute("data-highlighted", "error"));
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
  document.addEventListener("catalog:page-shown", start); // the bundle's vault.js showed the sealed page
})(window);
