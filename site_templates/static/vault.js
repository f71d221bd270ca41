/* catalog — the sealed tiers of the offline bundle, opened in the browser.
 *
 * catalog/access/sealing.py and catalog/site/sealed_layer.py seal them: per tier, PBKDF2-SHA256
 * (salt and rounds in vault/tiers.js) gives a master secret, HKDF-SHA256 the AES-256-GCM key
 * and the HMAC key that names each sealed file (vault/<tier>/<ab>/<name>.js, name = HMAC of
 * the site path). Unlocking keeps each opened tier's master secret in sessionStorage (this
 * browser tab's session; never the passphrase) until "Lock". While unlocked, a page whose
 * sealed version exists shows that version; links, images and scans that only the sealed
 * layer holds are decrypted on demand (pages through vault.html#<path>, scans and images
 * as blob: URLs); the search engine (search.js) reads the sealed index first.
 * WebCrypto needs a secure context: file:// and https, not plain http.
 */
(function (global) {
  "use strict";

  const STORE = "catalog-vault";
  const AES_INFO = "catalog vault aes-256-gcm", NAME_INFO = "catalog vault file names", NAME_HEX = 32;
  const MANIFEST_PATH = ":manifest";
  const script = document.currentScript;
  const root = new URL("../", script.src).href; // static/vault.js -> the site root
  const encoder = new TextEncoder(), decoder = new TextDecoder();
  const subtle = global.isSecureContext && global.crypto ? global.crypto.subtle : null;

  // --- loading: every vault file is a script calling catalogVaultLoad(name, data) -----
  const loaded = new Map(), pending = new Map();
  global.catalogVaultLoad = function (name, data) { loaded.set(name, data); };

  function load(name, rel) {
    if (loaded.has(name)) return Promise.resolve(loaded.get(name));
    if (!pending.has(name)) {
      pending.set(name, new Promise((resolve) => {
        const tag = document.createElement("script");
        tag.src = root + "vault/" + rel;
        tag.onload = () => { tag.remove(); resolve(loaded.has(name) ? loaded.get(name) : null); };
        tag.onerror = () => { tag.remove(); pending.delete(name); resolve(null); };
        document.head.appendChild(tag);
      }));
    }
    return pending.get(name);
  }

  const fromBase64 = (text) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
  const toBase64 = (bytes) => btoa(String.fromCharCode(...bytes));
  const hex = (buffer) => Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, "0")).join("");

  // --- keys -----------------------------------------------------------------------
  async function masterOf(passphrase, tier) {
    const material = await subtle.importKey("raw", encoder.encode(passphrase), "PBKDF2", false, ["deriveBits"]);
    const params = { name: "PBKDF2", hash: "SHA-256", salt: fromBase64(tier.salt), iterations: tier.iterations };
    return new Uint8Array(await subtle.deriveBits(params, material, 256));
  }

  async function keysOf(name, master) {
    const base = await subtle.importKey("raw", master, "HKDF", false, ["deriveKey"]);
    const hkdf = (info) => ({ name: "HKDF", hash: "SHA-256", salt: new Uint8Array(0), info: encoder.encode(info) });
    return {
      tier: name,
      aes: await subtle.deriveKey(hkdf(AES_INFO), base, { name: "AES-GCM", length: 256 }, false, ["decrypt"]),
      names: await subtle.deriveKey(hkdf(NAME_INFO), base, { name: "HMAC", hash: "SHA-256", length: 256 }, false, ["sign"]),
    };
  }

  async function nameOf(keys, path) {
    return hex(await subtle.sign("HMAC", keys.names, encoder.encode(path))).slice(0, NAME_HEX);
  }

  /** Decrypt one sealed file; null if it is missing or does not open with these keys. */
  async function openFile(keys, name, rel, path) {
    const data = await load(keys.tier + "/" + name, keys.tier + "/" + rel);
    if (typeof data !== "string") return null;
    const sealed = fromBase64(data);
    try {
      const additional = encoder.encode(keys.tier + "\0" + path);
      const plain = await subtle.decrypt({ name: "AES-GCM", iv: sealed.slice(0, 12), additionalData: additional },
        keys.aes, sealed.slice(12));
      return new Uint8Array(plain);
    } catch (error) {
      return null;
    }
  }

  /** The tier's keys and manifest, or null if `master` does not open its manifest. */
  async function openTier(name, master) {
    const keys = await keysOf(name, master);
    const listing = await openFile(keys, "manifest", "manifest.js", MANIFEST_PATH);
    return listing ? { keys, manifest: JSON.parse(decoder.decode(listing)) } : null;
  }

  // --- the session: opened tiers, highest last ---------------------------------------
  const tiersPromise = load("tiers", "tiers.js").then((t) => t || []);
  const stored = () => { try { return JSON.parse(sessionStorage.getItem(STORE) || "{}"); } catch (e) { return {}; } };

  const ready = (async () => {
    const saved = stored();
    if (!subtle || !Object.keys(saved).length) return [];
    const tiers = await tiersPromise;
    const opened = await Promise.all(tiers.map((t) => (saved[t.tier] ? openTier(t.tier, fromBase64(saved[t.tier])) : null)));
    return opened.map((o, i) => o && Object.assign(o, { label: tiers[i].label })).filter(Boolean);
  })();

  /** Try the passphrase on every tier; keeps the master secret of each it opens. Resolves to their labels. */
  async function unlock(passphrase) {
    const tiers = await tiersPromise, saved = stored(), labels = [];
    for (const tier of tiers) {
      const master = await masterOf(passphrase, tier);
      if (await openTier(tier.tier, master)) { saved[tier.tier] = toBase64(master); labels.push(tier.label); }
    }
    if (labels.length) sessionStorage.setItem(STORE, JSON.stringify(saved));
    return labels;
  }

  function lock() { sessionStorage.removeItem(STORE); }

  /** The sealed entry of a site path in the highest opened tier that has it. */
  async function entryOf(path) {
    const opened = await ready;
    for (let i = opened.length - 1; i >= 0; i--) {
      if (Object.prototype.hasOwnProperty.call(opened[i].manifest, path)) return { tier: opened[i], entry: opened[i].manifest[path] };
    }
    return null;
  }

  /** A site file's sealed bytes, or null when no opened tier seals that path. */
  async function sealedFile(path) {
    const found = await entryOf(path);
    if (!found) return null;
    const name = await nameOf(found.tier.keys, path);
    return openFile(found.tier.keys, name, name.slice(0, 2) + "/" + name + ".js", path);
  }

  /** For search.js: the data of a sealed search file, or undefined to load the plain one. */
  async function searchData(path) {
    const bytes = await sealedFile("search/" + path);
    if (!bytes) return undefined;
    // export.script's form: catalogSearchLoad(<kind>,<id>,<data>); its arguments are JSON
    const text = decoder.decode(bytes);
    return JSON.parse("[" + text.slice(text.indexOf("(") + 1, text.lastIndexOf(")")) + "]")[2];
  }

  // --- pages, links, images and scans ------------------------------------------------
  const blobs = new Map();
  function blobUrl(path, type) {
    if (!blobs.has(path)) {
      blobs.set(path, sealedFile(path).then((bytes) => (bytes ? URL.createObjectURL(new Blob([bytes], { type })) : null)));
    }
    return blobs.get(path);
  }

  /** The site path of a URL inside the site, with its fragment; null outside it. */
  function sitePath(url) {
    const u = new URL(url, document.baseURI);
    if (!u.href.startsWith(root)) return null;
    return { path: decodeURIComponent(u.href.slice(root.length).split(/[?#]/)[0]), hash: u.hash };
  }

  const rewritten = new WeakSet();

  async function rewriteLink(a) {
    if (rewritten.has(a)) return;
    rewritten.add(a);
    const target = sitePath(a.getAttribute("href"));
    const found = target && (await entryOf(target.path));
    if (!found) return;
    if (target.path.endsWith(".html")) {
      if (!found.entry[1]) a.href = root + "vault.html#" + target.path + target.hash; // no plain page to swap
      return;
    }
    a.addEventListener("click", async (event) => {
      event.preventDefault();
      const url = await blobUrl(target.path, target.path.endsWith(".pdf") ? "application/pdf" : "");
      if (!url) return;
      if (a.hasAttribute("download")) {
        const save = Object.assign(document.createElement("a"), { href: url, download: a.getAttribute("download") });
        save.click();
      } else {
        global.location.href = url + target.hash;
      }
    });
  }

  async function rewriteSource(element, attribute, type) {
    const target = sitePath(element.getAttribute(attribute));
    if (!target || !(await entryOf(target.path))) return;
    const url = await blobUrl(target.path, type);
    if (!url) return;
    if (element.tagName === "OBJECT") { // an <object> loads its data once: put a new one in its place
      const copy = element.cloneNode(true);
      copy.setAttribute("data", url + target.hash);
      element.replaceWith(copy);
    } else {
      element.setAttribute(attribute, url);
    }
  }

  function rewrite(scope) {
    if (scope.nodeType !== 1) return;
    const all = (selector) => [...(scope.matches(selector) ? [scope] : []), ...scope.querySelectorAll(selector)];
    all("a[href]").forEach(rewriteLink);
    all("img[src]").forEach((img) => rewriteSource(img, "src", "image/jpeg"));
    all("object[data]").forEach((object) => rewriteSource(object, "data", "application/pdf"));
  }

  /** Show the sealed version of a page in place of this one; false if there is none. */
  async function showSealedPage(path, elsewhere) {
    const bytes = await sealedFile(path);
    if (!bytes) return false;
    const page = new DOMParser().parseFromString(decoder.decode(bytes), "text/html");
    if (elsewhere) { // vault.html shows a page of another folder: its relative links start there
      const base = document.createElement("base");
      base.href = new URL(path, root).href;
      document.head.prepend(base);
      document.documentElement.lang = page.documentElement.lang;
    }
    document.title = page.title;
    document.body.replaceWith(document.adoptNode(page.body));
    return true;
  }

  // --- the bar in the header and the unlock page ------------------------------------
  const uiOf = (element) => JSON.parse((element && element.getAttribute("data-ui")) || "{}");
  const labelsIn = (labels, lang) => labels.map((l) => l[lang] || l.vi).join(", ");

  function showBar(opened) {
    const bar = document.getElementById("vault-bar");
    if (!bar || !opened.length) return;
    const ui = uiOf(bar), lang = bar.getAttribute("data-lang") || "vi";
    const button = Object.assign(document.createElement("button"), { type: "button", textContent: ui.lock, id: "vault-lock" });
    button.addEventListener("click", () => { lock(); global.location.reload(); });
    const state = Object.assign(document.createElement("span"), {
      textContent: ui.unlocked.replace("{tiers}", labelsIn(opened.map((o) => o.label), lang)) });
    bar.replaceChildren(state, " ", button);
    bar.classList.add("unlocked");
  }

  function bindUnlockPage(opened) {
    const page = document.getElementById("vault-page");
    if (!page) return;
    const ui = uiOf(page), status = document.getElementById("vault-status");
    const form = document.getElementById("vault-form"), input = document.getElementById("vault-passphrase");
    const lang = document.documentElement.lang || "vi";
    const say = (text, bad) => { status.textContent = text; status.classList.toggle("warn", !!bad); };
    if (!subtle) { say(ui.unsupported, true); form.hidden = true; return; }
    if (opened.length) say(ui.unlocked.replace("{tiers}", labelsIn(opened.map((o) => o.label), lang)));
    if (!opened.length && global.location.hash.length > 1) say(ui.needed);
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      const passphrase = input.value;
      input.value = ""; // not kept in the page either
      if (!passphrase) { say(ui.empty, true); return; }
      say(ui.unlocking);
      const labels = await unlock(passphrase);
      if (!labels.length) { say(ui.wrong, true); return; }
      if (global.location.hash.length > 1) { global.location.reload(); return; }
      say(ui.unlocked.replace("{tiers}", labelsIn(labels, lang)));
      document.getElementById("vault-next").hidden = false;
    });
  }

  async function start() {
    const opened = await ready;
    const bar = document.getElementById("vault-bar");
    const here = bar && bar.getAttribute("data-page");
    if (opened.length && here) {
      const viewer = /(^|\/)vault\.html$/.test(here) && global.location.hash.length > 1;
      const wanted = viewer ? decodeURIComponent(global.location.hash.slice(1).split("#")[0]) : here;
      if (!(await showSealedPage(wanted, viewer)) && viewer) {
        document.getElementById("vault-status").textContent = uiOf(bar).failed;
      }
      rewrite(document.body);
      new MutationObserver((changes) => changes.forEach((c) => c.addedNodes.forEach(rewrite)))
        .observe(document.documentElement, { childList: true, subtree: true });
    }
    showBar(opened);
    bindUnlockPage(opened);
  }

  global.CatalogVault = { ready, unlock, lock, searchData, sealedFile };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})(window);
