/* The interactive graph of /network: fetches the page's JSON data and draws it with vis-network
   (served from /static/vendor/vis-network/). Physics lays the graph out, then stops so that it stays still.
   Clicking a node opens its page. The page works without this script: the form reloads it and a text
   version lists the same nodes and links. */
(function () {
  "use strict";

  var INK = "#1d2a33";
  var GREY = "#9aa5ad";
  var ACCENT = "#00689d";

  function start() {
    var container = document.getElementById("network");
    if (!container || !container.dataset.src) return;  // nothing to draw (none, or too many nodes: said in the page)
    var status = document.getElementById("network-progress");
    var say = function (text) { if (status) status.textContent = text || ""; };
    if (typeof vis === "undefined" || !window.fetch) {
      say(container.dataset.textError);
      return;
    }
    say(container.dataset.textLoading);
    fetch(container.dataset.src, { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) throw new Error("HTTP " + response.status);
        return response.json();
      })
      .then(function (data) { draw(container, data, say); })
      .catch(function () { say(container.dataset.textError); });
  }

  function draw(container, data, say) {
    var maxNodes = parseInt(container.dataset.maxNodes, 10) || 1500;
    if (!data.nodes.length) { say(container.dataset.textEmpty); return; }
    if (data.nodes.length > maxNodes) { say(container.dataset.textTooMany); return; }

    var labels = {};
    data.nodes.forEach(function (node) {
      labels[node.id] = node.label;
      var c = node.color;
      node.color = {
        background: c.background, border: c.border,
        highlight: { background: c.background, border: INK },
        hover: { background: c.background, border: INK }
      };
      // goals carry their own font colour (readable on the SDG colour), drawn without the white halo
      if (node.font) { node.font.strokeWidth = 0; node.font.face = "system-ui, sans-serif"; }
    });
    data.edges.forEach(function (edge, index) {
      edge.id = index;
      edge.title = labels[edge.from] + " → " + labels[edge.to] + "\n" + edge.title;
      var colour = edge.relation === "serves" ? ACCENT : GREY;
      edge.color = { color: colour, highlight: INK, hover: INK };
      if (edge.dashes) edge.dashes = [8, 5];
    });

    var nodes = new vis.DataSet(data.nodes);
    var edges = new vis.DataSet(data.edges);
    var many = data.nodes.length > 150;
    // fewer layout steps for large graphs, so that they settle within a few seconds
    var iterations = data.nodes.length <= 150 ? 300 : data.nodes.length <= 600 ? 200 : 120;
    var options = {
      autoResize: true,
      layout: { improvedLayout: false, randomSeed: 2030 },
      nodes: {
        font: { face: "system-ui, sans-serif", size: 14, color: INK, strokeWidth: 3, strokeColor: "#ffffff" },
        widthConstraint: { maximum: 170 },
        borderWidth: 2
      },
      edges: {
        arrows: { to: { enabled: true, scaleFactor: 0.45 } },
        smooth: many ? false : { enabled: true, type: "continuous", roundness: 0.3 },
        selectionWidth: 1.5,
        hoverWidth: 1
      },
      physics: {
        enabled: true,
        solver: "forceAtlas2Based",
        forceAtlas2Based: { gravitationalConstant: many ? -90 : -120, centralGravity: 0.03, springLength: many ? 60 : 100,
                            springConstant: 0.05, damping: 0.5, avoidOverlap: 0.6 },
        stabilization: { enabled: true, iterations: iterations, updateInterval: 25, fit: true }
      },
      interaction: {
        hover: true, tooltipDelay: 120, navigationButtons: false, multiselect: false,
        keyboard: { enabled: true, bindToWindow: false, speed: { x: 12, y: 12, zoom: 0.03 } }
      }
    };
    var started = performance.now();
    var network = new vis.Network(container, { nodes: nodes, edges: edges }, options);
    container.classList.add("is-drawn");

    // vis-network's frame takes the keyboard focus (arrow keys move, + and - zoom): name and describe it
    var label = container.getAttribute("aria-label");
    var frame = container.querySelector(".vis-network");
    if (frame) {
      frame.setAttribute("role", "application");
      frame.setAttribute("aria-label", label);
      frame.setAttribute("aria-describedby", "network-help");
    }
    var canvas = container.querySelector("canvas");
    if (canvas) {
      canvas.setAttribute("role", "img");
      canvas.setAttribute("aria-label", label);
    }

    network.on("stabilizationProgress", function (progress) {
      say(container.dataset.textLoading + " " + Math.round((100 * progress.iterations) / progress.total) + " %");
    });
    network.once("stabilizationIterationsDone", function () {
      network.setOptions({ physics: { enabled: false } });
      network.fit({ animation: false });
      if (data.centre && nodes.get(data.centre)) network.selectNodes([data.centre]);  // the neighbourhood's centre
      say("");
      container.dataset.state = "ready";
      window.kgTiming = { drawn: Math.round(started), layout: Math.round(performance.now() - started) };  // for tests: the layout is done and the physics is off
    });

    network.on("click", function (params) {
      if (!params.nodes.length) return;
      var node = nodes.get(params.nodes[0]);
      if (node && node.url) window.location.href = node.url;
    });
    network.on("hoverNode", function () { container.style.cursor = "pointer"; });
    network.on("blurNode", function () { container.style.cursor = ""; });

    var toolbar = document.querySelector(".network-toolbar");
    if (toolbar) {
      toolbar.hidden = false;
      toolbar.addEventListener("click", function (event) {
        var action = event.target.closest("button") && event.target.closest("button").dataset.action;
        if (!action) return;
        if (action === "fit") { network.fit({ animation: { duration: 300 } }); return; }
        var scale = network.getScale() * (action === "zoom-in" ? 1.3 : 1 / 1.3);
        network.moveTo({ scale: scale, animation: { duration: 200 } });
      });
    }
    window.kgNetwork = network;  // for the browser tests and for exploring from the console
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
