// The app's map: a Streamlit custom component (components v2: no iframe) around the atlas's map
// core (geo/maps/web/core/atlas-core.js, the same file as the published page's). Python
// (geo/ui/mapview.py) sends the map model's JSON and this wrapper only
// - loads Leaflet, the core, Map 1's symbols and the scatter (static files with content hashes in their names),
//   and fetches the geometry of the view and level once (force-cache; a failed load says so in the
//   map), all at the same time,
// - passes a click or the unit picker's choice back as the trigger "click", and the period the
//   player stopped at as the state value "period",
// - tears the map down (observers, timers) when the element leaves the page.

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
    s.async = false;  // fetched at once with the others, run in the order they were asked for
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

export async function render(component) {
  const {data, parentElement} = component;
  const a = data.assets;
  // Everything the first draw needs is asked for at once (the geometry too): the scripts download
  // side by side and run in order (Leaflet, then the core, then the symbols and the scatter).
  const geometryLoad = loadJson(data.geometry);
  geometryLoad.catch(() => {});  // a failure is said below, once the map exists
  await Promise.all([loadCss(a.leaflet_css), loadCss(a.css),
                     loadScript(a.leaflet_js), loadScript(a.core_js), loadScript(a.symbols_js),
                     loadScript(a.scatter_js)]);
  let m = parentElement.__atlasMap;
  if (!m || m.destroyed) {
    m = new window.AtlasCore.AtlasMap(parentElement, {
      onPick: (code) => m.component.setTriggerValue("click", code),
      onPeriod: (period) => m.component.setStateValue("period", period),
    });
    parentElement.__atlasMap = m;
  }
  m.component = component;
  const version = ++m.version;
  let geometry;
  try {
    geometry = await geometryLoad;
  } catch (err) {
    if (version === m.version) m.showError(data.error);
    return;
  }
  if (version !== m.version) return;  // a newer update came while the geometry loaded
  m.update({...data, geometryKey: data.geometry, geometry, framesKey: data.frames_key});
}

export function teardown(parentElement) {
  // Called when Streamlit unmounts the element (and maybe on a rerender): only a map whose element
  // has left the page goes.
  setTimeout(() => {
    const m = parentElement.__atlasMap;
    if (m && !parentElement.isConnected) {
      m.destroy();
      delete parentElement.__atlasMap;
    }
  }, 0);
}
