/* The published map. Everything it shows comes from window.ATLAS_DATA (data.js), computed by the
   atlas: this script only looks values up. Text is set with textContent, never as HTML. Nothing
   is fetched: Leaflet and the data are files beside this one, and the map has no tiles. */
(function () {
  "use strict";
  var D = window.ATLAS_DATA;
  var RECON = 1, SMALL = 2; // flags: mostly reconstructed records (hatched); rate unreliable (dashed)
  var EDGE = "#6b6b6b", EDGE_WEIGHT = 0.5; // the units' outline
  var SVGNS = "http://www.w3.org/2000/svg";
  var select = document.getElementById("period");

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function classesOf(period) { return period === "all" ? D.classes.all : D.classes.year; }

  function colourOf(period, value) {
    var c = classesOf(period);
    if (value === null || value === undefined) return c.noData[0];
    return value < 0 ? c.zero[0] : c.colors[value];
  }

  // Hatching in a colour (an SVG pattern in a hidden SVG of the page), as the atlas's web map
  // draws units whose count is mostly reconstructed records.
  var defs = null;
  function hatch(colour) {
    var id = "hatch-" + colour.replace("#", "");
    if (!defs) {
      var svg = document.createElementNS(SVGNS, "svg");
      svg.setAttribute("width", "0");
      svg.setAttribute("height", "0");
      svg.setAttribute("aria-hidden", "true");
      svg.style.position = "absolute";
      defs = document.createElementNS(SVGNS, "defs");
      svg.appendChild(defs);
      document.body.appendChild(svg);
    }
    if (!document.getElementById(id)) {
      var p = document.createElementNS(SVGNS, "pattern");
      p.setAttribute("id", id);
      p.setAttribute("patternUnits", "userSpaceOnUse");
      p.setAttribute("width", "6");
      p.setAttribute("height", "6");
      p.setAttribute("patternTransform", "rotate(45)");
      var rect = document.createElementNS(SVGNS, "rect");
      rect.setAttribute("width", "6");
      rect.setAttribute("height", "6");
      rect.setAttribute("fill", colour);
      var line = document.createElementNS(SVGNS, "line");
      line.setAttribute("x1", "0"); line.setAttribute("y1", "0");
      line.setAttribute("x2", "0"); line.setAttribute("y2", "6");
      line.setAttribute("stroke", "#333333");
      line.setAttribute("stroke-width", "1.6");
      p.appendChild(rect);
      p.appendChild(line);
      defs.appendChild(p);
    }
    return "url(#" + id + ")";
  }

  // An embedded map never traps the page's scrolling: no wheel zoom (the buttons zoom), and on
  // touch screens one finger scrolls the page, not the map.
  var map = L.map("map", { zoomSnap: 0.25, minZoom: 6, scrollWheelZoom: false, dragging: !L.Browser.mobile,
                           tap: false });
  map.attributionControl.setPrefix("Leaflet");
  map.fitBounds(D.bounds);
  L.control.scale({ imperial: false }).addTo(map);

  var features = D.units.features;
  var index = {};
  features.forEach(function (f, i) { index[f.properties.code] = i; });

  var layer = L.geoJSON(D.units, {
    style: function () { return { weight: EDGE_WEIGHT, color: EDGE, fillOpacity: 1, fillColor: "#ffffff" }; },
    onEachFeature: function (feature, lyr) {
      lyr.bindTooltip(function () {
        var i = index[feature.properties.code];
        var period = select.value;
        var box = el("div");
        box.appendChild(el("b", null, feature.properties.name));
        box.appendChild(el("div", null, D.tooltips[period][i]));
        if (D.flags[period][i] & RECON) box.appendChild(el("div", null, D.words.mostly));
        return box;
      }, { sticky: true, className: "atlas-tip" });
    }
  }).addTo(map);

  function drawLegend(period) {
    var c = classesOf(period);
    var legend = document.getElementById("legend");
    legend.textContent = "";
    legend.appendChild(el("h2", null, D.legendTitle));
    var list = el("ul");
    function item(colour, label, style) {
      var li = el("li");
      var sw = el("span", "swatch" + (style ? " " + style : ""));
      sw.style.backgroundColor = colour;
      li.appendChild(sw);
      li.appendChild(el("span", null, label));
      list.appendChild(li);
    }
    item(c.zero[0], c.zero[1]);
    c.colors.forEach(function (colour, i) { item(colour, c.labels[i]); });
    var values = D.values[period], flags = D.flags[period];
    if (values.some(function (v) { return v === null; })) item(c.noData[0], c.noData[1]);
    if (flags.some(function (f) { return f & SMALL; })) item("#ffffff", D.words.small, "dashed");
    if (flags.some(function (f) { return f & RECON; })) item("#ffffff", D.words.mostly, "hatched");
    legend.appendChild(list);
    if (c.same) legend.appendChild(el("p", "same", c.same));
  }

  function show(period) {
    var values = D.values[period], flags = D.flags[period];
    layer.eachLayer(function (lyr) {
      var i = index[lyr.feature.properties.code];
      var colour = colourOf(period, values[i]);
      // the same marks as the atlas's maps: diagonal lines (mostly reconstructed), a dark dashed
      // outline over the class's own colour (a rate from fewer than 3 incidents)
      var small = (flags[i] & SMALL) !== 0;
      lyr.setStyle({ fillColor: flags[i] & RECON ? hatch(colour) : colour, fillOpacity: 1,
                     color: small ? "#222222" : EDGE, weight: small ? 1.2 : EDGE_WEIGHT,
                     dashArray: small ? "3 2" : null });
    });
    drawLegend(period);
    var notes = document.getElementById("notes");
    notes.textContent = "";
    D.notes[period].forEach(function (n) { notes.appendChild(el("li", null, n)); });
    document.getElementById("provenance").textContent = D.provenance[period];
    document.getElementById("count").textContent = D.counts[period];
    document.body.setAttribute("data-period", period);
  }

  select.addEventListener("change", function () { show(select.value); });
  show(select.value);
  document.body.setAttribute("data-ready", "1");
})();
