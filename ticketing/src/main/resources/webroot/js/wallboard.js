'use strict';
/* The wallboard: figures from /live/wallboard (pushed every second), agents by state as a chart. */
(() => {
  const { t, el, fill, live, fmtDuration, fmtPercent, fmtTime } = window.Hotline;
  const STATES = ['available', 'ringing', 'onCall', 'wrapUp', 'paused', 'loggedOut'];
  const COLORS = ['#2e9d5b', '#e3a21a', '#d9480f', '#7048e8', '#868e96', '#ced4da'];
  const chartBox = document.getElementById('wb-agents-chart');
  const chart = window.echarts ? window.echarts.init(chartBox, null, { renderer: 'svg' }) : null;

  function show(w) {
    fill('wb-callsWaiting', String(w.callsWaiting));
    fill('wb-longestWait', fmtDuration(w.longestWaitSeconds));
    fill('wb-serviceLevel', fmtPercent(w.serviceLevel));
    fill('wb-abandonRate', fmtPercent(w.abandonRate));
    fill('wb-answeredToday', String(w.answeredToday));
    fill('wb-avgHandle', fmtDuration(w.avgHandleSeconds));
    document.getElementById('wb-longestWait').classList.toggle('alarm', w.longestWaitSeconds >= 60);
    const status = document.getElementById('wb-status');
    status.textContent = w.connected === false ? t('wallboard.amiDown') : t('wallboard.live');
    status.className = 'badge ' + (w.connected === false ? 'bad' : 'ok');
    fill('wb-updated', t('wallboard.updated', { time: fmtTime(w.at) }));
    const agents = w.agents || {};
    if (chart) {
      chart.setOption({
        animation: false,
        tooltip: {},
        xAxis: { type: 'category', data: STATES.map((s) => t('agent.status.' + s)) },
        yAxis: { type: 'value', minInterval: 1 },
        series: [{
          type: 'bar',
          data: STATES.map((s, i) => ({ value: agents[s] || 0, itemStyle: { color: COLORS[i] } })),
          label: { show: true, position: 'top' },
        }],
        grid: { left: 40, right: 10, top: 20, bottom: 30 },
      });
    }
    chartBox.dataset.agents = JSON.stringify(agents);
    const rows = (w.queues || []).map((q) => el('tr', { dataset: { queue: q.queue } },
      el('td', {}, q.queue), el('td', {}, String(q.callsWaiting)),
      el('td', {}, fmtDuration(q.longestWaitSeconds)), el('td', {}, String(q.answeredToday)),
      el('td', {}, String(q.abandonedToday))));
    fill(document.querySelector('#wb-queues tbody'), rows);
  }

  setInterval(() => fill('wb-clock', new Date().toLocaleTimeString(window.Hotline.lang, { hour12: false })), 1000);
  live('/live/wallboard', { wallboard: show }, (up) => {
    if (!up) {
      const status = document.getElementById('wb-status');
      status.textContent = t('wallboard.offline');
      status.className = 'badge bad';
    }
  });
  /** Urgent orders past their sign time (the scheduler flags them), polled every 10 s. */
  async function urgent() {
    try {
      const u = await window.Hotline.api('GET', '/api/wallboard/urgent');
      const count = document.getElementById('wb-urgent-count');
      count.textContent = String(u.count);
      count.className = 'badge ' + (u.count > 0 ? 'bad' : 'ok');
      fill(document.querySelector('#wb-urgent tbody'), u.orders.map((o) => el('tr', { class: 'urgent', dataset: { id: String(o.id) } },
        el('td', {}, el('span', { class: 'light red' }), el('a', { href: '/orders/' + o.id }, o.number)),
        el('td', {}, o.unitName || o.unit || ''), el('td', {}, fmtTime(o.signDeadline)))));
    } catch (err) {
      /* the live figures keep going; the next poll retries */
    }
  }
  urgent();
  setInterval(urgent, 10000);
  window.addEventListener('resize', () => chart && chart.resize());
})();
