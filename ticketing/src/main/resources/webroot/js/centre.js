'use strict';
/*
 * 中心工作台: the centre's work queues in tabs, filled from the JSON API; a compact wallboard strip
 * fed by /live/wallboard. Every action sends the order's version, so a stale list is refused (409)
 * rather than acting on an order someone else has changed; the lists reload after each action.
 */
(() => {
  const { t, api, el, fill, toast, failed, live, fmtTime, fmtDuration, fmtPercent, onSubmit, user } =
    window.Hotline;
  const tabs = Array.from(document.querySelectorAll('#centre-tabs [data-tab]'));
  const supervisor = user.roles.includes('supervisor') || user.roles.includes('admin');
  const OPEN = ['RECEIVED', 'DISPATCHED', 'ACCEPTED', 'REPLIED', 'CALLBACK'];
  let unitNames = null; // code → name, loaded once
  let categoryNames = new Map(); // leaf code → name
  let current = null;

  /** The text of prefix+key, or the key itself when there is no text for it. */
  function label(prefix, key) {
    if (key === null || key === undefined) return '';
    const s = t(prefix + key);
    return s === prefix + key ? String(key) : s;
  }

  function unitName(code) {
    if (!code) return '';
    return (unitNames && unitNames.get(code)) || code;
  }

  function orderLink(o) {
    return el('a', { href: '/orders/' + o.id, class: 'order-link', dataset: { id: o.id } }, o.number);
  }

  function holder(o) {
    return unitName(o.handlingUnit || o.leadUnit);
  }

  function short(text, max) {
    const s = String(text || '');
    return s.length > max ? s.slice(0, max) + '…' : s;
  }

  function badge(text, kind) {
    return el('span', { class: 'badge' + (kind ? ' ' + kind : '') }, text);
  }

  function button(id, text, onclick, kind) {
    return el('button', { type: 'button', id, class: 'small' + (kind ? ' ' + kind : ''), onclick }, text);
  }

  function lightOf(o, yellow) {
    if (o.overdue) return el('span', { class: 'light red', title: t('centre.light.red') });
    return yellow ? el('span', { class: 'light yellow', title: t('centre.light.yellow') }) : '';
  }

  /** Fills a table body (and its "nothing waiting" line) with one row per item. */
  function rows(tableId, items, rowFn) {
    if (document.querySelector('#' + tableId + ' form.sub')) hideForms();
    fill(document.querySelector('#' + tableId + ' tbody'), items.map(rowFn));
    const empty = document.getElementById(tableId + '-empty');
    if (empty) empty.classList.toggle('hidden', items.length > 0);
  }

  function count(tab, n) {
    const c = document.getElementById('count-' + tab);
    if (c) c.textContent = n > 0 ? String(n) : '';
  }

  function orders(query) {
    return api('GET', '/api/tickets?' + query);
  }

  // ---- paging: each list shows PAGE orders; a pager under it moves through the rest ----------------

  const PAGE = 100;
  const pageIndex = {}; // list id → page shown (0-based)

  /** One page of the orders a list shows. */
  function listPage(listId, query) {
    return orders(query + '&size=' + PAGE + '&page=' + (pageIndex[listId] || 0));
  }

  /** The pager under a list: previous / next when the list has more than one page. */
  function pager(listId, page, reloadList) {
    let box = document.getElementById(listId + '-pager');
    if (!box) {
      box = el('div', { class: 'pager', id: listId + '-pager' });
      document.getElementById(listId).after(box);
    }
    const pages = Math.max(1, Math.ceil(page.total / PAGE));
    if ((pageIndex[listId] || 0) > pages - 1) { // the list shrank under us: show its last page
      pageIndex[listId] = pages - 1;
      reloadList().catch(failed);
      return;
    }
    const at = pageIndex[listId] || 0;
    if (pages === 1) {
      fill(box);
      return;
    }
    const go = (to) => () => { pageIndex[listId] = to; reloadList().catch(failed); };
    fill(box,
      el('button', { type: 'button', class: 'small', id: listId + '-prev', disabled: at === 0, onclick: go(at - 1) }, t('centre.page.prev')),
      ' ', el('span', { class: 'muted', id: listId + '-page' }, t('centre.page.info', { page: at + 1, pages, total: page.total })), ' ',
      el('button', { type: 'button', class: 'small', id: listId + '-next', disabled: at >= pages - 1, onclick: go(at + 1) }, t('centre.page.next')));
  }

  /** POST /api/tickets/{id}/{action} with the version the list showed. */
  function act(o, action, body) {
    return api('POST', '/api/tickets/' + o.id + '/' + action, Object.assign({ version: o.version }, body || {}));
  }

  /** Runs an action from a button: disabled while busy, toast, then the lists reload. */
  function clicked(btn, work) {
    return async () => {
      btn.disabled = true;
      try {
        const message = await work();
        if (message) toast(message);
        await reload();
      } catch (err) {
        failed(err);
      } finally {
        btn.disabled = false;
      }
    };
  }

  function withAction(id, text, kind, work) {
    const b = button(id, text, null, kind);
    b.addEventListener('click', clicked(b, work));
    return b;
  }

  const parking = document.getElementById('main');

  /** Hides the small forms and takes them out of any list (a list refill would drop them). */
  function hideForms() {
    document.querySelectorAll('form.sub').forEach((f) => {
      f.classList.add('hidden');
      const row = f.closest('tr.form-row');
      if (row) {
        parking.append(f);
        row.remove();
      }
    });
  }

  /** Shows a form in a row of its own right under the list row it acts on. */
  function placeForm(form, tr) {
    hideForms();
    if (tr) tr.after(el('tr', { class: 'form-row' }, el('td', { colspan: tr.children.length }, form)));
    form.classList.remove('hidden');
  }

  function rowOf(e) {
    return e && e.target ? e.target.closest('tr') : null;
  }

  // ---- 待派单: intake queue -----------------------------------------------------------------

  async function loadUnits() {
    if (unitNames) return;
    const [units, categories] = await Promise.all([
      api('GET', '/api/units'),
      api('GET', '/api/categories').catch(() => []),
    ]);
    unitNames = new Map(units.map((u) => [u.code, u.name]));
    const walk = (nodes) => nodes.forEach((n) => {
      categoryNames.set(n.code, n.name);
      walk(n.children || []);
    });
    walk(categories);
  }

  async function intake() {
    const page = await listPage('intake-list', 'state=RECEIVED');
    count('intake', page.total);
    pager('intake-list', page, intake);
    rows('intake-list', page.items, (o) => el('tr', { dataset: { id: o.id } },
      el('td', {}, orderLink(o), o.urgency === 'urgent' ? [' ', badge(t('centre.urgent'), 'bad')] : ''),
      el('td', {}, fmtTime(o.createdAt)),
      el('td', {}, badge(label('centre.channel.', o.channel), o.channel === 'phone' ? '' : 'warn')),
      el('td', {}, label('centre.type.', o.requestType),
        o.categoryCode ? el('div', { class: 'hint' }, categoryNames.get(o.categoryCode) || o.categoryCode) : ''),
      el('td', {}, short(o.location, 30)),
      el('td', {}, short(o.description, 60)),
      el('td', { class: 'actions' }, button('dispatch-' + o.id, t('order.event.dispatch'), (e) => openDispatch(o, rowOf(e)).catch(failed), 'primary'))));
  }

  let dispatching = null;

  async function openDispatch(o, tr) {
    dispatching = o;
    const form = document.getElementById('dispatch-form');
    fill('dispatch-title', t('centre.dispatch.title', { number: o.number }));
    fill('dispatch-description', o.description || '');
    fill('dispatch-suggestion', '');
    fill('dispatch-deadlines', '');
    fill('dispatch-unit');
    placeForm(form, tr);
    const [suggestions, allowed] = await Promise.all([
      o.categoryCode
        ? api('GET', '/api/routing/suggest?categoryCode=' + encodeURIComponent(o.categoryCode)
          + '&location=' + encodeURIComponent(o.location || '')).catch(() => [])
        : Promise.resolve([]),
      api('GET', '/api/tickets/' + o.id + '/actions'),
      loadUnits(),
    ]);
    if (dispatching !== o) return; // another order was opened meanwhile
    const suggested = suggestions.length > 0 ? suggestions[0].unit : null;
    const options = [el('option', { value: '' }, '—')];
    const codes = Array.from(unitNames.keys());
    if (suggested) codes.sort((a, b) => (a === suggested ? -1 : b === suggested ? 1 : 0));
    for (const code of codes) {
      options.push(el('option', { value: code, selected: code === suggested },
        (code === suggested ? '★ ' : '') + unitNames.get(code) + ' (' + code + ')'));
    }
    fill('dispatch-unit', options);
    fill('dispatch-suggestion', suggested
      ? t('centre.dispatch.suggested', { name: suggestions[0].name, reason: suggestions[0].reason || '' })
      : t('centre.dispatch.noSuggestion'));
    const d = allowed.dispatchDeadlines;
    if (d) fill('dispatch-deadlines', t('centre.dispatch.deadlines', { sign: fmtTime(d.sign), due: fmtTime(d.due) }));
    dispatching = Object.assign({}, o, { version: allowed.version });
    document.getElementById('dispatch-unit').focus();
  }

  if (document.getElementById('dispatch-form')) onSubmit('dispatch-form', async (data) => {
    const o = dispatching;
    if (!o || !data.unit) return;
    const after = await act(o, 'dispatch', { unit: data.unit });
    hideForms();
    dispatching = null;
    toast(t('centre.dispatch.done', { number: after.number, unit: unitName(after.leadUnit), due: fmtTime(after.dueDeadline) }));
    await reload();
  });
  document.getElementById('dispatch-cancel')?.addEventListener('click', () => { dispatching = null; hideForms(); });

  // ---- 申请审批: return, dispute and extension requests ---------------------------------------

  async function decisions() {
    const page = await listPage('decisions-list', 'pending=any');
    count('decisions', page.total);
    pager('decisions-list', page, decisions);
    rows('decisions-list', page.items, (o) => {
      const p = o.pending || {};
      let buttons;
      if (p.type === 'dispute') {
        buttons = [
          withAction('approve-' + o.id, t('centre.dispute.redispatch'), 'primary',
            () => act(o, 'dispute-decide', { accept: true }).then(() => t('centre.decided', { number: o.number }))),
          withAction('reject-' + o.id, t('centre.dispute.keep'), '',
            () => act(o, 'dispute-decide', { accept: false }).then(() => t('centre.decided', { number: o.number }))),
        ];
      } else {
        const kind = p.type === 'extension' ? 'extension' : 'return';
        buttons = [
          withAction('approve-' + o.id, t('centre.approve'), 'primary',
            () => act(o, kind + '-approve').then(() => t('centre.decided', { number: o.number }))),
          button('reject-' + o.id, t('centre.reject'), (e) => askReason(o, kind + '-reject',
            t('order.event.' + kind + '-reject') + '：' + o.number, t('centre.reject'), rowOf(e))),
        ];
      }
      return el('tr', { dataset: { id: o.id } },
        el('td', {}, orderLink(o)),
        el('td', {}, badge(label('centre.pending.', p.type), 'warn')),
        el('td', {}, unitName(p.unit) || holder(o)),
        el('td', {}, short(p.reason, 80)),
        el('td', {}, fmtTime(o.dueDeadline)),
        el('td', {}, p.until ? fmtTime(p.until) : ''),
        el('td', { class: 'actions' }, buttons));
    });
  }

  // ---- 答复审核: replies to review --------------------------------------------------------------

  async function review() {
    const page = await listPage('review-list', 'state=REPLIED');
    count('review', page.total);
    pager('review-list', page, review);
    rows('review-list', page.items, (o) => el('tr', { dataset: { id: o.id } },
      el('td', {}, orderLink(o)),
      el('td', {}, holder(o)),
      el('td', {}, short(o.description, 50)),
      el('td', { class: 'reply' }, short(o.replyText, 120)),
      el('td', {}, fmtTime(o.repliedAt)),
      el('td', { class: 'actions' },
        withAction('accept-' + o.id, t('order.event.review-accept'), 'primary',
          () => act(o, 'review-accept').then(() => t('centre.accepted', { number: o.number }))),
        button('sendback-' + o.id, t('order.event.review-reject'),
          (e) => askReason(o, 'review-reject', t('centre.reject.title', { number: o.number }), t('centre.reject.submit'), rowOf(e))))));
  }

  // A reason is asked for in one small form shared by every "reject" button.
  let reasonFor = null;
  function askReason(o, action, title, submitText, tr) {
    reasonFor = { o, action };
    fill('reason-title', title);
    fill('reason-submit', submitText);
    const form = document.getElementById('reason-form');
    form.reset();
    placeForm(form, tr);
    document.getElementById('reason-text').focus();
  }
  onSubmit('reason-form', async (data) => {
    if (!reasonFor) return;
    const { o, action } = reasonFor;
    if (!data.reason || !data.reason.trim()) {
      toast(t('centre.reason.required'), 'error');
      return;
    }
    await act(o, action, { reason: data.reason.trim() });
    reasonFor = null;
    hideForms();
    toast(action === 'review-reject' ? t('centre.rejected', { number: o.number }) : t('centre.decided', { number: o.number }));
    await reload();
  });
  document.getElementById('reason-cancel').addEventListener('click', () => { reasonFor = null; hideForms(); });

  // ---- 回访: orders awaiting their callback, and callback tasks ----------------------------------

  function callButton(id, number, extra) {
    return withAction(id, t('centre.call'), '', async () => {
      await api('POST', '/api/calls/originate', Object.assign({ number }, extra));
      return t('centre.called', { number });
    });
  }

  async function callbacks() {
    const [awaiting, tasks] = await Promise.all([
      listPage('callback-orders', 'state=CALLBACK'),
      api('GET', '/api/callbacks?size=100').catch(() => ({ items: [], total: 0 })),
    ]);
    count('callbacks', awaiting.total + tasks.total);
    pager('callback-orders', awaiting, callbacks);
    rows('callback-orders', awaiting.items, (o) => {
      const select = el('select', { id: 'result-' + o.id, class: 'compact', 'aria-label': t('centre.result') },
        ['satisfied', 'basically_satisfied', 'dissatisfied', 'unreachable']
          .map((r) => el('option', { value: r }, t('centre.result.' + r))));
      return el('tr', { dataset: { id: o.id } },
        el('td', {}, orderLink(o)),
        el('td', {}, o.citizenPhone || ''),
        el('td', {}, holder(o)),
        el('td', {}, short(o.replyText, 60)),
        el('td', {}, String(o.callbackAttempts || 0)),
        el('td', { class: 'actions' },
          o.citizenPhone ? callButton('call-' + o.id, o.citizenPhone, { ticketId: o.id }) : '',
          withAction('sms-' + o.id, t('centre.smsSurvey'), '', async () => {
            const sms = await api('POST', '/api/tickets/' + o.id + '/sms-survey');
            return t('centre.smsSent', { number: sms.number });
          }),
          select,
          withAction('record-' + o.id, t('centre.result.submit'), 'primary',
            () => act(o, 'callback', { result: select.value }).then(() => t('centre.result.done', { number: o.number })))));
    });
    rows('callback-tasks', tasks.items, (task) => el('tr', { dataset: { id: task.id } },
      el('td', {}, badge(label('centre.callbacks.kind.', task.kind), task.kind === 'voicemail' ? 'warn' : '')),
      el('td', {}, task.number),
      el('td', {}, task.ticketId ? orderLink({ id: task.ticketId, number: task.ticketNumber || task.ticketId }) : ''),
      el('td', {}, fmtTime(task.createdAt)),
      el('td', {}, short(task.note, 40)),
      el('td', { class: 'actions' }, callButton('task-call-' + task.id, task.number, { taskId: task.id }))));
  }

  // ---- 超期预警: red (overdue) and yellow (due soon) lights --------------------------------------

  function superviseButton(o) {
    if (o.supervised) return badge(t('centre.supervised'), 'bad');
    return supervisor ? button('supervise-' + o.id, t('centre.supervise'), (e) => openSupervise(o, rowOf(e)), 'danger') : '';
  }

  function deadlineRow(o, yellow) {
    return el('tr', { dataset: { id: o.id }, class: o.overdue ? 'late' : 'soon' },
      el('td', {}, lightOf(o, yellow)),
      el('td', {}, orderLink(o), o.urgency === 'urgent' ? [' ', badge(t('centre.urgent'), 'bad')] : ''),
      el('td', {}, label('centre.state.', o.state)),
      el('td', {}, holder(o)),
      el('td', {}, o.state === 'DISPATCHED' ? fmtTime(o.signDeadline) : ''),
      el('td', {}, fmtTime(o.dueDeadline)),
      el('td', { class: 'actions' }, superviseButton(o)));
  }

  async function deadlines() {
    const [late, soon] = await Promise.all([
      listPage('overdue-list', 'overdue=true'),
      listPage('duesoon-list', 'dueSoon=true'),
    ]);
    pager('overdue-list', late, deadlines);
    pager('duesoon-list', soon, deadlines);
    count('deadlines', late.total + soon.total);
    fill('overdue-total', t('centre.total', { n: late.total }));
    fill('duesoon-total', t('centre.total', { n: soon.total }));
    rows('overdue-list', late.items, (o) => deadlineRow(o, false));
    rows('duesoon-list', soon.items, (o) => deadlineRow(o, true));
  }

  // ---- 督办: supervision ------------------------------------------------------------------------

  async function supervision() {
    const page = await orders('supervised=true&size=200');
    const open = page.items.filter((o) => OPEN.includes(o.state));
    count('supervision', open.length);
    rows('supervision-list', open, (o) => el('tr', { dataset: { id: o.id } },
      el('td', {}, lightOf(o, false)),
      el('td', {}, orderLink(o)),
      el('td', {}, label('centre.state.', o.state)),
      el('td', {}, holder(o)),
      el('td', {}, fmtTime(o.dueDeadline)),
      el('td', {}, o.supervisionNote || '')));
  }

  let supervising = null;
  function openSupervise(o, tr) {
    supervising = o;
    fill('supervise-title', t('centre.supervise.title', { number: o.number }));
    const form = document.getElementById('supervise-form');
    form.reset();
    placeForm(form, tr);
    document.getElementById('supervise-note').focus();
  }
  onSubmit('supervise-form', async (data) => {
    if (!supervising || !data.note || !data.note.trim()) return;
    const o = supervising;
    await act(o, 'supervise', { note: data.note.trim() });
    supervising = null;
    hideForms();
    toast(t('centre.supervise.done', { number: o.number }));
    await reload();
  });
  document.getElementById('supervise-cancel').addEventListener('click', () => { supervising = null; hideForms(); });

  // ---- tabs ------------------------------------------------------------------------------------

  // ---- 热点: hot issues (a category or area well above its usual level), and the reports ------------

  async function hot() {
    const r = await api('GET', '/api/reports/hot-issues');
    count('hot', r.items.length);
    fill('hot-asof', fmtTime(r.asOf));
    const s = r.settings || {};
    fill('hot-rule', t('centre.hot.rule', { hours: s.windowHours, days: s.baselineDays, margin: s.marginPercent, min: s.minCount }));
    document.getElementById('hot-list-empty').classList.toggle('hidden', r.items.length > 0);
    fill('hot-list', r.items.map((issue) => el('div', { class: 'hot-issue', id: 'hot-' + issue.dimension + '-' + issue.key },
      el('h3', {}, el('span', { class: 'badge bad' }, t('centre.hot.' + issue.dimension)), ' ', issue.name || issue.key, ' ',
        el('span', { class: 'muted' }, t('centre.hot.count', { n: issue.count, baseline: issue.baseline }))),
      el('ul', { class: 'list' }, (issue.orders || []).slice(0, 20).map((o) => el('li', {},
        orderLink(o), ' ', label('centre.state.', o.state), ' · ', o.location || '', ' · ', fmtTime(o.createdAt)))))));
  }
  document.getElementById('link-daily-brief').href =
    '/api/reports/daily-brief?date=' + new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });

  const loaders = { intake, decisions, review, callbacks, deadlines, supervision, hot };

  function show(tab) {
    current = tab;
    for (const b of tabs) {
      const on = b.dataset.tab === tab;
      b.classList.toggle('active', on);
      b.setAttribute('aria-selected', String(on));
      document.getElementById('panel-' + b.dataset.tab).classList.toggle('hidden', !on);
    }
    hideForms();
    if (location.hash !== '#' + tab) history.replaceState(null, '', '#' + tab);
  }

  /** Reloads every visible tab's list (their counts show on the tabs). */
  let inflight = 0;
  async function reload() {
    inflight++;
    document.body.dataset.busy = 'true'; // lists are being refilled (tests wait for this to go)
    try {
      const results = await Promise.allSettled(tabs.map((b) => loaders[b.dataset.tab]()));
      const failure = results.find((r) => r.status === 'rejected');
      if (failure) failed(failure.reason);
    } finally {
      if (--inflight === 0) delete document.body.dataset.busy;
    }
  }

  tabs.forEach((b) => b.addEventListener('click', () => show(b.dataset.tab)));
  window.addEventListener('hashchange', () => {
    const tab = location.hash.slice(1);
    if (tab !== current && tabs.some((b) => b.dataset.tab === tab)) show(tab);
  });
  document.getElementById('centre-refresh').addEventListener('click', () => reload());
  const wanted = location.hash.slice(1);
  show(tabs.some((b) => b.dataset.tab === wanted) ? wanted : tabs[0].dataset.tab);
  loadUnits().catch(failed).finally(reload);

  // ---- the wallboard strip ---------------------------------------------------------------------

  const STATES = ['available', 'ringing', 'onCall', 'wrapUp', 'paused', 'loggedOut'];
  function wallboard(w) {
    fill('wb-callsWaiting', String(w.callsWaiting));
    fill('wb-longestWait', fmtDuration(w.longestWaitSeconds));
    fill('wb-serviceLevel', fmtPercent(w.serviceLevel));
    fill('wb-abandonRate', fmtPercent(w.abandonRate));
    fill('wb-avgHandle', fmtDuration(w.avgHandleSeconds));
    document.getElementById('wb-longestWait').classList.toggle('alarm', w.longestWaitSeconds >= 60);
    const agents = w.agents || {};
    fill('wb-agents', STATES.filter((s) => agents[s]).map((s) =>
      el('span', { class: 'wb-agent', id: 'wb-agent-' + s }, t('agent.status.' + s) + ' ', el('b', {}, String(agents[s])))));
    const status = document.getElementById('wb-status');
    status.textContent = w.connected === false ? t('wallboard.amiDown') : t('wallboard.live');
    status.className = 'badge ' + (w.connected === false ? 'bad' : 'ok');
    document.getElementById('wb-strip').dataset.at = w.at || '';
  }
  live('/live/wallboard', { wallboard }, (up) => {
    if (!up) {
      const status = document.getElementById('wb-status');
      status.textContent = t('centre.wb.offline');
      status.className = 'badge bad';
    }
  });
})();
