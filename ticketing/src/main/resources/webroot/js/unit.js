'use strict';
/*
 * 承办单位工作台. Tabs from GET /api/unit/inbox (with the count of every tab); 签收 in one click from
 * the row; 回复 opens the form under the row (text, files) and 提交 sends it: files first to
 * POST /api/tickets/{id}/attachments, then the reply citing them. Other actions (下派, 延期, 退单,
 * 异议) and the order's detail, attachments and history are in the same panel.
 */
(() => {
  const { t, api, el, fill, toast, failed, fmtTime, user } = window.Hotline;
  const PAGE_SIZE = 50;
  const ACCEPT = ['jpg', 'jpeg', 'png', 'pdf', 'docx', 'xlsx', 'txt'];
  const state = { tab: 'sign', page: 0, total: 0, items: new Map(), units: new Map(), open: null, categories: new Map(), children: [], limits: { maxFileBytes: 10485760, maxFiles: 5 } };
  const body = document.getElementById('unit-orders-body');
  const panel = document.getElementById('unit-panel');
  const panelHome = document.getElementById('panel-home');

  const unitName = (code) => (state.units.get(code) || {}).name || code || '';

  /** Units below ours: where we may sub-dispatch (GET /api/units gives the whole tree). */
  function descendants(code) {
    const out = [];
    const walk = (parent, depth) => {
      for (const u of state.units.values()) {
        if (u.parent === parent) {
          out.push({ code: u.code, name: u.name, depth });
          walk(u.code, depth + 1);
        }
      }
    };
    walk(code, 0);
    return out;
  }

  async function loadUnits() {
    const [units, categories] = await Promise.all([api('GET', '/api/units'), api('GET', '/api/categories')]);
    units.forEach((u) => state.units.set(u.code, u));
    state.children = descendants(user.unit);
    const walk = (nodes) => nodes.forEach((c) => { state.categories.set(c.code, c.name); walk(c.children || []); });
    walk(categories);
    fill('unit-name', unitName(user.unit));
  }

  const categoryName = (code) => (code ? state.categories.get(code) || code : '');

  async function load() {
    const data = await api('GET', '/api/unit/inbox?tab=' + state.tab + '&page=' + state.page + '&size=' + PAGE_SIZE);
    for (const [tab, n] of Object.entries(data.counts)) {
      const badge = document.getElementById('count-' + tab);
      if (badge) {
        badge.textContent = String(n);
        badge.className = 'badge count' + (n > 0 && (tab === 'overdue') ? ' bad' : n > 0 && tab === 'soon' ? ' warn' : '');
      }
    }
    state.total = data.total;
    state.limits = data.limits || state.limits;
    fill('reply-files-hint', t('unit.reply.filesHint', { files: state.limits.maxFiles, mb: Math.round(state.limits.maxFileBytes / 1048576) }));
    state.items = new Map(data.items.map((o) => [o.id, o]));
    closePanel();
    fill(body, data.items.map(row));
    document.getElementById('unit-empty').classList.toggle('hidden', data.items.length > 0);
    fill('unit-tab-hint', t('unit.tabHint.' + state.tab));
    const pages = Math.max(1, Math.ceil(state.total / PAGE_SIZE));
    fill('page-info', t('unit.page.info', { page: state.page + 1, pages, total: state.total }));
    document.getElementById('page-prev').disabled = state.page === 0;
    document.getElementById('page-next').disabled = state.page + 1 >= pages;
    fill('unit-updated', t('unit.updated', { time: fmtTime(new Date().toISOString()) }));
  }

  function reload() {
    return load().catch(failed);
  }

  /** The deadline that matters now: signing while dispatched, completion after. */
  function deadlineOf(o) {
    return o.state === 'DISPATCHED' ? o.signDeadline : o.dueDeadline;
  }

  function lightOf(o) {
    if (o.overdue) return el('span', { class: 'light red', title: t('unit.light.overdue') });
    if (o.dueSoon) return el('span', { class: 'light yellow', title: t('unit.light.soon') });
    return el('span', { class: 'light', title: t('unit.light.ok') });
  }

  function citizenOf(o) {
    if (o.confidential) return el('span', { class: 'badge' }, t('unit.citizen.confidential'));
    return el('span', { class: 'citizen', id: 'citizen-' + o.id },
      [o.citizenName, o.citizenPhone].filter(Boolean).join(' ') || '–');
  }

  /** What the unit may do now: only the unit holding an order acts on it. */
  function can(o, action) {
    if (!o.mine) return false;
    const blocked = o.pending && o.pending.type !== 'extension';
    switch (action) {
      case 'sign': return o.state === 'DISPATCHED' && !blocked;
      case 'reply': return o.state === 'ACCEPTED' && !blocked;
      case 'subdispatch': return o.state === 'ACCEPTED' && !blocked && state.children.length > 0;
      case 'extension': case 'return': case 'dispute':
        return (o.state === 'DISPATCHED' || o.state === 'ACCEPTED') && !o.pending;
      default: return false;
    }
  }

  function row(o) {
    const badges = [];
    if (o.urgency === 'urgent') badges.push(el('span', { class: 'badge bad' }, t('unit.badge.urgent')));
    if (o.supervised) badges.push(el('span', { class: 'badge bad', title: o.supervisionNote || '' }, t('unit.badge.supervised')));
    if (o.rehandleCount > 0) badges.push(el('span', { class: 'badge warn' }, t('unit.badge.rehandle', { n: o.rehandleCount })));
    if (!o.mine) badges.push(el('span', { class: 'badge' }, t('unit.badge.heldBy', { unit: unitName(o.holdingUnit) })));
    const description = o.description.length > 80 ? o.description.slice(0, 80) + '…' : o.description;
    const pending = o.pending
      ? el('div', {}, el('span', { class: 'badge warn', id: 'pending-' + o.id }, t('unit.pending.' + o.pending.type)))
      : null;
    const actions = [];
    if (can(o, 'sign')) {
      actions.push(el('button', { type: 'button', class: 'small primary', id: 'sign-' + o.id, onclick: () => sign(o) }, t('unit.act.sign')));
    }
    if (can(o, 'reply')) {
      actions.push(el('button', { type: 'button', class: 'small primary', id: 'reply-' + o.id, onclick: () => openPanel(o, 'reply') }, t('unit.act.reply')));
    }
    actions.push(el('button', { type: 'button', class: 'small', id: 'handle-' + o.id, onclick: () => openPanel(o, null) }, t('unit.act.handle')));
    return el('tr', { id: 'order-' + o.id, dataset: { id: o.id, number: o.number, state: o.state } },
      el('td', {}, el('a', { href: '/orders/' + o.id, id: 'number-' + o.id }, o.number)),
      el('td', { class: 'desc' }, el('div', {}, badges, ' ', t('unit.type.' + o.requestType), o.categoryCode ? ' · ' + categoryName(o.categoryCode) : ''), el('div', { class: 'muted' }, description)),
      el('td', {}, o.location || ''),
      el('td', {}, citizenOf(o)),
      el('td', { class: 'nowrap' }, lightOf(o), fmtTime(deadlineOf(o))),
      el('td', {}, t('unit.state.' + o.state), pending),
      el('td', { class: 'actions' }, actions));
  }

  async function act(o, action, input) {
    return api('POST', '/api/tickets/' + o.id + '/' + action, Object.assign({ version: o.version }, input));
  }

  async function sign(o) {
    const button = document.getElementById('sign-' + o.id);
    if (button) button.disabled = true;
    try {
      await act(o, 'sign', {});
      toast(t('unit.done.sign', { number: o.number }));
      await load();
    } catch (err) {
      if (button) button.disabled = false;
      failed(err);
      if (err.status === 409) reload();
    }
  }

  // ---- the panel under a row ----

  function closePanel() {
    state.open = null;
    panelHome.append(panel);
  }

  function showForm(name) {
    for (const form of panel.querySelectorAll('.action-form')) {
      form.classList.toggle('hidden', form.id !== name + '-form');
    }
    for (const b of panel.querySelectorAll('#panel-actions [data-form]')) {
      b.classList.toggle('active', b.dataset.form === name);
    }
    const first = name && panel.querySelector('#' + name + '-form textarea, #' + name + '-form select');
    if (first) first.focus();
  }

  function openPanel(o, form) {
    if (state.open === o.id && !form) {
      closePanel();
      return;
    }
    state.open = o.id;
    const tr = document.getElementById('order-' + o.id);
    tr.after(panel);
    fill('panel-number', t('unit.panel.title', { number: o.number }));
    for (const b of panel.querySelectorAll('#panel-actions [data-form]')) {
      b.classList.toggle('hidden', !can(o, b.dataset.form));
    }
    fill('panel-note', o.pending
      ? t('unit.panel.pending', { type: t('unit.pending.' + o.pending.type), reason: o.pending.reason || '' })
      : o.mine ? '' : t('unit.panel.notMine', { unit: unitName(o.holdingUnit) }));
    for (const f of panel.querySelectorAll('.action-form')) f.reset();
    prepareSubdispatch();
    prepareExtension(o);
    showForm(form && can(o, form) ? form : null);
    fill('panel-description', o.description);
    fill('panel-detail', detail(o));
    loadSide(o);
  }

  function detail(o) {
    const kv = [
      ['unit.detail.type', t('unit.type.' + o.requestType)],
      ['unit.detail.category', o.categoryCode ? categoryName(o.categoryCode) + ' (' + o.categoryCode + ')' : '–'],
      ['unit.detail.channel', o.channel],
      ['unit.detail.citizen', o.confidential ? t('unit.citizen.confidential') : [o.citizenName, o.citizenPhone].filter(Boolean).join(' ') || '–'],
      ['unit.detail.lead', unitName(o.leadUnit)],
      ['unit.detail.holding', unitName(o.holdingUnit)],
      ['unit.detail.dispatched', fmtTime(o.dispatchedAt)],
      ['unit.detail.signDeadline', fmtTime(o.signDeadline)],
      ['unit.detail.dueDeadline', fmtTime(o.dueDeadline)],
    ];
    if (o.replyText) kv.push(['unit.detail.reply', o.replyText]);
    return kv.flatMap(([k, v]) => [el('dt', {}, t(k)), el('dd', {}, v || '–')]);
  }

  async function loadSide(o) {
    fill('panel-attachments', el('li', { class: 'muted' }, t('common.loading')));
    fill('panel-history', []);
    try {
      const [files, events] = await Promise.all([
        api('GET', '/api/tickets/' + o.id + '/attachments'),
        api('GET', '/api/tickets/' + o.id + '/events'),
      ]);
      if (state.open !== o.id) return;
      fill('panel-attachments', files.length === 0
        ? [el('li', { class: 'muted' }, t('unit.detail.noAttachments'))]
        : files.map((a) => el('li', {},
          el('a', { href: a.url, id: 'attachment-' + a.id, download: a.name }, a.name),
          ' ', el('span', { class: 'muted' }, fmtSize(a.size) + ' · ' + a.uploadedBy + ' · ' + fmtTime(a.uploadedAt)))));
      fill('panel-history', events.slice().reverse().map((e) => el('li', {},
        el('div', {}, el('strong', {}, eventName(e.action)), ' ', el('span', { class: 'muted' }, e.actor + ' · ' + fmtTime(e.at))),
        e.note ? el('div', { class: 'pre' }, e.note) : null)));
    } catch (err) {
      failed(err);
    }
  }

  function eventName(action) {
    const key = 'unit.event.' + action;
    const text = t(key);
    return text === key ? action : text;
  }

  function fmtSize(bytes) {
    return bytes >= 1048576 ? (bytes / 1048576).toFixed(1) + ' MB' : Math.max(1, Math.round(bytes / 1024)) + ' KB';
  }

  function prepareSubdispatch() {
    const select = document.getElementById('subdispatch-unit');
    fill(select, state.children.map((u) =>
      el('option', { value: u.code }, '\u3000'.repeat(u.depth) + u.name)));
  }

  function prepareExtension(o) {
    const current = o.dueDeadline ? fmtTime(o.dueDeadline) : '–';
    fill('extension-current', t('unit.extension.current', { deadline: current }));
    const until = document.getElementById('extension-until');
    until.min = isoDate(o.dueDeadline ? new Date(o.dueDeadline) : new Date(), 1);
  }

  /** yyyy-mm-dd of a day plus some days, in the browser's (the hotline's) zone. */
  function isoDate(d, plusDays) {
    const x = new Date(d.getTime() + plusDays * 86400000);
    return x.getFullYear() + '-' + String(x.getMonth() + 1).padStart(2, '0') + '-' + String(x.getDate()).padStart(2, '0');
  }

  document.getElementById('extension-days').addEventListener('input', (e) => {
    const o = state.items.get(state.open);
    const days = parseInt(e.target.value, 10);
    if (o && days > 0) {
      document.getElementById('extension-until').value = isoDate(o.dueDeadline ? new Date(o.dueDeadline) : new Date(), days);
    }
  });

  for (const b of panel.querySelectorAll('#panel-actions [data-form]')) {
    b.addEventListener('click', () => showForm(b.dataset.form));
  }
  document.getElementById('panel-close').addEventListener('click', closePanel);

  /** Binds a panel form: checks it, runs the action, reloads the tab. */
  function bindForm(name, run) {
    const form = document.getElementById(name + '-form');
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      const o = state.items.get(state.open);
      if (!o) return;
      const buttons = form.querySelectorAll('button');
      buttons.forEach((b) => { b.disabled = true; });
      try {
        const message = await run(o, form);
        if (message) {
          toast(message);
          await load();
        }
      } catch (err) {
        failed(err);
        if (err.status === 409) reload();
      } finally {
        buttons.forEach((b) => { b.disabled = false; });
      }
    });
  }

  function required(id, key) {
    const field = document.getElementById(id);
    const value = field.value.trim();
    if (!value) {
      toast(t(key), 'error');
      field.focus();
      return null;
    }
    return value;
  }

  bindForm('reply', async (o) => {
    const text = required('reply-text', 'unit.reply.missing');
    if (!text) return null;
    const files = Array.from(document.getElementById('reply-files').files);
    if (files.length > state.limits.maxFiles) {
      toast(t('unit.reply.tooMany', { files: state.limits.maxFiles }), 'error');
      return null;
    }
    for (const f of files) {
      const ext = (f.name.split('.').pop() || '').toLowerCase();
      if (!ACCEPT.includes(ext)) {
        toast(t('unit.reply.badType', { name: f.name }), 'error');
        return null;
      }
      if (f.size > state.limits.maxFileBytes) {
        toast(t('unit.reply.tooBig', { name: f.name, mb: Math.round(state.limits.maxFileBytes / 1048576) }), 'error');
        return null;
      }
    }
    let ids = [];
    if (files.length > 0) {
      const data = new FormData();
      files.forEach((f) => data.append('file', f, f.name));
      const added = await api('POST', '/api/tickets/' + o.id + '/attachments', data);
      ids = added.map((a) => a.id);
    }
    await act(o, 'reply', { text, attachments: ids });
    return t('unit.done.reply', { number: o.number, files: ids.length });
  });

  bindForm('subdispatch', async (o) => {
    const unit = document.getElementById('subdispatch-unit').value;
    if (!unit) {
      toast(t('unit.subdispatch.none'), 'error');
      return null;
    }
    await act(o, 'subdispatch', { unit });
    return t('unit.done.subdispatch', { number: o.number, unit: unitName(unit) });
  });

  bindForm('extension', async (o) => {
    const until = required('extension-until', 'unit.extension.missingUntil');
    if (!until) return null;
    const reason = required('extension-reason', 'unit.reason.missing');
    if (!reason) return null;
    await act(o, 'extension-request', { until, reason });
    return t('unit.done.extension', { number: o.number });
  });

  bindForm('return', async (o) => {
    const reason = required('return-reason', 'unit.reason.missing');
    if (!reason) return null;
    await act(o, 'return-request', { reason });
    return t('unit.done.return', { number: o.number });
  });

  bindForm('dispute', async (o) => {
    const reason = required('dispute-reason', 'unit.reason.missing');
    if (!reason) return null;
    await act(o, 'dispute', { reason });
    return t('unit.done.dispute', { number: o.number });
  });

  // ---- tabs, paging, refresh ----

  for (const b of document.querySelectorAll('#unit-tabs [data-tab]')) {
    b.addEventListener('click', () => {
      state.tab = b.dataset.tab;
      state.page = 0;
      for (const other of document.querySelectorAll('#unit-tabs [data-tab]')) {
        other.classList.toggle('active', other === b);
        other.setAttribute('aria-selected', String(other === b));
      }
      reload();
    });
  }
  document.getElementById('page-prev').addEventListener('click', () => { state.page -= 1; reload(); });
  document.getElementById('page-next').addEventListener('click', () => { state.page += 1; reload(); });
  document.getElementById('unit-refresh').addEventListener('click', reload);
  // Counts stay current without disturbing a form being filled in.
  setInterval(() => { if (state.open === null && !document.hidden) reload(); }, 60000);

  loadUnits().catch(failed).finally(reload);
})();
