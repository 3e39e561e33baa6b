/* The SPARQL editor of /sparql: YASGUI (vendored, served by the app) against this app's own endpoint,
 * and the menu of named queries. Everything stays on this server: no prefix.cc, no LOV, no URL shortener,
 * no endpoint catalogue, nothing kept in localStorage, and queries go to this server's /sparql only. */
(function () {
  "use strict";

  const dataEl = document.getElementById("kg-editor-data");
  const root = document.getElementById("kg-yasgui");
  const status = document.getElementById("kg-editor-status");
  if (!dataEl || !root) return;
  const data = JSON.parse(dataEl.textContent);

  function say(text) {
    if (status) status.textContent = text;
  }

  if (typeof window.Yasgui !== "function") {
    say("Redigeraren kunde inte laddas. / The editor could not be loaded.");
    return;
  }

  const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

  /** The project prefixes a query uses but does not declare itself. */
  function missingPrefixes(text) {
    const declared = new Set();
    for (const m of text.matchAll(/^\s*PREFIX\s+([\w.-]*):/gim)) declared.add(m[1]);
    const body = text
      .replace(/<[^<>"{}|^`\\\s]*>/g, " ") // IRIs
      .replace(/"""[\s\S]*?"""|'''[\s\S]*?'''|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'/g, '""') // strings
      .replace(/#[^\n]*/g, " "); // comments
    return Object.keys(data.prefixes).filter(
      (p) => !declared.has(p) && new RegExp("(^|[^\\w.:-])" + escapeRegExp(p) + ":", "m").test(body),
    );
  }

  /** A named query ready to run: its header comments, the PREFIX lines it needs, then its body. */
  function withPrologue(text) {
    const lines = text.replace(/\s+$/, "").split("\n");
    let header = 0;
    while (header < lines.length && lines[header].startsWith("#")) header += 1;
    const prologue = missingPrefixes(text).map((p) => `PREFIX ${p}: <${data.prefixes[p]}>`);
    return [...lines.slice(0, header), ...prologue, ...lines.slice(header)].join("\n") + "\n";
  }

  const Yasgui = window.Yasgui;
  const endpoint = data.endpoint;

  // YASQE's "property" and "class" autocompleters ask lov.linkeddata.es. Unregister them: a config list alone
  // does not do it, since YASGUI merges arrays index by index into the defaults, which name all four.
  const remote = ["property", "class"];
  for (const defaults of [Yasgui.Yasqe.defaults, Yasgui.defaults.yasqe]) {
    if (defaults && Array.isArray(defaults.autocompleters)) {
      defaults.autocompleters = defaults.autocompleters.filter((name) => !remote.includes(name));
    }
  }
  for (const name of remote) delete Yasgui.Yasqe.Autocompleters[name];

  // The endpoint is the one this page came with, whatever a link (#endpoint=…) or a stored setting says. A setting
  // given as a function is applied over each tab's own settings at every request (YASGUI's "static" request
  // config), so no tab can send a query elsewhere; POST keeps long queries out of URLs and logs.
  const fixed = () => ({
    ...Yasgui.defaults.requestConfig,
    namedGraphs: [],
    defaultGraphs: [],
    args: [],
    headers: {},
    endpoint: () => endpoint,
    method: "POST",
  });

  /** A tab opened from a link (#query=…) keeps the query, its name and the result view, nothing about where or
   * how to send it. YASGUI wrote the link's request settings into its shared default, which is put right too. */
  function fromLink(config) {
    const shared = config.requestConfig;
    for (const key of Object.keys(shared)) delete shared[key];
    Object.assign(shared, fixed());
    return { ...config, requestConfig: fixed() };
  }

  const yasgui = new Yasgui(root, {
    requestConfig: fixed(),
    populateFromUrl: fromLink,
    copyEndpointOnNewTab: false,
    // No catalogue of outside endpoints (the default offers DBpedia and Wikidata).
    endpointCatalogueOptions: { getData: () => [{ endpoint: endpoint }], keys: [] },
    // Nothing persisted: each visit starts from this page's query (no localStorage, no stale endpoint).
    persistenceId: null,
    corsProxy: undefined,
    autofocus: false,
    tabName: "Fråga / Query",
    yasqe: {
      value: data.defaultQuery,
      // Local ones only: "prefixes" uses its bundled list while prefixCcApi is null (no prefix.cc).
      autocompleters: ["variables", "prefixes"],
      prefixCcApi: null,
      createShortLink: undefined,
      persistenceId: null,
      editorHeight: "22rem",
    },
    yasr: {
      prefixes: data.prefixes,
      persistenceId: null,
      defaultPlugin: "table",
      pluginOrder: ["table", "response"],
    },
  });
  window.kgYasgui = yasgui; // for the browser tests and the curious

  // YASGUI leaves its endpoint field and the editor's text area without names for screen readers. The field shows
  // the endpoint but does not change it (read-only; editor.css hides its clearing button).
  function nameControls() {
    for (const input of root.querySelectorAll(".controlbar input.autocomplete")) {
      input.setAttribute("aria-label", "Ändpunkt / Endpoint");
      input.readOnly = true;
    }
    for (const area of root.querySelectorAll(".CodeMirror textarea")) {
      area.setAttribute("aria-label", "Fråga / Query");
    }
  }
  nameControls();
  yasgui.on("tabChange", nameControls);
  yasgui.on("tabAdd", () => setTimeout(nameControls, 0));

  const byName = new Map(data.queries.map((q) => [q.name, q]));
  for (const button of document.querySelectorAll(".kg-named-load")) {
    button.disabled = false;
    button.addEventListener("click", () => {
      const query = byName.get(button.dataset.query);
      const tab = yasgui.getTab();
      if (!query || !tab) return;
      tab.setQuery(withPrologue(query.text));
      tab.setName(query.title.sv || query.name);
      for (const other of document.querySelectorAll(".kg-named-load")) {
        if (other === button) other.setAttribute("aria-current", "true");
        else other.removeAttribute("aria-current");
      }
      const title = query.title.sv || query.name;
      const titleEn = query.title.en || query.name;
      say(
        `"${title}" är inläst i redigeraren (ångra med Ctrl+Z). / ` +
          `"${titleEn}" is loaded into the editor (undo with Ctrl+Z).`,
      );
      const yasqe = tab.getYasqe();
      if (yasqe) yasqe.focus();
    });
  }
  root.classList.add("kg-ready");
})();
