// Small helpers shared by the pages: building DOM, formatting numbers.

// h builds an element: h('a', {href: '#', class: 'x', onclick: f}, 'text', child).
// Attributes that are null, undefined or false are left out; children that
// are null, undefined or false are skipped; arrays are flattened.
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v == null || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'class') el.className = v;
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else if (k === 'value') el.value = v;
    else if (k === 'checked') el.checked = !!v;
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children) {
    if (c == null || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else el.append(c instanceof Node ? c : String(c));
  }
}

// clear empties el and appends the children.
export function clear(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

// card is a summary figure: a label, a value and a line under it.
export function card(label, value, sub, cls, id) {
  return h('div', { class: 'card ' + (cls || ''), id },
    h('div', { class: 'label' }, label), h('div', { class: 'value' }, value), h('div', { class: 'sub' }, sub));
}

// num formats a number with d decimals; null and undefined are "—" (no data).
export function num(x, d = 2) {
  if (x == null || Number.isNaN(x)) return '—';
  return Number(x).toLocaleString('en-GB', { minimumFractionDigits: d, maximumFractionDigits: d });
}

// pct formats a share in [0, 1] as a percentage.
export function pct(x, d = 0) {
  return x == null ? '—' : num(x * 100, d) + '%';
}

// signed formats a difference with its sign.
export function signed(x, d = 2) {
  if (x == null) return '—';
  return (x > 0 ? '+' : x < 0 ? '−' : '±') + num(Math.abs(x), d);
}

// debounce returns f delayed until ms have passed without a call.
export function debounce(f, ms) {
  let t;
  return (...args) => {
    clearTimeout(t);
    t = setTimeout(() => f(...args), ms);
  };
}

// today returns the current date as YYYY-MM-DD (UTC, as the CLI's default).
export function today() {
  return new Date().toISOString().slice(0, 10);
}

// byteIndex returns a function mapping a byte offset into the UTF-8
// encoding of s to the index of the same place in the JavaScript string
// (UTF-16), as the API gives offsets in bytes.
export function byteIndex(s) {
  const enc = new TextEncoder();
  const total = enc.encode(s).length;
  const map = new Int32Array(total + 1);
  let b = 0;
  for (let i = 0; i < s.length; ) {
    const cp = s.codePointAt(i);
    const units = cp > 0xffff ? 2 : 1;
    const bytes = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    for (let k = 0; k < bytes; k++) map[b + k] = i;
    b += bytes;
    i += units;
  }
  map[total] = s.length;
  return (off) => map[Math.max(0, Math.min(total, off))];
}

// datalist returns a <datalist> of actors (id, name) for inputs to suggest.
export function datalist(id, items) {
  return h('datalist', { id }, items.map((a) => h('option', { value: a.id }, a.name_at_date || a.name)));
}
