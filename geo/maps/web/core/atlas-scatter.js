/* The scatter of a two-measure map (incidents against foreign fighters, two periods), drawn under
   the map by the atlas's map core (atlas-core.js, loaded first) as one SVG: each unit a point in
   its bivariate cell's colour with its name on hover, the names of the units the model labels
   beside their points, the class bounds as dashed rules, the axes' titles, and a line saying
   which units are not drawn. It is part of the map's update: a change of analysis changes it in
   place, as it does the map. Text is set as text.
   data.scatter: {x, y (axis titles), label, note, points: [[x, y, colour, name, labelled]],
                  bx, by (class bounds)} or null (no scatter). */
(function (root) {
  "use strict";
  var core = root.AtlasCore, P = core.AtlasMap.prototype, el = core.el;
  var SVGNS = "http://www.w3.org/2000/svg", HEIGHT = 380;
  var M = {left: 58, right: 18, top: 12, bottom: 52};

  function svg(tag, attrs, parent, text) {
    var e = document.createElementNS(SVGNS, tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, String(attrs[k])); });
    if (text != null) e.textContent = String(text);
    if (parent) parent.appendChild(e);
    return e;
  }

  // Round ticks (1, 2 or 5 times a power of ten) from 0, or from a negative minimum, to past the maximum.
  function ticks(lo, hi) {
    lo = Math.min(0, lo);
    if (!(hi > lo)) hi = lo + 1;
    var raw = (hi - lo) / 5, p = Math.pow(10, Math.floor(Math.log10(raw))), f = raw / p;
    var step = (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * p;
    var out = [], first = Math.floor(lo / step) * step;
    for (var v = first; v < hi + step * 0.999; v += step) out.push(Math.round(v / step) * step);
    return out;
  }

  P.setScatter = function (s) {
    if (!s) {
      if (this.scatterBox) this.scatterBox.hidden = true;
      this.scatterKey = null;
      return;
    }
    if (!this.scatterBox) {
      var self = this;
      this.scatterBox = el("figure", "atlas-scatter", this.root);
      this.scatterObserver = new ResizeObserver(function () {
        if (self.scatter && self.scatterBox.clientWidth !== self.scatterWidth) self.drawScatter();
      });
      this.scatterObserver.observe(this.scatterBox);
    }
    this.scatterBox.hidden = false;
    var key = JSON.stringify(s) + "|" + this.lang;
    if (key === this.scatterKey) return;  // as it is
    this.scatterKey = key;
    this.scatter = s;
    this.drawScatter();
  };

  P.drawScatter = function () {
    var s = this.scatter, box = this.scatterBox, lang = this.lang;
    var width = Math.max(280, box.clientWidth || 600);
    this.scatterWidth = box.clientWidth;
    while (box.firstChild) box.removeChild(box.firstChild);
    if (s.note) el("figcaption", "atlas-note", box, s.note);
    var g = svg("svg", {width: width, height: HEIGHT, role: "img", "aria-label": s.label,
                        viewBox: "0 0 " + width + " " + HEIGHT}, box);
    var w = width - M.left - M.right, h = HEIGHT - M.top - M.bottom;
    var xs = s.points.map(function (p) { return p[0]; }).concat(s.bx);
    var ys = s.points.map(function (p) { return p[1]; }).concat(s.by);
    var tx = ticks(Math.min.apply(null, xs.concat([0])), Math.max.apply(null, xs.concat([0])));
    var ty = ticks(Math.min.apply(null, ys.concat([0])), Math.max.apply(null, ys.concat([0])));
    var x0 = tx[0], x1 = tx[tx.length - 1], y0 = ty[0], y1 = ty[ty.length - 1];
    var X = function (v) { return M.left + (v - x0) / (x1 - x0) * w; };
    var Y = function (v) { return M.top + h - (v - y0) / (y1 - y0) * h; };
    var fmt = function (v) { return Number(v).toLocaleString(lang, {maximumFractionDigits: 2}); };
    var axes = svg("g", {"class": "atlas-scatter-axes"}, g);
    tx.forEach(function (v) {
      svg("line", {x1: X(v), x2: X(v), y1: M.top, y2: M.top + h, stroke: "#eeeeee"}, axes);
      svg("text", {x: X(v), y: M.top + h + 16, "text-anchor": "middle"}, axes, fmt(v));
    });
    ty.forEach(function (v) {
      svg("line", {x1: M.left, x2: M.left + w, y1: Y(v), y2: Y(v), stroke: "#eeeeee"}, axes);
      svg("text", {x: M.left - 6, y: Y(v) + 4, "text-anchor": "end"}, axes, fmt(v));
    });
    svg("line", {x1: M.left, x2: M.left + w, y1: M.top + h, y2: M.top + h, stroke: "#888888"}, axes);
    svg("line", {x1: M.left, x2: M.left, y1: M.top, y2: M.top + h, stroke: "#888888"}, axes);
    svg("text", {x: M.left + w / 2, y: HEIGHT - 8, "text-anchor": "middle", "class": "atlas-scatter-title"},
        axes, s.x);
    svg("text", {x: 14, y: M.top + h / 2, "text-anchor": "middle", "class": "atlas-scatter-title",
                 transform: "rotate(-90 14 " + (M.top + h / 2) + ")"}, axes, s.y);
    var rules = svg("g", {"class": "atlas-scatter-bounds", stroke: "#888888", "stroke-dasharray": "4 3"}, g);
    s.bx.forEach(function (v) { svg("line", {x1: X(v), x2: X(v), y1: M.top, y2: M.top + h}, rules); });
    s.by.forEach(function (v) { svg("line", {x1: M.left, x2: M.left + w, y1: Y(v), y2: Y(v)}, rules); });
    var dots = svg("g", {"class": "atlas-scatter-points"}, g), names = svg("g", {"class": "atlas-scatter-names"}, g);
    var named = [];
    s.points.forEach(function (p) {
      var c = svg("circle", {cx: X(p[0]), cy: Y(p[1]), r: 5.5, fill: p[2], "fill-opacity": 0.9,
                             stroke: "#333333", "stroke-width": 0.5}, dots);
      svg("title", {}, c, p[3] + "\n" + s.x + ": " + fmt(p[0]) + "\n" + s.y + ": " + fmt(p[1]));
      if (p[4]) named.push(p);
    });
    // the points farthest from the origin first: the outliers a reader looks for keep their names
    placeNames(names, named.map(function (p) { return [X(p[0]), Y(p[1]), p[3]]; })
      .sort(function (a, b) { return (b[0] - b[1]) - (a[0] - a[1]); }), width);
  };

  // Each name beside its point where it fits: right above, left above, right below, left below,
  // the first place inside the plot (clear of the axes' words) that overlaps no name placed before; then the same for its
  // first part ("Molenbeek-Saint-Jean" of "Molenbeek-Saint-Jean / Sint-Jans-Molenbeek"); a name
  // with no such place is left out (its point still names itself on hover).
  function placeNames(group, names, width) {
    var placed = [];
    var overlaps = function (b) {
      return b.x < M.left || b.x + b.width > width || b.y < 0 || b.y + b.height > HEIGHT - M.bottom ||
        placed.some(function (o) {
          return b.x < o.x + o.width && o.x < b.x + b.width && b.y < o.y + o.height && o.y < b.y + b.height;
        });
    };
    var spots = [[7, -6, "start"], [-7, -6, "end"], [7, 14, "start"], [-7, 14, "end"]];
    names.forEach(function (n) {
      var t = svg("text", {}, group);
      var words = [n[2]], short = n[2].split(" / ")[0];
      if (short !== n[2]) words.push(short);
      for (var w = 0; w < words.length; w++) {
        t.textContent = words[w];
        for (var k = 0; k < spots.length; k++) {
          t.setAttribute("x", String(n[0] + spots[k][0]));
          t.setAttribute("y", String(n[1] + spots[k][1]));
          t.setAttribute("text-anchor", spots[k][2]);
          var b = t.getBBox();
          if (!overlaps(b)) { placed.push(b); return; }
        }
      }
      group.removeChild(t);
    });
  }

  var update = P.update, destroy = P.destroy;
  P.update = function (data) {
    update.call(this, data);
    this.setScatter(data.scatter || null);
  };
  P.destroy = function () {
    if (this.scatterObserver) this.scatterObserver.disconnect();
    destroy.call(this);
  };
})(window);
