'use strict';
/*
 * What every portal page shares: texts (from data-i18n), the JSON API with the CSRF token, DOM
 * building that only ever sets text (so data from the API is never parsed as HTML), toasts, live
 * streams (server-sent events) and formatting. Page scripts use window.Hotline.
 */
window.Hotline = (() => {
  const csrfMeta = document.querySelector('meta[name="csrf-token"]');
  const csrf = csrfMeta ? csrfMeta.content : '';
  const texts = JSON.parse(document.body.dataset.i18n || '{}');
  const lang = document.body.dataset.lang || 'zh-CN';

  /** The text of key, with {name} placeholders filled from vars. */
  function t(key, vars) {
    let s = Object.prototype.hasOwnProperty.call(texts, key) ? texts[key] : key;
    if (vars) {
      for (const k of Object.keys(vars)) s = s.split('{' + k + '}').join(String(vars[k]));
    }
    return s;
  }

  /** Calls the JSON API; resolves to the parsed body, rejects with an Error carrying status/body. */
  async function api(method, path, body) {
    const opts = { method, credentials: 'same-origin', headers: { Accept: 'application/json' } };
    if (method !== 'GET') opts.headers['X-CSRF-Token'] = csrf;
    if (body instanceof FormData) {
      opts.body = body;
    } else if (body !== undefined) {
      opts.headers['Content-Type'] = 'application/json';
      opts.body = JSON.stringify(body);
    }
    const res = await fetch(path, opts);
    if (res.status === 401) {
      location.href = '/login?next=' + encodeURIComponent(location.pathname);
      throw new Error('unauthorized');
    }
    const type = res.headers.get('Content-Type') || '';
    const data = type.includes('json') ? await res.json() : await res.text();
    if (!res.ok) {
      const err = new Error((data && data.message) || res.statusText || String(res.status));
      err.status = res.status;
      err.body = data;
      throw err;
    }
    return data;
  }

  /** el('tr', {class: 'x', dataset: {id: 1}, onclick: fn}, 'text', childNode, ...) */
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === undefined || v === null || v === false) continue;
      if (k === 'dataset') Object.assign(node.dataset, v);
      else if (k.startsWith('on') && typeof v === 'function') node.addEventListener(k.slice(2), v);
      else if (k === 'class') node.className = v;
      else if (k === 'text') node.textContent = v;
      else node.setAttribute(k, v === true ? '' : v);
    }
    for (const c of children.flat()) {
      if (c === undefined || c === null || c === false) continue;
      node.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return node;
  }

  /** Replaces the children of a node (or the element with that id). */
  function fill(target, ...children) {
    const node = typeof target === 'string' ? document.getElementById(target) : target;
    node.replaceChildren(...children.flat().filter((c) => c !== undefined && c !== null));
    return node;
  }

  /**
   * A search snippet with its <em> marks as <mark> elements; everything else stays text, so an
   * article body can never inject markup.
   */
  function highlighted(snippet) {
    const span = el('span', { class: 'snippet' });
    String(snippet || '').split(/(<em>|<\/em>)/).reduce((inMark, part) => {
      if (part === '<em>') return true;
      if (part === '</em>') return false;
      if (part) span.append(inMark ? el('mark', {}, part) : document.createTextNode(part));
      return inMark;
    }, false);
    return span;
  }

  let toastTimer;
  function toast(message, kind) {
    const box = document.getElementById('toast');
    if (!box) return;
    box.textContent = message;
    box.className = 'show ' + (kind || 'ok');
    clearTimeout(toastTimer);
    toastTimer = setTimeout(() => { box.className = ''; }, kind === 'error' ? 6000 : 3000);
  }

  /** Shows an API failure as a toast with the server's message. */
  function failed(err) {
    toast(t('common.error', { message: err.message }), 'error');
  }

  /** Subscribes to a server-sent event stream; the browser reconnects by itself. */
  function live(path, handlers, onState) {
    const source = new EventSource(path);
    for (const [event, fn] of Object.entries(handlers)) {
      source.addEventListener(event, (e) => fn(JSON.parse(e.data)));
    }
    if (onState) {
      source.onopen = () => onState(true);
      source.onerror = () => onState(false);
    }
    return source;
  }

  function fmtTime(iso) {
    if (!iso) return '';
    const d = new Date(iso);
    // Deadlines are reasoned in Beijing time; show them so whatever the browser's zone.
    return isNaN(d) ? String(iso) : d.toLocaleString(lang, { hour12: false, timeZone: 'Asia/Shanghai' });
  }

  function fmtDuration(seconds) {
    const s = Math.max(0, Math.round(Number(seconds) || 0));
    const m = Math.floor(s / 60);
    return m > 0 ? m + ':' + String(s % 60).padStart(2, '0') : s + 's';
  }

  function fmtPercent(ratio) {
    return ratio === null || ratio === undefined ? '–' : (Number(ratio) * 100).toFixed(1) + '%';
  }

  /** Binds a submit handler that reads the form as an object and disables it while busy. */
  function onSubmit(form, fn) {
    const f = typeof form === 'string' ? document.getElementById(form) : form;
    f.addEventListener('submit', async (e) => {
      e.preventDefault();
      const data = Object.fromEntries(new FormData(f).entries());
      delete data._csrf;
      const buttons = f.querySelectorAll('button');
      buttons.forEach((b) => { b.disabled = true; });
      try {
        await fn(data, f);
      } catch (err) {
        failed(err);
      } finally {
        buttons.forEach((b) => { b.disabled = false; });
      }
    });
  }

  const user = {
    name: document.body.dataset.user || '',
    unit: document.body.dataset.unit || '',
    roles: (document.body.dataset.roles || '').split(',').filter(Boolean),
  };

  return { t, api, el, fill, highlighted, toast, failed, live, fmtTime, fmtDuration, fmtPercent, onSubmit, user, lang };
})();
