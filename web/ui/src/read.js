// Read: paste an article (text or HTML) and see its main text with the
// actors found, the sentences that give candidate facts, and the flags
// (names close to a known one, names out of their period, statements at
// odds with stored facts, figures with no source).
import { post, query, errorBox, latest, token } from './api.js';
import { h, clear, num, byteIndex } from './util.js';

export const title = 'Read';

let kept = ''; // the text pasted, kept while the tab is open

export function mount(root, params, nav) {
  const text = h('textarea', { id: 'read-input', rows: 12, spellcheck: 'false', placeholder: 'Paste an article here (plain text or HTML), or choose a file.' }, kept);
  const file = h('input', { type: 'file', id: 'read-file', accept: '.txt,.html,.htm,.md,text/plain,text/html' });
  const kind = h('select', { id: 'read-kind', 'aria-label': 'Format' },
    h('option', { value: '' }, 'detect'), h('option', { value: 'text/plain' }, 'text'), h('option', { value: 'text/html' }, 'HTML'));
  const name = h('input', { id: 'read-name', size: 14, placeholder: 'article', title: 'Name of the article: its source id is read-NAME' });
  const readBtn = h('button', { type: 'submit', class: 'primary', id: 'read-run' }, 'Read');
  const storeBtn = h('button', { type: 'button', id: 'read-store', title: 'Store every candidate as a fact, with the article as its source (needs the token)' }, 'Store all candidates');
  const status = h('span', { class: 'status', id: 'read-status' });
  const out = h('div', { id: 'read-out' });

  root.append(
    h('h1', {}, 'Read'),
    h('p', { class: 'lead' }, 'Turn an article into candidate facts, each pinned to its sentence, and flags for what looks wrong in it.'),
    h('form', { class: 'read-form', onsubmit: (e) => (e.preventDefault(), read(false)) },
      text,
      h('div', { class: 'controls' }, file, h('label', {}, 'Format ', kind), h('label', {}, 'Name ', name), readBtn, storeBtn, status)),
    out);

  text.addEventListener('input', () => (kept = text.value));
  file.addEventListener('change', async () => {
    const f = file.files[0];
    if (!f) return;
    text.value = kept = await f.text();
    if (/\.html?$/i.test(f.name)) kind.value = 'text/html';
  });
  storeBtn.addEventListener('click', () => read(true));

  const fetchRead = latest((signal, body, type, accept) =>
    post('/read' + query({ name: name.value.trim(), accept: accept ? 'all' : '' }), body, type, { signal }));

  async function read(accept) {
    const body = text.value;
    if (!body.trim()) {
      status.textContent = 'Paste an article first.';
      return;
    }
    const type = kind.value || (/^\s*</.test(body) ? 'text/html' : 'text/plain');
    status.textContent = accept && !token() ? 'Storing needs the token (top right).' : 'Reading…';
    out.classList.add('busy');
    try {
      const r = await fetchRead(body, type + '; charset=utf-8', accept);
      if (!r) return;
      status.textContent = accept ? `Stored ${(r.candidates || []).length} candidates.` : '';
      render(r);
    } catch (e) {
      status.textContent = '';
      clear(out, errorBox(e));
    } finally {
      out.classList.remove('busy');
    }
  }

  function render(r) {
    const at = byteIndex(r.text || '');
    const spans = [];
    for (const a of r.actors || []) for (const s of a.spans || []) spans.push({ t: 'a', from: at(s.start), to: at(s.end), a });
    for (const c of r.candidates || []) if (c.sentence) spans.push({ t: 'c', from: at(c.sentence.start), to: at(c.sentence.end), c });
    (r.flags || []).forEach((f, i) => f.span && spans.push({ t: 'f', from: at(f.span.start), to: at(f.span.end), f, i }));

    const body = h('div', { class: 'article', id: 'read-text' }, marked(r.text || '', spans));
    const inspector = h('div', { class: 'inspector', id: 'read-inspector' }, h('p', { class: 'muted' }, 'Click a highlighted passage to see what was found there.'));
    body.addEventListener('click', (e) => {
      const seg = e.target.closest('.seg');
      if (seg) inspect(seg, r, inspector);
    });

    const byChannel = new Map();
    for (const c of r.candidates || []) {
      if (!byChannel.has(c.channel)) byChannel.set(c.channel, []);
      byChannel.get(c.channel).push(c);
    }
    const show = { actors: true, cands: true, flags: true };
    const toggles = h('div', { class: 'layers' }, [['actors', 'actors'], ['cands', 'candidate facts'], ['flags', 'flags']].map(([k, label]) =>
      h('label', { class: 'layer-' + k }, h('input', { type: 'checkbox', checked: true, onchange: (e) => {
        show[k] = e.target.checked;
        body.classList.toggle('hide-' + k, !show[k]);
      } }), ' ', label)));

    clear(out,
      h('div', { class: 'cards', id: 'read-summary' },
        h('div', { class: 'card' }, h('div', { class: 'label' }, 'Title'), h('div', { class: 'value small' }, r.title || '—'), h('div', { class: 'sub' }, [r.format, r.after ? `after ${r.after}` : null].filter(Boolean).join(' · '))),
        h('div', { class: 'card', id: 'read-actors-count' }, h('div', { class: 'label' }, 'Actors'), h('div', { class: 'value' }, (r.actors || []).length)),
        h('div', { class: 'card', id: 'read-cands-count' }, h('div', { class: 'label' }, 'Candidate facts'), h('div', { class: 'value' }, (r.candidates || []).length)),
        h('div', { class: 'card fwd', id: 'read-flags-count' }, h('div', { class: 'label' }, 'Flags'), h('div', { class: 'value' }, (r.flags || []).length))),
      h('div', { class: 'read-layout' },
        h('section', {}, toggles, body),
        h('aside', { class: 'read-side' },
          inspector,
          h('h3', {}, `Flags (${(r.flags || []).length})`),
          h('ul', { class: 'flags', id: 'read-flags' }, (r.flags || []).map((f, i) => h('li', { class: f.certain ? 'certain' : '' },
            h('a', { href: '#', onclick: (e) => (e.preventDefault(), jump(body, 'flag-' + i)) }, h('span', { class: 'tag ' + f.kind }, f.kind.replace('_', ' ')), ' “', f.text, '”'),
            h('div', { class: 'note' }, f.reason),
            f.suggest ? h('div', {}, 'Suggest: ', h('strong', {}, f.suggest)) : null))),
          h('h3', {}, `Actors (${(r.actors || []).length})`),
          h('ul', { class: 'actors', id: 'read-actors' }, (r.actors || []).map((a) => h('li', {},
            h('a', { href: '#', class: 'k-' + a.kind, onclick: (e) => (e.preventDefault(), focusActor(body, a.actor)) }, a.name),
            ` ${a.kind} · ${a.count}×`,
            a.forms && a.forms.length > 1 ? h('div', { class: 'note' }, a.forms.join(', ')) : null))),
          h('h3', {}, `Candidate facts (${(r.candidates || []).length})`),
          [...byChannel].map(([ch, list]) => h('div', {},
            h('h4', {}, ch),
            h('ul', { class: 'cands' }, list.map((c) => h('li', {},
              h('a', { href: '#', onclick: (e) => (e.preventDefault(), jump(body, 'cand-' + c.id)) }, h('code', {}, c.id)), ' ',
              factLine(c.fact), h('span', { class: 'muted' }, ` · ${num(c.confidence, 1)}`)))))),
          (r.removed || []).length ? h('details', {}, h('summary', {}, `Removed (${r.removed.length} blocks of page furniture)`), h('ul', {}, r.removed.map((x) => h('li', { class: 'note' }, x)))) : null)));
  }

  return () => {};
}

// marked returns the text as nodes, each stretch covered by some spans in a
// <span class="seg ..."> that says which: actor (and its kind), candidate
// sentence (and its channel), flag.
function marked(text, spans) {
  const cuts = new Set([0, text.length]);
  for (const s of spans) {
    cuts.add(s.from);
    cuts.add(s.to);
  }
  const points = [...cuts].filter((x) => x >= 0 && x <= text.length).sort((a, b) => a - b);
  const first = new Set(); // ids already marked once (anchors go on the first segment)
  const nodes = [];
  for (let k = 0; k + 1 < points.length; k++) {
    const from = points[k], to = points[k + 1];
    if (from === to) continue;
    const piece = text.slice(from, to);
    const on = spans.filter((s) => s.from <= from && s.to >= to);
    if (!on.length) {
      nodes.push(piece);
      continue;
    }
    const cls = ['seg'];
    const data = { actors: [], cands: [], flags: [] };
    let id = null;
    for (const s of on) {
      if (s.t === 'a') {
        cls.push('actor', 'k-' + s.a.kind);
        data.actors.push(s.a.actor);
      } else if (s.t === 'c') {
        cls.push('cand', 'ch-' + s.c.channel);
        data.cands.push(s.c.id);
      } else {
        cls.push('flag', 'fk-' + s.f.kind);
        data.flags.push(String(s.i));
      }
    }
    // The first segment of a flag or candidate is its anchor; a flag's
    // comes first when both start here.
    const anchors = [
      ...on.filter((s) => s.t === 'f').map((s) => 'flag-' + s.i),
      ...on.filter((s) => s.t === 'c').map((s) => 'cand-' + s.c.id),
    ].filter((a) => !first.has(a));
    if (anchors.length) {
      id = anchors[0];
      first.add(id);
    }
    nodes.push(h('span', {
      class: [...new Set(cls)].join(' '), id,
      dataset: { actors: data.actors.join(' '), cands: data.cands.join(' '), flags: data.flags.join(' ') },
      title: on.filter((s) => s.t === 'f').map((s) => s.f.reason).join('\n') || null,
    }, piece));
  }
  return nodes;
}

function factLine(f) {
  if (!f) return '';
  return [f.subject, f.relation, f.object].filter(Boolean).join(' ') +
    (f.value != null ? ` = ${f.value}${f.unit ? ' ' + f.unit : ''}` : f.text ? ` “${f.text}”` : '') +
    (f.valid && f.valid.from ? ` (from ${f.valid.from})` : '');
}

function inspect(seg, r, box) {
  const ids = (k) => (seg.dataset[k] || '').split(' ').filter(Boolean);
  const actors = ids('actors').map((id) => (r.actors || []).find((a) => a.actor === id)).filter(Boolean);
  const cands = ids('cands').map((id) => (r.candidates || []).find((c) => c.id === id)).filter(Boolean);
  const flags = ids('flags').map((i) => (r.flags || [])[Number(i)]).filter(Boolean);
  clear(box,
    flags.map((f) => h('div', { class: 'flag-box' }, h('span', { class: 'tag ' + f.kind }, f.kind.replace('_', ' ')), ' ', f.reason, f.suggest ? h('div', {}, 'Suggest: ', h('strong', {}, f.suggest)) : null)),
    actors.map((a) => h('div', {}, h('strong', { class: 'k-' + a.kind }, a.name), ` (${a.kind}, ${a.actor}) · ${a.count}×`)),
    cands.map((c) => h('div', { class: 'cand-box' },
      h('div', {}, h('code', {}, c.id), ` ${c.channel} · confidence ${num(c.confidence, 1)}`),
      h('div', {}, factLine(c.fact)),
      c.why && c.why.length ? h('div', { class: 'note' }, 'why: ', c.why.join(', ')) : null)));
}

function jump(body, id) {
  const el = body.querySelector('#' + CSS.escape(id));
  if (!el) return;
  el.scrollIntoView({ block: 'center', behavior: 'smooth' });
  el.classList.remove('flash');
  void el.offsetWidth; // restart the animation
  el.classList.add('flash');
  el.click();
}

function focusActor(body, id) {
  const on = body.dataset.focus === id;
  body.dataset.focus = on ? '' : id;
  for (const el of body.querySelectorAll('.seg.actor')) el.classList.toggle('focus', !on && el.dataset.actors.split(' ').includes(id));
  if (!on) {
    const el = [...body.querySelectorAll('.seg.actor')].find((e) => e.dataset.actors.split(' ').includes(id));
    if (el) el.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }
}
