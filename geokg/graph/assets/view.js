// geokg HTML view: draws the precomputed layout as SVG; pan, zoom, filter, search, select.
// Inlined into the page by geokg.graph.html_view; it fetches nothing.
(function () {
  "use strict";
  var NS = "http://www.w3.org/2000/svg";
  var data = JSON.parse(document.getElementById("geokg-data").textContent);
  var nodes = data.nodes, rels = data.relationships, sentences = data.sentences || {};
  var style = data.style;
  var svg = document.getElementById("graph");
  var panel = document.getElementById("panel");
  var view = { k: 1, x: 0, y: 0 };
  var viewport, labelLayer, nodeEls = [], relEls = [], labelEls = [], byKey = {};
  var LABEL_PX = 12, LABEL_MIN = 9, LABEL_MAX = 15;
  var hidden = { label: {}, polarity: {} };
  // Date range: a relationship stays when one of its mentions' document dates is in it.
  // Dates are ISO text, compared cut to the bound's length (as the queries' from/to do).
  var range = { from: "", to: "" };
  var selected = null;

  function svgEl(name, attrs, parent) {
    var e = document.createElementNS(NS, name);
    for (var a in attrs) { if (attrs[a] !== null && attrs[a] !== undefined) e.setAttribute(a, attrs[a]); }
    if (parent) parent.appendChild(e);
    return e;
  }
  function h(name, attrs, children) {
    var e = document.createElement(name);
    attrs = attrs || {};
    for (var a in attrs) {
      if (a === "text") e.textContent = attrs[a];
      else if (a === "style") e.setAttribute("style", attrs[a]);
      else if (a.slice(0, 2) === "on") e.addEventListener(a.slice(2), attrs[a]);
      else e.setAttribute(a, attrs[a]);
    }
    (children || []).forEach(function (c) {
      if (c === null || c === undefined) return;
      e.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
    });
    return e;
  }
  function labelColor(label) { return style.labels[label] || style.unknownLabel; }
  function polarityColor(p) { return style.polarity[p] || style.polarity.structural; }
  function plural(n, word) { return n + " " + word + (n === 1 ? "" : "s"); }

  // ---- drawing ---------------------------------------------------------------------------
  function geometry(rel) {
    var a = nodes[rel.s], b = nodes[rel.t];
    if (rel.s === rel.t) {
      var r = a.r, x = a.x, y = a.y - r;
      return "M" + (x - 4) + " " + y + " C" + (x - 30) + " " + (y - 42) + " " + (x + 30) + " " +
        (y - 42) + " " + (x + 4) + " " + y;
    }
    var dx = b.x - a.x, dy = b.y - a.y, len = Math.sqrt(dx * dx + dy * dy) || 1;
    var nx = -dy / len, ny = dx / len;
    var cx = (a.x + b.x) / 2 + nx * rel.bend * 2, cy = (a.y + b.y) / 2 + ny * rel.bend * 2;
    function toward(p, q, d) {
      var ex = q[0] - p[0], ey = q[1] - p[1], l = Math.sqrt(ex * ex + ey * ey) || 1;
      return [p[0] + ex / l * d, p[1] + ey / l * d];
    }
    var start = toward([a.x, a.y], [cx, cy], a.r + 1);
    var end = toward([b.x, b.y], [cx, cy], b.r + (rel.symmetric ? 1 : 3));
    return "M" + start[0].toFixed(1) + " " + start[1].toFixed(1) + " Q" + cx.toFixed(1) + " " +
      cy.toFixed(1) + " " + end[0].toFixed(1) + " " + end[1].toFixed(1);
  }

  function draw() {
    var defs = svgEl("defs", {}, svg);
    Object.keys(style.polarity).forEach(function (p) {
      var m = svgEl("marker", { id: "arrow-" + p, viewBox: "0 0 10 10", refX: "8", refY: "5",
        markerWidth: "9", markerHeight: "9", markerUnits: "userSpaceOnUse", orient: "auto" }, defs);
      svgEl("path", { d: "M0,0 L10,5 L0,10 z", fill: polarityColor(p) }, m);
    });
    viewport = svgEl("g", { id: "viewport" }, svg);
    var edgeLayer = svgEl("g", { "class": "edges" }, viewport);
    var nodeLayer = svgEl("g", { "class": "nodes" }, viewport);
    labelLayer = svgEl("g", { "class": "labels" }, viewport);
    rels.forEach(function (rel, i) {
      var g = svgEl("g", { "data-key": "r:" + rel.key, "data-index": i }, edgeLayer);
      var d = geometry(rel);
      var line = svgEl("path", {
        d: d, "class": "edge" + (rel.firm ? "" : " dashed"), stroke: polarityColor(rel.polarity),
        "stroke-width": rel.width,
        "marker-end": rel.symmetric ? null : "url(#arrow-" + rel.polarity + ")"
      }, g);
      var hit = svgEl("path", { d: d, "class": "hit" }, g);
      svgEl("title", {}, hit).textContent = nodes[rel.s].name + " " + rel.type + " " +
        nodes[rel.t].name + " (" + plural(rel.mentions, "mention") + ")";
      g.addEventListener("click", function (ev) { ev.stopPropagation(); selectRel(i); });
      relEls.push({ g: g, line: line });
      byKey["r:" + rel.key] = g;
    });
    var ranked = nodes.map(function (n, i) { return i; })
      .sort(function (a, b) { return nodes[b].degree - nodes[a].degree; });
    var major = {};
    ranked.slice(0, nodes.length <= 60 ? nodes.length : 40).forEach(function (i) { major[i] = true; });
    nodes.forEach(function (n, i) {
      var g = svgEl("g", { "class": "node", "data-key": "n:" + n.id, "data-index": i }, nodeLayer);
      var c = svgEl("circle", { cx: n.x, cy: n.y, r: n.r, fill: labelColor(n.label) }, g);
      svgEl("title", {}, c).textContent = n.name + " (" + n.label + ")";
      g.addEventListener("click", function (ev) { ev.stopPropagation(); selectNode(i); });
      var t = svgEl("text", { x: n.x, y: n.y + n.r + 2, "class": "lbl" + (major[i] ? "" : " minor") },
        labelLayer);
      t.textContent = n.name;
      nodeEls.push(g);
      labelEls.push(t);
      byKey["n:" + n.id] = g;
    });
  }

  // ---- pan and zoom ----------------------------------------------------------------------
  function apply() {
    viewport.setAttribute("transform", "translate(" + view.x.toFixed(2) + "," + view.y.toFixed(2) +
      ") scale(" + view.k.toFixed(4) + ")");
    // Labels are LABEL_PX layout units (as the layout assumed), but never smaller than
    // LABEL_MIN nor larger than LABEL_MAX pixels on screen.
    var size = Math.min(Math.max(LABEL_PX, LABEL_MIN / view.k), LABEL_MAX / view.k);
    labelLayer.style.fontSize = size.toFixed(3) + "px";
    labelLayer.style.strokeWidth = (size / 4).toFixed(3) + "px";
    svg.classList.toggle("zoomed", view.k >= 1.4);
  }
  function bounds(indices) {
    var x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    indices.forEach(function (i) {
      var n = nodes[i];
      // Labels are about LABEL_PX * 0.6 per character wide at zoom 1.
      var half = Math.max(n.r, n.name.length * LABEL_PX * 0.3);
      x0 = Math.min(x0, n.x - half); y0 = Math.min(y0, n.y - n.r);
      x1 = Math.max(x1, n.x + half); y1 = Math.max(y1, n.y + n.r + LABEL_PX + 4);
    });
    return [x0, y0, x1, y1];
  }
  function fit(indices) {
    indices = indices || nodes.map(function (n, i) { return i; });
    if (!indices.length) return;
    var b = bounds(indices), w = svg.clientWidth || 800, hgt = svg.clientHeight || 600, pad = 24;
    var legendH = document.getElementById("legend").offsetHeight || 0;
    var avail = Math.max(hgt - legendH - 2 * pad, hgt / 2);
    var bw = Math.max(b[2] - b[0], 1), bh = Math.max(b[3] - b[1], 1);
    view.k = Math.min((w - 2 * pad) / bw, avail / bh, 1.6);
    view.x = w / 2 - (b[0] + bw / 2) * view.k;
    view.y = pad + avail / 2 - (b[1] + bh / 2) * view.k;
    apply();
  }
  function zoomAt(factor, px, py) {
    var k = Math.max(0.05, Math.min(12, view.k * factor));
    view.x = px - (px - view.x) * (k / view.k);
    view.y = py - (py - view.y) * (k / view.k);
    view.k = k;
    apply();
  }
  function centerOn(i) {
    var n = nodes[i], w = svg.clientWidth || 800, hgt = svg.clientHeight || 600;
    view.k = Math.max(view.k, 1.5);
    view.x = w / 2 - n.x * view.k;
    view.y = hgt / 2 - n.y * view.k;
    apply();
  }
  function enablePanZoom() {
    var drag = null;
    svg.addEventListener("wheel", function (ev) {
      ev.preventDefault();
      var r = svg.getBoundingClientRect();
      zoomAt(Math.exp(-ev.deltaY * 0.0015), ev.clientX - r.left, ev.clientY - r.top);
    }, { passive: false });
    svg.addEventListener("pointerdown", function (ev) {
      drag = { x: ev.clientX, y: ev.clientY, vx: view.x, vy: view.y, moved: false };
    });
    svg.addEventListener("pointermove", function (ev) {
      if (!drag) return;
      var dx = ev.clientX - drag.x, dy = ev.clientY - drag.y;
      if (!drag.moved && Math.abs(dx) + Math.abs(dy) > 3) {
        drag.moved = true;
        svg.classList.add("dragging");
        if (svg.setPointerCapture) svg.setPointerCapture(ev.pointerId);
      }
      if (drag.moved) { view.x = drag.vx + dx; view.y = drag.vy + dy; apply(); }
    });
    function end() {
      var wasDrag = drag && drag.moved;
      drag = null;
      svg.classList.remove("dragging");
      if (wasDrag) {  // swallow the click that ends a drag
        svg.addEventListener("click", function (e) { e.stopPropagation(); }, { capture: true, once: true });
      }
    }
    svg.addEventListener("pointerup", end);
    svg.addEventListener("pointercancel", end);
    svg.addEventListener("click", function () { clearSelection(); });
    document.getElementById("zoom-in").addEventListener("click", function () {
      zoomAt(1.3, (svg.clientWidth || 800) / 2, (svg.clientHeight || 600) / 2);
    });
    document.getElementById("zoom-out").addEventListener("click", function () {
      zoomAt(1 / 1.3, (svg.clientWidth || 800) / 2, (svg.clientHeight || 600) / 2);
    });
    document.getElementById("fit").addEventListener("click", function () { fit(); });
    window.addEventListener("resize", function () { fit(); });
  }

  // ---- selection and the side panel -------------------------------------------------------
  function clearHighlight() {
    svg.classList.remove("focused");
    svg.querySelectorAll(".hl, .sel").forEach(function (e) { e.classList.remove("hl", "sel"); });
  }
  function clearSelection() {
    clearHighlight();
    selected = null;
    panel.replaceChildren(h("p", { "class": "hint",
      text: "Click a relationship to read its evidence sentences, or an entity to see its names " +
        "and relationships. Drag to pan, scroll to zoom." }));
    document.body.dataset.selected = "";
  }
  function highlight(nodeIdx, relIdx) {
    clearHighlight();
    svg.classList.add("focused");
    nodeIdx.forEach(function (i) { nodeEls[i].classList.add("hl"); labelEls[i].classList.add("hl"); });
    relIdx.forEach(function (i) { relEls[i].line.classList.add("hl"); });
  }
  function nodeLink(i) {
    return h("a", { text: nodes[i].name, onclick: function () { selectNode(i); centerOn(i); } });
  }
  function relLink(i, text) {
    return h("a", { text: text, onclick: function () { selectRel(i); } });
  }
  function arrow(rel) { return rel.symmetric ? " \u2194 " : " \u2192 "; }
  function chip(text, color) { return h("span", { "class": "chip", style: "background:" + color, text: text }); }
  function row(dl, key, value) {
    if (value === null || value === undefined || value === "" ||
        (Array.isArray(value) && !value.length)) return;
    dl.appendChild(h("dt", { text: key }));
    dl.appendChild(h("dd", { text: Array.isArray(value) ? value.join(", ") : String(value) }));
  }

  function selectRel(i) {
    var rel = rels[i], a = nodes[rel.s], b = nodes[rel.t];
    selected = "r:" + rel.key;
    highlight([rel.s, rel.t], [i]);
    relEls[i].line.classList.add("sel");
    var title = h("h2", {}, [nodeLink(rel.s), arrow(rel) + rel.type + arrow(rel), nodeLink(rel.t)]);
    var dl = h("dl");
    row(dl, "polarity", rel.polarity);
    row(dl, "mentions", rel.mentions);
    var mods = Object.keys(rel.modality).filter(function (m) { return rel.modality[m]; })
      .map(function (m) { return m + " " + rel.modality[m]; });
    row(dl, "modality", mods);
    if (rel.negated) row(dl, "negated", rel.negated);
    if (rel.quoted) row(dl, "quoted", rel.quoted);
    row(dl, "years", rel.years);
    if (rel.firstDate) {
      row(dl, "dated", rel.firstDate === rel.lastDate ? rel.firstDate : rel.firstDate + " \u2013 " + rel.lastDate);
    }
    row(dl, "cues", rel.triggers);
    row(dl, "roles", rel.roles);
    row(dl, "status", rel.statuses);
    if (rel.docCount) row(dl, "documents", rel.docCount);
    if (!rel.firm) row(dl, "note", "no asserted, non-negated mention (drawn dashed)");
    var ev = h("ol", { "class": "evidence" });
    rel.sentences.forEach(function (sid) {
      var s = sentences[sid];
      ev.appendChild(h("li", { "data-sentence": sid }, s ? [
        h("span", { "class": "text", text: s.text }),
        h("span", { "class": "doc", text: s.doc || "" })
      ] : [h("span", { "class": "doc", text: sid + " (text not in this file)" })]));
    });
    var docs = h("ul", { "class": "documents" });
    rel.documents.forEach(function (d) { docs.appendChild(h("li", { text: d })); });
    panel.replaceChildren(
      chip(rel.polarity, polarityColor(rel.polarity)), title, dl,
      h("h3", { text: plural(rel.sentences.length, "evidence sentence") +
        (rel.mentions > rel.sentences.length ? " (of " + rel.mentions + " mentions)" : "") }), ev,
      h("h3", { text: plural(rel.documents.length, "document") }), docs);
    document.body.dataset.selected = selected;
  }

  function selectNode(i) {
    var n = nodes[i];
    selected = "n:" + n.id;
    var near = [i], mine = [];
    rels.forEach(function (rel, j) {
      if (rel.s === i || rel.t === i) { mine.push(j); near.push(rel.s === i ? rel.t : rel.s); }
    });
    highlight(near, mine);
    nodeEls[i].classList.add("sel");
    var dl = h("dl");
    row(dl, "label", n.label);
    row(dl, "id", n.id);
    row(dl, "ISO 3166", n.iso3);
    row(dl, "aliases", n.aliases);
    row(dl, "mentions", n.mentions);
    row(dl, "relationships", n.degree);
    var list = h("ul", { "class": "relationships" });
    mine.forEach(function (j) {
      var rel = rels[j], other = rel.s === i ? rel.t : rel.s;
      var text = rel.s === i ? rel.type + arrow(rel) + nodes[other].name
        : nodes[other].name + arrow(rel) + rel.type;
      list.appendChild(h("li", {}, [
        h("span", { "class": "swatch", style: "background:" + polarityColor(rel.polarity) }), " ",
        relLink(j, text), " (" + rel.mentions + ")"]));
    });
    panel.replaceChildren(chip(n.label, labelColor(n.label)), h("h2", { text: n.name }), dl,
      h("h3", { text: plural(mine.length, "relationship") }), list);
    document.body.dataset.selected = selected;
  }

  // ---- filters, legend, search -----------------------------------------------------------
  function inRange(rel) {
    if (!range.from && !range.to) return true;
    return (rel.dates || []).some(function (d) {
      return (!range.from || d.slice(0, range.from.length) >= range.from) &&
        (!range.to || d.slice(0, range.to.length) <= range.to);
    });
  }
  function dateFilter() {
    var dates = data.dates || [], box = document.getElementById("dates");
    var from = document.getElementById("date-from"), to = document.getElementById("date-to");
    if (!dates.length) return;
    box.hidden = false;
    [from, to].forEach(function (sel) {
      sel.appendChild(h("option", { value: "", text: "any" }));
      dates.forEach(function (d) { sel.appendChild(h("option", { value: d, text: d })); });
    });
    function changed() { range.from = from.value; range.to = to.value; applyFilters(); }
    from.addEventListener("change", changed);
    to.addEventListener("change", changed);
  }
  function rangeFromHash() {
    // #from=2019&to=2021-06 sets the range (a link can share a filtered view).
    var q = (window.location.hash || "").replace(/^#/, "").split("&"), changed = false;
    q.forEach(function (part) {
      var m = /^(from|to)=(\d{4}(?:-\d{2}(?:-\d{2})?)?)$/.exec(part);
      if (!m) return;
      range[m[1]] = m[2];
      var sel = document.getElementById("date-" + m[1]);
      if (!Array.prototype.some.call(sel.options, function (o) { return o.value === m[2]; })) {
        sel.appendChild(h("option", { value: m[2], text: m[2] }));
      }
      sel.value = m[2];
      changed = true;
    });
    if (changed) applyFilters();
  }
  function applyFilters() {
    var shownNodes = 0, shownRels = 0;
    nodes.forEach(function (n, i) {
      var off = !!hidden.label[n.label];
      nodeEls[i].classList.toggle("off", off);
      labelEls[i].classList.toggle("off", off);
      if (!off) shownNodes++;
    });
    rels.forEach(function (rel, i) {
      var off = hidden.polarity[rel.polarity] || hidden.label[nodes[rel.s].label] ||
        hidden.label[nodes[rel.t].label] || !inRange(rel);
      relEls[i].g.classList.toggle("off", !!off);
      if (!off) shownRels++;
    });
    document.getElementById("stats").textContent = plural(shownNodes, "entity").replace("entitys", "entities") +
      " \u00b7 " + plural(shownRels, "relationship") + " \u00b7 " + plural(data.documents, "document");
    document.body.dataset.shown = String(shownRels);
  }
  function legend() {
    var box = document.getElementById("legend");
    var labels = {}, pols = {};
    nodes.forEach(function (n) { labels[n.label] = (labels[n.label] || 0) + 1; });
    rels.forEach(function (r) { pols[r.polarity] = (pols[r.polarity] || 0) + 1; });
    function toggle(kind, value, swatch) {
      var box = h("input", { type: "checkbox", checked: "checked", onchange: function (ev) {
        hidden[kind][value] = !ev.target.checked; applyFilters(); } });
      return h("label", { title: "show or hide" }, [box, swatch, value]);
    }
    var g1 = h("div", { "class": "group" });
    Object.keys(labels).sort().forEach(function (l) {
      g1.appendChild(toggle("label", l, h("span", { "class": "swatch", style: "background:" + labelColor(l) })));
    });
    var g2 = h("div", { "class": "group" });
    Object.keys(style.polarity).forEach(function (p) {
      if (!pols[p]) return;
      g2.appendChild(toggle("polarity", p, h("span", { "class": "bar", style: "border-color:" + polarityColor(p) })));
    });
    box.replaceChildren(g1, g2, h("div", { "class": "note",
      text: "size: relationships \u00b7 width: mentions \u00b7 dashed: only hedged, reported, hypothetical or negated" }));
  }
  function search() {
    var input = document.getElementById("search"), list = document.getElementById("names");
    nodes.map(function (n) { return n.name; }).sort().forEach(function (name) {
      list.appendChild(h("option", { value: name }));
    });
    function find(q) {
      q = q.trim().toLowerCase();
      if (!q) return -1;
      var i, n;
      for (i = 0; i < nodes.length; i++) {
        n = nodes[i];
        if (n.name.toLowerCase() === q || n.id === q) return i;
      }
      for (i = 0; i < nodes.length; i++) {
        if (nodes[i].aliases.some(function (a) { return a.toLowerCase() === q; })) return i;
      }
      for (i = 0; i < nodes.length; i++) { if (nodes[i].name.toLowerCase().indexOf(q) >= 0) return i; }
      return -1;
    }
    function go() { var i = find(input.value); if (i >= 0) { selectNode(i); centerOn(i); } }
    input.addEventListener("change", go);
    input.addEventListener("keydown", function (ev) { if (ev.key === "Enter") go(); });
  }
  function selectFromHash() {
    var m = /^#select=(.+)$/.exec(window.location.hash || "");
    if (!m) return;
    var target = byKey[decodeURIComponent(m[1])];
    if (target) target.dispatchEvent(new MouseEvent("click", { bubbles: true, cancelable: true }));
  }

  draw();
  legend();
  search();
  dateFilter();
  applyFilters();
  rangeFromHash();
  enablePanZoom();
  fit();
  document.getElementById("empty").hidden = nodes.length > 0;
  selectFromHash();
  window.addEventListener("hashchange", selectFromHash);
  window.addEventListener("hashchange", rangeFromHash);
  document.addEventListener("keydown", function (ev) {
    if (ev.key === "Escape" && selected) clearSelection();
  });
  document.body.dataset.nodes = String(svg.querySelectorAll(".node").length);
  document.body.dataset.relationships = String(svg.querySelectorAll(".edge").length);
  document.body.dataset.ready = "1";
})();
