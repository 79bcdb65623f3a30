'use strict';
/*
 * 工单详情: every field of one order, the citizen as the API returns it (masked for units), the whole
 * history, the linked calls with their recordings (centre staff), and a form per action the user may
 * take now (GET /api/tickets/{id}/actions decides; the action API checks again).
 */
(() => {
  const { t, api, el, fill, toast, failed, fmtTime, fmtDuration, onSubmit } = window.Hotline;
  const id = document.body.dataset.pathId;
  const centre = !!document.getElementById('order-calls');
  let units = null;
  const categories = new Map();

  function label(prefix, key) {
    if (key === null || key === undefined || key === '') return '';
    const s = t(prefix + key);
    return s === prefix + key ? String(key) : s;
  }

  function unitName(code) {
    if (!code) return '';
    const name = units && units.get(code);
    return name ? name + ' (' + code + ')' : code;
  }

  function yesNo(b) {
    return b ? t('order.yes') : t('order.no');
  }

  /** Pairs of [label key, value]; empty values are left out. */
  function kv(target, pairs) {
    const nodes = [];
    for (const [key, value, long] of pairs) {
      if (value === null || value === undefined || value === '') continue;
      nodes.push(el('dt', {}, t(key)), el('dd', { class: long ? 'long' : '', dataset: { field: key } }, value));
    }
    fill(target, nodes);
  }

  function showOrder(o) {
    fill('order-title', t('order.heading', { number: o.number }));
    const state = document.getElementById('order-state');
    state.textContent = label('centre.state.', o.state);
    state.dataset.state = o.state;
    const marks = [];
    if (o.overdue) marks.push(el('span', { class: 'badge bad', id: 'mark-overdue' }, el('span', { class: 'light red' }), t('order.f.overdue')));
    if (o.supervised) marks.push(el('span', { class: 'badge bad', id: 'mark-supervised' }, t('order.f.supervised')));
    if (o.pending) marks.push(el('span', { class: 'badge warn', id: 'mark-pending' }, label('centre.pending.', o.pending.type)));
    if (o.urgency === 'urgent') marks.push(el('span', { class: 'badge bad' }, t('order.f.urgency.urgent')));
    fill('order-marks', marks);
    const p = o.pending;
    kv('order-fields', [
      ['order.f.state', label('centre.state.', o.state)],
      ['order.f.channel', label('centre.channel.', o.channel)],
      ['order.f.requestType', label('centre.type.', o.requestType)],
      ['order.f.category', o.categoryCode ? (categories.get(o.categoryCode) || '') + ' (' + o.categoryCode + ')' : ''],
      ['order.f.urgency', t('order.f.urgency.' + o.urgency)],
      ['order.f.location', o.location],
      ['order.f.area', o.area],
      ['order.f.description', o.description, true],
      ['order.f.leadUnit', unitName(o.leadUnit)],
      ['order.f.coUnits', (o.coUnits || []).map(unitName).join('、')],
      ['order.f.handlingUnit', o.handlingUnit && o.handlingUnit !== o.leadUnit ? unitName(o.handlingUnit) : ''],
      ['order.f.pending', p ? label('centre.pending.', p.type) + '：' + (p.reason || '') + (p.until ? ' → ' + fmtTime(p.until) : '') : ''],
      ['order.f.supervised', o.supervised ? yesNo(true) + (o.supervisionNote ? '：' + o.supervisionNote : '') : ''],
      ['order.f.signDeadline', fmtTime(o.signDeadline)],
      ['order.f.dueDeadline', fmtTime(o.dueDeadline)],
      ['order.f.dispatchedAt', fmtTime(o.dispatchedAt)],
      ['order.f.signedAt', fmtTime(o.signedAt)],
      ['order.f.repliedAt', fmtTime(o.repliedAt)],
      ['order.f.closedAt', fmtTime(o.closedAt)],
      ['order.f.answerText', o.answerText, true],
      ['order.f.articleCode', o.articleCode],
      ['order.f.replyText', o.replyText, true],
      ['order.f.closeReason', o.closeReason, true],
      ['order.f.rating', label('centre.result.', o.rating)],
      ['order.f.parent', o.parentId ? el('a', { href: '/orders/' + o.parentId }, '#' + o.parentId) : ''],
      ['order.f.rehandleCount', o.rehandleCount ? String(o.rehandleCount) : ''],
      ['order.f.callbackAttempts', o.callbackAttempts ? String(o.callbackAttempts) : ''],
      ['order.f.createdBy', o.createdBy],
      ['order.f.createdAt', fmtTime(o.createdAt)],
      ['order.f.version', String(o.version)],
    ]);
    const hidden = t('order.citizen.hidden');
    kv('order-citizen', [
      ['order.citizen.phone', o.citizenPhone || hidden],
      ['order.citizen.name', o.citizenName || (o.confidential ? hidden : '')],
      ['order.citizen.confidential', o.confidential ? yesNo(true) : ''],
    ]);
  }

  function showTimeline(events) {
    fill('order-timeline', events.map((e, i) => el('li', { dataset: { action: e.action }, id: 'event-' + i },
      el('span', { class: 'when' }, fmtTime(e.at)),
      el('b', {}, label('order.event.', e.action)),
      ' · ', e.actor,
      e.from && e.to && e.from !== e.to ? el('span', { class: 'muted' }, ' ' + label('centre.state.', e.from) + ' → ' + label('centre.state.', e.to)) : '',
      e.note ? el('div', { class: 'note' }, e.note) : '')));
  }

  function showCalls(page) {
    const items = page.items || [];
    fill(document.querySelector('#order-calls tbody'), items.map((c) => el('tr', { dataset: { call: c.id } },
      el('td', {}, fmtTime(c.enteredAt)),
      el('td', {}, c.caller || ''),
      el('td', {}, c.agent || ''),
      el('td', {}, label('order.call.outcome.', c.outcome)),
      el('td', {}, c.talkSeconds ? fmtDuration(c.talkSeconds) : ''),
      el('td', {}, c.recording
        ? el('a', { href: '/api/calls/' + encodeURIComponent(c.id) + '/recording', target: '_blank', rel: 'noopener', class: 'recording', id: 'recording-' + c.id }, t('order.call.play'))
        : ''))));
    document.getElementById('order-calls-empty').classList.toggle('hidden', items.length > 0);
  }

  // ---- actions -------------------------------------------------------------------------------

  /** What each action asks for: [field, kind, required]. Actions not listed take no input. */
  const INPUTS = {
    answer: [['text', 'textarea', true], ['articleCode', 'text', false]],
    merge: [['into', 'text', true]],
    withdraw: [['reason', 'textarea', true]],
    dispatch: [['unit', 'unit', true]],
    subdispatch: [['unit', 'unit', true]],
    reply: [['text', 'textarea', true]],
    'return-request': [['reason', 'textarea', true]],
    dispute: [['reason', 'textarea', true]],
    'extension-request': [['reason', 'textarea', true], ['until', 'date', true]],
    'return-reject': [['reason', 'textarea', false]],
    'extension-reject': [['reason', 'textarea', false]],
    'dispute-decide': [['accept', 'accept', true], ['reason', 'textarea', false]],
    'review-reject': [['reason', 'textarea', true]],
    callback: [['result', 'result', true], ['note', 'textarea', false]],
    close: [['reason', 'textarea', false]],
    reopen: [['reason', 'textarea', true]],
    supervise: [['note', 'textarea', true]],
  };
  const FIELD_LABEL = { text: 'order.input.text', articleCode: 'order.f.articleCode', into: 'order.input.into', reason: 'order.input.reason', unit: 'order.input.unit', until: 'order.input.until', accept: 'centre.reject', result: 'order.input.result', note: 'order.input.note' };

  function input(action, [field, kind, required]) {
    const name = field;
    const fid = 'input-' + action + '-' + field;
    let control;
    if (kind === 'textarea') {
      control = el('textarea', { id: fid, name, maxlength: 2000, required });
    } else if (kind === 'unit') {
      control = el('select', { id: fid, name, required },
        el('option', { value: '' }, '—'),
        Array.from(units ? units.keys() : []).map((code) => el('option', { value: code }, unitName(code))));
    } else if (kind === 'accept') {
      control = el('select', { id: fid, name },
        el('option', { value: 'true' }, t('centre.dispute.redispatch')),
        el('option', { value: 'false' }, t('centre.dispute.keep')));
    } else if (kind === 'result') {
      control = el('select', { id: fid, name },
        ['satisfied', 'basically_satisfied', 'dissatisfied', 'unreachable'].map((r) => el('option', { value: r }, t('centre.result.' + r))));
    } else {
      control = el('input', { id: fid, name, type: kind === 'date' ? 'date' : 'text', maxlength: 64, required });
    }
    return el('label', {}, kind === 'accept' ? t('order.f.pending') : t(FIELD_LABEL[field] || field), control);
  }

  function body(action, data) {
    const out = {};
    for (const [field, kind] of INPUTS[action] || []) {
      const v = data[field];
      if (v === undefined || v === '') continue;
      out[field] = kind === 'accept' ? v === 'true' : v;
    }
    return out;
  }

  function actionForm(action, allowed, order) {
    const text = label('order.event.', action);
    const version = allowed.version;
    const danger = ['withdraw', 'review-reject', 'return-reject', 'extension-reject', 'supervise'].includes(action);
    const specs = INPUTS[action] || [];
    const d = action === 'dispatch' ? allowed.dispatchDeadlines : null;
    const form = el('form', { id: 'action-' + action, class: 'action', dataset: { action } },
      specs.length > 0 ? el('h3', {}, text) : '',
      specs.map((spec) => input(action, spec)),
      d ? el('p', { class: 'hint', id: 'dispatch-deadlines' }, t('centre.dispatch.deadlines', { sign: fmtTime(d.sign), due: fmtTime(d.due) })) : '',
      el('button', { type: 'submit', id: 'do-' + action, class: danger ? 'danger' : 'primary' }, text));
    onSubmit(form, async (data) => {
      await api('POST', '/api/tickets/' + id + '/' + action, Object.assign({ version }, body(action, data)));
      toast(t('order.action.done', { action: text }));
      await load();
    });
    return form;
  }

  function showActions(allowed, order) {
    const forms = allowed.actions.map((a) => actionForm(a, allowed, order));
    fill('order-actions', forms);
    document.getElementById('order-actions-none').classList.toggle('hidden', forms.length > 0);
    if (allowed.actions.includes('dispatch') && order.categoryCode) suggestUnit(order);
  }

  /** Preselects the routing table's suggestion in the dispatch form. */
  async function suggestUnit(order) {
    const s = await api('GET', '/api/routing/suggest?categoryCode=' + encodeURIComponent(order.categoryCode)
      + '&location=' + encodeURIComponent(order.location || '')).catch(() => []);
    const select = document.getElementById('input-dispatch-unit');
    if (s.length > 0 && select) {
      select.value = s[0].unit;
      select.after(el('span', { class: 'hint', id: 'dispatch-suggestion' },
        t('centre.dispatch.suggested', { name: s[0].name, reason: s[0].reason || '' })));
    }
  }

  async function loadReference() {
    const [us, tree] = await Promise.all([api('GET', '/api/units'), api('GET', '/api/categories').catch(() => [])]);
    units = new Map(us.map((u) => [u.code, u.name]));
    const walk = (nodes) => nodes.forEach((n) => {
      categories.set(n.code, n.name);
      walk(n.children || []);
    });
    walk(tree);
  }

  async function load() {
    try {
      const [order, events, allowed] = await Promise.all([
        api('GET', '/api/tickets/' + id),
        api('GET', '/api/tickets/' + id + '/events'),
        api('GET', '/api/tickets/' + id + '/actions'),
        units ? Promise.resolve() : loadReference(),
      ]);
      showOrder(order);
      showTimeline(events);
      showActions(allowed, order);
      if (centre) showCalls(await api('GET', '/api/calls?ticketId=' + encodeURIComponent(id)));
      document.body.dataset.loaded = String(Date.now());
    } catch (err) {
      if (err.status === 404 || err.status === 400) {
        document.getElementById('order-error').classList.remove('hidden');
        document.getElementById('order-body').classList.add('hidden');
      } else {
        failed(err);
      }
    }
  }

  load();
})();
