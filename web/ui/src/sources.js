// The source and fact dialogs every page opens from a citation: what the
// source is and a link to it; what the facts say.
import { get, cached, errorBox } from './api.js';
import { h, clear } from './util.js';

let dialog;
let factsById = true; // until the API refuses /facts?id=

function open(...children) {
  if (!dialog) {
    dialog = h('dialog', { id: 'detail', class: 'detail' });
    dialog.addEventListener('click', (e) => {
      if (e.target === dialog) dialog.close(); // a click on the backdrop
    });
    document.body.append(dialog);
  }
  clear(dialog,
    h('form', { method: 'dialog', class: 'close' }, h('button', { 'aria-label': 'Close' }, '×')),
    ...children);
  if (!dialog.open) dialog.showModal();
  return dialog;
}

// sourceDialog shows source id: from known (a Map of id to source, as an
// answer's "sources" list gives them) or else from the API.
export async function sourceDialog(id, known) {
  const s = known && known.get(id);
  if (s) {
    open(sourceBody(s));
    return;
  }
  const d = open(h('p', { class: 'muted' }, `Loading source ${id}…`));
  try {
    const got = await get('/sources/' + encodeURIComponent(id));
    clear(d, h('form', { method: 'dialog', class: 'close' }, h('button', { 'aria-label': 'Close' }, '×')), sourceBody(got));
  } catch (e) {
    d.append(errorBox(e));
  }
}

function sourceBody(s) {
  const row = (k, v) => (v ? h('tr', {}, h('th', {}, k), h('td', {}, v)) : null);
  return h('div', { class: 'source', id: 'source-' + s.id },
    h('h2', {}, s.title || s.id),
    h('table', { class: 'kv' },
      row('Id', h('code', {}, s.id)),
      row('Kind', s.kind),
      row('Publisher', s.publisher),
      row('Date', s.date),
      row('Accessed', s.accessed),
      row('Note', s.note),
      row('Address', s.url ? h('a', { href: s.url, target: '_blank', rel: 'noopener noreferrer' }, s.url) : null)),
    s.url ? h('p', {}, h('a', { class: 'button primary', href: s.url, target: '_blank', rel: 'noopener noreferrer' }, 'Open the source ↗')) : null);
}

// factsDialog shows the facts with the given ids: asked for by id
// (/facts?id=a,b) or, where the API only lists facts by actor, from the
// facts of ctx.actors and then of the assets; any left are listed by id.
export async function factsDialog(ids, ctx) {
  const d = open(h('h2', {}, `${ids.length} fact${ids.length > 1 ? 's' : ''}`), h('p', { class: 'muted' }, 'Loading…'));
  try {
    const want = new Set(ids);
    const found = new Map();
    const keep = (lists) => {
      for (const list of lists) for (const f of list || []) if (want.has(f.id)) found.set(f.id, f);
    };
    if (factsById) {
      try {
        keep([await get('/facts', { id: ids, as_of: ctx.asOf })]);
      } catch (e) {
        if (e.param !== 'id') throw e;
        factsById = false; // this API lists facts by actor only
      }
    }
    if (!factsById) {
      keep(await Promise.all((ctx.actors || []).map((a) => get('/facts', { actor: a, as_of: ctx.asOf }))));
      if (found.size < want.size) {
        // The rest are about assets and routes (capacities, crossings).
        const more = await cached('/actors', { kind: 'asset' });
        keep(await Promise.all(more.map((a) => get('/facts', { actor: a.id, as_of: ctx.asOf }))));
      }
    }
    clear(d,
      h('form', { method: 'dialog', class: 'close' }, h('button', { 'aria-label': 'Close' }, '×')),
      h('h2', {}, `${ids.length} fact${ids.length > 1 ? 's' : ''}`),
      h('table', { class: 'ind facts' },
        h('thead', {}, h('tr', {}, h('th', {}, 'Fact'), h('th', {}, 'Statement'), h('th', {}, 'Valid'), h('th', {}, 'Sources'))),
        h('tbody', {}, ids.map((id) => {
          const f = found.get(id);
          if (!f) return h('tr', {}, h('td', {}, h('code', {}, id)), h('td', { class: 'muted', colspan: 3 }, 'not found among the facts of the pair and the assets'));
          return h('tr', {},
            h('td', {}, h('code', {}, f.id)),
            h('td', {}, `${f.subject} ${f.relation} ${f.object || ''}`,
              f.value != null ? ` = ${f.value}${f.unit ? ' ' + f.unit : ''}` : '',
              f.text ? h('div', { class: 'note' }, f.text) : null,
              f.note ? h('div', { class: 'note' }, f.note) : null),
            h('td', {}, f.valid ? [f.valid.from, f.valid.to].filter(Boolean).join(' to ') : (f.year || '')),
            h('td', {}, (f.sources || []).map((s) => h('a', { href: '#', class: 'chip', onclick: (e) => (e.preventDefault(), sourceDialog(s, ctx.srcById)) }, s))));
        }))));
  } catch (e) {
    d.append(errorBox(e));
  }
}
