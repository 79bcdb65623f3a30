'use strict';
/*
 * 话务台 (agent console): the agent's queue state, the screen pop of a connected call, the knowledge
 * base, the intake form (with routing suggestion and possible duplicates) and the agent's own day.
 * Everything comes from the JSON API and /live/agent; nothing is parsed as HTML.
 */
(() => {
  const { t, api, el, fill, highlighted, toast, failed, live, fmtTime, fmtDuration, user } = window.Hotline;
  const $ = (id) => document.getElementById(id);
  const me = user.name;
  const canDispatch = user.roles.some((r) => r === 'dispatcher' || r === 'supervisor' || r === 'admin');
  // Taking orders in is for agents, dispatchers and reviewers (a supervisor watches this page).
  const canIntake = user.roles.some((r) => r === 'agent' || r === 'dispatcher' || r === 'reviewer' || r === 'admin');
  const OPEN = ['RECEIVED', 'DISPATCHED', 'ACCEPTED', 'REPLIED', 'CALLBACK'];

  /** The call being handled: its id goes with the order; its number prefills the form. */
  let call = null;
  let categories = []; // leaves: {code, name, path}
  const categoryNames = new Map();

  function debounce(fn, ms) {
    let timer;
    return (...args) => {
      clearTimeout(timer);
      timer = setTimeout(() => fn(...args), ms);
    };
  }

  const stateText = (s) => t('agent.orderState.' + s);
  const categoryText = (code) => (code ? (categoryNames.get(code) || code) : '–');

  // ----- agent state (queue membership through the telephony module) -----

  async function refreshState() {
    try {
      const res = await api('GET', '/api/agents');
      const mine = (res.agents || []).find((a) => a.agent === me || String(a.interface || '').endsWith('/' + me));
      showState(mine);
    } catch (err) {
      const badge = $('agent-state');
      badge.textContent = t('agent.state.unknown');
      badge.className = 'badge bad';
    }
  }

  function showState(a) {
    const state = a ? a.state : 'loggedOut';
    const badge = $('agent-state');
    badge.textContent = t('agent.status.' + state);
    badge.dataset.state = state;
    badge.className = 'badge ' + ({ available: 'ok', onCall: 'warn', ringing: 'warn', paused: 'bad' }[state] || '');
    const reason = a && a.pausedReason ? t('agent.reason.' + a.pausedReason) : '';
    fill('agent-state-reason', state === 'paused' && reason ? '(' + reason + ')' : '');
    $('btn-ready').disabled = state === 'available' || state === 'onCall' || state === 'ringing';
    $('btn-pause').disabled = state === 'paused' || state === 'loggedOut';
    $('btn-signout').disabled = state === 'loggedOut';
    $('btn-ready').dataset.state = state;
  }

  async function agentOp(op, body) {
    return api('POST', '/api/agents/' + encodeURIComponent(me) + '/' + op, body || {});
  }

  async function ready() {
    const state = $('btn-ready').dataset.state || 'loggedOut';
    try {
      if (state === 'loggedOut') await agentOp('login');
      else await agentOp('unpause');
      toast(t('agent.state.readyDone'));
    } catch (err) {
      failed(err);
    }
    refreshState();
  }

  async function pause() {
    const reason = $('pause-reason').value;
    try {
      await agentOp('pause', { reason });
      toast(t('agent.state.pausedDone', { reason: t('agent.reason.' + reason) }));
    } catch (err) {
      failed(err);
    }
    refreshState();
  }

  async function signOut() {
    try {
      await agentOp('logout');
    } catch (err) {
      failed(err);
    }
    refreshState();
  }

  // ----- screen pop -----

  function orderItem(o, withMerge) {
    return el('li', { dataset: { number: o.number, state: o.state } },
      el('a', { href: '/orders/' + o.id }, o.number), ' ',
      el('span', { class: 'badge' + (OPEN.includes(o.state) ? ' warn' : '') }, stateText(o.state)), ' ',
      el('span', { class: 'muted' }, categoryText(o.categoryCode) + ' · ' + fmtTime(o.createdAt)),
      el('div', { class: 'clip' }, o.description || ''),
      withMerge ? mergeButton(o, 'pop-merge-') : null);
  }

  async function onPop(pop) {
    call = { id: pop.callId, number: pop.callerNumber };
    $('pop-idle').classList.add('hidden');
    $('pop').classList.remove('hidden');
    $('pop-card').classList.add('pop');
    fill('pop-number', pop.callerNumber || t('agent.pop.anonymous'));
    fill('pop-callid', pop.callId || '');
    const profile = pop.profile || {};
    const open = profile.openOrders || [];
    const earlier = profile.earlierOrders || [];
    fill('pop-totals', t('agent.pop.totalsText', { total: profile.totalOrders || 0, open: open.length }));
    fill('pop-open', open.length ? open.map((o) => orderItem(o, true)) : el('li', { class: 'muted' }, t('common.none')));
    fill('pop-earlier', earlier.length ? earlier.map((o) => orderItem(o, false)) : el('li', { class: 'muted' }, t('common.none')));
    $('pop-callback').disabled = !pop.callerNumber;
    // The form starts from the caller; the call id links the order to the call record.
    resetForm(false);
    $('f-citizenPhone').value = pop.callerNumber || '';
    fill('form-call', t('agent.form.onCall', { number: pop.callerNumber || '' }));
    $('form-call').classList.remove('hidden');
    document.title = '☎ ' + (pop.callerNumber || '') + ' · ' + document.title.replace(/^☎ [^·]*· /, '');
    toast(t('agent.pop.toast', { number: pop.callerNumber || '' }));
    const last = open[0] || earlier[0];
    await Promise.all([
      earlierCalls(pop.callerNumber),
      popKnowledge(last),
      refreshDuplicates(),
    ]);
  }

  async function earlierCalls(number) {
    if (!number) {
      fill('pop-calls', el('li', { class: 'muted' }, t('common.none')));
      return;
    }
    try {
      const res = await api('GET', '/api/calls?size=10&number=' + encodeURIComponent(number));
      const items = (res.items || []).filter((c) => !call || c.id !== call.id);
      fill('pop-calls', items.length
        ? items.map((c) => el('li', { dataset: { call: c.id } },
          fmtTime(c.enteredAt), ' · ', t('agent.outcome.' + (c.outcome || 'unknown')),
          c.talkSeconds ? ' · ' + fmtDuration(c.talkSeconds) : '',
          c.agent ? ' · ' + c.agent : ''))
        : el('li', { class: 'muted' }, t('common.none')));
    } catch (err) {
      failed(err);
    }
  }

  /** Knowledge-base hits for what the caller asked about last time. */
  async function popKnowledge(lastOrder) {
    if (!lastOrder || !lastOrder.description) {
      fill('pop-kb', el('li', { class: 'muted' }, t('agent.pop.kbNone')));
      return;
    }
    const q = lastOrder.description.slice(0, 200);
    try {
      const res = await api('GET', '/api/kb/search?limit=3&q=' + encodeURIComponent(q));
      const hits = res.hits || [];
      fill('pop-kb', hits.length ? hits.map((h) => kbItem(h, 'pop-kb-use-')) : el('li', { class: 'muted' }, t('agent.pop.kbNone')));
    } catch (err) {
      failed(err);
    }
  }

  async function callBack(number) {
    if (!number) return;
    try {
      await api('POST', '/api/calls/originate', { number });
      toast(t('agent.callBackDone', { number }));
    } catch (err) {
      failed(err);
    }
  }

  // ----- knowledge base -----

  function kbItem(h, idPrefix) {
    return el('li', { class: 'kb-hit', dataset: { code: h.code } },
      el('strong', {}, h.title), ' ', el('span', { class: 'muted' }, h.code),
      el('div', {}, highlighted(h.snippet)),
      el('button', { type: 'button', class: 'small', id: idPrefix + h.code, onclick: () => useArticle(h.code) }, t('agent.kb.use')));
  }

  async function searchKb(q) {
    const query = (q || '').trim();
    hideSuggestions();
    if (!query) return;
    fill('kb-status', t('common.loading'));
    try {
      const res = await api('GET', '/api/kb/search?limit=8&q=' + encodeURIComponent(query));
      const hits = res.hits || [];
      fill('kb-status', hits.length
        ? t(res.confident ? 'agent.kb.found' : 'agent.kb.foundUnsure', { n: hits.length })
        : t('agent.kb.nothing'));
      fill('kb-results', hits.map((h) => kbItem(h, 'kb-use-')));
    } catch (err) {
      fill('kb-status', '');
      failed(err);
    }
  }

  const suggest = debounce(async () => {
    const q = $('kb-q').value.trim();
    if (!q) {
      hideSuggestions();
      return;
    }
    try {
      const list = await api('GET', '/api/kb/suggest?limit=8&q=' + encodeURIComponent(q));
      if ($('kb-q').value.trim() !== q) return; // typed on meanwhile
      const box = $('kb-suggest');
      fill(box, list.map((s, i) => el('li', {
        role: 'option', id: 'kb-suggest-' + i, tabindex: '-1',
        onmousedown: (e) => { e.preventDefault(); $('kb-q').value = s; searchKb(s); },
      }, s)));
      box.classList.toggle('hidden', list.length === 0);
    } catch (err) {
      hideSuggestions();
    }
  }, 250);

  function hideSuggestions() {
    $('kb-suggest').classList.add('hidden');
  }

  /** Takes an article as the direct answer: its text into the answer box, its code linked. */
  async function useArticle(code) {
    try {
      const a = await api('GET', '/api/kb/articles/' + encodeURIComponent(code));
      $('f-answer').value = (a.title ? a.title + '：' : '') + (a.body || '').slice(0, 3800);
      setArticle(code);
      if (!$('f-description').value.trim()) $('f-description').value = a.title || '';
      $('f-requestType').value = 'consult';
      toast(t('agent.kb.used', { code }));
    } catch (err) {
      failed(err);
    }
  }

  function setArticle(code) {
    $('f-article').textContent = code || '–';
    $('f-article').dataset.code = code || '';
    $('f-article-clear').classList.toggle('hidden', !code);
  }

  // ----- intake form: category picker, routing suggestion, duplicates -----

  async function loadCategories() {
    try {
      const tree = await api('GET', '/api/categories');
      const walk = (node, path) => {
        const here = path ? path + ' › ' + node.name : node.name;
        if (!node.children || node.children.length === 0) {
          categories.push({ code: node.code, name: node.name, path: here });
          categoryNames.set(node.code, node.name);
        } else {
          node.children.forEach((c) => walk(c, here));
        }
      };
      tree.forEach((n) => walk(n, ''));
    } catch (err) {
      failed(err);
    }
  }

  function showCategoryOptions() {
    const q = $('f-category-search').value.trim().toLowerCase();
    const box = $('f-category-options');
    if (!q) {
      box.classList.add('hidden');
      return;
    }
    const found = categories.filter((c) => c.code.startsWith(q) || c.path.toLowerCase().includes(q)).slice(0, 12);
    fill(box, found.length
      ? found.map((c) => el('li', {
        role: 'option', id: 'cat-' + c.code, dataset: { code: c.code },
        onmousedown: (e) => { e.preventDefault(); chooseCategory(c); },
      }, el('span', { class: 'muted' }, c.code), ' ', c.path))
      : el('li', { class: 'muted' }, t('agent.form.noMatch')));
    box.classList.remove('hidden');
  }

  function chooseCategory(c) {
    $('f-categoryCode').value = c ? c.code : '';
    $('f-category-search').value = c ? c.name : '';
    fill('f-category-chosen', c ? c.code + ' ' + c.path : t('agent.form.noCategory'));
    $('f-category-options').classList.add('hidden');
    refreshRouting();
    refreshDuplicates();
  }

  async function refreshRouting() {
    const code = $('f-categoryCode').value;
    const select = $('f-unit');
    if (!code) {
      fill(select, el('option', { value: '' }, t('agent.form.pickCategory')));
      fill('f-unit-reason', '');
      return;
    }
    try {
      const loc = $('f-location').value.trim();
      const list = await api('GET', '/api/routing/suggest?categoryCode=' + encodeURIComponent(code)
        + (loc ? '&location=' + encodeURIComponent(loc) : ''));
      fill(select, list.length
        ? list.map((s, i) => el('option', { value: s.unit, dataset: { reason: s.reason || '' }, selected: i === 0 }, s.name + ' (' + s.unit + ')'))
        : el('option', { value: '' }, t('agent.form.noSuggestion')));
      showUnitReason();
    } catch (err) {
      failed(err);
    }
  }

  function showUnitReason() {
    const opt = $('f-unit').selectedOptions[0];
    fill('f-unit-reason', opt && opt.dataset.reason ? opt.dataset.reason : '');
  }

  function mergeButton(o, idPrefix) {
    return el('button', {
      type: 'button', class: 'small', id: idPrefix + o.number,
      onclick: () => submit('merge', o.number),
    }, t('agent.dup.merge'));
  }

  async function refreshDuplicates() {
    const category = $('f-categoryCode').value;
    const number = $('f-citizenPhone').value.trim();
    const location = $('f-location').value.trim();
    const list = $('dup-list');
    if (!category && !/^\+?[0-9][0-9-]{2,19}$/.test(number)) {
      fill(list, el('li', { class: 'muted' }, t('agent.dup.none')));
      return;
    }
    const params = new URLSearchParams();
    if (category) params.set('category', category);
    if (location) params.set('location', location);
    if (/^\+?[0-9][0-9-]{2,19}$/.test(number)) params.set('number', number);
    try {
      const dups = await api('GET', '/api/tickets/duplicates?' + params.toString());
      fill(list, dups.length
        ? dups.map((d) => el('li', { dataset: { number: d.number } },
          el('a', { href: '/orders/' + d.id }, d.number), ' ',
          el('span', { class: 'badge warn' }, stateText(d.state)), ' ',
          d.reasons.map((r) => el('span', { class: 'badge' }, t('agent.dup.' + r))), ' ',
          el('span', { class: 'muted' }, categoryText(d.categoryCode) + (d.location ? ' · ' + d.location : '')),
          el('div', { class: 'clip' }, d.description || ''),
          mergeButton(d, 'dup-merge-')))
        : el('li', { class: 'muted' }, t('agent.dup.none')));
    } catch (err) {
      failed(err);
    }
  }

  const refreshAround = debounce(() => {
    refreshRouting();
    refreshDuplicates();
  }, 400);

  // ----- intake actions -----

  function orderBody() {
    const phone = $('f-citizenPhone').value.trim();
    const body = {
      channel: call ? 'phone' : (phone ? 'phone' : 'web'),
      requestType: $('f-requestType').value,
      categoryCode: $('f-categoryCode').value || null,
      citizenPhone: phone || null,
      citizenName: $('f-citizenName').value.trim() || null,
      confidential: $('f-confidential').checked,
      location: $('f-location').value.trim() || null,
      description: $('f-description').value.trim(),
      urgency: $('f-urgency').value,
    };
    if (call && call.id) body.callIds = [call.id];
    return body;
  }

  /** Takes the order in, then answers, merges or dispatches it (each its own workflow action). */
  async function submit(kind, mergeInto) {
    const body = orderBody();
    if (!body.description) {
      toast(t('agent.form.needDescription'), 'error');
      $('f-description').focus();
      return;
    }
    const answer = $('f-answer').value.trim();
    if (kind === 'answer' && !answer) {
      toast(t('agent.form.needAnswer'), 'error');
      $('f-answer').focus();
      return;
    }
    const unit = $('f-unit').value;
    if (kind === 'dispatch' && canDispatch && !unit) {
      toast(t('agent.form.needUnit'), 'error');
      return;
    }
    const buttons = document.querySelectorAll('#intake-form button, #dup-list button, #pop-open button');
    buttons.forEach((b) => { b.disabled = true; });
    try {
      let order = await api('POST', '/api/tickets', body);
      let message;
      if (kind === 'answer') {
        const articleCode = $('f-article').dataset.code || undefined;
        order = await api('POST', '/api/tickets/' + order.id + '/answer', { version: order.version, text: answer, articleCode });
        message = t('agent.form.answered', { number: order.number });
      } else if (kind === 'merge') {
        order = await api('POST', '/api/tickets/' + order.id + '/merge', { version: order.version, into: mergeInto });
        message = t('agent.form.merged', { number: order.number, into: mergeInto });
      } else if (canDispatch) {
        order = await api('POST', '/api/tickets/' + order.id + '/dispatch', { version: order.version, unit });
        message = t('agent.form.dispatched', { number: order.number, unit });
      } else {
        // Agents take orders in; the centre's dispatchers send them to the unit (派单).
        message = t('agent.form.toDispatch', { number: order.number });
      }
      fill('form-result', message);
      $('form-result').dataset.number = order.number;
      $('form-result').dataset.state = order.state;
      toast(message);
      resetForm(true);
      refreshToday();
    } catch (err) {
      failed(err);
    } finally {
      buttons.forEach((b) => { b.disabled = false; });
      if (!canIntake) ['btn-dispatch', 'btn-answer'].forEach((id) => { $(id).disabled = true; });
    }
  }

  function resetForm(keepCaller) {
    const phone = $('f-citizenPhone').value;
    $('intake-form').reset();
    chooseCategory(null);
    setArticle(null);
    if (keepCaller && call) $('f-citizenPhone').value = phone;
    if (!keepCaller) fill('form-result', '');
    refreshDuplicates();
  }

  // ----- my day -----

  async function refreshToday() {
    try {
      const day = await api('GET', '/api/me/today');
      fill(document.querySelector('#today-orders tbody'), day.orders.length
        ? day.orders.map((o) => el('tr', { dataset: { number: o.number, state: o.state } },
          el('td', {}, el('a', { href: '/orders/' + o.id }, o.number)),
          el('td', {}, el('span', { class: 'badge' }, stateText(o.state))),
          el('td', {}, categoryText(o.categoryCode)),
          el('td', {}, o.citizenPhone || '–'),
          el('td', { class: 'clip' }, o.description || ''),
          el('td', {}, fmtTime(o.updatedAt)),
          el('td', {}, o.citizenPhone
            ? el('button', { type: 'button', class: 'small', onclick: () => callBack(o.citizenPhone) }, t('agent.callBack'))
            : null)))
        : el('tr', {}, el('td', { colspan: '7', class: 'muted' }, t('common.none'))));
      fill(document.querySelector('#today-calls tbody'), day.calls.length
        ? day.calls.map((c) => el('tr', { dataset: { call: c.id } },
          el('td', {}, fmtTime(c.enteredAt)),
          el('td', {}, c.caller || '–'),
          el('td', {}, c.talkSeconds ? fmtDuration(c.talkSeconds) : t('agent.outcome.' + (c.outcome || 'unknown'))),
          el('td', {}, (c.orders || []).join(', '))))
        : el('tr', {}, el('td', { colspan: '4', class: 'muted' }, t('common.none'))));
    } catch (err) {
      failed(err);
    }
  }

  // ----- wiring -----

  $('btn-ready').addEventListener('click', ready);
  $('btn-pause').addEventListener('click', pause);
  $('btn-signout').addEventListener('click', signOut);
  $('pop-callback').addEventListener('click', () => call && callBack(call.number));
  $('kb-form').addEventListener('submit', (e) => { e.preventDefault(); searchKb($('kb-q').value); });
  $('kb-q').addEventListener('input', suggest);
  $('kb-q').addEventListener('blur', hideSuggestions);
  $('f-category-search').addEventListener('input', showCategoryOptions);
  $('f-category-search').addEventListener('focus', showCategoryOptions);
  $('f-category-search').addEventListener('blur', () => $('f-category-options').classList.add('hidden'));
  $('f-category-search').addEventListener('keydown', (e) => {
    if (e.key !== 'Enter') return;
    e.preventDefault(); // Enter takes the first match rather than submitting the order
    const first = $('f-category-options').querySelector('li[data-code]');
    if (first) chooseCategory(categories.find((c) => c.code === first.dataset.code));
  });
  $('f-location').addEventListener('input', refreshAround);
  $('f-citizenPhone').addEventListener('input', debounce(refreshDuplicates, 400));
  $('f-unit').addEventListener('change', showUnitReason);
  $('f-article-clear').addEventListener('click', () => setArticle(null));
  $('intake-form').addEventListener('submit', (e) => { e.preventDefault(); submit('dispatch'); });
  $('btn-answer').addEventListener('click', () => submit('answer'));
  $('btn-reset').addEventListener('click', () => resetForm(true));
  $('today-refresh').addEventListener('click', refreshToday);
  $('btn-dispatch').textContent = canDispatch ? t('agent.form.dispatch') : t('agent.form.toDispatchButton');
  if (!canIntake) {
    ['btn-dispatch', 'btn-answer'].forEach((id) => { $(id).disabled = true; });
    fill('form-result', t('agent.form.noIntake'));
  }

  live('/live/agent', { screenpop: onPop }, (up) => {
    const badge = $('live-status');
    badge.textContent = up ? t('agent.live.on') : t('agent.live.off');
    badge.className = 'badge ' + (up ? 'ok' : 'bad');
    badge.dataset.up = String(up);
  });
  loadCategories().then(refreshToday);
  refreshState();
  setInterval(refreshState, 5000);
  setInterval(refreshToday, 60000);
})();
