/* Map 1's symbols on the atlas's map core (atlas-core.js, loaded first): circles per place and
   kind (hollow: reconstructed records only), city labels, and count boxes for the sites known only
   to a region, placed clear of the symbols. Used by the app's component; the published page has
   no symbol map. Text is set as text. */
(function (root) {
  "use strict";
  var P = root.AtlasCore.AtlasMap.prototype, el = root.AtlasCore.el;

  function textBox(cls, lines) {
    var box = el("div", cls);
    lines.forEach(function (line, i) {
      if (i) box.appendChild(document.createElement("br"));
      box.appendChild(document.createTextNode(line));
    });
    return box;
  }

  P.setSymbols = function (data) {
    var self = this;
    this.overlays.clearLayers();
    this.boxes = [];
    (data.cities || []).forEach(function (c) {
      var label = el("span", null, null, c[2]);
      L.marker([c[0], c[1]], {
        interactive: false, keyboard: false,
        icon: L.divIcon({className: "atlas-city" + (c[3] ? " atlas-" + c[3] : ""), html: label, iconSize: null}),
      }).addTo(self.overlays);
    });
    this.circles = [];
    data.symbols.forEach(function (s) {
      var colour = data.categories[s[2]][1], hollow = s[4];
      var c = L.circleMarker([s[0], s[1]], {
        radius: s[3], color: hollow ? colour : "#ffffff", weight: hollow ? 2.2 : 1,
        fill: true, fillColor: hollow ? "#ffffff" : colour, fillOpacity: hollow ? 0.75 : data.opacity,
      }).addTo(self.overlays);
      c.bindTooltip(textBox("", s[5]), {className: "atlas-tip"});
      var e = c.getElement();
      if (e) {
        e.setAttribute("data-symbol", hollow ? "reconstructed" : "documented");
        e.setAttribute("tabindex", "-1");
      }
      self.circles.push(c);
    });
    (data.boxes || []).forEach(function (b) {
      var marker = L.marker([b[0], b[1]], {
        interactive: false, keyboard: false,
        icon: L.divIcon({className: "atlas-box-anchor", html: "", iconSize: [0, 0]}),
      });
      var leader = L.polyline([[b[0], b[1]], [b[0], b[1]]], {color: "#444444", weight: 1, interactive: false});
      leader.addTo(self.overlays);
      marker.addTo(self.overlays);
      self.boxes.push({lat: b[0], lon: b[1], marker: marker, leader: leader, lines: b[2]});
    });
    this.placeBoxes();
  };

  P.placeBoxes = function () {
    // Each box goes where it covers the fewest symbols and boxes, near its region's point.
    if (!this.boxes || !this.boxes.length || !this.map) return;
    var map = this.map, size = map.getSize(), self = this;
    var taken = (this.circles || []).map(function (c) {
      var p = map.latLngToContainerPoint(c.getLatLng()), r = c.getRadius() + 2;
      return [p.x - r, p.y - r, p.x + r, p.y + r];
    });
    var overlap = function (a, b) {
      return Math.max(0, Math.min(a[2], b[2]) - Math.max(a[0], b[0]))
        * Math.max(0, Math.min(a[3], b[3]) - Math.max(a[1], b[1]));
    };
    var moves = [[0, 0], [0, 1], [0, -1], [1, 0], [-1, 0], [1, 1], [-1, 1], [1, -1], [-1, -1]];
    this.boxes.forEach(function (b) {
      if (!b.w) {  // measure the box off screen once
        var probe = textBox("region-count", b.lines);
        probe.style.visibility = "hidden";
        self.box.appendChild(probe);
        b.w = probe.offsetWidth;
        b.h = probe.offsetHeight;
        probe.remove();
      }
      var a = map.latLngToContainerPoint([b.lat, b.lon]), best = null;
      [0, 40, 80, 130, 190].forEach(function (d) {
        moves.forEach(function (m) {
          if (d === 0 && (m[0] || m[1])) return;
          var cx = a.x + m[0] * (d + b.w / 2), cy = a.y + m[1] * (d + b.h / 2);
          var r = [cx - b.w / 2, cy - b.h / 2, cx + b.w / 2, cy + b.h / 2];
          var cost = (r[0] < 0 || r[1] < 0 || r[2] > size.x || r[3] > size.y) ? 1e9 : 0;
          taken.forEach(function (t) { cost += overlap(r, t); });
          cost += d * 2;
          if (!best || cost < best.cost) best = {cost: cost, cx: cx, cy: cy, r: r};
        });
      });
      taken.push(best.r);
      var at = map.containerPointToLatLng([best.cx, best.cy]);
      b.marker.setLatLng(at);
      b.marker.setIcon(L.divIcon({className: "atlas-box-anchor", html: textBox("region-count", b.lines),
                                  iconSize: [b.w, b.h], iconAnchor: [b.w / 2, b.h / 2]}));
      b.leader.setLatLngs([[b.lat, b.lon], at]);
    });
  };
})(window);
