/* The published map: a thin wrapper around the atlas's map core (atlas-core.js, the same file as
   the app's map). Everything it shows comes from window.ATLAS_DATA (data.js), computed by the atlas;
   nothing is fetched: Leaflet, the core and the data are files beside this one. */
(function () {
  "use strict";
  var D = window.ATLAS_DATA;
  var $ = function (id) { return document.getElementById(id); };
  var holder = $("map");
  var map;
  try {
    // An embedded map never traps the page's scrolling: no wheel zoom (the buttons zoom).
    map = new AtlasCore.AtlasMap(holder, {
      scrollWheelZoom: false, attribution: "Leaflet", documentTitle: true,
      slots: {legend: $("legend"), notes: $("notes"), provenance: $("provenance"), total: $("count"),
              title: $("title"), period: $("period")},
    });
    map.update({kind: "choropleth", geometryKey: "units", geometry: D.units, bounds: D.bounds, model: D.map,
                label: holder.getAttribute("aria-label"), scatter: D.scatter || null});
  } catch (err) {
    holder.textContent = String(err && err.message || err);
    throw err;
  }
  window.addEventListener("pagehide", function () { map.destroy(); });
  document.body.setAttribute("data-ready", "1");
})();
