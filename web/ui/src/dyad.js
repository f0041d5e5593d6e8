// Dyad: A's leverage over B and B's over A, channel by channel, with every
// indicator, its facts and its sources; the as-of date on a slider.
import { get, cached, errorBox, latest } from './api.js';
import { chart, show, C } from './charts.js';
import { h, clear, card, num, pct, signed, today, datalist } from './util.js';
import { sourceDialog, factsDialog } from './sources.js';

export const title = 'Dyad';

const FIRST = { y: 1992, m: 1 }; // the slider's first month

// Slider positions are months since FIRST; the last one is today.
function months() {
  const t = new Date();
  return (t.getUTCFullYear() - FIRST.y) * 12 + t.getUTCMonth() + 1 - FIRST.m;
}

function posToDate(pos) {
  if (pos >= months()) return today();
  const y = FIRST.y + Math.floor((FIRST.m - 1 + pos) / 12);
  const m = ((FIRST.m - 1 + pos) % 12) + 1;
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${y}-${String(m).padStart(2, '0')}-${String(last).padStart(2, '0')}`;
}

function dateToPos(s) {
  const m = /^(\d{4})(?:-(\d{2}))?/.exec(s || '');
  if (!m) return months();
  const pos = (Number(m[1]) - FIRST.y) * 12 + (m[2] ? Number(m[2]) : 12) - FIRST.m;
  return Math.max(0, Math.min(months(), pos));
}

export function mount(root, params, nav) {
  const state = {
    a: (params.a || 'RUS').toUpperCase(),
    b: (params.b || 'KAZ').toUpperCase(),
    asOf: params.as_of || '',
    year: params.year || '',
  };
  const charts = [];

  const aIn = h('input', { id: 'dyad-a', value: state.a, list: 'dyad-states', size: 8, 'aria-label': 'Holder' });
  const bIn = h('input', { id: 'dyad-b', value: state.b, list: 'dyad-states', size: 8, 'aria-label': 'Target' });
  const yearIn = h('input', { id: 'dyad-year', type: 'number', min: 1900, max: 2100, value: state.year, placeholder: 'as-of year', style: 'width:7em' });
  const slider = h('input', { id: 'asof', type: 'range', min: 0, max: months(), step: 1, value: dateToPos(state.asOf), 'aria-label': 'As of' });
  const asOfLabel = h('output', { id: 'asof-label', for: 'asof' }, state.asOf || today());
  const swap = h('button', { type: 'button', title: 'Swap holder and target' }, '⇄');
  const todayBtn = h('button', { type: 'button' }, 'Today');
  const lists = h('span');
  const status = h('span', { class: 'status', id: 'dyad-status' });

  const out = h('div', { id: 'dyad-out' });
  root.append(
    h('h1', {}, 'Dyad'),
    h('p', { class: 'lead' }, 'How much leverage each state holds over the other, channel by channel, with the facts and sources behind every number. Move the slider to see the record as it stood on a past date.'),
    h('form', { class: 'controls', onsubmit: (e) => (e.preventDefault(), apply()) },
      h('label', {}, 'Holder ', aIn), swap, h('label', {}, 'Target ', bIn),
      h('label', { class: 'grow' }, 'As of ', slider, asOfLabel), todayBtn,
      h('label', {}, 'Data year ', yearIn),
      h('button', { type: 'submit', class: 'primary' }, 'Assess'), status, lists),
    out);

  cached('/actors', { kind: 'state' }).then((states) => lists.append(datalist('dyad-states', states))).catch(() => {});

  slider.addEventListener('input', () => (asOfLabel.textContent = posToDate(Number(slider.value))));
  slider.addEventListener('change', () => {
    const pos = Number(slider.value);
    state.asOf = pos >= months() ? '' : posToDate(pos);
    load();
  });
  todayBtn.addEventListener('click', () => {
    slider.value = months();
    asOfLabel.textContent = today();
    state.asOf = '';
    load();
  });
  swap.addEventListener('click', () => {
    [aIn.value, bIn.value] = [bIn.value, aIn.value];
    apply();
  });

  function apply() {
    state.a = aIn.value.trim().toUpperCase();
    state.b = bIn.value.trim().toUpperCase();
    state.year = yearIn.value.trim();
    load();
  }

  const fetchAssessment = latest((signal) =>
    get('/assess', { a: state.a, b: state.b, as_of: state.asOf, year: state.year }, { signal }));

  async function load() {
    nav.set({ a: state.a, b: state.b, as_of: state.asOf, year: state.year });
    status.textContent = 'Loading…';
    out.classList.add('busy');
    try {
      const r = await fetchAssessment();
      if (!r) return; // a later request replaced this one
      render(r);
      status.textContent = '';
    } catch (e) {
      status.textContent = '';
      clearCharts();
      clear(out, errorBox(e));
    } finally {
      out.classList.remove('busy');
    }
  }

  function clearCharts() {
    while (charts.length) charts.pop().dispose();
  }

  function render(r) {
    clearCharts();
    asOfLabel.textContent = r.as_of;
    const f = r.forward, v = r.reverse;
    const srcById = new Map((r.sources || []).map((s) => [s.id, s]));
    const ctx = { srcById, asOf: r.as_of, actors: [f.holder.id, f.target.id] };
    const gap = new Map((r.channel_asymmetry || []).map((g) => [g.channel, g.gap]));

    const chartBox = h('div', { class: 'chart', id: 'dyad-chart', style: 'height:320px' });
    clear(out,
      h('div', { class: 'cards', id: 'dyad-summary', dataset: { asOf: r.as_of } },
        card(`${f.holder.name} over ${f.target.name}`, num(f.composite), `coverage ${pct(f.coverage)}`, 'fwd', 'composite-forward'),
        card(`${v.holder.name} over ${v.target.name}`, num(v.composite), `coverage ${pct(v.coverage)}`, 'rev', 'composite-reverse'),
        card('Asymmetry', signed(r.asymmetry), 'forward minus reverse, over channels scored both ways', '', 'asymmetry'),
        card('As of', r.as_of, `data up to ${r.year}`, '', 'as-of')),
      indexSummary(r.index, f),
      h('section', {}, h('h2', {}, 'Channels'), chartBox),
      h('section', { id: 'channels' },
        f.channels.map((ch, i) => channelBlock(ch, v.channels[i], gap.get(ch.channel), f, v, ctx))),
      h('section', { id: 'sources' }, h('h2', {}, `Sources (${(r.sources || []).length})`),
        h('ol', { class: 'sources' }, (r.sources || []).map((s) =>
          h('li', { id: 'src-' + s.id }, sourceLine(s, ctx))))));

    const c = chart(chartBox);
    charts.push(c);
    const names = f.channels.map((ch) => ch.title);
    show(c, {
      color: [C.fwd, C.rev],
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (x) => num(x) },
      legend: { top: 0 },
      grid: { left: 120, right: 30, top: 30, bottom: 30 },
      xAxis: { type: 'value', min: 0, max: 1 },
      yAxis: { type: 'category', data: names, inverse: true },
      series: [
        { name: `${f.holder.name} over ${f.target.name}`, type: 'bar', data: f.channels.map((ch) => ch.score) },
        { name: `${v.holder.name} over ${v.target.name}`, type: 'bar', data: v.channels.map((ch) => ch.score) },
      ],
    });
  }

  function sourceLine(s, ctx) {
    return [
      h('a', { href: '#', class: 'src-title', onclick: (e) => (e.preventDefault(), sourceDialog(s.id, ctx.srcById)) }, s.title || s.id),
      ' — ', [s.publisher, s.date].filter(Boolean).join(', '),
      s.url ? [' ', h('a', { href: s.url, target: '_blank', rel: 'noopener noreferrer', class: 'ext' }, 'open ↗')] : null,
      h('code', { class: 'id' }, s.id),
    ];
  }

  function channelBlock(fc, rc, g, f, v, ctx) {
    const open = fc.channel === 'energy';
    return h('details', { class: 'channel', open, dataset: { channel: fc.channel } },
      h('summary', {},
        h('span', { class: 'ch-title' }, fc.title),
        h('span', { class: 'score fwd', title: `${f.holder.name} over ${f.target.name}` }, num(fc.score)),
        h('span', { class: 'score rev', title: `${v.holder.name} over ${v.target.name}` }, num(rc && rc.score)),
        h('span', { class: 'gap', title: 'Asymmetry' }, signed(g)),
        h('span', { class: 'muted' }, `weight ${num(fc.weight, 2)}`)),
      h('div', { class: 'two' },
        direction(fc, `${f.holder.name} over ${f.target.name}`, 'fwd', ctx),
        direction(rc, `${v.holder.name} over ${v.target.name}`, 'rev', ctx)));
  }

  function direction(ch, label, cls, ctx) {
    if (!ch) return h('div');
    return h('div', { class: 'dir ' + cls },
      h('h3', {}, label, ' ', h('span', { class: 'score ' + cls }, num(ch.score)), h('span', { class: 'muted' }, ` coverage ${pct(ch.coverage)}`)),
      ch.missing ? h('p', { class: 'missing' }, ch.missing) : null,
      indicatorTable(ch.indicators || [], ctx),
      ch.routes && ch.routes.length ? routesTable(ch.routes, ctx) : null,
      ch.partners && ch.partners.length ? partners(ch.partners, ctx) : null);
  }

  function indicatorTable(rows, ctx) {
    return h('table', { class: 'ind' },
      h('thead', {}, h('tr', {}, h('th', {}, 'Indicator'), h('th', { class: 'n' }, 'Value'), h('th', {}, 'When'), h('th', { class: 'n' }, 'Score'), h('th', { class: 'n' }, 'Weight'), h('th', {}, 'Sources'))),
      h('tbody', {}, rows.map((i) => h('tr', { class: i.weight === 0 ? 'context' : '' },
        h('td', {}, i.label, i.note ? h('div', { class: 'note' }, i.note) : null, i.missing ? h('div', { class: 'missing' }, i.missing) : null,
          i.transform ? h('div', { class: 'note' }, i.transform) : null),
        h('td', { class: 'n' }, i.value == null ? '—' : `${num(i.value, i.value % 1 ? 2 : 0)} ${i.unit || ''}`, i.text ? h('div', { class: 'note' }, i.text) : null),
        h('td', {}, i.date || i.year || ''),
        h('td', { class: 'n' }, num(i.score)),
        h('td', { class: 'n' }, i.weight === 0 ? h('span', { title: 'shown for context, not scored' }, 'context') : num(i.weight)),
        h('td', {}, refs(i, ctx))))));
  }

  function refs(x, ctx) {
    return [
      (x.sources || []).map((id) => h('a', { href: '#', class: 'chip', title: (ctx.srcById.get(id) || {}).title || id, onclick: (e) => (e.preventDefault(), sourceDialog(id, ctx.srcById)) }, id)),
      x.facts && x.facts.length
        ? h('a', { href: '#', class: 'chip fact', title: x.facts.join(', '), onclick: (e) => (e.preventDefault(), factsDialog(x.facts, ctx)) }, `${x.facts.length} fact${x.facts.length > 1 ? 's' : ''}`)
        : null,
    ];
  }

  function routesTable(routes, ctx) {
    return h('div', {},
      h('h4', {}, 'Export routes'),
      h('table', { class: 'ind' },
        h('thead', {}, h('tr', {}, h('th', {}, 'Route'), h('th', { class: 'n' }, 'Capacity Mt/y'), h('th', {}, 'States'), h('th', { class: 'n' }, 'Volume Mt'), h('th', {}, 'Sources'))),
        h('tbody', {}, routes.map((r) => h('tr', { class: r.crosses_holder ? 'hl' : '' },
          h('td', {}, r.name, h('div', { class: 'note' }, (r.chain || []).join(' → '))),
          h('td', { class: 'n' }, num(r.capacity_mt_y, 1)),
          h('td', {}, (r.states || []).join(', ')),
          h('td', { class: 'n' }, num(r.volume_mt, 1), r.volume_year ? h('div', { class: 'note' }, r.volume_year) : null),
          h('td', {}, refs(r, ctx)))))),
      h('p', {}, h('a', { href: `#/transit?exporter=${encodeURIComponent(state.b)}` }, 'See the routes on the transit map →')));
  }

  function partners(list, ctx) {
    return h('div', {},
      h('h4', {}, 'Counter-leverage: other partners'),
      list.map((p) => h('div', { class: 'partner' }, h('strong', {}, p.name), indicatorTable(p.indicators || [], ctx))));
  }

  load();
  return () => clearCharts();
}

function indexSummary(list, f) {
  if (!list || !list.length) return null;
  return h('section', { class: 'index-summary' },
    h('h2', {}, 'Influence index'),
    h('ul', {}, list.map((x) => h('li', {},
      h('strong', {}, `${x.profile}, ${x.year}: ${num(x.value, 3)}`),
      ` — rank ${x.rank} of ${x.of} among ${f.target.name}'s influencers; bandwidth ${num(x.bandwidth, 3)}, dependence ${num(x.dependence, 3)}`,
      x.trend != null ? `; ${signed(x.trend, 3)} since ${x.trend_from}` : '',
      ' ', h('a', { href: `#/influence?target=${encodeURIComponent(f.target.id)}&a=${encodeURIComponent(f.holder.id)}&profile=${x.profile}` }, 'series →')))));
}
