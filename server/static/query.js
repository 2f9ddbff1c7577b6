/* The query page: YASGUI on this server's /sparql, one tab per named query of queries/*.rq.
 * Nothing is fetched from another host: the endpoint list holds only this server's endpoint,
 * there is no CORS proxy, the prefix.cc / LOV autocompleters are off, share links cannot
 * change the endpoint, and tabs are not persisted (each visit starts from the named queries). */
(function () {
  "use strict";
  var host = document.getElementById("yasgui");
  if (!host || typeof Yasgui === "undefined") return;
  var queries = JSON.parse(document.getElementById("example-queries").textContent || "[]");
  var endpoint = window.location.origin + "/sparql";
  document.getElementById("endpoint-url").textContent = endpoint;

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
    yasr: { prefixes: {} }
  });

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
