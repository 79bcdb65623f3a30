'use strict';
/* Places a call into the IVR of the PBX simulator and lets a person press keys, hang up or answer. */
(() => {
  const { t, api, el, fill, fmtTime, onSubmit, failed, user } = window.Hotline;
  const form = document.getElementById('sim-form');
  if (!form) return; // a real PBX is configured
  let call = null;
  let timer = null;

  function controls(enabled) {
    document.querySelectorAll('#sim-keypad .key').forEach((b) => { b.disabled = !enabled; });
    document.getElementById('sim-hangup').disabled = !enabled;
    document.getElementById('sim-answer').disabled = !enabled || !call || call.state !== 'queued';
  }

  function show(c) {
    call = c;
    fill('sim-id', c.id);
    const state = document.getElementById('sim-state');
    state.textContent = t('simcall.state.' + c.state);
    state.className = 'badge ' + (c.state === 'ended' ? '' : 'ok');
    state.dataset.state = c.state;
    fill('sim-route', c.route || '–');
    fill('sim-agent', c.agent || '–');
    fill('sim-log', (c.ivr || []).map((e) => el('li', { dataset: { kind: e.kind } },
      el('span', { class: 'muted' }, fmtTime(e.at), ' · ', e.kind, ' '),
      e.text ? el('strong', {}, e.text) : null,
      e.detail ? el('span', {}, ' ', e.detail) : null)));
    controls(c.state !== 'ended');
    if (c.state === 'ended') stop();
  }

  function stop() {
    clearInterval(timer);
    timer = null;
  }

  async function poll() {
    if (!call) return;
    try {
      show(await api('GET', '/api/sim/calls/' + encodeURIComponent(call.id)));
    } catch (err) {
      stop();
      failed(err);
    }
  }

  onSubmit(form, async (data) => {
    stop();
    show(await api('POST', '/api/sim/calls', { caller: data.caller.trim(), script: data.script }));
    timer = setInterval(poll, 700);
  });

  document.getElementById('sim-keypad').addEventListener('click', async (e) => {
    const key = e.target.closest('.key');
    if (!key || !call) return;
    try {
      show(await api('POST', '/api/sim/calls/' + encodeURIComponent(call.id) + '/dtmf', { digits: key.dataset.key }));
    } catch (err) { failed(err); }
  });
  document.getElementById('sim-hangup').addEventListener('click', async () => {
    try {
      show(await api('POST', '/api/sim/calls/' + encodeURIComponent(call.id) + '/hangup', {}));
    } catch (err) { failed(err); }
  });
  document.getElementById('sim-answer').addEventListener('click', async () => {
    try {
      show(await api('POST', '/api/sim/calls/' + encodeURIComponent(call.id) + '/answer', { agent: user.name }));
    } catch (err) { failed(err); }
  });
})();
