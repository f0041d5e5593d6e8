// Transit: the exporter's routes on an offline map (Natural Earth
// countries, bundled), the maximum flow and the minimum cut that bounds it,
// each state's chokepoint leverage, and what is left when assets or states
// are switched off.
import { get, cached, errorBox, latest } from './api.js';
import { chart, show, echarts, C } from './charts.js';
import { h, clear, card, num, pct, datalist } from './util.js';
import { sourceDialog } from './sources.js';

export const title = 'Transit';

let basemap; // the promise of the registered base map, loaded once

function loadBasemap() {
  if (!basemap) {
    basemap = fetch('basemap.json')
      .then((r) => {
        if (!r.ok) throw new Error(`basemap.json: ${r.status}`);
        return r.json();
      })
      .then((g) => {
        echarts.registerMap('region', g);
        return new Map(g.features.map((f) => [f.properties.name, f.properties.label]));
      });
    basemap.catch(() => (basemap = null));
  }
  return basemap;
}

const split = (s) => (s || '').split(',').map((x) => x.trim().toUpperCase()).filter(Boolean);

export function mount(root, params, nav) {
  const state = {
    exporter: (params.exporter || 'KAZ').toUpperCase(),
    asOf: params.as_of || '',
    year: params.year || '',
    without: new Set(split(params.without)),
    withoutState: new Set(split(params.without_state)),
  };
  const charts = [];

  const expIn = h('input', { id: 'tr-exporter', value: state.exporter, list: 'tr-states', size: 8, 'aria-label': 'Exporter' });
  const asOfIn = h('input', { id: 'tr-asof', type: 'date', value: state.asOf });
  const yearIn = h('input', { id: 'tr-year', type: 'number', min: 1900, max: 2100, value: state.year, placeholder: 'as-of year', style: 'width:7em' });
  const reset = h('button', { type: 'button', id: 'tr-reset' }, 'Everything on');
  const status = h('span', { class: 'status' });
  const lists = h('span');
  const out = h('div', { id: 'transit-out' });

  root.append(
    h('h1', {}, 'Transit'),
    h('p', { class: 'lead' }, 'The export routes as a flow network: what they carry together (the maximum flow), the assets that bound it (the minimum cut) and what each state could take away. Switch an asset or a state off, on the map or in the lists, to see what is left.'),
    h('form', { class: 'controls', onsubmit: (e) => (e.preventDefault(), apply()) },
      h('label', {}, 'Exporter ', expIn), h('label', {}, 'As of ', asOfIn), h('label', {}, 'Data year ', yearIn),
      h('button', { type: 'submit', class: 'primary' }, 'Show'), reset, status, lists),
    out);
  cached('/actors', { kind: 'state' }).then((s) => lists.append(datalist('tr-states', s))).catch(() => {});

  reset.addEventListener('click', () => {
    state.without.clear();
    state.withoutState.clear();
    load();
  });

  function apply() {
    const e = expIn.value.trim().toUpperCase();
    if (e !== state.exporter) {
      state.without.clear();
      state.withoutState.clear();
    }
    state.exporter = e;
    state.asOf = asOfIn.value;
    state.year = yearIn.value.trim();
    load();
  }

  function toggle(set, id) {
    if (set.has(id)) set.delete(id);
    else set.add(id);
    load();
  }

  function clearCharts() {
    while (charts.length) charts.pop().dispose();
  }

  const fetchAll = latest(async (signal) => {
    const q = { exporter: state.exporter, as_of: state.asOf, year: state.year };
    const [t, geo, assets, names] = await Promise.all([
      get('/transit', { ...q, without: [...state.without], without_state: [...state.withoutState] }, { signal }),
      cached('/geometry').catch((e) => ({ type: 'FeatureCollection', features: [], error: e })),
      cached('/actors', { kind: 'asset', as_of: state.asOf }).catch(() => []),
      loadBasemap(),
    ]);
    return { t, geo, assets, names };
  });

  async function load() {
    nav.set({
      exporter: state.exporter, as_of: state.asOf, year: state.year,
      without: [...state.without].join(','), without_state: [...state.withoutState].join(','),
    });
    status.textContent = 'Loading…';
    out.classList.add('busy');
    try {
      const r = await fetchAll();
      if (!r) return;
      render(r);
    } catch (e) {
      clearCharts();
      clear(out, errorBox(e));
    } finally {
      status.textContent = '';
      out.classList.remove('busy');
    }
  }

  function render({ t, geo, assets, names }) {
    clearCharts();
    const wi = t.what_if || null;
    const cut = new Map((wi ? wi.min_cut : t.min_cut || []).map((p) => [p.asset, p]));
    const baseCut = new Map((t.min_cut || []).map((p) => [p.asset, p]));
    const srcById = new Map((t.sources || []).map((s) => [s.id, s]));

    // Asset ids: the routes name their assets, the actors list and the
    // geometry give the ids.
    const idOf = new Map();
    for (const a of assets || []) {
      idOf.set(a.name, a.id);
      if (a.name_at_date) idOf.set(a.name_at_date, a.id);
    }
    for (const f of geo.features || []) idOf.set(f.properties.name, f.properties.id);
    const nameOf = new Map([...idOf].map(([n, id]) => [id, n]));
    for (const p of [...(t.min_cut || []), ...(wi ? wi.min_cut : [])]) nameOf.set(p.asset, p.name);

    const routeAssets = (r) => (r.assets || (r.chain || []).map((n) => idOf.get(n) || n));
    const used = new Set();
    for (const r of t.routes || []) for (const id of routeAssets(r)) used.add(id);
    for (const id of state.without) used.add(id);

    const states = new Map(); // code -> {code, name, choke}
    for (const c of t.chokepoints || []) states.set(c.state, { code: c.state, name: c.name, choke: c });
    for (const r of t.routes || []) for (const s of r.states || []) if (!states.has(s)) states.set(s, { code: s, name: names.get(s) || s });
    for (const s of state.withoutState) if (!states.has(s)) states.set(s, { code: s, name: names.get(s) || s });

    const off = (r) => routeAssets(r).some((id) => state.without.has(id)) || (r.states || []).some((s) => state.withoutState.has(s));
    const capAfter = wi ? wi.capacity_mt_y : t.capacity_mt_y;
    const exports = t.exports ? t.exports.value : null;

    const mapBox = h('div', { class: 'chart map', id: 'transit-map', style: 'height:520px' });
    const capBox = h('div', { class: 'chart', id: 'capacity-chart', style: 'height:200px' });
    const chokeBox = h('div', { class: 'chart', id: 'choke-chart', style: 'height:240px' });

    clear(out,
      h('div', { class: 'cards', id: 'transit-summary', dataset: { capacity: String(capAfter) } },
        card('Capacity (maximum flow)', `${num(t.capacity_mt_y, 1)} Mt/y`, 'every route together', '', 'cap-base'),
        wi ? card('What if', `${num(wi.capacity_mt_y, 1)} Mt/y`, `−${num(wi.lost_mt_y, 1)} Mt/y; ${wi.percent_of_exports == null ? '' : num(wi.percent_of_exports, 0) + '% of exports'} without ${[...wi.without_assets, ...wi.without_states].join(', ')}`, 'fwd', 'what-if') : null,
        exports != null ? card('Exports', `${num(exports, 1)} Mt`, `in ${t.exports.year}`, '', 'exports') : null,
        t.n_minus_1 ? card('N-1', t.n_minus_1.passes ? 'passes' : 'fails', `without ${t.n_minus_1.largest.name}: ${num(t.n_minus_1.percent, 0)}% of exports`, t.n_minus_1.passes ? 'ok' : 'fwd', 'n-1') : null,
        t.route_hhi ? card('Route concentration (HHI)', num(t.route_hhi.value, 2), `${t.route_hhi.year}; ${t.route_hhi.note || ''}`, '', 'hhi') : null),
      geo.error ? h('p', { class: 'muted' }, `No route geometry (${geo.error.message}): the map shows the countries only.`) : null,
      h('div', { class: 'map-layout' },
        mapBox,
        h('aside', { class: 'toggles' },
          h('h3', {}, 'Assets'),
          h('ul', { id: 'asset-toggles' }, [...used].map((id) => h('li', {},
            h('label', { class: cut.has(id) ? 'in-cut' : '' },
              h('input', { type: 'checkbox', checked: !state.without.has(id), dataset: { asset: id }, onchange: () => toggle(state.without, id) }),
              ' ', nameOf.get(id) || id,
              cut.has(id) ? h('span', { class: 'tag cut', title: 'in the minimum cut' }, `cut · ${num(cut.get(id).flow_mt_y, 1)} Mt/y`) : null)))),
          h('h3', {}, 'States'),
          h('ul', { id: 'state-toggles' }, [...states.values()].map((s) => h('li', {},
            h('label', {},
              h('input', { type: 'checkbox', checked: !state.withoutState.has(s.code), dataset: { state: s.code }, onchange: () => toggle(state.withoutState, s.code) }),
              ' ', s.name,
              s.choke ? h('span', { class: 'tag', title: 'capacity lost without everything in its jurisdiction' }, `${num(s.choke.lost_mt_y, 1)} Mt/y · ${pct(s.choke.share)}`) : null)))),
          h('p', { class: 'legend' },
            h('span', { class: 'sw', style: `background:${C.cut}` }), ' minimum cut ',
            h('span', { class: 'sw', style: `background:${C.rev}` }), ' route ',
            h('span', { class: 'sw', style: `background:${C.off}` }), ' switched off'))),
      h('div', { class: 'grid2' },
        h('section', {}, h('h2', {}, 'Capacity'), capBox),
        h('section', {}, h('h2', {}, 'Chokepoint leverage'), chokeBox)),
      h('section', {}, h('h2', {}, 'Routes'), routesTable(t.routes || [], off, srcById)),
      h('section', {}, h('h2', {}, wi ? 'Minimum cut, what if' : 'Minimum cut'), cutTable(wi ? wi.min_cut : t.min_cut || [])),
      h('section', {}, h('h2', {}, `Sources (${(t.sources || []).length})`),
        h('ul', { class: 'sources' }, (t.sources || []).map((s) => h('li', {},
          h('a', { href: '#', onclick: (e) => (e.preventDefault(), sourceDialog(s.id, srcById)) }, s.title || s.id),
          ' — ', [s.publisher, s.date].filter(Boolean).join(', '))))));

    // The map.
    const m = chart(mapBox);
    charts.push(m);
    const lineData = [], pointData = [], labelData = [], placeData = [];
    const isAsset = new Set((assets || []).map((a) => a.id));
    for (const f of geo.features || []) {
      const id = f.properties.id;
      if (assets && assets.length && !isAsset.has(id) && !used.has(id)) {
        // A place (a capital, a city) drawn for orientation.
        if (f.geometry && f.geometry.type === 'Point') placeData.push({ name: f.properties.name || id, value: f.geometry.coordinates });
        continue;
      }
      const onRoute = used.has(id);
      const isOff = state.without.has(id) || (f.properties.states || []).some((s) => state.withoutState.has(s)) ||
        (t.routes || []).some((r) => off(r) && routeAssets(r).includes(id) && !(t.routes || []).some((q) => !off(q) && routeAssets(q).includes(id)));
      const inCut = cut.has(id) && !isOff;
      const color = isOff ? C.off : inCut ? C.cut : onRoute ? C.rev : '#8fa9b8';
      const capacity = (cut.get(id) || baseCut.get(id) || {}).capacity_mt_y ?? f.properties.capacity_mt_y;
      const label = `${f.properties.name || nameOf.get(id) || id}${capacity != null ? ` · ${num(capacity, 1)} Mt/y` : ''}`;
      const item = { name: label, id, value: capacity, approximate: f.properties.approximate };
      if (f.geometry && f.geometry.type === 'Point') {
        pointData.push({ ...item, value: [...f.geometry.coordinates, capacity], itemStyle: { color, borderColor: '#fff', borderWidth: 1 } });
        if (inCut) labelData.push({ name: label, value: f.geometry.coordinates });
      } else if (f.geometry && f.geometry.type === 'LineString') {
        const coords = f.geometry.coordinates;
        lineData.push({
          ...item,
          coords,
          lineStyle: { color, width: inCut ? 5 : onRoute ? 3.5 : 2, type: isOff ? 'dashed' : 'solid', opacity: 0.95 },
        });
        // Lines drawn as polylines take no label: the cut's are put at
        // the middle vertex.
        if (inCut) labelData.push({ name: label, value: coords[Math.floor(coords.length / 2)] });
      }
    }
    // Cut labels alternate above and below, west to east, so that
    // neighbours do not overlap.
    labelData.sort((x, y) => x.value[0] - y.value[0]);
    labelData.forEach((d, i) => (d.label = { position: i % 2 ? 'bottom' : 'top' }));
    const maxShare = Math.max(0.0001, ...[...states.values()].map((s) => (s.choke ? s.choke.share : 0)));
    const regions = [...states.values()].map((s) => ({
      name: s.code,
      itemStyle: { areaColor: state.withoutState.has(s.code) ? '#d6d6d6' : mix('#f6efe4', C.fwd, s.choke ? 0.08 + 0.42 * (s.choke.share / maxShare) : 0.05) },
    }));
    regions.push({ name: state.exporter, itemStyle: { areaColor: '#efe0a8', borderColor: '#a08a4a', borderWidth: 1 } });
    show(m, {
      tooltip: {
        trigger: 'item',
        formatter: (p) => {
          if (p.componentType === 'geo') {
            const s = states.get(p.name);
            const label = names.get(p.name) || p.name;
            return s && s.choke ? `<b>${label}</b><br>without it: −${num(s.choke.lost_mt_y, 1)} Mt/y (${pct(s.choke.share)})<br>click to switch it off or on` : label;
          }
          if (p.seriesName === 'places') return p.name;
          return `<b>${p.name}</b>${cut.has(p.data.id) ? '<br>in the minimum cut' : ''}${p.data.approximate ? '<br>geometry partly approximate' : ''}<br>click to switch it off or on`;
        },
      },
      geo: {
        map: 'region', roam: true, aspectScale: 0.72, selectedMode: false,
        boundingCoords: [[27, 57], [89, 35]], left: 0, right: 0, top: 0, bottom: 0,
        itemStyle: { areaColor: '#f6f4ef', borderColor: '#b9b3a8', borderWidth: 0.6 },
        emphasis: { itemStyle: { areaColor: '#efe2c7' }, label: { show: false } },
        label: { show: false },
        regions,
      },
      series: [
        { type: 'lines', coordinateSystem: 'geo', polyline: true, data: lineData, zlevel: 1 },
        { type: 'scatter', coordinateSystem: 'geo', data: pointData, symbolSize: 11, zlevel: 2, label: { show: false } },
        {
          type: 'scatter', coordinateSystem: 'geo', data: labelData, symbolSize: 0, zlevel: 3, silent: true, tooltip: { show: false },
          label: { show: true, position: 'right', formatter: '{b}', color: C.cut, fontWeight: 'bold', backgroundColor: 'rgba(255,255,255,0.85)', padding: [2, 4], borderRadius: 3 },
        },
        {
          name: 'places', type: 'scatter', coordinateSystem: 'geo', data: placeData, symbol: 'rect', symbolSize: 5, zlevel: 2,
          itemStyle: { color: C.ink }, label: { show: true, position: 'right', formatter: '{b}', color: C.muted, fontSize: 11 },
        },
      ],
    });
    m.on('click', (p) => {
      if (p.componentType === 'geo' && states.has(p.name)) toggle(state.withoutState, p.name);
      else if (p.componentType === 'series' && p.seriesName !== 'places' && p.data && p.data.id) toggle(state.without, p.data.id);
    });

    // Capacity before and after, against the exports to carry.
    const c = chart(capBox);
    charts.push(c);
    const bars = [{ name: 'All routes', value: t.capacity_mt_y, itemStyle: { color: C.rev } }];
    if (wi) bars.push({ name: 'What if', value: wi.capacity_mt_y, itemStyle: { color: C.fwd } });
    show(c, {
      tooltip: { trigger: 'axis', valueFormatter: (x) => `${num(x, 1)} Mt/y` },
      grid: { left: 80, right: 60, top: 10, bottom: 30 },
      xAxis: { type: 'value', name: 'Mt/y', max: (v) => Math.max(v.max, exports || 0) * 1.1 },
      yAxis: { type: 'category', inverse: true, data: bars.map((b) => b.name) },
      series: [{
        type: 'bar', data: bars, barWidth: '50%', label: { show: true, position: 'right', formatter: (p) => num(p.value, 1) },
        markLine: exports != null ? { symbol: 'none', label: { formatter: `exports ${num(exports, 1)}` }, lineStyle: { color: C.warn, type: 'dashed' }, data: [{ xAxis: exports }] } : undefined,
      }],
    });

    // Chokepoints: what each state could take away.
    const k = chart(chokeBox);
    charts.push(k);
    const ch = t.chokepoints || [];
    show(k, {
      tooltip: {
        trigger: 'axis', axisPointer: { type: 'shadow' },
        formatter: (ps) => {
          const x = ch[ps[0].dataIndex];
          return `<b>${x.name}</b> (${x.role})<br>capacity lost: ${num(x.lost_mt_y, 1)} Mt/y (${pct(x.share)})<br>flows crossing: ${pct(x.flows_crossing)}<br>left without it: ${x.n_state == null ? '—' : num(x.n_state, 0) + '% of exports'}`;
        },
      },
      grid: { left: 100, right: 70, top: 10, bottom: 30 },
      xAxis: { type: 'value', name: 'Mt/y' },
      yAxis: { type: 'category', inverse: true, data: ch.map((x) => x.name) },
      series: [{
        type: 'bar', data: ch.map((x) => ({ value: x.lost_mt_y, itemStyle: { color: state.withoutState.has(x.state) ? C.off : mix('#f0d5c8', C.fwd, 0.3 + 0.7 * (x.share || 0)) } })),
        label: { show: true, position: 'right', formatter: (p) => `${num(p.value, 1)} · ${pct(ch[p.dataIndex].share)}` },
      }],
    });
  }

  function routesTable(routes, off, srcById) {
    return h('table', { class: 'ind', id: 'routes-table' },
      h('thead', {}, h('tr', {}, ['Route', 'Capacity Mt/y', 'Bottleneck', 'States', 'Volume Mt', 'Sources'].map((x, i) => h('th', { class: i === 1 || i === 4 ? 'n' : '' }, x)))),
      h('tbody', {}, routes.map((r) => h('tr', { class: off(r) ? 'off' : '', dataset: { route: r.id } },
        h('td', {}, r.name, off(r) ? h('span', { class: 'tag off' }, 'switched off') : null, h('div', { class: 'note' }, (r.chain || []).join(' → '))),
        h('td', { class: 'n' }, num(r.capacity_mt_y, 1)),
        h('td', {}, r.bottleneck || '—'),
        h('td', {}, (r.states || []).join(', '), r.market ? h('div', { class: 'note' }, `market ${r.market}`) : null),
        h('td', { class: 'n' }, num(r.volume_mt, 1), r.volume_year ? h('div', { class: 'note' }, r.volume_year) : null),
        h('td', {}, (r.sources || []).map((id) => h('a', { href: '#', class: 'chip', onclick: (e) => (e.preventDefault(), sourceDialog(id, srcById)) }, id)))))));
  }

  function cutTable(parts) {
    return h('table', { class: 'ind', id: 'cut-table' },
      h('thead', {}, h('tr', {}, ['Asset', 'Capacity Mt/y', 'Flow Mt/y', 'States'].map((x, i) => h('th', { class: i === 1 || i === 2 ? 'n' : '' }, x)))),
      h('tbody', {}, parts.map((p) => h('tr', {},
        h('td', {}, p.name, ' ', h('code', {}, p.asset)),
        h('td', { class: 'n' }, num(p.capacity_mt_y, 1)),
        h('td', { class: 'n' }, num(p.flow_mt_y, 1)),
        h('td', {}, (p.states || []).join(', '))))));
  }

  load();
  return () => clearCharts();
}

// mix blends two #rrggbb colours: t = 0 gives a, 1 gives b.
function mix(a, b, t) {
  const p = (c, i) => parseInt(c.slice(1 + 2 * i, 3 + 2 * i), 16);
  const x = [0, 1, 2].map((i) => Math.round(p(a, i) + (p(b, i) - p(a, i)) * Math.max(0, Math.min(1, t))));
  return '#' + x.map((v) => v.toString(16).padStart(2, '0')).join('');
}
