/* catalog — the search page's results for taking away: a CSV file (UTF-8 with a BOM, so
 * Excel shows the diacritics) and a printable list, of every result of the current query
 * and filters, in the order shown. Needs search.js, search-engine.js and search-ui.js.
 */
(function (global) {
  "use strict";

  const FIELDS = ["q", "fonds", "type", "issuer", "from", "to", "sort"];

  /** RFC 4180: every field quoted, quotes doubled; CRLF between records, as Excel writes. A
   * text that Excel would run as a formula (=, +, -, @ first) gets a leading apostrophe. */
  function csvText(rows) {
    const cell = (v) => { const s = String(v); return typeof v === "string" && /^[=+\-@\t\r]/.test(s) ? "'" + s : s; };
    return rows.map((row) => row.map((v) => '"' + cell(v).replace(/"/g, '""') + '"').join(",")).join("\r\n") + "\r\n";
  }

  /** Every result of the form's query and filters, as the search page ranks them: the last
   * word completed too when the results shown were answered while typing. */
  async function allResults(form, results) {
    const options = Object.fromEntries(FIELDS.map((f) => [f, form.elements[f] ? form.elements[f].value.trim() : ""]));
    const total = Number(results.getAttribute("data-total") || "0"), prefix = results.dataset.prefix === "1";
    const answer = await global.CatalogSearch.query(options.q, Object.assign(options, { offset: 0, limit: total, prefix }));
    return answer.results;
  }

  const pageUrl = (result) => new URL(result.url, global.location.href).href;

  function rows(results, ui) {
    const header = [ui.rank, ui.number, ui.date, ui.type, ui.issuer, ui.title, ui.pages, ui.url];
    return [header, ...results.map((r, i) => [i + 1, r.number, r.date, r.type, r.issuer, r.title || r.id,
      r.pages.join(" "), pageUrl(r)])];
  }

  function download(name, text) {
    const link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob(["\ufeff" + text], { type: "text/csv;charset=utf-8" }));
    link.download = name;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 60000);
  }

  /** The list the printer gets (print CSS shows it instead of the live results), under the
   * query and filters it answers, so a printed page says what was searched. */
  function printList(list, results, ui, form) {
    const asked = FIELDS.map((f) => form.elements[f]).filter((field) => field && field.value.trim())
      .map((field) => (field.tagName === "SELECT" ? field.selectedOptions[0].textContent : field.value.trim()));
    list.previousElementSibling.textContent = ui.printed.replace("{q}", () => asked.join(" · "));
    list.replaceChildren(...results.map((r) => {
      const item = document.createElement("li");
      const title = document.createElement("strong");
      title.textContent = r.title || r.id;
      const meta = [r.type, r.number, r.date, r.issuer].filter(Boolean).join(" · ");
      item.append(title, document.createElement("br"), meta, document.createElement("br"), ui.url + ": " + pageUrl(r));
      return item;
    }));
  }

  function toolbar(ui) {
    const bar = document.createElement("p");
    bar.className = "search-export";
    bar.hidden = true;
    const csv = document.createElement("button"), print = document.createElement("button");
    csv.type = print.type = "button";
    csv.id = "export-csv"; print.id = "print-list";
    csv.textContent = ui.csv; print.textContent = ui.print;
    bar.append(csv, " ", print);
    return { bar, csv, print };
  }

  function start() {
    const page = document.getElementById("search-page");
    if (!page || !page.dataset.export || !global.CatalogSearch) return;
    const ui = JSON.parse(page.dataset.export), form = document.getElementById("search-form");
    const results = document.getElementById("results"), { bar, csv, print } = toolbar(ui);
    const list = document.createElement("ol"), caption = document.createElement("p");
    list.className = caption.className = "print-list";
    document.getElementById("search-status").after(bar);
    results.after(caption, list);
    const show = () => { bar.hidden = !(results.dataset.state === "done" && Number(results.dataset.total) > 0); };
    new MutationObserver(show).observe(results, { attributes: true, attributeFilter: ["data-state"] });
    csv.addEventListener("click", async () => download(ui.file, csvText(rows(await allResults(form, results), ui))));
    print.addEventListener("click", async () => { printList(list, await allResults(form, results), ui, form); global.print(); });
    show();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})(window);
