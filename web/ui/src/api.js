// The API client: every page talks to /api/v1 through get and post, and
// shows failures with errorBox, which gives the API's own message.
import { h } from './util.js';

const BASE = '/api/v1';
const TOKEN_KEY = 'leverage-token';

// ApiError is a failed call: the API's error object
// {"error":{"status","code","message","param"}}, or a network failure.
export class ApiError extends Error {
  constructor(status, code, message, param) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.param = param;
  }
}

export function token() {
  return sessionStorage.getItem(TOKEN_KEY) || '';
}

export function setToken(t) {
  if (t) sessionStorage.setItem(TOKEN_KEY, t);
  else sessionStorage.removeItem(TOKEN_KEY);
}

// query builds "?k=v&..." from params, leaving out empty values; arrays
// are joined with commas.
export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) {
    if (v == null || v === '' || (Array.isArray(v) && !v.length)) continue;
    q.set(k, Array.isArray(v) ? v.join(',') : String(v));
  }
  const s = q.toString();
  return s ? '?' + s : '';
}

// get fetches BASE+path with the query params and returns the decoded JSON.
export function get(path, params, opts) {
  return call('GET', path + query(params), undefined, undefined, opts);
}

// post sends body (an object is sent as JSON, a string with contentType)
// and returns the decoded JSON. The token, when set, goes with every write.
export function post(path, body, contentType, opts) {
  if (typeof body !== 'string') {
    body = JSON.stringify(body);
    contentType = 'application/json';
  }
  return call('POST', path, body, contentType, opts);
}

async function call(method, path, body, contentType, opts = {}) {
  const headers = { Accept: 'application/json' };
  if (contentType) headers['Content-Type'] = contentType;
  if (method !== 'GET' && token()) headers.Authorization = 'Bearer ' + token();
  let res;
  try {
    res = await fetch(BASE + path, { method, headers, body, signal: opts.signal });
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    throw new ApiError(0, 'network', `cannot reach the server: ${e.message}`);
  }
  const text = await res.text();
  let data;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    throw new ApiError(res.status, 'bad_response', `${method} ${path}: the server answered ${res.status} with something that is not JSON`);
  }
  if (!res.ok) {
    const e = (data && data.error) || {};
    throw new ApiError(e.status || res.status, e.code || 'error', e.message || `${method} ${path}: ${res.status} ${res.statusText}`, e.param);
  }
  return data;
}

// errorBox renders an error for the page: the API's message, its code and
// the parameter at fault.
export function errorBox(err) {
  if (err instanceof ApiError) {
    return h('div', { class: 'error', role: 'alert' },
      h('strong', {}, err.status ? `Error ${err.status}` : 'Error'),
      err.code ? h('code', {}, err.code) : null,
      err.param ? h('span', { class: 'param' }, `parameter “${err.param}”`) : null,
      h('p', {}, err.message));
  }
  return h('div', { class: 'error', role: 'alert' }, h('strong', {}, 'Error'), h('p', {}, String(err && err.message ? err.message : err)));
}

// latest wraps an async loader so that only the answer of the last call is
// used: earlier calls still running are aborted.
export function latest(load) {
  let ctl;
  return async (...args) => {
    if (ctl) ctl.abort();
    const mine = (ctl = new AbortController());
    try {
      return await load(mine.signal, ...args);
    } catch (e) {
      if (e.name === 'AbortError' || mine.signal.aborted) return undefined;
      throw e;
    }
  };
}

const cache = new Map();

// cached is get for answers that do not change while the page is open
// (the list of states, the scenario list, the geometry); a failure is not
// kept.
export function cached(path, params) {
  const key = path + query(params);
  if (!cache.has(key)) {
    const p = get(path, params);
    cache.set(key, p);
    p.catch(() => cache.delete(key));
  }
  return cache.get(key);
}
