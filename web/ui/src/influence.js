// Influence: the top influencers of a target (or the top targets of a
// source) in a year, and the index series of the leading pairs over the
// years, from the stored influence index panel.
import { get, cached, errorBox, latest } from './api.js';
import { chart, show, C } from './charts.js';
import { h, clear, num, datalist } from './util.js';

export const title = 'Influence';

const TOP_SERIES = 5; // pairs drawn over the years

export function mount(root, params, nav) {
  const state = {
    mode: params.source ? 'source' : 'target',
    state: (params.source || params.target || 'KAZ').toUpperCase(),
    year: params.year || '',
    n: params.n || '10',
    profile: params.profile || 'open',
    pick: (params.a || '').toUpperCase(), // the pair whose components are shown
  };
  const charts = [];

  const modeIn = h('select', { id: 'inf-mode' },
    h('option', { value: 'target', selected: state.mode === 'target' }, 'Influencers of'),
    h('option', { value: 'source', selected: state.mode === 'source' }, 'Targets of'));
  const stateIn = h('input', { id: 'inf-state', value: state.state, list: 'inf-states', size: 8, 'aria-label': 'State' });
  const yearIn = h('input', { id: 'inf-year', type: 'number', min: 1816, max: 2100, value: state.year, placeholder: 'latest', style: 'width:7em' });
  const nIn = h('input', { id: 'inf-n', type: 'number', min: 1, max: 50, value: state.n, style: 'width:5em' });
  const profileIn = h('select', { id: 'inf-profile' },
    ['open', 'fbic'].map((p) => h('option', { value: p, selected: state.profile === p }, p)));
  const status = h('span', { class: 'status' });
  const lists = h('span');
  const out = h('div', { id: 'influence-out' });

  root.append(
    h('h1', {}, 'Influence'),
    h('p', { class: 'lead' }, 'The influence index (bandwidth × dependence, after FBIC) for every directed pair of states and year. Click a bar to see that pair over the years.'),
    h('form', { class: 'controls', onsubmit: (e) => (e.preventDefault(), apply()) },
      modeIn, stateIn, h('label', {}, 'Year ', yearIn), h('label', {}, 'Top ', nIn), h('label', {}, 'Profile ', profileIn),
      h('button', { type: 'submit', class: 'primary' }, 'Show'), status, lists),
    out);
  cached('/actors', { kind: 'state' }).then((s) => lists.append(datalist('inf-states', s))).catch(() => {});

  function apply() {
    state.mode = modeIn.value;
    state.state = stateIn.value.trim().toUpperCase();
    state.year = yearIn.value.trim();
    state.n = nIn.value.trim();
    state.profile = profileIn.value;
    state.pick = '';
    load();
  }

  function clearCharts() {
    while (charts.length) charts.pop().dispose();
  }

  const fetchAll = latest(async (signal) => {
    const top = await get('/index/top', { [state.mode]: state.state, year: state.year, n: state.n, profile: state.profile }, { signal });
    const pairs = top.rows.slice(0, TOP_SERIES).map((r) => pair(r.code));
    const series = await Promise.all(pairs.map(([a, b]) =>
      get('/index/series', { a, b, profile: state.profile }, { signal }).catch((e) => ({ error: e, a: { code: a }, b: { code: b } }))));
    return { top, series };
  });

  // pair returns [influencer, target] for a row's state.
  function pair(code) {
    return state.mode === 'target' ? [code, state.state] : [state.state, code];
  }

  async function load() {
    nav.set({ [state.mode]: state.state, year: state.year, n: state.n === '10' ? '' : state.n, profile: state.profile === 'open' ? '' : state.profile, a: state.pick });
    status.textContent = 'Loading…';
    try {
      const r = await fetchAll();
      if (!r) return;
      render(r.top, r.series);
    } catch (e) {
      clearCharts();
      clear(out, errorBox(e),
        (e.status === 404 || e.code === 'not_found') && !/built-in subset/.test(e.message || '')
          ? h('p', { class: 'muted' }, 'No index panel answers this. Build the full one with ', h('code', {}, 'leverage index build --input ../shared/data/peacesciencer'), '.')
          : null);
    } finally {
      status.textContent = '';
    }
  }

  function render(top, series) {
    clearCharts();
    const who = top[state.mode] || { code: state.state, name: state.state };
    const rows = top.rows || [];
    const barBox = h('div', { class: 'chart', id: 'top-chart', style: `height:${Math.max(220, rows.length * 28 + 60)}px` });
    const lineBox = h('div', { class: 'chart', id: 'series-chart', style: 'height:340px' });
    const partBox = h('div', { class: 'chart', id: 'parts-chart', style: 'height:300px' });
    const partTitle = h('h2', {});
    const errs = series.filter((s) => s.error);
    clear(out,
      h('div', { class: 'grid2' },
        h('section', {},
          h('h2', {}, `${state.mode === 'target' ? 'Top influencers of' : 'Top targets of'} ${who.name} in ${top.year}`, h('span', { class: 'muted' }, ` · ${top.profile}`)),
          barBox),
        h('section', {},
          h('h2', {}, `Index over the years: the top ${Math.min(TOP_SERIES, rows.length)}`),
          lineBox,
          errs.map((s) => h('p', { class: 'muted' }, `${s.a.code} over ${s.b.code}: ${s.error.message}`)))),
      h('section', {}, partTitle, partBox),
      h('section', {}, h('h2', {}, 'Table'), table(rows)));

    const bar = chart(barBox);
    charts.push(bar);
    show(bar, {
      color: [state.mode === 'target' ? C.fwd : C.rev],
      tooltip: {
        trigger: 'axis', axisPointer: { type: 'shadow' },
        formatter: (ps) => {
          const r = rows[ps[0].dataIndex];
          return `<b>${r.rank}. ${r.state}</b><br>index ${num(r.index, 3)}<br>bandwidth ${num(r.bandwidth, 3)}<br>dependence ${num(r.dependence, 3)}`;
        },
      },
      grid: { left: 130, right: 40, top: 10, bottom: 30 },
      xAxis: { type: 'value', min: 0 },
      yAxis: { type: 'category', inverse: true, data: rows.map((r) => `${r.rank}. ${r.state}`) },
      series: [{ type: 'bar', data: rows.map((r) => r.index), label: { show: true, position: 'right', formatter: (p) => num(p.value, 3) } }],
    });
    bar.on('click', (p) => pick(rows[p.dataIndex].code));

    const good = series.filter((s) => !s.error);
    const years = [...new Set(good.flatMap((s) => s.points.map((p) => p.year)))].sort((a, b) => a - b);
    const line = chart(lineBox);
    charts.push(line);
    show(line, {
      color: C.series,
      tooltip: { trigger: 'axis', valueFormatter: (x) => num(x, 3) },
      legend: { top: 0, type: 'scroll' },
      grid: { left: 50, right: 20, top: 40, bottom: 30 },
      xAxis: { type: 'category', data: years },
      yAxis: { type: 'value', min: 0, max: 1 },
      series: good.map((s) => {
        const by = new Map(s.points.map((p) => [p.year, p.index]));
        const other = state.mode === 'target' ? s.a : s.b;
        return { name: other.name || other.code, type: 'line', showSymbol: false, data: years.map((y) => (by.has(y) ? by.get(y) : null)) };
      }),
    });
    line.on('click', (p) => {
      const s = good[p.seriesIndex];
      if (s) pick((state.mode === 'target' ? s.a : s.b).code);
    });

    const parts = chart(partBox);
    charts.push(parts);
    async function pick(code) {
      state.pick = code;
      nav.set({ [state.mode]: state.state, year: state.year, n: state.n === '10' ? '' : state.n, profile: state.profile === 'open' ? '' : state.profile, a: code });
      const [a, b] = pair(code);
      let s = good.find((x) => x.a.code === a && x.b.code === b);
      try {
        if (!s) s = await get('/index/series', { a, b, profile: state.profile });
      } catch (e) {
        partTitle.replaceChildren(`${a} over ${b}`);
        partBox.replaceChildren(errorBox(e));
        return;
      }
      partTitle.replaceChildren(`${s.a.name || a} over ${s.b.name || b}: bandwidth, dependence and rank`);
      const ys = s.points.map((p) => p.year);
      show(parts, {
        color: [C.fwd, C.rev, C.warn, C.muted],
        tooltip: { trigger: 'axis', valueFormatter: (x) => num(x, 3) },
        legend: { top: 0 },
        grid: { left: 50, right: 50, top: 40, bottom: 30 },
        xAxis: { type: 'category', data: ys },
        yAxis: [
          { type: 'value', min: 0, max: 1, name: 'index' },
          { type: 'value', inverse: true, min: 1, max: (v) => Math.max(2, v.max), minInterval: 1, alignTicks: false, name: 'rank', splitLine: { show: false } },
        ],
        series: [
          { name: 'index', type: 'line', showSymbol: false, data: s.points.map((p) => p.index), lineStyle: { width: 3 } },
          { name: 'bandwidth', type: 'line', showSymbol: false, data: s.points.map((p) => p.bandwidth) },
          { name: 'dependence', type: 'line', showSymbol: false, data: s.points.map((p) => p.dependence) },
          { name: 'rank', type: 'line', yAxisIndex: 1, showSymbol: false, lineStyle: { type: 'dashed' }, data: s.points.map((p) => p.rank) },
        ],
      });
    }
    if (rows.length) pick(state.pick && rows.some((r) => r.code === state.pick) ? state.pick : rows[0].code);
  }

  function table(rows) {
    return h('table', { class: 'ind', id: 'top-table' },
      h('thead', {}, h('tr', {}, ['Rank', 'State', 'Index', 'Bandwidth', 'Dependence', ''].map((t, i) => h('th', { class: i > 1 ? 'n' : '' }, t)))),
      h('tbody', {}, rows.map((r) => {
        const [a, b] = pair(r.code);
        return h('tr', {},
          h('td', {}, r.rank), h('td', {}, r.state, ' ', h('code', {}, r.code)),
          h('td', { class: 'n' }, num(r.index, 3)), h('td', { class: 'n' }, num(r.bandwidth, 3)), h('td', { class: 'n' }, num(r.dependence, 3)),
          h('td', { class: 'n' }, h('a', { href: `#/dyad?a=${a}&b=${b}` }, 'dyad →')));
      })));
  }

  load();
  return () => clearCharts();
}
