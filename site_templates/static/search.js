/* catalog — offline search engine over the sharded index in search/ (no server, no framework).
 *
 * The analyzer mirrors catalog/language/vietnamese.py rule for rule; matching and ranking mirror
 * catalog/search/query.py (_required_query, _tiers, _matching_pages); the file format is
 * described in catalog/search/browser/export.py. Data files are scripts that call
 * catalogSearchLoad(kind, id, data), because fetch and XHR are blocked on file://.
 * The page (search-ui.js) calls CatalogSearch.query(q, options).
 */
(function (global) {
  "use strict";

  // --- analyzer: catalog/language/vietnamese.py -------------------------------------

  // Tone marks (combining) -> tone number; U+0340/U+0341 are the deprecated variants.
  const TONE_NUMBERS = { "\u0301": "1", "\u0341": "1", "\u0300": "2", "\u0340": "2",
    "\u0309": "3", "\u0303": "4", "\u0323": "5" };
  const DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2212";
  const DASH_CLASS = "/\\-\u2010\u2011\u2012\u2013\u2014\u2212"; // "/" + DASHES, escaped for a class
  const SEP = "[" + DASH_CLASS + "]";
  // TOKEN_PATTERN: letters and digits ([^\W_] in Python) plus the combining-mark ranges.
  const TOKEN = /(?:[\p{L}\p{N}]|[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f])+/gu;
  // DOC_NUMBER_PATTERN: [^\W_] -> [\p{L}\p{N}], \d -> \p{Nd}, [^\W\d_] -> [\p{L}\p{Nl}\p{No}].
  const DOC_NUMBER = new RegExp(
    "(?<![\\p{L}\\p{N}])(?<!" + SEP + ")\\p{Nd}{1,6}(?:/\\p{Nd}{4})?[ \\t]*" + SEP + "[ \\t]*" +
    "(?<symbol>[\\p{L}\\p{Nl}\\p{No}][\\p{L}\\p{N}]*(?:" + SEP + "[\\p{L}\\p{N}]+)*)", "gu");
  const SYMBOL_SPLIT = new RegExp("(" + SEP + ")", "u");
  const DASH_RE = new RegExp("[" + DASHES.replace("-", "\\-") + "]", "gu");
  const QUOTED = /["\u201c\u201d\u201e]([^"\u201c\u201d\u201e]*)["\u201c\u201d\u201e]/g;
  const UPPER = /\p{Uppercase}/u, LOWER = /\p{Lowercase}/u;
  const DIGIT = /[\p{Nd}\u00b2\u00b3\u00b9\u2070\u2074-\u2079\u2080-\u2089]/u; // str.isdigit, nearly

  const nfc = (text) => text.normalize("NFC");

  /** fold(): NFD, drop every mark, đ -> d, Đ -> D, NFC; case kept. */
  function fold(text) {
    return nfc(text.normalize("NFD").replace(/\p{M}/gu, "").replace(/đ/g, "d").replace(/Đ/g, "D"));
  }

  /** tone_key(): lower case, tone mark replaced by a trailing tone number (first one counts). */
  function toneKey(syllable) {
    let tone = "", kept = "";
    for (const ch of syllable.toLowerCase().normalize("NFD")) {
      const number = TONE_NUMBERS[ch];
      if (number === undefined) kept += ch;
      else if (!tone) tone = number;
    }
    return nfc(kept) + tone;
  }

  const foldedKey = (token) => fold(token).toLowerCase();
  const hasDiacritics = (token) => foldedKey(token) !== nfc(token).toLowerCase();

  /** tokenize(): tokens of the NFC text with their offsets (UTF-16 units here). */
  function tokenize(text) {
    const normalized = nfc(text), tokens = [];
    for (const m of normalized.matchAll(TOKEN)) {
      tokens.push({ text: m[0], start: m.index, end: m.index + m[0].length, position: tokens.length });
    }
    return tokens;
  }

  function isSymbolPart(part, first) {
    const chars = Array.from(part);
    if (!(UPPER.test(chars[0]) || (!first && DIGIT.test(chars[0])))) return false;
    const capitals = chars.filter((ch) => UPPER.test(ch)).length;
    return !chars.some((ch) => LOWER.test(ch)) || capitals >= 2;
  }

  function validSymbolLength(symbol) {
    const pieces = symbol.split(SYMBOL_SPLIT); // part, separator, part, ...
    let length = 0, capitals = 0;
    for (let i = 0; i < pieces.length; i += 2) {
      const part = pieces[i];
      if (!isSymbolPart(part, i === 0)) break;
      capitals += Array.from(part).filter((ch) => UPPER.test(ch)).length;
      length += part.length + (i ? pieces[i - 1].length : 0);
    }
    return capitals >= 2 ? length : 0;
  }

  function canonicalNumber(raw) {
    return nfc(raw).toUpperCase().replace(DASH_RE, "-").replace(/\s+/gu, "");
  }

  function numberKeys(raw) {
    const canonical = canonicalNumber(raw);
    if (!canonical) return [];
    const withoutStroke = canonical.replace(/Đ/g, "D");
    return withoutStroke === canonical ? [canonical] : [canonical, withoutStroke];
  }

  /** find_document_numbers(): {text, start, end, key} in the NFC text. */
  function findDocumentNumbers(text) {
    const normalized = nfc(text), found = [];
    for (const m of normalized.matchAll(DOC_NUMBER)) {
      const symbolStart = m.index + m[0].length - m.groups.symbol.length;
      const symbolLength = validSymbolLength(m.groups.symbol);
      if (!symbolLength) continue;
      const end = symbolStart + symbolLength, raw = normalized.slice(m.index, end);
      found.push({ text: raw, start: m.index, end, key: canonicalNumber(raw) });
    }
    return found;
  }

  function querySyllables(text) {
    return tokenize(text).map((t) => ({ text: t.text, exact: toneKey(t.text), folded: foldedKey(t.text),
      marked: hasDiacritics(t.text) }));
  }

  function unquotedGroups(text) {
    const groups = [];
    let cursor = 0;
    for (const number of findDocumentNumbers(text)) {
      groups.push({ kind: "words", syllables: querySyllables(text.slice(cursor, number.start)), numberKeys: [] });
      groups.push({ kind: "number", syllables: querySyllables(number.text), numberKeys: numberKeys(number.text) });
      cursor = number.end;
    }
    groups.push({ kind: "words", syllables: querySyllables(text.slice(cursor)), numberKeys: [] });
    return groups.filter((g) => g.syllables.length);
  }

  /** parse_query(): quoted phrases, document numbers and plain words, in order. */
  function parseQuery(query) {
    const text = nfc(query), groups = [];
    let cursor = 0;
    for (const quoted of text.matchAll(QUOTED)) {
      groups.push(...unquotedGroups(text.slice(cursor, quoted.index)));
      const phrase = querySyllables(quoted[1]);
      if (phrase.length) groups.push({ kind: "phrase", syllables: phrase, numberKeys: [] });
      cursor = quoted.index + quoted[0].length;
    }
    groups.push(...unquotedGroups(text.slice(cursor)));
    return groups;
  }

  // --- codec: catalog/search/browser/postings.py ----------------------------------

  const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";
  const CODE = new Int8Array(128).fill(-1);
  for (let i = 0; i < 64; i++) CODE[ALPHABET.charCodeAt(i)] = i;
  const utf8 = new TextEncoder();

  /** FNV-1a 32 over the UTF-8 bytes of the NFC key (postings.fnv1a32). */
  function fnv1a32(key) {
    let hash = 0x811c9dc5;
    for (const byte of utf8.encode(nfc(key))) hash = Math.imul(hash ^ byte, 0x01000193);
    return hash >>> 0;
  }

  /** A cursor over an encoded string; varint() reads one big-endian base-32 varint. */
  function reader(text) {
    let i = 0;
    return {
      more: () => i < text.length,
      varint() {
        let value = 0, code;
        while ((code = CODE[text.charCodeAt(i++)]) >= 32) value = value * 32 + (code - 32);
        return value * 32 + code;
      },
    };
  }

  /** Doc list of a key without statistics: gaps, or "*" and a 6-bit bitmap. */
  function decodeDocs(text) {
    const docs = [];
    if (text[0] === "*") {
      for (let i = 1; i < text.length; i++) {
        const cell = CODE[text.charCodeAt(i)];
        for (let bit = 0; bit < 6; bit++) if (cell & (1 << bit)) docs.push((i - 1) * 6 + bit);
      }
      return { docs };
    }
    const r = reader(text);
    for (let doc = -1; r.more(); ) docs.push((doc += r.varint() + 1));
    return { docs };
  }

  /** Folded syllable postings: doc gaps, tf << 1 | in title, [title tf, title length], pages (mask or list). */
  function decodeFolded(text) {
    const docs = [], tf = [], title = [], titleLength = [], pages = [], r = reader(text);
    for (let doc = -1; r.more(); ) {
      docs.push((doc += r.varint() + 1));
      const value = r.varint();
      tf.push(Math.floor(value / 2));
      title.push(value % 2 ? r.varint() : 0);
      titleLength.push(value % 2 ? r.varint() : 0);
      const head = r.varint();
      if (head % 2 === 0) { pages.push(head / 2); continue; }
      const list = [];
      for (let n = (head - 1) / 2, page = -1; n > 0; n--) list.push((page += r.varint() + 1));
      pages.push(list);
    }
    return { docs, tf, title, titleLength, pages };
  }

  /** Number keys ("#"): doc gaps, and the length of each document's numbers field. */
  function decodeCited(text) {
    const docs = [], lengths = [], r = reader(text);
    for (let doc = -1; r.more(); ) {
      docs.push((doc += r.varint() + 1));
      lengths.push(r.varint());
    }
    return { docs, lengths };
  }

  /** Positional bigram postings: doc gaps, count, position gaps. */
  function decodePositional(text) {
    const docs = [], positions = [], r = reader(text);
    for (let doc = -1; r.more(); ) {
      docs.push((doc += r.varint() + 1));
      const list = [];
      for (let n = r.varint(), position = -1; n > 0; n--) list.push((position += r.varint() + 1));
      positions.push(list);
    }
    return { docs, positions };
  }

  /** Pages of a posting as a list: a mask (number) has bit p for page p. */
  function pageList(pages) {
    if (Array.isArray(pages)) return pages;
    const list = [];
    for (let page = 0, rest = pages; rest > 0; page++, rest = Math.floor(rest / 2)) if (rest % 2) list.push(page);
    return list;
  }

  // --- loading: every data file is a script calling catalogSearchLoad -------

  const script = document.currentScript;
  const config = { base: script ? new URL("../search/", script.src).href : "search/" };
  const loaded = new Map(), pending = new Map(), decoded = new Map();
  // File paths under search/ (export.shard_path, own_file_path, document_path).
  const paths = {
    shard: (n) => "s/" + Math.floor(n / 1000) + "/" + n + ".js",
    ownFile: (n, j) => "k/" + Math.floor(n / 1000) + "/" + n + "-" + j + ".js",
    document: (doc, chunk) => "d/" + Math.floor(doc / 250) + "/" + doc + (chunk ? "-" + chunk : "") + ".js",
  };

  global.catalogSearchLoad = function (kind, id, data) { loaded.set(kind + ":" + id, data); };

  /** Load search/<path> once; resolves to its data, or null if the file is missing. */
  function load(kind, id, path) {
    const name = kind + ":" + id;
    if (loaded.has(name)) return Promise.resolve(loaded.get(name));
    if (!pending.has(name)) {
      pending.set(name, new Promise((resolve) => {
        const tag = document.createElement("script");
        tag.src = config.base + path;
        tag.charset = "utf-8";
        tag.onload = () => { tag.remove(); resolve(loaded.has(name) ? loaded.get(name) : null); };
        tag.onerror = () => { tag.remove(); pending.delete(name); resolve(null); };
        document.head.appendChild(tag);
      }));
    }
    return pending.get(name);
  }

  let metaPromise = null, meta = null;

  function ready() {
    if (!metaPromise) metaPromise = load("m", 0, "meta.js").then((m) => (meta = prepareMeta(m)));
    return metaPromise;
  }

  /** The doc table: per document one mixed-radix number of `width` symbols -> one array per column. */
  function docColumns(m) {
    const cols = {};
    m.columns.forEach((name) => { cols[name] = new Uint32Array(m.n); });
    for (let doc = 0; doc < m.n; doc++) {
      let value = 0;
      for (let k = 0; k < m.width; k++) value = value * 64 + CODE[m.docs.charCodeAt(doc * m.width + k)];
      for (let c = m.columns.length - 1; c >= 0; c--) {
        cols[m.columns[c]][doc] = value % m.radices[c];
        value = Math.floor(value / m.radices[c]);
      }
    }
    return cols;
  }

  function prepareMeta(m) {
    if (!m) throw new Error("search/meta.js is missing: rebuild the catalog");
    const cols = docColumns(m);
    const length = Float64Array.from(cols.length, (byte) => m.lengths[byte]);
    const dated = m.years.length ? m.years[m.years.length - 1][2] + 1 : 0;
    const year = new Uint16Array(m.n); // 0: undated
    for (const [y, first, last] of m.years) year.fill(y, first, last + 1);
    // whoosh's stored length of a field of n tokens: the first table value >= n (binary search)
    const quantize = (n) => {
      let lo = 0, hi = 255;
      while (lo < hi) { const mid = (lo + hi) >> 1; if (m.lengths[mid] >= n) hi = mid; else lo = mid + 1; }
      return m.lengths[lo];
    };
    return Object.assign({}, m, { cols, length, dated, year, quantize });
  }

  /**
   * Raw postings of the keys: key -> string | undefined. Loads their shards in parallel,
   * then the files of their own of long posting lists (a number in the shard).
   */
  async function fetchKeys(keys) {
    const shardOf = new Map(keys.map((k) => [k, fnv1a32(k) % meta.shards]));
    const shards = [...new Set(shardOf.values())];
    const data = await Promise.all(shards.map((s) => load("s", s, paths.shard(s))));
    const byShard = new Map(shards.map((s, i) => [s, data[i] || {}]));
    const values = keys.map((k) => byShard.get(shardOf.get(k))[k]);
    await Promise.all(values.map(async (value, i) => {
      if (typeof value !== "number") return;
      const shard = shardOf.get(keys[i]);
      values[i] = (await load("k", shard + "-" + value, paths.ownFile(shard, value))) || undefined;
    }));
    return new Map(keys.map((k, i) => [k, values[i]]));
  }

  const NOTHING = { docs: [], tf: [], title: [], titleLength: [], pages: [], positions: [], lengths: [] };

  // Decoder by key namespace (search/browser/export.py): folded syllables have none.
  const DECODERS = { "@": decodePositional, "#": decodeCited, "!": decodeDocs, ">": decodeDocs, $: decodeDocs };

  /** Decoded postings of a key that fetchKeys returned (cached); nothing for a key not fetched. */
  function postingsOf(raw, key) {
    if (!raw.has(key)) return NOTHING;
    if (!decoded.has(key)) {
      const text = raw.get(key);
      const decode = DECODERS[key[0]] || decodeFolded;
      decoded.set(key, text === undefined ? NOTHING : decode(text));
    }
    return decoded.get(key);
  }

  global.CatalogSearch = Object.assign(global.CatalogSearch || {}, {
    analyzer: { nfc, fold, toneKey, foldedKey, hasDiacritics, tokenize, findDocumentNumbers,
      canonicalNumber, numberKeys, parseQuery },
    codec: { fnv1a32, decodeDocs, decodeFolded, decodePositional, decodeCited, pageList },
    configure(options) { Object.assign(config, options); },
    internals: { ready, load, fetchKeys, postingsOf, paths, getMeta: () => meta },
  });
})(window);
