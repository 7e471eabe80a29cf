/* The atlas's map core: one Leaflet map (SVG paths) drawn from the map model that Python computed
   (geo/maps/model: classes, flags, tooltips, legend words, titles), in the app's component
   (geo/ui/components/atlas_map/map.js) and the published page (geo/publish/assets/atlas.js), each a
   thin wrapper around AtlasCore.AtlasMap. It owns the geometry layer, the styles and marks (hatch:
   mostly reconstructed; dark dashed outline: a rate from few incidents), the picked unit, the legend
   (a 3 x 3 grid for two measures), tooltips, the period control (a slider with Play, or a select),
   Map 1's symbols and region boxes, a sync group (maps that pan and zoom together), the error shown
   when the geometry cannot be loaded, and the teardown of its observers and timers. It computes no
   value: it looks them up. Text is set as text, never as HTML. A classic script (no module). */
(function (root) {
  "use strict";
  var SVGNS = "http://www.w3.org/2000/svg";
  // the marks' flag bits and looks (geo/maps/model/marks.py)
  var HATCH = 1, DASHED = 2;
  var EDGE = "#6b6b6b", EDGE_WIDTH = 0.5, DASH = "#222222", DASH_WIDTH = 1.2, DASH_ARRAY = "3 2";
  var INK = "#333333", SPACING = 6, INK_WIDTH = 1.6;
  var PICKED = "#111111", PICKED_WIDTH = 2.5, PICKED_HALO = "#ffffff";
  var SEQ = 0;

  function el(tag, cls, parent, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = text;
    if (parent) parent.appendChild(e);
    return e;
  }

  function lines(box, text) {
    String(text == null ? "" : text).split("\n").forEach(function (line) { el("div", null, box, line); });
  }

  // ------------------------------------------------------------------ the model's frames
  // Full rows per frame from the deltas: [palette index, flags, tip index] per unit.
  function normal(model) {
    // a frame states only what it says: a copy with defaults for the rest (the data may be frozen)
    var frames = model.frames.map(function (f) {
      return {key: f.key, rows: f.rows, label: f.label || f.key, scale: f.scale || "main", title: f.title || "",
              notes: f.notes || [], provenance: f.provenance || "", total: f.total || "", legend: f.legend};
    });
    return Object.assign({}, model, {frames: frames});
  }

  function unpack(model, n) {
    var now = [];
    for (var i = 0; i < n; i++) now.push([0, 0, 0]);
    return model.frames.map(function (frame) {
      now = now.slice();
      frame.rows.forEach(function (r) { now[r[0]] = [r[1], r[2], r[3]]; });
      return now;
    });
  }

  function AtlasMap(parent, options) {
    options = options || {};
    this.options = options;
    this.slots = options.slots || {};
    this.id = "atlas" + (++SEQ);
    this.root = el("div", "atlas-map", parent);
    this.root.setAttribute("role", "region");
    this.player = el("div", "atlas-player", this.root);
    this.player.hidden = true;
    this.box = el("div", "atlas-leaflet", this.root);
    this.message = el("div", "atlas-message", this.root);
    this.message.hidden = true;
    this.message.setAttribute("role", "alert");
    // The unit picker: the keyboard's (and screen reader's) way to do what a click on a unit does.
    this.pickerRow = el("label", "atlas-picker", this.root);
    this.pickerRow.hidden = true;
    this.pickerLabel = el("span", "", this.pickerRow);
    this.select = el("select", "", this.pickerRow);
    var self = this;
    this.select.addEventListener("change", function () { self.pick(self.select.value || null, true); });
    this.legendBox = this.slots.legend || el("div", "atlas-legend", this.root);
    this.frames = [];
    this.index = 0;
    this.drawn = 0;
    this.version = 0;
    this.playing = false;
    this.timers = {};
    this.map = L.map(this.box, {
      zoomSnap: 0.25, minZoom: 6, attributionControl: !!options.attribution,
      scrollWheelZoom: options.scrollWheelZoom !== false,
      // one finger scrolls the page on a phone; two fingers zoom
      dragging: !L.Browser.mobile, tap: false,
    });
    if (options.attribution) this.map.attributionControl.setPrefix(options.attribution);
    L.control.scale({imperial: false}).addTo(this.map);
    this.overlays = L.layerGroup().addTo(this.map);
    // region boxes are placed in screen space: again after a zoom or a new size
    this.map.on("zoomend resize", function () { self.placeBoxes(); });
    // A new width (a phone turned, a window resized) fits the view again, unless the reader moved it.
    this.observer = new ResizeObserver(function () {
      if (!self.laidOut()) return;  // out of the layout for a moment: back at its size, nothing to redraw
      var size = self.map.getSize();
      self.map.invalidateSize();
      var now = self.map.getSize();
      if (self.pendingFit || (self.fitted && (now.x !== size.x || now.y !== size.y) && !self.moved)) self.refit();
    });
    this.observer.observe(this.box);
    // The reader moved the view (drag, wheel, buttons, keys): a new size keeps their view.
    this.onMove = function () { self.moved = true; };
    ["pointerdown", "wheel", "keydown", "touchstart"].forEach(function (type) {
      self.box.addEventListener(type, self.onMove, {passive: true});
    });
  }

  var P = AtlasMap.prototype;
  // Map 1's symbols and boxes come from atlas-symbols.js where a page draws them
  P.placeBoxes = function () {};

  // Whether the map's box has a size. Streamlit takes an element out of the layout for a frame
  // while a rerun rearranges the page: measured then, the map would fit itself to nothing and again
  // to its size, projecting every unit twice (about 40 ms for 581 municipalities).
  P.laidOut = function () {
    return this.box.clientWidth > 0 && this.box.clientHeight > 0;
  };

  // ------------------------------------------------------------------ lifetime
  P.later = function (name, fn, ms) {
    clearTimeout(this.timers[name]);
    this.timers[name] = setTimeout(fn, ms);
  };

  P.destroy = function () {
    // observers, timers and the map go with the element
    this.playing = false;
    this.joinGroup(null);
    for (var k in this.timers) clearTimeout(this.timers[k]);
    this.timers = {};
    if (this.observer) this.observer.disconnect();
    if (this.map) this.map.remove();
    this.observer = this.map = null;
    this.root.remove();
    this.destroyed = true;
  };

  // Maps in one sync group (the Compare page's two maps, side by side) pan and zoom together.
  var GROUPS = {};
  P.joinGroup = function (name) {
    if ((name || null) === (this.group || null)) return;
    var self = this, old = GROUPS[this.group];
    if (old) old.splice(old.indexOf(this), 1);
    if (this.onSync) this.map.off("move", this.onSync);
    if (!(this.group = name || null)) return;
    var members = GROUPS[name] = (GROUPS[name] || []).concat([this]);
    this.onSync = function () {
      if (!self.syncing) GROUPS[name].forEach(function (m) {
        if (m === self || !m.map) return;
        m.syncing = true;
        m.moved = self.moved;
        m.map.setView(self.map.getCenter(), self.map.getZoom(), {animate: false});
        m.syncing = false;
      });
    };
    this.map.on("move", this.onSync);
    if (members.length > 1) members[0].onSync();  // a newcomer takes the group's view
  };

  P.showError = function (text) {
    // a failed geometry load says so in the map, never a blank box
    this.message.textContent = text;
    this.message.hidden = false;
    this.root.dataset.error = "1";
  };

  P.clearError = function () {
    this.message.hidden = true;
    delete this.root.dataset.error;
  };

  // ------------------------------------------------------------------ geometry
  P.setGeometry = function (key, geo, interactive) {
    if (this.geometryKey === key) return;
    if (this.layer) this.layer.remove();
    var self = this;
    this.paths = [];
    this.styled = [];  // each unit's last style (styleUnit): an update repaints only the units it changes
    this.codes = [];
    this.names = [];
    this.byCode = new Map();
    this.layer = L.geoJSON(geo, {
      interactive: interactive,
      style: function () { return {weight: EDGE_WIDTH, color: EDGE, fillOpacity: 1, fillColor: "#f4f4f2"}; },
      onEachFeature: function (f, layer) {
        var i = self.paths.length;
        self.paths.push(layer);
        var code = String(f.id != null ? f.id : f.properties.code);
        self.codes.push(code);
        self.byCode.set(code, i);
        self.names.push(f.properties.name);
        if (interactive) {
          layer.bindTooltip(function () { return self.tip(i); }, {sticky: true, className: "atlas-tip"});
          layer.on("click", function () { if (self.clickable) self.pick(self.codes[i], true); });
          layer.on("mouseover", function () { layer.setStyle({weight: 2, color: "#000000"}); });
          layer.on("mouseout", function () { self.styleUnit(i, true); });
        }
      },
    }).addTo(this.map);
    this.layer.bringToBack();
    this.paths.forEach(function (p, i) {
      var e = p.getElement();
      if (!e) return;
      e.setAttribute("data-code", self.codes[i]);
      // out of the Tab order (hundreds of stops): the unit picker is the keyboard's way
      e.setAttribute("tabindex", "-1");
    });
    this.geometryKey = key;
    this.pickerFor = null;
    this.zoomedTo = null;
  };

  P.setTiles = function (tiles) {
    // An optional basemap (needs the network); off unless the page asks for it.
    var url = tiles ? tiles.url : null;
    if (url === this.tilesUrl) return;
    if (this.tiles) { this.tiles.remove(); this.tiles = null; }
    if (this.attribution) { this.attribution.remove(); this.attribution = null; }
    if (url) {
      this.attribution = L.control.attribution({prefix: false}).addTo(this.map);
      this.tiles = L.tileLayer(url, {attribution: tiles.attribution.replace(/[<>&"]/g, ""), maxZoom: 18})
        .addTo(this.map);
    }
    this.tilesUrl = url;
  };

  P.fit = function (bounds) {
    var key = JSON.stringify(bounds);
    if (this.boundsKey === key) return;  // zoom and pan are kept while the view is the same
    this.boundsKey = key;
    this.bounds = bounds;
    this.moved = false;
    this.refit();
  };

  P.refit = function () {
    var size = this.map.getSize();
    // without animation: a view that moves after the page has drawn is a jolt
    this.map.fitBounds(this.bounds, {animate: false});
    this.fitted = true;
    this.placeBoxes();
    // Not laid out yet (no height): fit again once it has a size.
    this.pendingFit = !size.x || !size.y;
  };

  // ------------------------------------------------------------------ the picked unit
  P.pick = function (code, byReader) {
    this.selected = code || null;
    if (this.select) this.select.value = this.selected || "";
    this.styleAll();
    if (byReader) {
      this.zoomTo(this.selected);
      if (this.options.onPick) this.options.onPick(this.selected || "");
    }
  };

  P.zoomTo = function (code) {
    // A picked unit is brought into view, at least close enough to see its outline and colour.
    var i = code != null ? this.byCode.get(code) : undefined;
    if (i === undefined || this.zoomedTo === code || !this.map.getSize().x) return;
    this.zoomedTo = code;
    var b = this.paths[i].getBounds();
    var view = this.map.getBounds();
    var small = this.map.latLngToContainerPoint(b.getNorthEast()).distanceTo(
      this.map.latLngToContainerPoint(b.getSouthWest())) < 40;
    if (small || !view.contains(b)) {
      this.map.fitBounds(b, {animate: false, maxZoom: Math.max(this.map.getZoom(), 10), padding: [60, 60]});
      this.moved = true;
      this.placeBoxes();
    }
  };

  P.setPicker = function (picker) {
    this.pickerRow.hidden = !picker;
    if (!picker) return;
    this.pickerLabel.textContent = picker.label;
    if (this.pickerFor !== this.geometryKey) {  // options from the geometry: names, sorted
      var lang = this.lang;
      var order = this.codes.map(function (c, i) { return [this.names[i], c]; }, this)
        .sort(function (a, b) { return a[0].localeCompare(b[0], lang); });
      this.select.textContent = "";
      el("option", "", this.select, picker.none).value = "";
      var select = this.select;
      order.forEach(function (o) { el("option", "", select, o[0]).value = o[1]; });
      this.pickerFor = this.geometryKey;
    }
    this.select.value = this.selected || "";
  };

  // ------------------------------------------------------------------ styles and marks
  P.pattern = function (colour) {
    // A hatched fill of a class's colour, for units whose count is mostly reconstructed.
    var id = this.id + "-hatch-" + colour.replace("#", "");
    if (!this.defs) {
      var svg = document.createElementNS(SVGNS, "svg");
      svg.setAttribute("width", "0");
      svg.setAttribute("height", "0");
      svg.setAttribute("aria-hidden", "true");
      svg.style.position = "absolute";
      this.defs = document.createElementNS(SVGNS, "defs");
      svg.appendChild(this.defs);
      this.root.appendChild(svg);
    }
    if (!this.defs.querySelector("#" + id)) {
      var p = document.createElementNS(SVGNS, "pattern");
      p.setAttribute("id", id);
      p.setAttribute("patternUnits", "userSpaceOnUse");
      p.setAttribute("width", String(SPACING));
      p.setAttribute("height", String(SPACING));
      p.setAttribute("patternTransform", "rotate(45)");
      var rect = document.createElementNS(SVGNS, "rect");
      rect.setAttribute("width", String(SPACING));
      rect.setAttribute("height", String(SPACING));
      rect.setAttribute("fill", colour);
      var line = document.createElementNS(SVGNS, "line");
      line.setAttribute("x1", "0"); line.setAttribute("y1", "0");
      line.setAttribute("x2", "0"); line.setAttribute("y2", String(SPACING));
      line.setAttribute("stroke", INK);
      line.setAttribute("stroke-width", String(INK_WIDTH));
      p.appendChild(rect);
      p.appendChild(line);
      this.defs.appendChild(p);
    }
    return "url(#" + id + ")";
  };

  P.values = function (i) {
    // [palette index, flags, tip index] of unit i in the frame shown
    var frame = this.frames[this.index];
    return frame ? frame[i] : [0, 0, 0];
  };

  P.palette = function () {
    var frame = this.model.frames[this.index];
    return this.model.scales[frame.scale].colors;
  };

  P.styleUnit = function (i, force) {
    if (this.kind !== "choropleth" || !this.model) return;
    var v = this.values(i), colour = this.palette()[v[0]], flags = v[1];
    var small = (flags & DASHED) !== 0;
    var chosen = this.selected === this.codes[i];
    var key = colour + "|" + flags + "|" + chosen + "|" + Boolean(this.tilesUrl);
    if (!force && this.styled[i] === key) {  // as it is: not set again (hundreds of paths per update)
      if (chosen) this.outline(i);
      return;
    }
    this.styled[i] = key;
    var style = {
      fillColor: flags & HATCH ? this.pattern(colour) : colour,
      // opaque unless a basemap shows through: the lowest class stands out from "no incident"
      fillOpacity: this.tilesUrl ? 0.85 : 1,
      color: chosen ? PICKED : (small ? DASH : EDGE),
      weight: chosen ? PICKED_WIDTH : (small ? DASH_WIDTH : EDGE_WIDTH),
      dashArray: small && !chosen ? DASH_ARRAY : null,
    };
    this.paths[i].setStyle(style);
    if (chosen) this.outline(i);
  };

  P.outline = function (i) {
    // the picked unit keeps its class colour: a white halo and a dark line around it, on top
    if (!this.halo) this.halo = L.layerGroup().addTo(this.map);
    this.halo.clearLayers();
    var latlngs = this.paths[i].getLatLngs();
    L.polygon(latlngs, {interactive: false, fill: false, color: PICKED_HALO, weight: PICKED_WIDTH + 3})
      .addTo(this.halo);
    L.polygon(latlngs, {interactive: false, fill: false, color: PICKED, weight: PICKED_WIDTH}).addTo(this.halo);
  };

  P.styleAll = function () {
    if (!this.paths || this.kind !== "choropleth") return;
    if (this.halo) this.halo.clearLayers();
    for (var i = 0; i < this.paths.length; i++) this.styleUnit(i);
  };

  P.tip = function (i) {
    var box = el("div");
    el("b", null, box, this.names[i]);
    if (this.kind === "choropleth" && this.model) {
      var v = this.values(i), m = this.model;
      lines(box, m.tips[v[2]]);
      [HATCH, DASHED].forEach(function (f) { if (v[1] & f) el("div", "atlas-mark", box, m.marks[String(f)]); });
    }
    return box;
  };

  // ------------------------------------------------------------------ legend and frame words
  P.drawLegend = function () {
    var g = this.legendBox;
    g.textContent = "";
    var frame = this.model ? this.model.frames[this.index] : null;
    var legend = frame ? {title: this.model.legendTitle, items: frame.legend || this.model.legend,
                          note: this.model.scales[frame.scale].note}
      : this.legend;
    if (!legend) return;
    var period = frame ? frame.label : "";
    el("div", "atlas-legend-title", g, String(legend.title || "").replace("{period}", period));
    var grid = frame && this.model.grid, inGrid = {};
    if (grid) inGrid = drawGrid(g, grid, this.model.scales[frame.scale].colors);
    var items = el("div", "atlas-items", g);
    (legend.items || []).forEach(function (it) {
      if (it[0] === "swatch" && inGrid[it[1]]) return;  // drawn in the grid
      var kind = it[0], colour = it[1], label = it[2], size = it[3];
      var item = el("span", "atlas-item", items);
      var mark;
      if (kind === "swatch" || kind === "hatch" || kind === "dashed") {
        mark = el("span", "atlas-swatch" + (kind !== "swatch" ? " atlas-" + kind : ""), item);
        if (kind === "swatch") mark.style.background = colour;
      } else {  // a circle: "circle" filled, "hollow" reconstructed, "size" size key
        var d = Math.max(8, 2 * (size || 6));
        mark = el("span", "atlas-circle", item);
        mark.style.width = d + "px";
        mark.style.height = d + "px";
        mark.style.background = kind === "hollow" ? "#ffffff" : colour;
        mark.style.border = kind === "hollow" ? "2px solid " + colour : "1px solid #ffffff";
      }
      el("span", null, item, label);
    });
    if (legend.note) el("div", "atlas-note atlas-same", g, legend.note);
    (legend.notes || []).forEach(function (n) { el("div", "atlas-note", g, n); });
  };

  // A bivariate legend as a 3 x 3 grid: y rises upwards, x to the right, the axes' words beside
  // them; each cell says its words to a pointer (title) and a screen reader (aria-label).
  function drawGrid(g, grid, colours) {
    var box = el("div", "atlas-grid", g), used = {};
    box.setAttribute("role", "group"); box.setAttribute("aria-label", grid.x + " / " + grid.y);
    el("div", "atlas-grid-y", box, grid.y + " \u2192");
    var cells = el("div", "atlas-grid-cells", box);
    grid.cells.forEach(function (c) {
      var cell = el("span", "atlas-grid-cell", cells), colour = colours[c[2]];
      cell.style.background = colour;
      cell.style.gridArea = (4 - c[1]) + " / " + c[0];  // row (y rises upwards) / column
      cell.title = c[3];
      cell.setAttribute("role", "img");
      cell.setAttribute("aria-label", c[3]);
      cell.dataset.cell = c[0] + "-" + c[1];
      used[colour] = true;
    });
    el("div", "atlas-grid-x", box, grid.x + " \u2192");
    return used;
  }

  P.frameWords = function () {
    // the frame's title, notes, provenance line and total, where the page shows them
    var frame = this.model.frames[this.index], s = this.slots;
    if (s.title) s.title.textContent = frame.title;
    if (s.title && this.options.documentTitle) document.title = frame.title;
    if (s.provenance) s.provenance.textContent = frame.provenance;
    if (s.total) s.total.textContent = frame.total;
    if (s.notes) {
      s.notes.textContent = "";
      frame.notes.forEach(function (n) { el("li", null, s.notes, n); });
    }
    if (this.slots.period) this.slots.period.value = frame.key;
    this.root.setAttribute("aria-label", this.label.replace("{period}", frame.label));
  };

  P.show = function (index) {
    this.index = Math.max(0, Math.min(index, this.frames.length - 1));
    this.styleAll();
    this.drawLegend();
    this.frameWords();
    if (this.range) {
      var label = this.model.frames[this.index].label;
      this.range.value = String(this.index);
      this.range.setAttribute("aria-valuetext", label);
      this.output.textContent = label;
    }
    this.drawn += 1;
    this.root.dataset.drawn = String(this.drawn);
    this.root.dataset.frame = String(this.index);
  };

  // ------------------------------------------------------------------ the period control
  P.frameOf = function (key) {
    for (var i = 0; i < this.model.frames.length; i++) if (this.model.frames[i].key === key) return i;
    return 0;
  };

  P.setPeriodSelect = function (select) {
    // a select the page provides (the published page's years): options are the frames' labels
    var self = this;
    if (select.dataset.bound) return;
    select.dataset.bound = "1";
    select.addEventListener("change", function () { self.show(self.frameOf(select.value)); });
  };

  P.setPlayer = function (p) {
    if (!p) {
      this.player.hidden = true;
      this.hasPlayer = false;
      return;
    }
    var self = this;
    if (!this.range) {
      this.button = el("button", "atlas-play", this.player);
      this.button.type = "button";
      this.range = el("input", "atlas-range", this.player);
      this.range.type = "range";
      this.range.min = "0";
      this.output = el("output", "atlas-period", this.player);
      this.button.addEventListener("click", function () { return self.playing ? self.pause() : self.play(); });
      this.range.addEventListener("input", function () {
        self.pause(false);
        self.show(Number(self.range.value));
        self.report();
      });
    }
    this.player.hidden = false;
    this.hasPlayer = true;
    this.interval = p.interval_ms;
    this.playTexts = p.texts;
    this.range.max = String(this.frames.length - 1);
    this.range.setAttribute("aria-label", p.texts.slider);
    this.output.setAttribute("aria-live", "off");
    this.labelButton();
  };

  P.labelButton = function () {
    if (!this.button) return;
    this.button.textContent = this.playing ? "⏸ " + this.playTexts.pause : "▶ " + this.playTexts.play;
    this.button.setAttribute("aria-pressed", this.playing ? "true" : "false");
  };

  P.play = function () {
    if (!this.hasPlayer) return;
    var self = this;
    if (this.index >= this.frames.length - 1) this.show(0);
    this.playing = true;
    this.labelButton();
    this.root.dataset.playing = "1";
    var step = function () {
      if (!self.playing) return;
      if (self.index >= self.frames.length - 1) { self.pause(); return; }
      var started = performance.now();
      self.show(self.index + 1);
      // the frame is on screen after two animation frames; the next starts one interval after this one
      requestAnimationFrame(function () {
        requestAnimationFrame(function () {
          if (!self.playing) return;
          self.later("play", step, Math.max(0, self.interval - (performance.now() - started)));
        });
      });
    };
    this.later("play", step, this.interval);
  };

  P.pause = function (report) {
    var was = this.playing;
    this.playing = false;
    clearTimeout(this.timers.play);
    this.root.dataset.playing = "0";
    this.labelButton();
    if (was && report !== false) this.report();
  };

  P.report = function () {
    // the page around the map follows the period the player stopped at
    var self = this;
    this.later("report", function () {
      if (self.options.onPeriod) self.options.onPeriod(self.model.frames[self.index].key);
    }, 250);
  };

  // ------------------------------------------------------------------ one update
  // data: {geometryKey, geometry (GeoJSON), bounds, label, kind, model | symbols…, legend, selected,
  //        clickable, picker, player, index, tiles, lang, framesKey}
  P.update = function (data) {
    this.clearError();
    this.kind = data.kind;
    this.clickable = !!data.clickable;
    this.lang = data.lang || "en";
    this.label = data.label || "";
    this.root.setAttribute("aria-label", this.label);
    this.box.setAttribute("aria-label", this.label);
    this.box.title = this.label;
    if (data.height) this.box.style.height = "min(" + data.height + "px, 70vh)";
    if (this.laidOut()) this.map.invalidateSize();
    this.setTiles(data.tiles);
    this.fit(data.bounds);  // first: Leaflet draws a layer's paths once the map has a view
    this.setGeometry(data.geometryKey, data.geometry, data.interactive !== false);
    this.legend = data.legend;
    this.selected = data.selected || null;
    this.setPicker(data.picker);
    if (data.kind === "choropleth") {
      var fresh = data.framesKey === undefined || data.framesKey !== this.framesKey;
      if (fresh) {
        this.pause(false);
        this.framesKey = data.framesKey;
        this.model = normal(data.model);
        this.frames = unpack(data.model, this.paths.length);
      }
      this.setPlayer(data.player);
      if (this.slots.period) this.setPeriodSelect(this.slots.period);
      // while playing, the page's own period is older than the frame on screen: keep playing
      if (!this.playing) this.show(this.slots.period ? this.frameOf(this.slots.period.value) : data.index || 0);
      else this.styleAll();
      this.zoomTo(this.selected);
    } else {
      this.model = null;
      this.layer.setStyle({fillColor: data.land[0], color: data.land[1], weight: 0.4, fillOpacity: 0.9});
      this.setPlayer(null);
      this.setSymbols(data);
      this.drawLegend();
      this.drawn += 1;
      this.root.dataset.drawn = String(this.drawn);
    }
    this.root.dataset.kind = data.kind;
    this.joinGroup(data.sync);
  };

  root.AtlasCore = {AtlasMap: AtlasMap, el: el, normal: normal, unpack: unpack};
})(window);
