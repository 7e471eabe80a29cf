// Streamlit's own words in the reader's language. Streamlit 1.67 writes a few words of its
// interface in English and has no setting for them: the skip link, the labels screen readers read
// ("Help for …", "… — start", "Collapse sidebar", "file upload"…), the uploader's button and size
// line, the select boxes' "Choose an option". theme.py puts the translations in
// window.atlasWords on every run (they follow the language); this script watches the page and
// writes them in place, attributes and texts alike. Only the words listed change; nothing else.
(() => {
  const words = () => window.atlasWords || null;
  const ATTRS = ["aria-label", "placeholder", "title"];

  function translate(value, w) {
    if (!value) return value;
    if (Object.prototype.hasOwnProperty.call(w.exact, value)) return w.exact[value];
    if (value.startsWith("Help for ")) return w.help.replace("{label}", value.slice("Help for ".length));
    if (value.endsWith(" — start")) return value.slice(0, -" — start".length) + " — " + w.start;
    if (value.endsWith(" — end")) return value.slice(0, -" — end".length) + " — " + w.end;
    const size = value.match(/^(\d+(?:\.\d+)?)\s?MB per file(.*)$/s);
    if (size) return w.perFile.replace("{n}", size[1]) + size[2];
    return value;
  }

  function setText(el, w) {
    const now = el.textContent;
    const next = translate(now, w);
    if (next !== now) el.textContent = next;
  }

  function fix(root) {
    const w = words();
    if (!w) return;
    root.querySelectorAll("[aria-label], [placeholder], [title]").forEach((el) => {
      for (const a of ATTRS) {
        const v = el.getAttribute(a);
        if (v === null) continue;
        const next = translate(v, w);
        if (next !== v) el.setAttribute(a, next);
      }
    });
    root.querySelectorAll("[data-testid='stSkipToContent'], "
      + "[data-testid='stFileUploaderDropzone'] button [data-testid='stMarkdownContainer'] p, "
      + "[data-testid='stFileUploaderDropzoneInstructions'] span, "
      + "[data-baseweb='select'] div[value], [data-baseweb='select'] [aria-hidden] ~ div, "
      + "[data-baseweb='select'] div:not(:has(*))").forEach((el) => setText(el, w));
  }

  window.atlasFixWords = () => fix(document);
  if (!window.atlasWordsObserver) {
    let queued = false;
    window.atlasWordsObserver = new MutationObserver(() => {
      if (queued) return;
      queued = true;
      requestAnimationFrame(() => { queued = false; fix(document); });
    });
    window.atlasWordsObserver.observe(document.body, {subtree: true, childList: true, characterData: true,
                                                      attributes: true, attributeFilter: ATTRS});
  }
  fix(document);
})();
