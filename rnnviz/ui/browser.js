// The browser helper: reports a theme change made in Streamlit's menu, names the charts'
// downloads, adds an SVG download button to each chart and keeps Space for play/pause.
// Mounted by rnnviz.ui.views.browser_helper through
// rnnviz.ui.streamlit_fence.browser_component (which strips these comments before sending it).
//
// It relies on markup and objects that are neither Streamlit's nor Plotly's documented
// API. tests/test_compat_streamlit.py finds the Streamlit names in the installed frontend
// bundle; the browser tests (tests/test_browser_app.py, test_issue17_browser.py,
// test_live_typing_browser.py) exercise the rest.
// - Streamlit: [data-testid="stApp"] (its computed background says the theme) and the class
//   st-key-<key> on the container of every element drawn with key= (the play button
//   t_play, each chart).
// - Plotly: gd._context.toImageButtonOptions (the PNG button reads it on each click),
//   gd._fullLayout._modeBar.buttons (the toImage button and its click handler), and the
//   classes js-plotly-plot, modebar-group and modebar-btn.
export default function (component) {
  const S = window.__rnnviz || (window.__rnnviz = {});
  S.data = component.data;
  S.setState = component.setStateValue;
  // The server held the charts while keys came fast (rnnviz/ui/typing_hold.py): ask for
  // them S.data.pause ms after the last key. A run that drew them cancels the request.
  clearTimeout(S.release);
  if (S.data.hold) {
    const ask = () => {
      const wait = (S.lastInput || 0) + S.data.pause - performance.now();
      if (wait > 0) { S.release = setTimeout(ask, wait); return; }
      S.released = (S.released || 0) + 1;
      S.setState('release', S.released);
    };
    ask();
  }
  if (S.timer) return;
  // on the first key (not at mount: no extra rerun when a page opens) the server learns
  // that it may hold charts, since this helper will ask for them
  document.addEventListener('input', (e) => {
    S.lastInput = performance.now();
    if (!S.live && !e.isComposing) { S.live = true; S.setState('live', true); }
  }, true);
  const isDark = () => {
    const app = document.querySelector('[data-testid="stApp"]');
    const rgb = app ? getComputedStyle(app).backgroundColor.match(/[\d.]+/g) : null;
    return rgb ? 0.299 * rgb[0] + 0.587 * rgb[1] + 0.114 * rgb[2] < 128 : false;
  };
  // run fn with gd's download options changed (the toImage button reads them on click;
  // gd._context is Plotly's internal copy of the chart's config)
  const withOptions = (gd, change, fn) => {
    const o = gd._context.toImageButtonOptions, saved = {...o};
    Object.assign(o, change);
    try { fn(); } finally {
      for (const k of Object.keys(o)) delete o[k];
      Object.assign(o, saved);
    }
  };
  const named = (gd) => {                      // export.filename(page, sentence, t, kind)
    let meta = (gd.layout || {}).meta || {};
    if (typeof meta === 'string') { try { meta = JSON.parse(meta); } catch (e) { meta = {}; } }
    const box = gd.closest('[class*="st-key-"]');
    const key = box ? (box.className.match(/st-key-([\w-]+)/) || [])[1] : 'chart';
    const t = Number.isInteger(meta.t) ? `_t${meta.t}` : '';
    return {filename: `${S.data.prefix}${t}_${meta.kind || key}`};
  };
  // Plotly's modebar object (internal): its toImage button, whose click we wrap
  const toImage = (gd) => {
    const bar = gd._fullLayout && gd._fullLayout._modeBar;
    return bar ? bar.buttons.flat().find((b) => b.name === 'toImage') : null;
  };
  const decorate = (gd) => {
    const button = toImage(gd);
    if (!button) return;
    if (!button.__rnnviz) {        // the PNG button: our file name
      const click = button.__rnnviz = button.click;
      button.click = function (g, ev) { withOptions(g, named(g), () => click.call(this, g, ev)); };
    }
    const group = gd.querySelector('.modebar-group');
    let svg = gd.querySelector('.rnnviz-svg');
    if (!svg && group) {
      svg = document.createElement('button');     // like Plotly's own buttons
      svg.type = 'button';
      svg.className = 'modebar-btn rnnviz-svg';
      svg.setAttribute('rel', 'tooltip');
      svg.textContent = 'SVG';
      svg.style.cssText = 'font:700 10px sans-serif;padding:0 3px;';
      svg.addEventListener('click', () => withOptions(
        gd, {...named(gd), format: 'svg', scale: 1}, () => button.__rnnviz.call(button, gd)));
      group.prepend(svg);
    }
    if (svg && svg.getAttribute('data-title') !== S.data.svg) {
      svg.setAttribute('data-title', S.data.svg);
      svg.setAttribute('aria-label', S.data.svg);
    }
  };
  // the SVG button goes in as soon as Plotly (re)builds a modebar: same task, no
  // later repaint; the theme is polled (a menu change reruns nothing by itself)
  const decorateAll = () => {
    document.querySelectorAll('.js-plotly-plot').forEach(decorate);
  };
  const checkTheme = () => {
    const theme = isDark() ? 'dark' : 'light';
    if (theme !== S.data.theme && theme !== S.sent) { S.sent = theme; S.setState('theme', theme); }
    if (theme === S.data.theme) S.sent = null;
  };
  // Space plays and pauses when the focus is on no control (the page itself). A focused
  // control keeps its own Space: a button (or a toggle, a checkbox) is pressed, a text box
  // gets a space; Streamlit's Space shortcut, which would also start playback, does not
  // see the key (its default action, pressing the button, still happens).
  const isText = (el) => el.isContentEditable || el.tagName === 'TEXTAREA' ||
    el.tagName === 'SELECT' || (el.tagName === 'INPUT' &&
      !['checkbox', 'radio', 'button', 'range'].includes(el.type));
  const CONTROL = 'a[href], button, input, select, textarea, summary, [contenteditable], ' +
    '[role=button], [role=slider], [role=tab], [role=checkbox], [role=switch], ' +
    '[role=radio], [role=menuitem], [role=option], [role=combobox], [role=link]';
  const space = (e) => {
    if (e.key !== ' ' || e.ctrlKey || e.metaKey || e.altKey || e.shiftKey) return;
    const el = document.activeElement || document.body;
    if (isText(el)) return;
    if (el !== document.body && el.matches(CONTROL)) { e.stopImmediatePropagation(); return; }
    const play = [...document.querySelectorAll('.st-key-t_play button')]
      .find((b) => b.getClientRects().length);           // the one drawn
    if (!play) return;
    e.preventDefault();
    e.stopImmediatePropagation();
    if (e.type === 'keydown' && !e.repeat) play.click();
  };
  window.addEventListener('keydown', space, true);
  window.addEventListener('keyup', space, true);
  S.observer = new MutationObserver(decorateAll);
  S.observer.observe(document.body, {childList: true, subtree: true});
  S.timer = setInterval(checkTheme, 600);
  decorateAll();
  checkTheme();
}
