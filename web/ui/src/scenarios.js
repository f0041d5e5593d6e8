// Scenarios: pick a stored scenario or upload one (YAML), set the draws and
// the seed, run it, and see the distributions: the export capacity over
// the horizon, the exports lost, the channel scores at the peak, the
// events and the inputs that drive the outcome.
import { get, post, cached, errorBox, latest, token } from './api.js';
import { chart, show, C } from './charts.js';
import { h, clear, card, num, pct, signed } from './util.js';
import { sourceDialog } from './sources.js';

export const title = 'Scenarios';

export function mount(root, params, nav) {
  const state = {
    name: params.name || 'cpc-drone-2025',
    draws: params.draws || '1000',
    seed: params.seed || '1',
    holder: params.holder || '',
    target: params.target || '',
    asOf: params.as_of || '',
    upload: false,
  };
  const charts = [];

  const pick = h('select', { id: 'sc-name', 'aria-label': 'Scenario' });
  const drawsIn = h('input', { id: 'sc-draws', type: 'number', min: 0, max: 100000, step: 100, value: state.draws, style: 'width:7em' });
  const seedIn = h('input', { id: 'sc-seed', type: 'number', min: 0, value: state.seed, style: 'width:6em' });
  const holderIn = h('input', { id: 'sc-holder', value: state.holder, placeholder: 'RUS', size: 6 });
  const targetIn = h('input', { id: 'sc-target', value: state.target, placeholder: 'KAZ', size: 6 });
  const asOfIn = h('input', { id: 'sc-asof', type: 'date', value: state.asOf });
  const fromList = h('input', { type: 'radio', name: 'sc-src', value: 'list', checked: true });
  const fromFile = h('input', { type: 'radio', name: 'sc-src', value: 'upload', id: 'sc-upload-radio' });
  const file = h('input', { type: 'file', id: 'sc-file', accept: '.yaml,.yml,text/yaml' });
  const spec = h('textarea', { id: 'sc-spec', rows: 10, spellcheck: 'false', placeholder: 'Paste a scenario (YAML, see docs/scenarios.md) or choose a file. Running an uploaded scenario needs the token.' });
  const runBtn = h('button', { type: 'submit', class: 'primary', id: 'sc-run' }, 'Run');
  const status = h('span', { class: 'status', id: 'sc-status' });
  const detail = h('div', { id: 'sc-detail' });
  const out = h('div', { id: 'sc-out' });

  root.append(
    h('h1', {}, 'Scenarios'),
    h('p', { class: 'lead' }, 'Dated shocks applied to a copy of the model, with uncertain numbers drawn many times. The same seed gives the same result.'),
    h('form', { class: 'scenario-form', onsubmit: (e) => (e.preventDefault(), run()) },
      h('div', { class: 'controls' },
        h('label', {}, fromList, ' Stored ', pick),
        h('label', {}, fromFile, ' Uploaded ', file),
        h('label', {}, 'Draws ', drawsIn), h('label', {}, 'Seed ', seedIn),
        h('label', {}, 'Holder ', holderIn), h('label', {}, 'Target ', targetIn), h('label', {}, 'As of ', asOfIn),
        runBtn, status),
      h('details', { id: 'sc-upload' }, h('summary', {}, 'Scenario file'), spec)),
    detail,
    out);

  file.addEventListener('change', async () => {
    const f = file.files[0];
    if (!f) return;
    spec.value = await f.text();
    fromFile.checked = true;
    document.getElementById('sc-upload').open = true;
  });
  spec.addEventListener('input', () => (fromFile.checked = spec.value.trim() !== ''));
  pick.addEventListener('change', () => {
    fromList.checked = true;
    state.name = pick.value;
    showDetail();
  });

  cached('/scenarios').then((list) => {
    for (const s of list) pick.append(h('option', { value: s.name, selected: s.name === state.name }, `${s.title} (${s.name})`));
    if (!list.some((s) => s.name === state.name) && list.length) state.name = list[0].name;
    pick.value = state.name;
    showDetail();
  }).catch((e) => detail.append(errorBox(e)));

  const fetchDetail = latest((signal) => get('/scenarios/' + encodeURIComponent(state.name), null, { signal }));

  async function showDetail() {
    try {
      const s = await fetchDetail();
      if (!s) return;
      const srcs = new Map();
      clear(detail,
        h('section', { class: 'scenario' },
          h('h2', {}, s.title, ' ', h('code', {}, s.name)),
          h('p', {}, s.description),
          h('p', { class: 'muted' }, `Horizon ${s.horizon.start} to ${s.horizon.end}, by ${s.horizon.step}`),
          h('table', { class: 'ind' },
            h('thead', {}, h('tr', {}, ['Shock', 'Type', 'Target', 'When', 'Numbers', 'Sources'].map((x) => h('th', {}, x)))),
            h('tbody', {}, (s.shocks || []).map((k) => h('tr', {},
              h('td', {}, k.name || '', k.note ? h('div', { class: 'note' }, k.note) : null),
              h('td', {}, k.type),
              h('td', {}, shockTarget(k)),
              h('td', {}, [k.start, k.end].filter(Boolean).join(' to ')),
              h('td', { class: 'note' }, numbers(k)),
              h('td', {}, (k.sources || []).map((id) => h('a', { href: '#', class: 'chip', onclick: (e) => (e.preventDefault(), sourceDialog(id, srcs)) }, id))))))),
          (s.sources || []).length ? h('p', {}, 'Sources: ', s.sources.map((id) => h('a', { href: '#', class: 'chip', onclick: (e) => (e.preventDefault(), sourceDialog(id, srcs)) }, id))) : null));
    } catch (e) {
      clear(detail, errorBox(e));
    }
  }

  const fetchRun = latest((signal, body) => post('/scenarios/run', body, undefined, { signal }));

  async function run() {
    state.draws = drawsIn.value.trim();
    state.seed = seedIn.value.trim();
    state.holder = holderIn.value.trim().toUpperCase();
    state.target = targetIn.value.trim().toUpperCase();
    state.asOf = asOfIn.value;
    state.upload = fromFile.checked && spec.value.trim() !== '';
    const body = {
      draws: Number(state.draws || 0),
      seed: Number(state.seed || 1),
      holder: state.holder || undefined,
      target: state.target || undefined,
      as_of: state.asOf || undefined,
    };
    if (state.upload) body.spec = spec.value;
    else body.scenario = state.name;
    nav.set({ name: state.upload ? '' : state.name, draws: state.draws, seed: state.seed, holder: state.holder, target: state.target, as_of: state.asOf });
    if (state.upload && !token()) status.textContent = 'An uploaded scenario needs the token (top right).';
    else status.textContent = `Running ${body.draws} draws…`;
    runBtn.disabled = true;
    out.classList.add('busy');
    const t0 = performance.now();
    try {
      const r = await fetchRun(body);
      if (!r) return;
      render(r);
      status.textContent = `${r.draws ? r.draws.n : 0} draws in ${num((performance.now() - t0) / 1000, 1)} s`;
    } catch (e) {
      status.textContent = '';
      clearCharts();
      clear(out, errorBox(e));
    } finally {
      runBtn.disabled = false;
      out.classList.remove('busy');
    }
  }

  function clearCharts() {
    while (charts.length) charts.pop().dispose();
  }

  function render(r) {
    clearCharts();
    const d = r.draws;
    const cen = r.central;
    const ex = r.exports || {};
    const ev = d ? d.events : [];
    const boxes = {
      path: h('div', { class: 'chart', id: 'path-chart', style: 'height:320px' }),
      dist: h('div', { class: 'chart', id: 'dist-chart', style: 'height:260px' }),
      channels: h('div', { class: 'chart', id: 'channels-chart', style: 'height:300px' }),
      events: h('div', { class: 'chart', id: 'events-chart', style: 'height:220px' }),
    };
    clear(out,
      h('h2', {}, `${r.title}: ${r.holder.name} over ${r.target.name}`),
      h('div', { class: 'cards', id: 'sc-summary' },
        card('Composite, before → peak', `${num(r.before.composite)} → ${num(d ? d.composite.peak.p50 : cen.peak.composite)}`,
          d ? `p5–p95 ${num(d.composite.peak.p5)}–${num(d.composite.peak.p95)} at the peak` : `peak on ${cen.peak.date}`, 'fwd', 'sc-composite'),
        card('Exports lost', `${num(d ? d.lost_mt.p50 : cen.lost_mt, 1)} Mt`,
          d ? `p5–p95 ${num(d.lost_mt.p5, 1)}–${num(d.lost_mt.p95, 1)} Mt; central ${num(cen.lost_mt, 1)}` : 'central case', '', 'sc-lost'),
        card('Lowest capacity', pct(d ? d.capacity_min.p50 : cen.capacity_min),
          `of ${num(ex.capacity_mt_y, 1)} Mt/y${d ? `; p5 ${pct(d.capacity_min.p5)}` : ''}`, '', 'sc-capmin'),
        card('Days short', num(d ? d.days_short.p50 : cen.days_short, 0),
          d ? `p95 ${num(d.days_short.p95, 0)}; below the N-1 line` : 'below the N-1 line', '', 'sc-days'),
        d ? card('Draws', num(d.n, 0), `seed ${d.seed}`, '', 'sc-draws') : null),
      h('section', {}, h('h2', {}, 'Export capacity over the horizon'), h('p', { class: 'muted' }, 'Share of the system capacity before the shocks: the central case, the median draw and the 5–95% band.'), boxes.path),
      h('div', { class: 'grid2' },
        h('section', {}, h('h2', {}, 'Distribution of the exports lost'), boxes.dist),
        h('section', {}, h('h2', {}, 'Events'), boxes.events)),
      h('section', {}, h('h2', {}, 'Channel scores before and at the peak'), boxes.channels),
      d && d.drivers && d.drivers.length ? h('section', {}, h('h2', {}, 'What drives the outcome'), driversTable(d.drivers)) : null,
      (r.notes || []).length ? h('section', {}, h('h2', {}, 'Notes'), h('ul', {}, r.notes.map((n) => h('li', {}, n)))) : null,
      h('p', { class: 'muted' }, 'Sources: ', (r.sources || []).map((id) => h('a', { href: '#', class: 'chip', onclick: (e) => (e.preventDefault(), sourceDialog(id, new Map())) }, id))));

    // Capacity path: a fan chart.
    const c1 = chart(boxes.path);
    charts.push(c1);
    const periods = cen.path.map((s) => s.period);
    const dp = d ? d.path : [];
    const lo = dp.map((s) => s.capacity.p5);
    const band = dp.map((s) => (s.capacity.p95 == null || s.capacity.p5 == null ? null : s.capacity.p95 - s.capacity.p5));
    show(c1, {
      tooltip: { trigger: 'axis', valueFormatter: (x) => pct(x, 1) },
      legend: { top: 0, data: ['central', 'median draw', '5–95%'] },
      grid: { left: 50, right: 20, top: 40, bottom: 30 },
      xAxis: { type: 'category', data: periods, boundaryGap: false },
      yAxis: { type: 'value', min: (v) => Math.max(0, Math.floor(v.min * 10) / 10), axisLabel: { formatter: (x) => pct(x) } },
      series: [
        ...(d ? [
          { name: 'p5', type: 'line', data: lo, stack: 'band', symbol: 'none', lineStyle: { opacity: 0 }, tooltip: { show: false } },
          { name: '5–95%', type: 'line', data: band, stack: 'band', symbol: 'none', lineStyle: { opacity: 0 }, areaStyle: { color: C.fwd, opacity: 0.18 }, color: C.fwd, tooltip: { show: false } },
          { name: 'median draw', type: 'line', data: dp.map((s) => s.capacity.p50), symbol: 'none', color: C.fwd },
        ] : []),
        { name: 'central', type: 'line', data: cen.path.map((s) => s.capacity), symbol: 'none', color: C.rev, lineStyle: { type: 'dashed' } },
      ],
    });

    // Exports lost: a histogram when the API gives one, else the quantiles.
    const c2 = chart(boxes.dist);
    charts.push(c2);
    show(c2, d ? distOption(d) : { title: { text: 'Run with draws > 0 to see distributions', left: 'center', top: 'middle', textStyle: { color: C.muted, fontSize: 13 } }, series: [] });

    // Events.
    const c3 = chart(boxes.events);
    charts.push(c3);
    show(c3, {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (x) => pct(x, 1) },
      grid: { left: 10, right: 50, top: 10, bottom: 30, containLabel: true },
      xAxis: { type: 'value', min: 0, max: 1, axisLabel: { formatter: (x) => pct(x) } },
      yAxis: { type: 'category', inverse: true, data: ev.map((e) => e.label), axisLabel: { width: 260, overflow: 'break', fontSize: 11 } },
      series: [{ type: 'bar', color: C.warn, data: ev.map((e) => e.probability), label: { show: true, position: 'right', formatter: (p) => pct(p.value) } }],
    });

    // Channels: before, and the band at the peak.
    const c4 = chart(boxes.channels);
    charts.push(c4);
    const chs = d ? d.channels : r.before.channels.map((x, i) => ({ channel: x.channel, before: x.score, peak: { p5: cen.peak.channels[i].score, p50: cen.peak.channels[i].score, p95: cen.peak.channels[i].score } }));
    show(c4, {
      tooltip: {
        trigger: 'axis', axisPointer: { type: 'shadow' },
        formatter: (ps) => {
          const x = chs[ps[0].dataIndex];
          return `<b>${x.channel}</b><br>before ${num(x.before, 3)}<br>peak p50 ${num(x.peak.p50, 3)} (${signed(x.peak.p50 != null && x.before != null ? x.peak.p50 - x.before : null, 3)})<br>p5–p95 ${num(x.peak.p5, 3)}–${num(x.peak.p95, 3)}`;
        },
      },
      legend: { top: 0, data: ['before', 'peak p50', 'peak p5–p95'] },
      grid: { left: 80, right: 20, top: 40, bottom: 30 },
      xAxis: { type: 'value', min: 0, max: 1 },
      yAxis: { type: 'category', inverse: true, data: chs.map((x) => x.channel) },
      series: [
        { name: 'lo', type: 'bar', stack: 'peak', data: chs.map((x) => x.peak.p5), itemStyle: { color: 'transparent' }, tooltip: { show: false }, barWidth: 10 },
        { name: 'peak p5–p95', type: 'bar', stack: 'peak', color: C.fwd, itemStyle: { opacity: 0.35 }, data: chs.map((x) => (x.peak.p95 == null || x.peak.p5 == null ? null : Math.max(x.peak.p95 - x.peak.p5, 0.004))) },
        { name: 'before', type: 'scatter', color: C.rev, symbol: 'diamond', symbolSize: 12, data: chs.map((x) => x.before) },
        { name: 'peak p50', type: 'scatter', color: C.fwd, symbolSize: 10, data: chs.map((x) => x.peak.p50) },
      ],
    });
  }

  return () => clearCharts();
}

// driversTable lists the uncertain inputs by their first-order sensitivity
// index, for the composite at the peak and for the exports lost.
function driversTable(drivers) {
  return h('table', { class: 'ind', id: 'sc-drivers' },
    h('thead', {}, h('tr', {}, h('th', {}, 'Input'), h('th', { class: 'n' }, 'Composite at the peak'), h('th', { class: 'n' }, 'Exports lost'))),
    h('tbody', {}, drivers.map((x) => h('tr', {},
      h('td', {}, x.input),
      h('td', { class: 'n' }, bar(x.composite)),
      h('td', { class: 'n' }, bar(x.lost))))));
}

function bar(x) {
  return h('span', { class: 'ix' }, h('span', { class: 'ix-bar', style: `width:${Math.round(Math.max(0, Math.min(1, x || 0)) * 60)}px` }), num(x, 2));
}

// distOption draws the exports lost over the draws: as a histogram when the
// API gives one (Dist.histogram = {edges, counts}), else as the 5th, 50th
// and 95th percentiles and the mean, against the central case.
function distOption(d) {
  const dist = d.lost_mt;
  const hist = dist.histogram;
  if (hist && hist.counts && hist.edges) {
    const mids = hist.counts.map((_, i) => (hist.edges[i] + hist.edges[i + 1]) / 2);
    return {
      tooltip: { trigger: 'axis', formatter: (ps) => `${num(hist.edges[ps[0].dataIndex], 2)}–${num(hist.edges[ps[0].dataIndex + 1], 2)} Mt: ${ps[0].value} draws` },
      grid: { left: 50, right: 20, top: 20, bottom: 40 },
      xAxis: { type: 'category', data: mids.map((x) => num(x, 2)), name: 'Mt lost', nameLocation: 'middle', nameGap: 28 },
      yAxis: { type: 'value', name: 'draws' },
      series: [{ type: 'bar', data: hist.counts, barCategoryGap: '2%', color: C.fwd }],
    };
  }
  const items = [
    ['exports lost at the recorded routing', d.lost_mt],
    ['lost even with spare capacity used', d.lost_rerouted_mt],
  ];
  return {
    tooltip: {
      trigger: 'axis', axisPointer: { type: 'shadow' },
      formatter: (ps) => {
        const x = items[ps[0].dataIndex][1];
        return `<b>${items[ps[0].dataIndex][0]}</b><br>p5 ${num(x.p5, 2)} Mt<br>p50 ${num(x.p50, 2)} Mt<br>p95 ${num(x.p95, 2)} Mt<br>mean ${num(x.mean, 2)} Mt`;
      },
    },
    legend: { top: 0, data: ['p5–p95', 'p50', 'mean'] },
    grid: { left: 10, right: 30, top: 40, bottom: 30, containLabel: true },
    xAxis: { type: 'value', name: 'Mt', min: 0 },
    yAxis: { type: 'category', inverse: true, data: items.map((x) => x[0]), axisLabel: { width: 170, overflow: 'break', fontSize: 11 } },
    series: [
      { name: 'lo', type: 'bar', stack: 'q', data: items.map((x) => x[1].p5), itemStyle: { color: 'transparent' }, tooltip: { show: false }, barWidth: 18 },
      { name: 'p5–p95', type: 'bar', stack: 'q', color: C.fwd, itemStyle: { opacity: 0.35 }, data: items.map((x) => (x[1].p95 == null ? null : Math.max(x[1].p95 - x[1].p5, 0.01))),
        label: { show: true, position: 'right', formatter: (p) => `${num(items[p.dataIndex][1].p5, 1)}–${num(items[p.dataIndex][1].p95, 1)}` } },
      { name: 'p50', type: 'scatter', color: C.fwd, symbolSize: 12, data: items.map((x) => x[1].p50) },
      { name: 'mean', type: 'scatter', color: C.ink, symbol: 'diamond', symbolSize: 9, data: items.map((x) => x[1].mean) },
    ],
  };
}

// shockTarget says what a shock acts on.
function shockTarget(k) {
  if (k.asset) return k.asset;
  if (k.subject) return `${k.subject} ${k.relation || ''} ${k.object || ''}`;
  if (k.by) return `${k.by} against ${k.against}`;
  if (k.from) return `${k.target || ''} from ${k.from}`;
  return k.state || k.target || '';
}

// numbers summarises a shock's numbers: fixed values and distributions.
function numbers(k) {
  const skip = new Set(['name', 'type', 'asset', 'state', 'target', 'subject', 'object', 'relation', 'by', 'against', 'from', 'start', 'end', 'sources', 'note']);
  return Object.entries(k).filter(([key]) => !skip.has(key)).map(([key, v]) => `${key}: ${describe(v)}`).join('; ');
}

function describe(v) {
  if (v == null || typeof v !== 'object') return String(v);
  if (Array.isArray(v)) return v.map((x) => (typeof x === 'object' ? Object.values(x).join(' ') : x)).join(', ');
  const [kind] = Object.keys(v);
  const p = v[kind];
  if (kind === 'uniform') return `uniform ${p.min}–${p.max}`;
  if (kind === 'triangular' || kind === 'triangle') return `triangular ${p.min}–${p.mode}–${p.max}`;
  if (kind === 'normal') return `normal ${p.mean} ± ${p.sd}`;
  if (kind === 'discrete' && p.values) return `one of ${p.values.map((x, i) => `${x} (${p.probs ? p.probs[i] : '?'})`).join(', ')}`;
  return Object.entries(v).map(([a, b]) => `${a} ${describe(b)}`).join(', ');
}
