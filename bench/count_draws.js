// Injected before any page script by bench/chart_redraws.py: wraps each plot's event
// emitter (Plotly assigns gd.emit) and counts the DOM changes inside every chart
// between its Plotly.react calls, in window.__reacts as [chart key, changes].
window.__reacts = [];
Object.defineProperty(HTMLDivElement.prototype, 'emit', {
  configurable: true,
  get() { return this.__emit; },
  set(fn) {
    const gd = this;
    if (!gd.__observer) {
      gd.__changes = 0;
      gd.__observer = new MutationObserver((records) => { gd.__changes += records.length; });
      gd.__observer.observe(gd, {childList: true, subtree: true, attributes: true});
    }
    this.__emit = function (ev, data) {
      if (ev === 'plotly_react') {
        const box = gd.closest('[class*="st-key-"]');
        const key = box ? (box.className.match(/st-key-([\w-]+)/) || [])[1] : '?';
        window.__reacts.push([key, gd.__changes]);
        gd.__changes = 0;
      }
      return fn.call(this, ev, data);
    };
  },
});
