/* The query page: YASGUI on this server's /sparql, one tab per named query of queries/*.rq.
 * Nothing is fetched from another host: the endpoint list holds only this server's endpoint,
 * there is no CORS proxy, the prefix.cc / LOV autocompleters are off, share links cannot
 * change the endpoint, and tabs are not persisted (each visit starts from the named queries).
 *
 * Results stay on this site: an IRI of the graph (https://w3id.org/csto-kg/…) is shown as data,
 * as it is, but links to its page here; a seed file name (000_….txt) links to the source
 * document, at the passage when the row names an evidence node. Cells wrap (full quotes),
 * errors are shown as a readable message with the query line they point at, and help links stay
 * on this page. (SELECT * columns come in the order the query names the variables: the endpoint's.) */
(function () {
  "use strict";
  var host = document.getElementById("yasgui");
  if (!host || typeof Yasgui === "undefined") return;
  var queries = JSON.parse(document.getElementById("example-queries").textContent || "[]");
  var endpoint = window.location.origin + "/sparql";
  var BASE = "https://w3id.org/csto-kg/";
  var SEED_FILE = /^(\d{3}_[0-9a-f]{16})\.txt$/;
  document.getElementById("endpoint-url").textContent = endpoint;

  // --- the endpoint's answers: error bodies ---------------------------------------------------
  var lastError = null;   // {query, text} of the last failed request
  var realFetch = window.fetch.bind(window);

  function queryOf(init) {
    var body = init && init.body;
    if (!body) return "";
    var params = typeof body === "string" ? new URLSearchParams(body) : body instanceof URLSearchParams ? body : null;
    return params ? params.get("query") || "" : "";
  }

  window.fetch = function (input, init) {
    var url = typeof input === "string" ? input : input.url;
    if (url.indexOf(endpoint) !== 0) return realFetch(input, init);
    var body = typeof input !== "string" && input.clone ? input.clone().text() : Promise.resolve("");
    var p = realFetch(input, init);
    return Promise.all([p, body]).then(function (both) {
      var res = both[0];
      var query = queryOf(init) || queryOf({ body: both[1] });
      if (!res.ok) {
        return res.clone().text().then(function (text) { lastError = { query: query, text: text }; return res; });
      }
      lastError = null;
      return res;
    });
  };

  function readableError(error) {
    var text = (lastError && lastError.text) || (error && (error.text || error.statusText)) || "The query failed.";
    var message = text;
    try {
      var parsed = JSON.parse(text);
      if (parsed && parsed.error) message = (parsed.error.title ? parsed.error.title + ": " : "") + parsed.error.message;
    } catch (e) { /* plain text */ }
    var box = document.createElement("div");
    box.className = "query-error";
    var p = document.createElement("p");
    p.className = "query-error-message";
    p.textContent = message;
    box.appendChild(p);
    var at = /(?:at|line)\s+(\d+):(\d+)|line (\d+),? column (\d+)/i.exec(message);
    var query = lastError && lastError.query;
    if (at && query) {
      var line = parseInt(at[1] || at[3], 10), col = parseInt(at[2] || at[4], 10);
      var lines = query.split("\n");
      if (line >= 1 && line <= lines.length) {
        var where = document.createElement("p");
        where.className = "query-error-where";
        where.textContent = "Line " + line + ", column " + col + ":";
        var pre = document.createElement("pre");
        pre.className = "query-error-line";
        pre.textContent = lines[line - 1] + "\n" + " ".repeat(Math.max(0, col - 1)) + "^";
        box.appendChild(where);
        box.appendChild(pre);
      }
    }
    return Promise.resolve(box);
  }

  if (Yasgui.Yasr && Yasgui.Yasr.plugins && Yasgui.Yasr.plugins.table) {
    Yasgui.Yasr.plugins.table.defaults.openIriInNewWindow = false;
  }

  var yasgui = new Yasgui(host, {
    requestConfig: { endpoint: endpoint, method: "POST" },
    copyEndpointOnNewTab: true,
    corsProxy: undefined,
    persistenceId: null,
    autoAddOnInit: queries.length === 0,
    populateFromUrl: function (config) {
      config.requestConfig.endpoint = endpoint;
      return config;
    },
    endpointCatalogueOptions: { getData: function () { return [{ endpoint: endpoint }]; } },
    yasqe: { autocompleters: ["variables"], resizeable: true, editorHeight: "320px" },
    yasr: { prefixes: {}, errorRenderers: [readableError],
            plugins: { table: { dynamicConfig: { isEllipsed: false, compact: false } } } }
  });

  // --- results link here ---------------------------------------------------------------------
  function localise(root) {
    Array.prototype.forEach.call(root.querySelectorAll(".yasr .errorResult"), function (box) {
      if (box.querySelector(".query-error") || !lastError) return;
      readableError(null).then(function (el) {
        var old = box.querySelector(".redOutline, .errorMessageContainer");
        if (old) old.replaceWith(el); else box.appendChild(el);
      });
    });
    Array.prototype.forEach.call(root.querySelectorAll("a[href^='" + BASE + "']"), function (a) {
      a.setAttribute("href", "/" + a.getAttribute("href").slice(BASE.length));
      a.removeAttribute("target");
      a.setAttribute("title", a.textContent);
    });
    Array.prototype.forEach.call(root.querySelectorAll("a[href^='http']"), function (a) {
      var href = a.getAttribute("href");
      if (href.indexOf(window.location.origin) !== 0 && /triply\.cc|yasgui|github/.test(href)) {
        a.setAttribute("href", "#query-help");            // help stays on this page
        a.removeAttribute("target");
      }
    });
    Array.prototype.forEach.call(root.querySelectorAll(".yasr table tbody tr"), function (tr) {
      var ev = tr.querySelector("a[href^='/evidence/']");
      var key = ev ? ev.getAttribute("href").slice("/evidence/".length) : null;
      Array.prototype.forEach.call(tr.querySelectorAll("td"), function (td) {
        var text = td.textContent.trim().replace(/^"|"$/g, "");
        var m = SEED_FILE.exec(text);
        if (!m || td.querySelector("a.passage")) return;
        var a = document.createElement("a");
        a.className = "passage";
        a.href = "/source/" + m[1] + (key ? "#ev-" + key : "");
        a.textContent = text;
        a.title = key ? "the passage in the source document" : "the source document";
        td.textContent = "";
        td.appendChild(a);
      });
    });
  }
  var pending = false;
  new MutationObserver(function () {
    if (pending) return;
    pending = true;
    window.requestAnimationFrame(function () { pending = false; localise(host); });
  }).observe(host, { childList: true, subtree: true });

  var tabs = {};
  queries.forEach(function (q, i) {
    var tab = yasgui.addTab(i === 0, {
      name: q.question.length > 48 ? q.question.slice(0, 46) + "…" : q.question,
      yasqe: { value: q.text },
      requestConfig: { endpoint: endpoint }
    });
    tabs[q.name] = tab;
  });
  if (queries.length) yasgui.selectTabId(tabs[queries[0].name].getId());

  Array.prototype.forEach.call(document.querySelectorAll("button.open-tab"), function (button) {
    button.addEventListener("click", function () {
      var tab = tabs[button.getAttribute("data-name")];
      if (!tab) return;
      yasgui.selectTabId(tab.getId());
      host.scrollIntoView({ behavior: "smooth", block: "start" });
    });
  });
  window.cstoYasgui = yasgui;   // for the end-to-end test and for curious users
})();
