// The atlas's web map: one Leaflet map (SVG paths) per map element, that keeps its geometry and
// only restyles it when new values arrive (docs/PERFORMANCE.md says why).
//
// Python (geo/ui/mapview.py) mounts a Streamlit custom component (components v2: no iframe) whose
// inline script imports this module and calls render(component) on every change of its data.
// - The geometry (GeoJSON with the unit codes, names and populations) is a static file with a
//   content hash in its name: fetched once per page life, kept by the browser (force-cache).
// - data.kind "choropleth": frames of values ([unit index, class, count, flags, reconstructed]);
//   only the units whose values changed since the previous frame are listed. A player (Play,
//   Pause, a period slider) steps through the frames here, in the browser: each frame is drawn
//   before the next one is scheduled.
// - data.kind "symbols": outlines, circle symbols (hollow: reconstructed records), city labels and
//   count boxes for the sites known only to a region, placed clear of the symbols.
// Clicking a unit sends the trigger "click" (its code); the player reports the period it stopped
// at as the state value "period". Texts come translated from Python; data are escaped here.

const LOADED = new Map();

function once(key, make) {
  if (!LOADED.has(key)) {
    const promise = make();
    promise.catch(() => LOADED.delete(key));  // a failed load is tried again next time
    LOADED.set(key, promise);
  }
  return LOADED.get(key);
}

function loadScript(url) {
  return once(url, () => new Promise((resolve, reject) => {
    const s = document.createElement("script");
    s.src = url;
    s.onload = resolve;
    s.onerror = () => reject(new Error("could not load " + url));
    document.head.appendChild(s);
  }));
}

function loadCss(url) {
  return once(url, () => new Promise((resolve) => {
    const l = document.createElement("link");
    l.rel = "stylesheet";
    l.href = url;
    l.onload = resolve;
    l.onerror = resolve;  // the map still works unstyled
    document.head.appendChild(l);
  }));
}

function loadJson(url) {
  // The name carries a hash of the content: a cached copy, fresh or stale, is the right one.
  return once(url, () => fetch(url, {cache: "force-cache"}).then((r) => {
    if (!r.ok) throw new Error("could not load " + url + " (" + r.status + ")");
    return r.json();
  }));
}

const ESC = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"};
function esc(text) {
  return String(text == null ? "" : text).replace(/[&<>"']/g, (c) => ESC[c]);
}

function el(tag, cls, parent) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (parent) parent.appendChild(e);
  return e;
}

let SEQ = 0;

class AtlasMap {
  constructor(parent) {
    this.id = "atlas" + (++SEQ);
    this.root = el("div", "atlas-map", parent);
    this.root.setAttribute("role", "region");
    this.player = el("div", "atlas-player", this.root);
    this.player.hidden = true;
    this.box = el("div", "atlas-leaflet", this.root);
    // The unit picker: the keyboard's (and screen reader's) way to do what a click on a unit does.
    this.pickerRow = el("label", "atlas-picker", this.root);
    this.pickerRow.hidden = true;
    this.pickerLabel = el("span", "", this.pickerRow);
    this.select = el("select", "", this.pickerRow);
    this.select.addEventListener("change", () => {
      this.selected = this.select.value || null;
      this.styleAll();
      this.component.setTriggerValue("click", this.select.value);
    });
    this.legendBox = el("div", "atlas-legend", this.root);
    this.defs = null;
    this.map = L.map(this.box, {
      zoomSnap: 0.25, minZoom: 6, attributionControl: false,
      // one finger scrolls the page on a phone; two fingers zoom
      dragging: !L.Browser.mobile, tap: false,
    });
    L.control.scale({imperial: false}).addTo(this.map);
    this.frames = [];
    this.index = 0;
    this.drawn = 0;
    this.version = 0;
    this.playing = false;
    this.timer = null;
    this.overlays = L.layerGroup().addTo(this.map);
    // region boxes are placed in screen space: again after a zoom or a new size (a phone's narrow
    // map fits the same view at a new zoom or centre, and a box placed before would hang outside)
    this.map.on("zoomend resize", () => this.placeBoxes());
    // A new width (a phone turned, a window resized) fits the view again, unless the reader moved it.
    new ResizeObserver(() => {
      const size = this.map.getSize();
      this.map.invalidateSize();
      const now = this.map.getSize();
      if (this.pendingFit || (this.fitted && (now.x !== size.x || now.y !== size.y) && !this.moved)) this.refit();
    }).observe(this.box);
    // The reader moved the view (drag, wheel, buttons, keys): a new size keeps their view.
    for (const type of ["pointerdown", "wheel", "keydown", "touchstart"]) {
      this.box.addEventListener(type, () => { this.moved = true; }, {passive: true});
    }
  }

  // ------------------------------------------------------------------ geometry
  setGeometry(url, geo, interactive) {
    if (this.geometryUrl === url) return;
    if (this.layer) this.layer.remove();
    this.paths = [];
    this.codes = [];
    this.names = [];
    this.pops = [];
    this.byCode = new Map();
    this.layer = L.geoJSON(geo, {
      interactive,
      style: () => ({weight: 0.5, color: "#6b6b6b", fillOpacity: 0.85, fillColor: "#f4f4f2"}),
      onEachFeature: (f, layer) => {
        const i = this.paths.length;
        this.paths.push(layer);
        const code = String(f.id != null ? f.id : f.properties.code);
        this.codes.push(code);
        this.byCode.set(code, i);
        this.names.push(f.properties.name);
        this.pops.push(f.properties.pop || 0);
        if (interactive) {
          layer.bindTooltip(() => this.tip(i), {sticky: true, className: "atlas-tip"});
          layer.on("click", () => this.click(i));
          layer.on("mouseover", () => layer.setStyle({weight: 2, color: "#000000"}));
          layer.on("mouseout", () => this.styleUnit(i));
        }
      },
    }).addTo(this.map);
    this.layer.bringToBack();
    this.paths.forEach((p, i) => {
      const e = p.getElement();
      if (!e) return;
      e.setAttribute("data-code", this.codes[i]);
      // Chrome lets the keyboard stop on an SVG path that has focus listeners (Leaflet's tooltips add
      // them): out of the Tab order, or the map would be a trap of hundreds of stops. The unit
      // picker under the map is the keyboard's way to choose a unit.
      e.setAttribute("tabindex", "-1");
    });
    this.geometryUrl = url;
  }

  setTiles(tiles) {
    // An optional basemap (needs the network); off unless the page asks for it.
    const url = tiles ? tiles.url : null;
    if (url === this.tilesUrl) return;
    if (this.tiles) { this.tiles.remove(); this.tiles = null; }
    if (this.attribution) { this.attribution.remove(); this.attribution = null; }
    if (url) {
      this.attribution = L.control.attribution({prefix: false}).addTo(this.map);
      this.tiles = L.tileLayer(url, {attribution: esc(tiles.attribution), maxZoom: 18}).addTo(this.map);
    }
    this.tilesUrl = url;
  }

  fit(bounds) {
    const key = JSON.stringify(bounds);
    if (this.boundsKey === key) return;  // zoom and pan are kept while the view is the same
    this.boundsKey = key;
    this.bounds = bounds;
    this.moved = false;
    this.refit();
  }

  refit() {
    const size = this.map.getSize();
    // without animation: a view that moves after the page has drawn is a jolt (and reduced motion)
    this.map.fitBounds(this.bounds, {animate: false});  // the map needs a view before its layers can draw
    this.fitted = {zoom: this.map.getZoom(), center: this.map.getCenter()};
    this.placeBoxes();
    // Not laid out yet (no height): that fit gave the least zoom, so fit again once it has a size.
    this.pendingFit = !size.x || !size.y;
  }


  click(i) {
    if (!this.clickable) return;
    this.selected = this.codes[i];
    this.select.value = this.selected;
    this.styleAll();
    this.component.setTriggerValue("click", this.codes[i]);
  }

  setPicker(picker) {
    this.pickerRow.hidden = !picker;
    if (!picker) return;
    this.pickerLabel.textContent = picker.label;
    if (this.pickerFor !== this.geometryUrl) {  // options from the geometry: names, sorted
      const order = this.codes.map((c, i) => [this.names[i], c])
        .sort((a, b) => a[0].localeCompare(b[0], this.lang));
      this.select.innerHTML = "";
      const none = el("option", "", this.select);
      none.value = "";
      none.textContent = picker.none;
      for (const [name, code] of order) {
        const o = el("option", "", this.select);
        o.value = code;
        o.textContent = name;
      }
      this.pickerFor = this.geometryUrl;
    }
    this.select.value = this.selected || "";
  }

  // ------------------------------------------------------------------ choropleth
  setFrames(data) {
    // Full values per frame from the deltas: [class, count, flags, reconstructed] per unit.
    const n = this.paths.length;
    let now = Array.from({length: n}, () => [0, 0, 0, 0]);
    this.frames = data.frames.map((delta) => {
      now = now.slice();
      for (const [i, k, c, f, r] of delta) now[i] = [k, c, f, r];
      return now;
    });
  }

  pattern(k) {
    // A hatched fill of class k's colour, for units whose count is mostly reconstructed.
    const id = this.id + "-hatch-" + k;
    if (!this.defs) {
      const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
      svg.setAttribute("width", "0");
      svg.setAttribute("height", "0");
      svg.setAttribute("aria-hidden", "true");
      svg.style.position = "absolute";
      this.defs = document.createElementNS("http://www.w3.org/2000/svg", "defs");
      svg.appendChild(this.defs);
      this.root.appendChild(svg);
    }
    let p = this.defs.querySelector("#" + id);
    const colour = this.palette[k];
    if (!p) {
      p = document.createElementNS("http://www.w3.org/2000/svg", "pattern");
      p.setAttribute("id", id);
      p.setAttribute("patternUnits", "userSpaceOnUse");
      p.setAttribute("width", "6");
      p.setAttribute("height", "6");
      p.setAttribute("patternTransform", "rotate(45)");
      p.innerHTML = '<rect width="6" height="6"></rect><line x1="0" y1="0" x2="0" y2="6" stroke="#333333" stroke-width="1.6"></line>';
      this.defs.appendChild(p);
    }
    p.firstChild.setAttribute("fill", colour);
    return "url(#" + id + ")";
  }

  styleUnit(i) {
    const [k, , flags] = this.values(i);
    // the same marks as the map files and the published page (geo.maps.png.canvas)
    const small = (flags & 1) !== 0;  // a rate from fewer than 3 incidents: a dark dashed outline
    const recon = (flags & 2) !== 0;  // mostly reconstructed records: diagonal lines
    const chosen = this.selected === this.codes[i];
    this.paths[i].setStyle({
      fillColor: recon ? this.pattern(k) : this.palette[k],
      // the class's own colour (the legend decodes it), opaque unless a basemap shows through: the
      // lowest class stands out from "no incident" by a contrast of 2:1 (geo.maps.classify)
      fillOpacity: this.tilesUrl ? 0.85 : 1,
      color: chosen ? "#111111" : (small ? "#222222" : "#6b6b6b"),
      weight: chosen ? 2.5 : (small ? 1.2 : 0.5),
      dashArray: small && !chosen ? "3 2" : null,
    });
    if (chosen) this.paths[i].bringToFront();
  }

  values(i) {
    const frame = this.frames[this.index];
    return frame ? frame[i] : [0, 0, 0, 0];
  }

  styleAll() {
    if (!this.paths || this.kind !== "choropleth") return;
    for (let i = 0; i < this.paths.length; i++) this.styleUnit(i);
  }

  tip(i) {
    const t = this.texts;
    const [, count, flags, recon] = this.values(i);
    const lines = ["<b>" + esc(this.names[i]) + "</b>"];
    if (this.kind === "choropleth") {
      lines.push(esc(t.counts[String(count)] || t.count.replace("{n}", count)));
      const pop = this.pops[i];
      const rate = pop > 0 ? this.rateFormat.format(count / pop * 1e5) : "–";
      lines.push(esc(t.rate.replace("{rate}", rate)) + ((flags & 1) ? " " + esc(t.small) : ""));
      if (recon) lines.push(esc(t.recon.replace("{n}", recon)));
    }
    return lines.join("<br>");
  }

  show(index) {
    this.index = Math.max(0, Math.min(index, this.frames.length - 1));
    this.styleAll();
    this.drawLegend();
    if (this.periods) {
      this.range.value = String(this.index);
      this.range.setAttribute("aria-valuetext", this.periods[this.index]);
      this.output.textContent = this.periods[this.index];
    }
    this.drawn += 1;
    this.root.dataset.drawn = String(this.drawn);
    this.root.dataset.frame = String(this.index);
  }

  // ------------------------------------------------------------------ the player
  setPlayer(p) {
    if (!p) {
      this.player.hidden = true;
      this.periods = null;
      return;
    }
    if (!this.range) {
      this.button = el("button", "atlas-play", this.player);
      this.button.type = "button";
      this.range = el("input", "atlas-range", this.player);
      this.range.type = "range";
      this.range.min = "0";
      this.output = el("output", "atlas-period", this.player);
      this.button.addEventListener("click", () => (this.playing ? this.pause() : this.play()));
      this.range.addEventListener("input", () => {
        this.pause(false);
        this.show(Number(this.range.value));
        this.report();
      });
    }
    this.player.hidden = false;
    this.periods = p.periods;
    this.interval = p.interval_ms;
    this.playTexts = p.texts;
    this.range.max = String(p.periods.length - 1);
    this.range.setAttribute("aria-label", p.texts.slider);
    this.output.setAttribute("aria-live", "off");
    this.labelButton();
  }

  labelButton() {
    if (!this.button) return;
    this.button.textContent = this.playing ? "⏸ " + this.playTexts.pause : "▶ " + this.playTexts.play;
    this.button.setAttribute("aria-pressed", this.playing ? "true" : "false");
  }

  play() {
    if (!this.periods) return;
    if (this.index >= this.frames.length - 1) this.show(0);
    this.playing = true;
    this.labelButton();
    this.root.dataset.playing = "1";
    const step = () => {
      if (!this.playing) return;
      if (this.index >= this.frames.length - 1) { this.pause(); return; }
      const started = performance.now();
      this.show(this.index + 1);
      // the frame is on screen after two animation frames; the next starts one interval after this one
      requestAnimationFrame(() => requestAnimationFrame(() => {
        if (!this.playing) return;
        const wait = Math.max(0, this.interval - (performance.now() - started));
        this.timer = setTimeout(step, wait);
      }));
    };
    this.timer = setTimeout(step, this.interval);
  }

  pause(report = true) {
    const was = this.playing;
    this.playing = false;
    clearTimeout(this.timer);
    this.root.dataset.playing = "0";
    this.labelButton();
    if (was && report) this.report();
  }

  report() {
    // The page below the map (chart, table, downloads) follows the period the player stopped at.
    clearTimeout(this.reportTimer);
    this.reportTimer = setTimeout(() => {
      this.component.setStateValue("period", this.periods[this.index]);
    }, 250);
  }

  // ------------------------------------------------------------------ symbols
  setSymbols(data) {
    this.overlays.clearLayers();
    this.boxes = [];
    for (const [lat, lon, name, side] of data.cities || []) {
      L.marker([lat, lon], {
        interactive: false, keyboard: false,
        icon: L.divIcon({className: "atlas-city" + (side ? " atlas-" + side : ""),
                         html: "<span>" + esc(name) + "</span>", iconSize: null}),
      }).addTo(this.overlays);
    }
    this.circles = [];
    for (const [lat, lon, cat, radius, hollow, lines] of data.symbols) {
      const colour = data.categories[cat][1];
      const c = L.circleMarker([lat, lon], {
        radius, color: hollow ? colour : "#ffffff", weight: hollow ? 2.2 : 1,
        fill: true, fillColor: hollow ? "#ffffff" : colour, fillOpacity: hollow ? 0.75 : data.opacity,
      }).addTo(this.overlays);
      c.bindTooltip(lines.map(esc).join("<br>"), {className: "atlas-tip"});
      const e = c.getElement();
      if (e) {
        e.setAttribute("data-symbol", hollow ? "reconstructed" : "documented");
        e.setAttribute("tabindex", "-1");
      }
      this.circles.push(c);
    }
    for (const [lat, lon, lines] of data.boxes || []) {
      const marker = L.marker([lat, lon], {
        interactive: false, keyboard: false,
        icon: L.divIcon({className: "atlas-box-anchor", html: "", iconSize: [0, 0]}),
      });
      const leader = L.polyline([[lat, lon], [lat, lon]], {color: "#444444", weight: 1, interactive: false});
      leader.addTo(this.overlays);
      marker.addTo(this.overlays);
      const box = el("div", "region-count");
      box.innerHTML = lines.map(esc).join("<br>");
      this.boxes.push({lat, lon, marker, leader, box});
    }
    this.placeBoxes();
  }

  placeBoxes() {
    // Each box goes where it covers the fewest symbols and boxes, near its region's point.
    if (!this.boxes || !this.boxes.length) return;
    const map = this.map;
    const size = map.getSize();
    const taken = (this.circles || []).map((c) => {
      const p = map.latLngToContainerPoint(c.getLatLng());
      const r = c.getRadius() + 2;
      return [p.x - r, p.y - r, p.x + r, p.y + r];
    });
    const overlap = (a, b) => Math.max(0, Math.min(a[2], b[2]) - Math.max(a[0], b[0]))
      * Math.max(0, Math.min(a[3], b[3]) - Math.max(a[1], b[1]));
    for (const b of this.boxes) {
      // measure the box off screen once
      if (!b.w) {
        b.box.style.visibility = "hidden";
        this.box.appendChild(b.box);
        b.w = b.box.offsetWidth;
        b.h = b.box.offsetHeight;
        b.box.remove();
        b.box.style.visibility = "";
      }
      const a = map.latLngToContainerPoint([b.lat, b.lon]);
      let best = null;
      for (const d of [0, 40, 80, 130, 190]) {
        for (const [dx, dy] of [[0, 0], [0, 1], [0, -1], [1, 0], [-1, 0], [1, 1], [-1, 1], [1, -1], [-1, -1]]) {
          if (d === 0 && (dx || dy)) continue;
          const cx = a.x + dx * (d + b.w / 2), cy = a.y + dy * (d + b.h / 2);
          const r = [cx - b.w / 2, cy - b.h / 2, cx + b.w / 2, cy + b.h / 2];
          const outside = r[0] < 0 || r[1] < 0 || r[2] > size.x || r[3] > size.y;
          let cost = outside ? 1e9 : 0;
          for (const t of taken) cost += overlap(r, t);
          cost += d * 2;
          if (!best || cost < best.cost) best = {cost, cx, cy, r};
        }
      }
      taken.push(best.r);
      const at = map.containerPointToLatLng([best.cx, best.cy]);
      b.marker.setLatLng(at);
      b.marker.setIcon(L.divIcon({className: "atlas-box-anchor", html: b.box.outerHTML,
                                  iconSize: [b.w, b.h], iconAnchor: [b.w / 2, b.h / 2]}));
      b.leader.setLatLngs([[b.lat, b.lon], at]);
    }
  }

  // ------------------------------------------------------------------ legend
  drawLegend() {
    const g = this.legend;
    if (!g) { this.legendBox.innerHTML = ""; return; }
    const period = this.periods ? this.periods[this.index] : "";
    const parts = ['<div class="atlas-legend-title">' + esc(g.title.replace("{period}", period)) + "</div>"];
    const items = (g.items || []).map(([kind, colour, label, size]) => {
      let mark;
      if (kind === "swatch") {
        mark = '<span class="atlas-swatch" style="background:' + esc(colour) + '"></span>';
      } else if (kind === "hatch") {
        mark = '<span class="atlas-swatch atlas-hatch"></span>';
      } else if (kind === "dashed") {
        mark = '<span class="atlas-swatch atlas-dashed"></span>';
      } else {  // a circle: "circle" filled, "hollow" reconstructed, "size" size key
        const d = Math.max(8, 2 * (size || 6));
        const style = kind === "hollow"
          ? "background:#ffffff;border:2px solid " + esc(colour)
          : "background:" + esc(colour) + ";border:1px solid #ffffff";
        mark = '<span class="atlas-circle" style="width:' + d + "px;height:" + d + "px;" + style + '"></span>';
      }
      return '<span class="atlas-item">' + mark + esc(label) + "</span>";
    });
    parts.push('<div class="atlas-items">' + items.join("") + "</div>");
    for (const note of g.notes || []) parts.push('<div class="atlas-note">' + esc(note) + "</div>");
    this.legendBox.innerHTML = parts.join("");
  }

  // ------------------------------------------------------------------ one update
  async update(data, isLatest) {
    const geo = await loadJson(data.geometry);
    if (!isLatest()) return;
    this.kind = data.kind;
    this.texts = data.texts || {};
    this.clickable = !!data.clickable;
    this.rateFormat = new Intl.NumberFormat(data.lang || "en", {minimumFractionDigits: 2, maximumFractionDigits: 2});
    this.root.setAttribute("aria-label", data.label);
    this.box.setAttribute("aria-label", data.label);
    this.box.title = data.label;
    this.box.style.height = "min(" + data.height + "px, 70vh)";
    this.map.invalidateSize();
    this.setTiles(data.tiles);
    this.fit(data.bounds);  // first: Leaflet draws a layer's paths once the map has a view
    this.setGeometry(data.geometry, geo, true);
    this.legend = data.legend;
    this.selected = data.selected || null;
    this.lang = data.lang || "en";
    this.setPicker(data.picker);
    if (data.kind === "choropleth") {
      this.palette = data.palette;
      const framesKey = data.frames_key;
      const fresh = framesKey !== this.framesKey;
      if (fresh) {
        this.pause(false);
        this.framesKey = framesKey;
        this.setFrames(data);
      }
      this.setPlayer(data.player);
      // while playing, the page's own period is older than the frame on screen: keep playing
      if (!this.playing) this.show(data.index || 0);
      else this.styleAll();
    } else {
      this.layer.setStyle({fillColor: data.land[0], color: data.land[1], weight: 0.4, fillOpacity: 0.9});
      this.setPlayer(null);
      this.setSymbols(data);
      this.drawLegend();
      this.drawn += 1;
      this.root.dataset.drawn = String(this.drawn);
    }
    this.root.dataset.kind = data.kind;
  }
}

export async function render(component) {
  const {data, parentElement} = component;
  await Promise.all([loadCss(data.assets.leaflet_css), loadCss(data.assets.css)]);
  await loadScript(data.assets.leaflet_js);
  let m = parentElement.__atlasMap;
  if (!m) {
    m = new AtlasMap(parentElement);
    parentElement.__atlasMap = m;
  }
  m.component = component;
  const version = ++m.version;
  await m.update(data, () => version === m.version);
  return undefined;
}
