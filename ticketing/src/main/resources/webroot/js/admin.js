'use strict';
/*
 * Administration: one tab per section, each filled from /api/admin/... (and /api/kb/... for the
 * knowledge base) when first shown. Knowledge-base editors get only the knowledge-base tab (the
 * template renders no other section for them, and the API refuses the rest). Every change goes
 * through the API, which checks it, audits it (before → after) and answers the stored state.
 */
(() => {
  const { t, api, el, fill, toast, failed, fmtTime } = window.Hotline;
  const $ = (id) => document.getElementById(id);
  const csrf = document.querySelector('meta[name="csrf-token"]').content;
  const enc = encodeURIComponent;
  const loaded = new Set();
  const loaders = {};

  // ---- helpers -------------------------------------------------------------------------------

  const list = (s) => String(s || '').split(/[,，、\s]+/).map((x) => x.trim()).filter(Boolean);
  const orNull = (s) => (s === undefined || s === null || String(s).trim() === '' ? null : String(s).trim());

  /** Runs an API change; a 400 marks the field it names, every failure shows as a toast. */
  async function change(form, fn, doneKey) {
    form.querySelectorAll('.invalid').forEach((n) => n.classList.remove('invalid'));
    try {
      const result = await fn();
      toast(t(doneKey || 'admin.saved'));
      return result;
    } catch (err) {
      const field = err.body && err.body.field;
      if (field) {
        const base = field.split(/[.[]/)[0];
        const input = form.querySelector(`[name="${CSS.escape(base)}"]`) || form.querySelector(`[data-field="${CSS.escape(base)}"]`);
        if (input) {
          input.classList.add('invalid');
          input.focus();
        }
      }
      failed(err);
      return undefined;
    }
  }

  function bindSubmit(form, fn) {
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      const buttons = form.querySelectorAll('button');
      buttons.forEach((b) => { b.disabled = true; });
      try {
        await fn();
      } finally {
        buttons.forEach((b) => { b.disabled = false; });
      }
    });
  }

  function filterRows(inputId, tbody) {
    const q = $(inputId).value.trim().toLowerCase();
    for (const tr of tbody.rows) tr.classList.toggle('hidden', q !== '' && !tr.textContent.toLowerCase().includes(q));
  }

  function select(tbody, tr) {
    for (const r of tbody.rows) r.classList.toggle('selected', r === tr);
  }

  function options(selectNode, items, blank) {
    fill(selectNode, blank === undefined ? [] : [el('option', { value: '' }, blank)],
      items.map(([value, label]) => el('option', { value }, label)));
  }

  // ---- tabs ----------------------------------------------------------------------------------

  const tabs = [...document.querySelectorAll('#admin-tabs [data-section]')];

  function show(name) {
    if (!tabs.some((b) => b.dataset.section === name)) name = tabs[0].dataset.section;
    for (const b of tabs) {
      const on = b.dataset.section === name;
      b.classList.toggle('active', on);
      b.setAttribute('aria-selected', String(on));
    }
    document.querySelectorAll('.admin-section').forEach((s) => s.classList.toggle('hidden', s.dataset.section !== name));
    if (history.replaceState) history.replaceState(null, '', '#' + name);
    if (!loaded.has(name) && loaders[name]) {
      loaded.add(name);
      loaders[name]().catch(failed);
    }
  }
  tabs.forEach((b) => b.addEventListener('click', () => show(b.dataset.section)));

  // ---- units ---------------------------------------------------------------------------------

  let units = [];
  let editingUnit = null;

  async function loadUnits() {
    units = await api('GET', '/api/admin/units');
    const tbody = document.querySelector('#units-table tbody');
    fill(tbody, units.map((u) => el('tr', { dataset: { code: u.code }, id: 'unit-row-' + u.code, onclick: (e) => editUnit(u, e.currentTarget) },
      el('td', {}, u.code), el('td', {}, u.name), el('td', {}, u.parent || ''), el('td', {}, t('admin.unit.type.' + u.type)),
      el('td', {}, u.contacts.map((c) => c.name + ' ' + c.mobile).join('；')), el('td', {}, String(u.users)))));
    filterRows('units-filter', tbody);
    const unitOptions = units.map((u) => [u.code, u.code + ' ' + u.name]);
    options($('unit-parent'), unitOptions, t('admin.none'));
    options($('user-unit'), unitOptions, t('admin.none'));
  }

  function editUnit(u, tr) {
    editingUnit = u ? u.code : null;
    select(document.querySelector('#units-table tbody'), tr);
    $('unit-form-title').textContent = u ? t('admin.unit.edit', { code: u.code }) : t('admin.unit.new');
    $('unit-code').value = u ? u.code : '';
    $('unit-code').readOnly = !!u;
    $('unit-name').value = u ? u.name : '';
    $('unit-parent').value = u && u.parent ? u.parent : '';
    $('unit-type').value = u ? u.type : 'community';
    $('unit-area').value = u ? u.areaKeywords.join('，') : '';
    $('unit-contacts').value = u ? u.contacts.map((c) => c.name + ' ' + c.mobile).join('\n') : '';
    $('unit-delete').classList.toggle('hidden', !u);
  }

  function contactsOf(text) {
    return text.split('\n').map((l) => l.trim()).filter(Boolean).map((l) => {
      const parts = l.split(/[\s,，]+/);
      const mobile = parts.pop();
      return { name: parts.join(' ') || mobile, mobile };
    });
  }

  loaders.units = loadUnits;
  if ($('unit-form')) {
    $('units-filter').addEventListener('input', () => filterRows('units-filter', document.querySelector('#units-table tbody')));
    $('unit-new').addEventListener('click', () => editUnit(null));
    bindSubmit($('unit-form'), async () => {
      const body = {
        name: $('unit-name').value, parent: orNull($('unit-parent').value), type: $('unit-type').value,
        areaKeywords: list($('unit-area').value), contacts: contactsOf($('unit-contacts').value),
      };
      const saved = await change($('unit-form'), () => (editingUnit
        ? api('PUT', '/api/admin/units/' + enc(editingUnit), body)
        : api('POST', '/api/admin/units', { code: $('unit-code').value.trim(), ...body })));
      if (saved) {
        await loadUnits();
        editUnit(units.find((u) => u.code === saved.code), $('unit-row-' + saved.code));
      }
    });
    $('unit-delete').addEventListener('click', async () => {
      if (!editingUnit || !window.confirm(t('admin.confirmDelete', { what: editingUnit }))) return;
      if (await change($('unit-form'), () => api('DELETE', '/api/admin/units/' + enc(editingUnit)), 'admin.deleted')) {
        editUnit(null);
        await loadUnits();
      }
    });
  }

  // ---- users ---------------------------------------------------------------------------------

  let users = [];
  let editingUser = null;
  const roleBoxes = () => [...document.querySelectorAll('#user-roles input[type=checkbox]')];

  async function loadUsers() {
    if (units.length === 0) await loadUnits();
    users = await api('GET', '/api/admin/users');
    const tbody = document.querySelector('#users-table tbody');
    fill(tbody, users.map((u) => el('tr', { id: 'user-row-' + u.username, dataset: { username: u.username }, onclick: (e) => editUser(u, e.currentTarget) },
      el('td', {}, u.username), el('td', {}, u.displayName || ''),
      el('td', {}, u.roles.map((r) => t('admin.role.' + r)).join('、')), el('td', {}, u.unit || ''),
      el('td', {}, statusBadge(u)))));
    filterRows('users-filter', tbody);
  }

  function statusBadge(u) {
    if (!u.enabled) return el('span', { class: 'badge bad' }, t('admin.user.disabled'));
    if (u.locked) return el('span', { class: 'badge warn' }, t('admin.user.locked'));
    return el('span', { class: 'badge ok' }, t('admin.user.active'));
  }

  function syncUnitField() {
    const unitRole = roleBoxes().some((b) => b.checked && (b.value === 'handler' || b.value === 'leader'));
    $('user-unit').disabled = !unitRole;
    if (!unitRole) $('user-unit').value = '';
  }

  function editUser(u, tr) {
    editingUser = u ? u.username : null;
    select(document.querySelector('#users-table tbody'), tr);
    $('user-form-title').textContent = u ? t('admin.user.edit', { username: u.username }) : t('admin.user.new');
    $('user-username').value = u ? u.username : '';
    $('user-username').readOnly = !!u;
    $('user-displayName').value = u ? u.displayName || '' : '';
    roleBoxes().forEach((b) => { b.checked = !!u && u.roles.includes(b.value); });
    $('user-unit').value = u && u.unit ? u.unit : '';
    $('user-enabled').checked = u ? u.enabled : true;
    $('user-password').value = '';
    $('user-password-row').classList.toggle('hidden', !!u);
    $('user-password').required = !u;
    $('user-reset-form').classList.toggle('hidden', !u);
    $('user-unlock').classList.toggle('hidden', !(u && (u.locked || u.failedLogins > 0)));
    syncUnitField();
  }

  loaders.users = loadUsers;
  if ($('user-form')) {
    $('users-filter').addEventListener('input', () => filterRows('users-filter', document.querySelector('#users-table tbody')));
    roleBoxes().forEach((b) => b.addEventListener('change', syncUnitField));
    $('user-new').addEventListener('click', () => editUser(null));
    bindSubmit($('user-form'), async () => {
      const body = {
        displayName: orNull($('user-displayName').value),
        roles: roleBoxes().filter((b) => b.checked).map((b) => b.value),
        unit: orNull($('user-unit').value), enabled: $('user-enabled').checked,
      };
      const saved = await change($('user-form'), () => (editingUser
        ? api('PUT', '/api/admin/users/' + enc(editingUser), body)
        : api('POST', '/api/admin/users', { username: $('user-username').value.trim(), password: $('user-password').value, ...body })));
      if (saved) {
        await loadUsers();
        editUser(users.find((u) => u.username === saved.username), $('user-row-' + saved.username));
      }
    });
    bindSubmit($('user-reset-form'), async () => {
      if (!editingUser) return;
      if (await change($('user-reset-form'), () => api('POST', '/api/admin/users/' + enc(editingUser) + '/password', { password: $('user-new-password').value }), 'admin.user.passwordSet')) {
        $('user-new-password').value = '';
        await loadUsers();
      }
    });
    $('user-unlock').addEventListener('click', async () => {
      if (editingUser && await change($('user-form'), () => api('POST', '/api/admin/users/' + enc(editingUser) + '/unlock', {}), 'admin.user.unlocked')) {
        await loadUsers();
        editUser(users.find((u) => u.username === editingUser), $('user-row-' + editingUser));
      }
    });
  }

  // ---- categories ----------------------------------------------------------------------------

  let editingCategory = null;

  async function loadCategories() {
    const tree = await api('GET', '/api/categories');
    const rows = [];
    const walk = (nodes, depth, parent) => nodes.forEach((n) => {
      rows.push(el('tr', { id: 'category-row-' + n.code, class: 'depth-' + depth, onclick: (e) => editCategory({ ...n, parent }, e.currentTarget) },
        el('td', {}, n.code), el('td', { class: 'indent-' + depth }, n.name), el('td', {}, n.kind ? t('admin.category.kind.' + n.kind) : '')));
      walk(n.children || [], depth + 1, n.code);
    });
    walk(tree, 0, null);
    const tbody = document.querySelector('#categories-table tbody');
    fill(tbody, rows);
    filterRows('categories-filter', tbody);
  }

  function editCategory(c, tr) {
    editingCategory = c ? c.code : null;
    select(document.querySelector('#categories-table tbody'), tr);
    $('category-form-title').textContent = c ? t('admin.category.edit', { code: c.code }) : t('admin.category.new');
    $('category-code').value = c ? c.code : '';
    $('category-code').readOnly = !!c;
    $('category-name').value = c ? c.name : '';
    $('category-kind').value = c && c.kind ? c.kind : '';
    $('category-sort').value = '0';
    $('category-delete').classList.toggle('hidden', !c);
  }

  loaders.categories = loadCategories;
  if ($('category-form')) {
    $('categories-filter').addEventListener('input', () => filterRows('categories-filter', document.querySelector('#categories-table tbody')));
    $('category-new').addEventListener('click', () => editCategory(null));
    bindSubmit($('category-form'), async () => {
      const body = { name: $('category-name').value, kind: orNull($('category-kind').value), sort: Number($('category-sort').value || 0) };
      const saved = await change($('category-form'), () => (editingCategory
        ? api('PUT', '/api/admin/categories/' + enc(editingCategory), body)
        : api('POST', '/api/admin/categories', { code: $('category-code').value.trim(), ...body })));
      if (saved) {
        await loadCategories();
        editCategory(saved, $('category-row-' + saved.code));
      }
    });
    $('category-delete').addEventListener('click', async () => {
      if (!editingCategory || !window.confirm(t('admin.confirmDelete', { what: editingCategory }))) return;
      if (await change($('category-form'), () => api('DELETE', '/api/admin/categories/' + enc(editingCategory)), 'admin.deleted')) {
        editCategory(null);
        await loadCategories();
      }
    });
  }

  // ---- routing -------------------------------------------------------------------------------

  async function loadRouting() {
    const rules = await api('GET', '/api/admin/routing');
    const tbody = document.querySelector('#routing-table tbody');
    fill(tbody, rules.map((r) => el('tr', { id: 'routing-row-' + r.id },
      el('td', {}, r.categoryCode), el('td', {}, r.unit), el('td', {}, t('admin.routing.scope.' + r.scope)),
      el('td', {}, r.fallback || ''), el('td', {}, String(r.priority)), el('td', {}, r.note || ''),
      el('td', {}, el('button', { type: 'button', class: 'small danger', id: 'routing-del-' + r.id, onclick: () => deleteRule(r) }, t('admin.delete'))))));
    filterRows('routing-filter', tbody);
  }

  async function deleteRule(r) {
    if (!window.confirm(t('admin.confirmDelete', { what: r.categoryCode + ' → ' + r.unit }))) return;
    if (await change($('routing-form'), () => api('DELETE', '/api/admin/routing/' + r.id), 'admin.deleted')) await loadRouting();
  }

  loaders.routing = loadRouting;
  if ($('routing-form')) {
    $('routing-filter').addEventListener('input', () => filterRows('routing-filter', document.querySelector('#routing-table tbody')));
    bindSubmit($('routing-form'), async () => {
      const body = {
        categoryCode: $('routing-category').value.trim(), unit: $('routing-unit').value.trim(), scope: $('routing-scope').value,
        fallback: orNull($('routing-fallback').value), note: orNull($('routing-note').value), priority: Number($('routing-priority').value || 1),
      };
      if (await change($('routing-form'), () => api('POST', '/api/admin/routing', body))) {
        $('routing-form').reset();
        await loadRouting();
      }
    });
  }

  // ---- calendar, working hours, deadline rules ----------------------------------------------

  let deadlines = {};

  async function loadCalendar() {
    const year = Number($('cal-year').value) || new Date().getFullYear();
    $('cal-year').value = String(year);
    const [cal, settings] = await Promise.all([api('GET', '/api/admin/calendar?year=' + year), api('GET', '/api/admin/settings')]);
    fill(document.querySelector('#cal-days tbody'), cal.days.map((d) => el('tr', { id: 'cal-row-' + d.day, onclick: () => {
      $('cal-day').value = d.day;
      $('cal-kind').value = d.kind;
      $('cal-name').value = d.name || '';
    } }, el('td', {}, d.day), el('td', {}, t('admin.calendar.kind.' + d.kind)), el('td', {}, d.name || ''))));
    $('cal-warning').textContent = cal.warning || '';
    $('cal-warning').classList.toggle('hidden', !cal.warning);
    $('cal-source').textContent = cal.official ? t('admin.calendar.officialSource', { source: cal.source || '' }) : '';
    $('cal-official').checked = !!cal.official;
    $('cal-year-source').value = cal.source || '';
    $('set-working-hours').value = settings.working_hours || '';
    deadlines = settings.deadlines || {};
    document.querySelectorAll('#set-deadlines-form [data-key]').forEach((i) => { i.value = deadlines[i.dataset.key] ?? ''; });
    document.querySelectorAll('#set-deadlines-form [data-due]').forEach((i) => { i.value = (deadlines.dueWorkingDays || {})[i.dataset.due] ?? ''; });
  }

  loaders.calendar = loadCalendar;
  if ($('cal-day-form')) {
    $('cal-year').addEventListener('change', () => loadCalendar().catch(failed));
    bindSubmit($('cal-day-form'), async () => {
      const kind = $('cal-kind').value;
      const body = { kind, name: kind === 'normal' ? null : orNull($('cal-name').value) };
      if (await change($('cal-day-form'), () => api('PUT', '/api/admin/calendar/days/' + enc($('cal-day').value), body))) await loadCalendar();
    });
    bindSubmit($('cal-year-form'), async () => {
      const body = { official: $('cal-official').checked, source: $('cal-year-source').value };
      if (await change($('cal-year-form'), () => api('PUT', '/api/admin/calendar/years/' + enc($('cal-year').value), body))) await loadCalendar();
    });
    bindSubmit($('set-hours-form'), async () => {
      await change($('set-hours-form'), () => api('PUT', '/api/admin/settings/working_hours', { value: $('set-working-hours').value.trim() }));
    });
    bindSubmit($('set-deadlines-form'), async () => {
      const value = { ...deadlines, dueWorkingDays: { ...(deadlines.dueWorkingDays || {}) } };
      document.querySelectorAll('#set-deadlines-form [data-key]').forEach((i) => { value[i.dataset.key] = Number(i.value); });
      document.querySelectorAll('#set-deadlines-form [data-due]').forEach((i) => { value.dueWorkingDays[i.dataset.due] = Number(i.value); });
      if (await change($('set-deadlines-form'), () => api('PUT', '/api/admin/settings/deadlines', { value }))) deadlines = value;
    });
  }

  // ---- SMS templates -------------------------------------------------------------------------

  function preview(p) {
    return [el('span', { class: 'muted' }, t('admin.sms.preview', { segments: p.segments, encoding: p.encoding }) + ' '), p.text];
  }

  async function loadSms() {
    const templates = await api('GET', '/api/admin/sms-templates');
    fill('sms-templates', templates.map((tp) => {
      const source = el('textarea', { id: 'sms-src-' + tp.name, name: 'source', rows: '3' });
      source.value = tp.source;
      const shown = el('p', { id: 'sms-preview-' + tp.name }, preview(tp));
      const form = el('form', { class: 'card', id: 'sms-form-' + tp.name },
        el('h3', {}, t('admin.sms.name.' + tp.name) + ' (' + tp.name + ') ', tp.edited ? el('span', { class: 'badge warn' }, t('admin.sms.edited')) : null),
        source, shown, el('button', { type: 'submit', id: 'sms-save-' + tp.name }, t('common.save')));
      bindSubmit(form, async () => {
        const p = await change(form, () => api('PUT', '/api/admin/sms-templates/' + enc(tp.name), { source: source.value }));
        if (p) fill(shown, preview(p));
      });
      return form;
    }));
  }
  loaders.sms = loadSms;

  // ---- knowledge base ------------------------------------------------------------------------

  let editingArticle = null;

  async function loadArticles() {
    const q = $('kb-q').value.trim();
    const status = $('kb-status').value;
    const articles = await api('GET', '/api/kb/articles?limit=500' + (q ? '&q=' + enc(q) : '') + (status ? '&status=' + status : ''));
    fill(document.querySelector('#kb-table tbody'), articles.map((a) => el('tr', { id: 'kb-row-' + a.code, dataset: { code: a.code }, onclick: (e) => openArticle(a.code, e.currentTarget) },
      el('td', {}, a.code), el('td', {}, a.title), el('td', {}, statusOf(a.status)))));
  }

  function statusOf(s) {
    return el('span', { class: 'badge ' + ({ published: 'ok', draft: 'warn', retired: 'bad' }[s] || '') }, t('admin.kb.status.' + s));
  }

  async function openArticle(code, tr) {
    const a = await api('GET', '/api/kb/articles/' + enc(code)).catch(failed);
    if (!a) return;
    select(document.querySelector('#kb-table tbody'), tr);
    showArticle(a);
  }

  function showArticle(a) {
    editingArticle = a ? a.code : null;
    $('kb-form-title').textContent = a ? t('admin.kb.edit', { code: a.code }) : t('admin.kb.new');
    $('kb-code').value = a ? a.code : '';
    $('kb-code').readOnly = !!a;
    $('kb-title').value = a ? a.title : '';
    $('kb-category').value = a ? a.category || '' : '';
    $('kb-unit').value = a ? a.unit || '' : '';
    $('kb-validFrom').value = a ? a.validFrom || '' : '';
    $('kb-validUntil').value = a ? a.validUntil || '' : '';
    $('kb-keywords').value = a ? (a.keywords || []).join('，') : '';
    $('kb-body').value = a ? a.body : '';
    fill('kb-current-status', a ? statusOf(a.status) : '–');
    $('kb-current-status').dataset.status = a ? a.status : 'draft';
  }

  async function saveArticle(status) {
    const code = editingArticle || $('kb-code').value.trim();
    const body = {
      title: $('kb-title').value, body: $('kb-body').value, category: orNull($('kb-category').value),
      keywords: list($('kb-keywords').value), unit: orNull($('kb-unit').value),
      validFrom: orNull($('kb-validFrom').value), validUntil: orNull($('kb-validUntil').value),
      status: status || $('kb-current-status').dataset.status || 'draft',
    };
    const saved = await change($('kb-form'), () => api('PUT', '/api/kb/articles/' + enc(code), body),
      status === 'published' ? 'admin.kb.published' : status === 'retired' ? 'admin.kb.retired' : 'admin.saved');
    if (saved) {
      showArticle(saved);
      await loadArticles();
      select(document.querySelector('#kb-table tbody'), $('kb-row-' + saved.code));
    }
  }

  loaders.kb = async () => {
    await loadArticles();
    $('kb-synonyms').value = await api('GET', '/api/kb/synonyms');
  };
  bindSubmit($('kb-search-form'), () => loadArticles().catch(failed));
  bindSubmit($('kb-form'), () => saveArticle(null));
  $('kb-publish').addEventListener('click', () => saveArticle('published'));
  $('kb-retire').addEventListener('click', () => saveArticle('retired'));
  $('kb-new').addEventListener('click', () => showArticle(null));
  bindSubmit($('kb-synonyms-form'), async () => {
    const r = await change($('kb-synonyms-form'), () => api('PUT', '/api/kb/synonyms', { text: $('kb-synonyms').value }));
    if (r) toast(t('admin.kb.synonymGroups', { n: r.groups }));
  });
  bindSubmit($('kb-import-form'), async () => {
    const file = $('kb-import-file').files[0];
    if (!file) return;
    const text = await file.text();
    const r = await change($('kb-import-form'), async () => {
      const res = await fetch('/api/kb/import', {
        method: 'POST', credentials: 'same-origin', body: text,
        headers: { 'Content-Type': 'application/x-ndjson', 'X-CSRF-Token': csrf, Accept: 'application/json' },
      });
      const data = await res.json();
      if (!res.ok) throw Object.assign(new Error(data.message || String(res.status)), { status: res.status, body: data });
      return data;
    }, 'admin.kb.imported');
    if (r) {
      $('kb-import-result').textContent = t('admin.kb.importResult', { lines: r.lines, imported: r.imported, failed: r.failed })
        + r.errors.slice(0, 5).map((e) => ' · ' + (e.line || '') + ': ' + e.message).join('');
      await loadArticles();
    }
  });

  // ---- blocked numbers -----------------------------------------------------------------------

  async function loadBlocked() {
    const numbers = await api('GET', '/api/admin/blocked-numbers');
    fill(document.querySelector('#blocked-table tbody'), numbers.map((n) => el('tr', { id: 'blocked-row-' + n.number },
      el('td', {}, n.number), el('td', {}, n.reason), el('td', {}, n.createdBy), el('td', {}, fmtTime(n.createdAt)),
      el('td', {}, el('button', { type: 'button', class: 'small', id: 'blocked-del-' + n.number, onclick: () => unblock(n.number) }, t('admin.blocked.remove'))))));
  }

  async function unblock(number) {
    if (!window.confirm(t('admin.confirmUnblock', { number }))) return;
    if (await change($('blocked-form'), () => api('DELETE', '/api/admin/blocked-numbers/' + enc(number)), 'admin.deleted')) await loadBlocked();
  }

  loaders.blocked = loadBlocked;
  if ($('blocked-form')) {
    bindSubmit($('blocked-form'), async () => {
      const body = { number: $('blocked-number').value, reason: $('blocked-reason').value };
      if (await change($('blocked-form'), () => api('POST', '/api/admin/blocked-numbers', body))) {
        $('blocked-form').reset();
        await loadBlocked();
      }
    });
  }

  // ---- audit log and personal-data log -------------------------------------------------------

  let auditOldest = null;

  const short = (v) => {
    const s = v === null || v === undefined ? '∅' : typeof v === 'string' ? v : JSON.stringify(v);
    return s.length > 160 ? s.slice(0, 160) + '…' : s;
  };

  /** before → after: the changed fields of two images, or the two values themselves. */
  function changeOf(detail) {
    if (!detail || (!('before' in detail) && !('after' in detail))) {
      return el('span', { class: 'muted' }, short(detail && Object.keys(detail).length ? detail : ''));
    }
    const { before, after } = detail;
    const isObj = (v) => v && typeof v === 'object' && !Array.isArray(v);
    const absent = (v) => v === null || v === undefined;
    if ((isObj(before) || absent(before)) && (isObj(after) || absent(after)) && !(absent(before) && absent(after))) {
      // A record created or deleted shows every field against nothing; an edit only what changed.
      const b = before || {};
      const a = after || {};
      const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])]
        .filter((k) => JSON.stringify(b[k] ?? null) !== JSON.stringify(a[k] ?? null));
      if (keys.length === 0) return el('span', { class: 'muted' }, t('admin.audit.noChange'));
      const label = absent(before) ? t('admin.audit.none') : absent(after) ? t('admin.audit.removed') : null;
      return el('ul', { class: 'diff' }, label ? el('li', { class: 'muted' }, label) : null,
        keys.map((k) => el('li', {}, el('b', {}, k + ': '),
          k in b ? el('del', {}, short(b[k])) : '∅', ' → ', k in a ? el('ins', {}, short(a[k])) : '∅')));
    }
    return el('div', { class: 'diff' }, el('del', {}, before === null || before === undefined ? t('admin.audit.none') : short(before)),
      ' → ', el('ins', {}, after === null || after === undefined ? t('admin.audit.removed') : short(after)));
  }

  function auditQuery() {
    const p = new URLSearchParams({ limit: '50' });
    for (const [k, id] of [['user', 'audit-user'], ['action', 'audit-action'], ['from', 'audit-from'], ['to', 'audit-to']]) {
      if ($(id).value.trim()) p.set(k, $(id).value.trim());
    }
    return p;
  }

  async function loadAudit(more) {
    const p = auditQuery();
    if (more && auditOldest) p.set('before', String(auditOldest));
    const entries = await api('GET', '/api/admin/audit?' + p);
    const rows = entries.map((e) => el('tr', { id: 'audit-row-' + e.id, dataset: { action: e.action } },
      el('td', {}, fmtTime(e.at)), el('td', {}, e.username || ''), el('td', {}, e.action),
      el('td', {}, (e.detail && (e.detail.target || e.detail.name || e.detail.callId)) || ''), el('td', {}, changeOf(e.detail))));
    const tbody = document.querySelector('#audit-table tbody');
    if (more) tbody.append(...rows); else fill(tbody, rows);
    if (entries.length) auditOldest = entries[entries.length - 1].id;
    $('audit-more').classList.toggle('hidden', entries.length < 50);
  }

  async function loadPii() {
    const p = new URLSearchParams({ limit: '100' });
    for (const [k, id] of [['user', 'pii-user'], ['kind', 'pii-kind'], ['order', 'pii-order'], ['from', 'pii-from'], ['to', 'pii-to']]) {
      if ($(id).value.trim()) p.set(k, $(id).value.trim());
    }
    const entries = await api('GET', '/api/admin/pii-log?' + p);
    fill(document.querySelector('#pii-table tbody'), entries.map((e) => el('tr', {},
      el('td', {}, fmtTime(e.at)), el('td', {}, e.username), el('td', {}, t('admin.pii.kind.' + e.kind)),
      el('td', {}, e.ref || ''), el('td', {}, e.purpose || ''))));
  }

  loaders.audit = () => Promise.all([loadAudit(false), loadPii()]);
  if ($('audit-filter')) {
    bindSubmit($('audit-filter'), () => change($('audit-filter'), () => loadAudit(false), 'admin.loaded'));
    $('audit-more').addEventListener('click', () => loadAudit(true).catch(failed));
    bindSubmit($('pii-filter'), () => change($('pii-filter'), () => loadPii(), 'admin.loaded'));
  }

  window.addEventListener('hashchange', () => show(location.hash.slice(1)));
  show(location.hash.slice(1));
})();
