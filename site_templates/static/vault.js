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

  // The opened tiers, also known synchronously once `ready` resolved: the page's rewriting
  // must take a sealed image's address away before the browser asks for the plain file.
  let openedNow = [];
  ready.then((opened) => { openedNow = opened; });

  /** The sealed entry of a site path in the highest opened tier that has it: [size, plain file too, name]. */
  function entryNow(path) {
    for (let i = openedNow.length - 1; i >= 0; i--) {
      if (Object.prototype.hasOwnProperty.call(openedNow[i].manifest, path)) return { tier: openedNow[i], entry: openedNow[i].manifest[path] };
    }
    return null;
  }

  async function entryOf(path) {
    await ready;
    return entryNow(path);
  }

  /** The site path of a sealed file's name (the viewer's address names pages by it, not by their ids). */
  function pathOfName(name) {
    for (let i = openedNow.length - 1; i >= 0; i--) {
      for (const [path, entry] of Object.entries(openedNow[i].manifest)) if (entry[2] === name) return path;
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

  /** The site path of a URL inside the site (relative to `base`), with its fragment; null outside it. */
  function sitePath(url, base) {
    const u = new URL(url, base || document.baseURI);
    if (!u.href.startsWith(root)) return null;
    return { path: decodeURIComponent(u.href.slice(root.length).split(/[?#]/)[0]), hash: u.hash };
  }

  /** An address inside the site, relative to the page's base: links keep working when the stick moves. */
  function relativeHref(absolute) {
    const folder = new URL(".", document.baseURI).href;
    if (!folder.startsWith(root)) return absolute;
    return "../".repeat(folder.slice(root.length).split("/").length - 1) + absolute.slice(root.length);
  }

  /** vault.html (en/vault.html for English pages) showing a sealed page, named by its opaque file name. */
  function viewerHref(path, entry, hash) {
    const viewer = path.startsWith("en/") ? "en/vault.html" : "vault.html";
    return relativeHref(root + viewer + "#h=" + entry[2] + (hash.length > 1 ? "&a=" + encodeURIComponent(hash.slice(1)) : ""));
  }

  const rewritten = new WeakSet();

  function rewriteLink(a) {
    if (rewritten.has(a)) return;
    rewritten.add(a);
    const href = a.getAttribute("href");
    if (href.startsWith("#") && document.querySelector("base[data-vault]")) { // an anchor of the page shown
      a.addEventListener("click", (event) => { event.preventDefault(); scrollToAnchor(href.slice(1)); });
      return;
    }
    const target = sitePath(href), found = target && entryNow(target.path);
    if (!found) return;
    if (target.path.endsWith(".html")) {
      if (!found.entry[1]) a.href = viewerHref(target.path, found.entry, target.hash); // no plain page to swap
      return;
    }
    const type = target.path.endsWith(".pdf") ? "application/pdf" : "";
    if (blobs.has(target.path)) { // already being opened for this page (its embedded scan): link to it
      blobs.get(target.path).then((url) => { if (url) a.href = url + target.hash; });
    }
    a.addEventListener("click", async (event) => {
      if (a.href.startsWith("blob:")) return;
      event.preventDefault();
      const url = await blobUrl(target.path, type);
      if (!url) return;
      if (a.hasAttribute("download")) {
        Object.assign(document.createElement("a"), { href: url, download: a.getAttribute("download") }).click();
      } else {
        global.location.href = url + target.hash;
      }
    });
  }

  /** Take a sealed address away from an image or embedded scan at once, then give it the decrypted copy. */
  function rewriteSource(element, attribute, type, base) {
    const stashed = "data-vault-" + attribute;
    const value = element.getAttribute(stashed) || element.getAttribute(attribute);
    const target = value && !value.startsWith("blob:") && sitePath(value, base);
    if (!target || !entryNow(target.path)) return;
    element.setAttribute(stashed, value);
    element.removeAttribute(attribute);
    if (base) return; // a page not yet shown: its turn comes once it is
    blobUrl(target.path, type).then((url) => {
      if (!url) return;
      element.removeAttribute(stashed);
      if (element.tagName === "OBJECT") { // an <object> loads its data once: put a new one in its place
        const copy = element.cloneNode(true);
        copy.setAttribute("data", url + target.hash);
        element.replaceWith(copy);
      } else {
        element.setAttribute(attribute, url);
      }
    });
  }

  function rewrite(scope, base) {
    if (scope.nodeType !== 1) return;
    const all = (selector) => [...(scope.matches(selector) ? [scope] : []), ...scope.querySelectorAll(selector)];
    all("object[data], object[data-vault-data]").forEach((o) => rewriteSource(o, "data", "application/pdf", base));
    all("img[src], img[data-vault-src]").forEach((img) => rewriteSource(img, "src", "image/jpeg", base));
    if (!base) all("a[href]").forEach(rewriteLink);
  }

  function scrollToAnchor(id) {
    const target = id && document.getElementById(id);
    if (!target) return;
    if (!target.hasAttribute("tabindex")) target.setAttribute("tabindex", "-1");
    target.focus();
    target.scrollIntoView();
  }

  /** Show the sealed version of a page in place of this one; false if there is none. */
  async function showSealedPage(path, viewer) {
    const bytes = await sealedFile(path);
    if (!bytes) return false;
    const page = new DOMParser().parseFromString(decoder.decode(bytes), "text/html");
    const own = new URL(path, root).href;
    rewrite(page.body, own); // before the page is live: no request for a plain file that is not there
    if (viewer) { // vault.html shows a page of another folder: its relative links start there
      const base = Object.assign(document.createElement("base"), { href: own });
      base.setAttribute("data-vault", "");
      document.head.prepend(base);
      document.documentElement.lang = page.documentElement.lang;
      document.title = viewer.title; // the browser's history keeps no restricted title
    } else {
      document.title = page.title;
    }
    document.body.replaceWith(document.adoptNode(page.body));
    // The page's own scripts ran on the plain body: let them start again on this one (document.js).
    document.dispatchEvent(new CustomEvent("catalog:page-shown"));
    return true;
  }

  // --- the bar in the header and the unlock page ------------------------------------
  const uiOf = (element) => JSON.parse((element && element.getAttribute("data-ui")) || "{}");
  const labelsIn = (labels, lang) => labels.map((l) => l[lang] || l.vi).join(", ");

  function showBar(labels) {
    const bar = document.getElementById("vault-bar");
    if (!bar || !labels.length) return;
    const ui = uiOf(bar), lang = bar.getAttribute("data-lang") || "vi";
    const button = Object.assign(document.createElement("button"), { type: "button", textContent: ui.lock, id: "vault-lock" });
    button.addEventListener("click", () => { lock(); global.location.reload(); });
    const state = Object.assign(document.createElement("span"), { textContent: ui.unlocked.replace("{tiers}", labelsIn(labels, lang)) });
    bar.replaceChildren(state, " ", button);
    bar.classList.add("unlocked");
  }

  function bindUnlockPage(labels) {
    const page = document.getElementById("vault-page");
    if (!page) return;
    const ui = uiOf(page), status = document.getElementById("vault-status");
    const form = document.getElementById("vault-form"), input = document.getElementById("vault-passphrase");
    const lang = document.documentElement.lang || "vi";
    const say = (text, bad) => { status.textContent = text; status.classList.toggle("warn", !!bad); };
    if (!subtle) { say(ui.unsupported, true); form.hidden = true; return; }
    if (labels.length) say(ui.unlocked.replace("{tiers}", labelsIn(labels, lang)));
    if (!labels.length && global.location.hash.length > 1) say(ui.needed);
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      const passphrase = input.value;
      input.value = ""; // not kept in the page either
      if (!passphrase) { say(ui.empty, true); return; }
      say(ui.unlocking);
      const unlocked = await unlock(passphrase);
      if (!unlocked.length) { say(ui.wrong, true); return; }
      if (global.location.hash.length > 1) { global.location.reload(); return; }
      say(ui.unlocked.replace("{tiers}", labelsIn(unlocked, lang)));
      showBar(unlocked);
      document.getElementById("vault-next").hidden = false;
    });
    page.setAttribute("data-ready", ""); // the form is ours from now on (tests wait for this)
  }

  /** The viewer's address: #h=<sealed file name>[&a=<anchor>]. */
  function viewerTarget() {
    const params = new URLSearchParams(global.location.hash.slice(1));
    return { path: params.get("h") && pathOfName(params.get("h")), anchor: params.get("a") || "" };
  }

  async function showSealed(bar) {
    const here = bar.getAttribute("data-page"), ui = uiOf(bar);
    const viewer = /(^|\/)vault\.html$/.test(here) && global.location.hash.length > 1;
    if (viewer) global.addEventListener("hashchange", () => global.location.reload()); // another page, or back
    const target = viewer ? viewerTarget() : { path: here, anchor: "" };
    const shown = target.path && (await showSealedPage(target.path, viewer && { title: ui.title }));
    if (!shown && viewer) document.getElementById("vault-status").textContent = ui.failed;
    rewrite(document.body);
    new MutationObserver((changes) => changes.forEach((c) => c.addedNodes.forEach((node) => rewrite(node))))
      .observe(document.documentElement, { childList: true, subtree: true });
    if (target.anchor) scrollToAnchor(target.anchor);
  }

  async function start() {
    try {
      const opened = await ready;
      const bar = document.getElementById("vault-bar");
      if (opened.length && bar) await showSealed(bar);
      showBar(opened.map((o) => o.label));
      bindUnlockPage(opened.map((o) => o.label));
    } finally {
      document.documentElement.classList.remove("vault-opening");
    }
  }

  // Unlocked: hide the plain page's content until its sealed version (if any) replaces it.
  if (subtle && Object.keys(stored()).length) {
    document.documentElement.classList.add("vault-opening");
    setTimeout(() => document.documentElement.classList.remove("vault-opening"), 5000);
  }
  global.CatalogVault = { ready, unlock, lock, searchData, sealedFile };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})(window);
