// One chart of a page, kept on the page while its figure changes. Mounted by
// rnnviz.ui.views.chart through rnnviz.ui.streamlit_fence.chart_component (which strips
// these comments before sending it).
//
// st.plotly_chart makes every new figure a new element (its id hashes the figure), so
// each keystroke unmounted every chart and Plotly drew it from scratch. This component
// keeps its element while its key stays (components v2: the key is the identity) and
// hands each new figure to Plotly.react, which changes only what differs.
//
// Its data (bytes, JSON): {figure, config, alt, url, select}. url: plotly.js as the
// server serves it (streamlit_fence.plotly_js_url), loaded once per page. select: the
// figure's points can be clicked; a click sends {points: [{customdata, x, y, curve,
// point}], n} as the state value "selection" (n counts the clicks, so the same point
// twice is a change).
const loaded = {};

const plotly = (url) => {
  if (window.Plotly) return Promise.resolve(window.Plotly);
  if (!loaded[url]) {
    loaded[url] = new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = url;
      script.onload = () => resolve(window.Plotly);
      script.onerror = () => { delete loaded[url]; reject(new Error(`cannot load ${url}`)); };
      document.head.appendChild(script);
    });
  }
  return loaded[url];
};

export default function (component) {
  const { data, parentElement, setStateValue } = component;
  const text = typeof data === 'string' ? data : new TextDecoder().decode(data);
  let gd = parentElement.querySelector(':scope > .rnnviz-chart');
  if (!gd) {
    gd = document.createElement('div');
    gd.className = 'rnnviz-chart';
    gd.setAttribute('role', 'figure');
    parentElement.appendChild(gd);
  }
  gd.__rnnviz = gd.__rnnviz || { clicks: 0 };
  const state = gd.__rnnviz;
  if (!state.resizes && window.ResizeObserver) {
    // the box can change width after a figure is drawn (a scroller's min-width arriving
    // with the page's CSS, a scrollbar, a column, the window): the plot follows it, as
    // st.plotly_chart's did
    let width = 0;
    state.resizes = new ResizeObserver((entries) => {
      const w = Math.round(entries[0].contentRect.width);
      if (w === width) return;
      width = w;
      if (!gd._fullLayout || !window.Plotly) return;
      requestAnimationFrame(() => {
        // a chart in a closed expander or a page being left is not displayed: nothing to lay out
        if (gd.isConnected && gd.getClientRects().length) {
          window.Plotly.Plots.resize(gd).catch(() => {});
        }
      });
    });
    state.resizes.observe(gd);
  }
  state.setStateValue = setStateValue;
  if (state.text === text) return;
  state.text = text;
  const message = JSON.parse(text);
  gd.setAttribute('aria-label', message.alt || '');
  plotly(message.url).then((Plotly) => {
    if (state.text !== text) return;          // a newer figure came while loading
    const { data: traces = [], layout = {} } = message.figure;
    return Plotly.react(gd, traces, layout, message.config).then(() => {
      if (message.select && !state.listening) {
        state.listening = true;
        gd.on('plotly_click', (event) => {
          state.clicks += 1;
          const points = event.points.map((p) => ({
            customdata: p.customdata, x: p.x, y: p.y, curve: p.curveNumber, point: p.pointNumber,
          }));
          state.setStateValue('selection', { points, n: state.clicks });
        });
      }
    });
  }).catch((error) => { gd.textContent = String(error); });
}
