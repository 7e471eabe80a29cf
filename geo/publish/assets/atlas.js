/* The published map. Everything it shows comes from window.ATLAS_DATA (data.js), computed by the
   atlas: this script only looks values up. Text is set with textContent, never as HTML. Nothing
   is fetched: Leaflet and the data are files beside this one, and the map has no tiles. */
(function () {
  "use strict";
  var D = window.ATLAS_DATA;
  var DOTTED = 100; // a class index of 100 or more: the count is mostly reconstructed records
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
    var i = value >= DOTTED ? value - DOTTED : value;
    return i < 0 ? c.zero[0] : c.colors[i];
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
    style: function () { return { weight: 0.5, color: "#6b6b6b", fillOpacity: 1, fillColor: "#ffffff" }; },
    onEachFeature: function (feature, lyr) {
      lyr.bindTooltip(function () {
        var i = index[feature.properties.code];
        var period = select.value;
        var box = el("div");
        box.appendChild(el("b", null, feature.properties.name));
        box.appendChild(el("div", null, D.tooltips[period][i]));
        if (D.values[period][i] !== null && D.values[period][i] >= DOTTED) {
          box.appendChild(el("div", null, D.words.mostly));
        }
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
    function item(colour, label, dashed) {
      var li = el("li");
      var sw = el("span", "swatch" + (dashed ? " dashed" : ""));
      sw.style.backgroundColor = colour;
      li.appendChild(sw);
      li.appendChild(el("span", null, label));
      list.appendChild(li);
    }
    item(c.zero[0], c.zero[1]);
    c.colors.forEach(function (colour, i) { item(colour, c.labels[i]); });
    var values = D.values[period];
    if (values.some(function (v) { return v === null; })) item(c.noData[0], c.noData[1]);
    if (values.some(function (v) { return v !== null && v >= DOTTED; })) item("#ffffff", D.words.mostly, true);
    legend.appendChild(list);
    if (c.same) legend.appendChild(el("p", "same", c.same));
  }

  function show(period) {
    var values = D.values[period];
    layer.eachLayer(function (lyr) {
      var i = index[lyr.feature.properties.code];
      var v = values[i];
      lyr.setStyle({ fillColor: colourOf(period, v), dashArray: v !== null && v >= DOTTED ? "2 2" : null,
                     weight: v !== null && v >= DOTTED ? 1.2 : 0.5,
                     color: v !== null && v >= DOTTED ? "#1a1a1a" : "#6b6b6b" });
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
