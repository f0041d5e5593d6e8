// The dashboard's entry point: a router on location.hash ("#/PAGE?k=v"),
// one module per page, and the token field of the header.
import './style.css';
import * as dyad from './dyad.js';
import * as influence from './influence.js';
import * as transit from './transit.js';
import * as scenarios from './scenarios.js';
import * as read from './read.js';
import { token, setToken } from './api.js';
import { clear, h } from './util.js';

const pages = { dyad, influence, transit, scenarios, read };
let current = null; // { name, cleanup }

// parse reads "#/page?k=v" into the page name and its parameters.
function parse(hash) {
  const s = hash.replace(/^#\/?/, '');
  const i = s.indexOf('?');
  const name = (i < 0 ? s : s.slice(0, i)) || 'dyad';
  const params = Object.fromEntries(new URLSearchParams(i < 0 ? '' : s.slice(i + 1)));
  return { name, params };
}

function href(name, params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) if (v != null && v !== '') q.set(k, v);
  const s = q.toString();
  return `#/${name}${s ? '?' + s : ''}`;
}

// nav is what pages get to change the address: set records the page's
// state without reloading it (for links and the back button to keep it),
// go opens another page.
function navFor(name) {
  return {
    set(params) {
      history.replaceState(null, '', href(name, params));
    },
    go(page, params) {
      location.hash = href(page, params);
    },
  };
}

function route() {
  const { name, params } = parse(location.hash);
  const page = pages[name];
  if (current && current.cleanup) current.cleanup();
  current = null;
  for (const a of document.querySelectorAll('#nav a')) a.classList.toggle('active', a.dataset.page === name);
  const root = document.getElementById('page');
  if (!page) {
    clear(root, h('div', { class: 'error' }, h('p', {}, `No page “${name}”. `, h('a', { href: '#/dyad' }, 'Go to the dyad page.'))));
    return;
  }
  document.title = `${page.title} · leverage`;
  root.dataset.page = name;
  clear(root);
  current = { name, cleanup: page.mount(root, params, navFor(name)) };
}

function start() {
  const t = document.getElementById('token');
  t.value = token();
  t.addEventListener('input', () => setToken(t.value.trim()));
  window.addEventListener('hashchange', route);
  route();
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
