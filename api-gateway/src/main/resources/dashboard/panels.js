// The dashboard's panels: each registers itself with Dashboard (core.js) and owns one section of index.html.
'use strict';

(() => {
  const { $, api, text, money, shortId, cell, legs, register, state } = Dashboard;
  const MAX_ROWS = 200;
  const MAX_CLOSED = 100;
  const nowSeconds = () => Date.now() / 1000;
  const nanosToSeconds = (nanos) => Number(nanos) / 1e9;

  // ---- controls and the header badges --------------------------------------------------------------------
  register({
    name: 'controls',
    init() {
      const control = async (path, body) => {
        try {
          this.onControl(await api('POST', path, body));
          $('#control-error').textContent = '';
        } catch (e) {
          $('#control-error').textContent = e.message;
        }
      };
      $('#pause').addEventListener('click', () => control('/api/control/pause', { reason: 'dashboard' }));
      $('#resume').addEventListener('click', () => control('/api/control/resume', { reason: 'dashboard' }));
      $('#kill-switch-on').addEventListener('click', () => {
        const reason = window.prompt('Kill switch: why stop all new trades? (kept in the journal)', '');
        if (reason === null) return;
        if (!reason.trim()) { $('#control-error').textContent = 'the kill switch needs a reason'; return; }
        if (!window.confirm('Turn the kill switch ON? No new trade is sent until it is turned off.\nReason: ' + reason)) return;
        control('/api/control/kill-switch', { on: true, reason: reason.trim() });
      });
      $('#kill-switch-off').addEventListener('click', () => {
        if (!window.confirm('Turn the kill switch off and let trading resume?')) return;
        control('/api/control/kill-switch', { on: false, reason: 'dashboard' });
      });
    },
    onControl(c) {
      $('#mode').textContent = String(c.mode || '?').toUpperCase();
      $('#trading-state').textContent = c.blockedBecause ? 'stopped: ' + c.blockedBecause : 'trading';
      $('#kill-state').dataset.on = String(c.killSwitch);
      $('#kill-state').textContent = c.killSwitch ? 'KILL SWITCH ON' : 'kill switch off';
      this.onExecutor(c.executor);
    },
    // which executor instance is active (fail-over: one active, the others standing by), from /health every poll
    onExecutor(e) {
      if (!e) return;
      const badge = $('#executor-state');
      badge.dataset.active = String(Boolean(e.active));
      badge.textContent = e.active
        ? 'executor ' + e.active + (e.epoch ? ' · epoch ' + e.epoch : '') + ' · since ' + new Date(e.activeSince).toLocaleTimeString()
        : 'NO ACTIVE EXECUTOR';
      badge.title = (e.instances || [])
        .map((i) => i.instanceId + ': ' + i.role + (i.silent ? ' (silent)' : '') + (i.detail ? ' — ' + i.detail : ''))
        .concat(['fail-overs: ' + e.failovers])
        .join('\n');
    },
    async poll() {
      try { this.onExecutor((await api('GET', '/health')).executor); } catch (e) { /* shown stale until the next poll */ }
    },
  });

  // ---- money: totals and positions per pair --------------------------------------------------------------
  register({
    name: 'positions',
    lastRefresh: 0,
    async refresh() {
      this.lastRefresh = Date.now();
      let p;
      try { p = await api('GET', '/api/positions'); } catch (e) { return; }
      const put = (id, value) => { const dd = $(id); dd.textContent = ''; dd.appendChild(money(value)); };
      put('#pnl-cost', p.total.cost);
      put('#pnl-locked', p.total.lockedInEdge);
      put('#pnl-realised', p.total.realisedToday);
      put('#pnl-unhedged', p.total.unhedgedExposure);
      const body = $('#positions tbody');
      body.textContent = '';
      for (const pair of p.pairs || []) {
        const row = document.createElement('tr');
        cell(row, pair.pairId); cell(row, pair.trades);
        cell(row, pair.kalshi.yes + ' / ' + pair.kalshi.no); cell(row, pair.polymarket.yes + ' / ' + pair.polymarket.no);
        cell(row, pair.hedgedContracts);
        const unhedged = cell(row, pair.unhedgedContracts);
        if (Number(pair.unhedgedContracts) > 0) unhedged.className = 'warn';
        cell(row, money(pair.cost)); cell(row, money(pair.fees)); cell(row, money(pair.lockedInEdge));
        const stateCell = cell(row, pair.state || 'open');
        if (pair.state === 'diverged') stateCell.className = 'warn';
        cell(row, money(pair.realizedPnl));
        if (pair.state && pair.state !== 'open') row.className = 'settled';
        body.appendChild(row);
      }
      if (!body.children.length) {
        const row = document.createElement('tr');
        cell(row, 'no position yet').colSpan = 11;
        body.appendChild(row);
      }
    },
    connected() { this.refresh(); },
    onTrade() { this.refresh(); },
    onSettlement() { this.refresh(); },
    poll() { if (Date.now() - this.lastRefresh > 10000) this.refresh(); },
  });

  // ---- trades (loaded on open, then live) and the cumulative P&L chart ---------------------------------------
  register({
    name: 'trades',
    seen: new Set(),
    cumulative: 0,
    init() { this.chart = new Charts.TimeChart($('#chart-pnl'), ['locked-in edge'], { format: (v) => '$' + Number(v).toFixed(2) }); },
    async connected() {
      let trades = [];
      try { trades = await api('GET', '/api/trades?limit=' + MAX_ROWS); } catch (e) { return; }
      trades.sort((a, b) => Number(a.executedAtNanos) - Number(b.executedAtNanos));
      for (const t of trades) this.onTrade(t);
    },
    onTrade(t) {
      if (this.seen.has(t.tradeId + ':' + t.status)) return;
      this.seen.add(t.tradeId + ':' + t.status);
      const row = document.createElement('tr');
      row.className = 'trade status-' + String(t.status).toLowerCase();
      row.dataset.tradeId = t.tradeId;
      const at = new Date(nanosToSeconds(t.executedAtNanos) * 1000);
      cell(row, at.toLocaleTimeString(), at.toISOString());
      cell(row, t.pairId, t.direction);
      cell(row, t.status);
      cell(row, t.hedgedQuantity);
      cell(row, money(t.totalCost));
      cell(row, money(t.realisedEdge));
      cell(row, t.reason || '');
      const body = $('#trades tbody');
      body.insertBefore(row, body.firstChild);
      while (body.children.length > MAX_ROWS) body.removeChild(body.lastChild);
      $('#trades-count').textContent = '(' + this.seen.size + ' since the page opened, newest first)';
      const edge = Number(t.realisedEdge || 0);
      if (edge !== 0 || this.chart.data[0].length === 0) {
        this.cumulative += edge;
        this.chart.push(nanosToSeconds(t.executedAtNanos), [Math.round(this.cumulative * 100) / 100]);
      }
    },
  });

  // ---- opportunities: open first, closed collapsed; opportunities per minute ------------------------------------
  register({
    name: 'opportunities',
    open: new Map(),
    counted: new Set(),
    perMinute: new Map(),
    init() { this.chart = new Charts.TimeChart($('#chart-opportunities'), ['opened'], { bars: true }); },
    async connected() {
      try {
        for (const o of await api('GET', '/api/opportunities?limit=100')) this.onOpportunity(o, o.type);
      } catch (e) { /* the stream carries on */ }
    },
    onOpportunity(o, type) {
      if (type === 'opportunity_closed') { this.close(o); return; }
      if (!this.counted.has(o.id)) {
        this.counted.add(o.id);
        const minute = Math.floor(nanosToSeconds(o.detectedAtNanos) / 60) * 60;
        this.perMinute.set(minute, (this.perMinute.get(minute) || 0) + 1);
        this.chart.set(minute, [this.perMinute.get(minute)]);
      }
      const row = document.createElement('tr');
      row.dataset.id = o.id;
      row.className = 'opportunity';
      cell(row, o.pairId);
      cell(row, legs(o), o.direction);
      cell(row, o.quantity);
      cell(row, o.kalshi.outcome + ' ≤ ' + o.kalshi.limitPrice, 'cost $' + o.kalshi.cost + ', fee $' + o.kalshi.fee);
      const poly = document.createElement('span');
      poly.append(o.polymarket.outcome + ' ≤ ' + o.polymarket.limitPrice + ' ', shortId(o.polymarket.tokenId));
      cell(row, poly, 'cost $' + o.polymarket.cost + ', fee $' + o.polymarket.fee);
      cell(row, money(o.edge));
      cell(row, money(o.edgePerContract));
      const age = cell(row, '');
      age.className = 'age';
      row.dataset.detected = String(nanosToSeconds(o.detectedAtNanos));
      const body = $('#opportunities tbody');
      const existing = this.open.get(o.id);
      if (existing) body.replaceChild(row, existing); else body.insertBefore(row, body.firstChild);
      this.open.set(o.id, row);
      this.ages();
    },
    close(o) {
      const row = this.open.get(o.id);
      this.open.delete(o.id);
      if (row) row.remove();
      const closed = document.createElement('tr');
      closed.className = 'closed';
      closed.dataset.id = o.id;
      const cells = row ? row.children : null;
      cell(closed, o.pairId);
      cell(closed, cells ? cells[1].textContent : o.direction);
      cell(closed, cells ? cells[2].textContent : '—');
      cell(closed, cells ? money(row.children[5].firstChild.title.replace(/^\$| exactly$/g, '')) : '—');
      cell(closed, (Number(o.lifetimeNanos) / 1e6).toFixed(0) + ' ms');
      const body = $('#closed-opportunities tbody');
      body.insertBefore(closed, body.firstChild);
      while (body.children.length > MAX_CLOSED) body.removeChild(body.lastChild);
      $('#closed-count').textContent = String(body.children.length);
      this.ages();
    },
    ages() {
      const now = nowSeconds();
      for (const row of this.open.values()) {
        row.querySelector('.age').textContent = Math.max(0, now - Number(row.dataset.detected)).toFixed(1) + ' s';
      }
      $('#open-count').textContent = '(' + this.open.size + ')';
    },
    poll() { this.ages(); },
  });

  // ---- pairs: best asks, edge and a sparkline per pair -----------------------------------------------------------
  register({
    name: 'markets',
    rows: new Map(),
    statuses: new Map(),
    async refresh() {
      let markets;
      try { markets = (await api('GET', '/api/markets')).markets; } catch (e) { return; }
      try {
        for (const pair of (await api('GET', '/api/pairs')).pairs) {
          this.statuses.set(pair.id, { kalshi: pair.kalshi.status, polymarket: pair.polymarket.status, tradable: pair.tradable });
        }
      } catch (e) { /* statuses keep their last value */ }
      const body = $('#markets tbody');
      const now = nowSeconds();
      for (const m of markets) {
        let entry = this.rows.get(m.pairId);
        if (!entry) {
          const row = document.createElement('tr');
          row.dataset.pair = m.pairId;
          const cells = [];
          for (let i = 0; i < 9; i++) cells.push(cell(row, ''));
          const spark = document.createElement('div');
          spark.className = 'sparkline';
          cells[6].textContent = '';
          cells[6].appendChild(spark);
          body.appendChild(row);
          entry = { row, cells, chart: Charts.sparkline(spark) };
          this.rows.set(m.pairId, entry);
        }
        const pair = state.pairs.get(m.pairId);
        const inverse = pair && pair.polarity === 'inverse';
        // the Polymarket token that pays when Kalshi YES does, and the one that pays when Kalshi NO does
        const paysIfYes = inverse ? m.polymarket.noAsk : m.polymarket.yesAsk;
        const paysIfNo = inverse ? m.polymarket.yesAsk : m.polymarket.noAsk;
        const values = [m.pairId, m.kalshi.yesAsk, m.kalshi.noAsk,
          (paysIfYes || '—') + (inverse ? ' (its NO token)' : ' (its YES token)'),
          (paysIfNo || '—') + (inverse ? ' (its YES token)' : ' (its NO token)')];
        values.forEach((v, i) => { entry.cells[i].textContent = v === null || v === undefined ? '—' : v; });
        entry.cells[0].title = pair ? (pair.description || '') + ' · Kalshi ' + pair.kalshi.ticker + ' · ' + pair.polarity : '';
        const edges = Object.values(m.grossEdge || {}).filter((e) => e !== null && e !== undefined).map(Number);
        const best = edges.length ? Math.max(...edges) : null;
        entry.cells[5].textContent = best === null ? '—' : best.toFixed(4);
        entry.cells[5].className = best !== null && best > 0 ? 'positive' : '';
        entry.cells[7].textContent = m.fresh ? 'yes' : 'no';
        // suspended (a market not open): greyed, with both statuses; trading resumes when both are open
        const status = this.statuses.get(m.pairId);
        entry.cells[8].textContent = status ? (status.kalshi || '?') + ' / ' + (status.polymarket || '?') : '—';
        entry.row.classList.toggle('suspended', Boolean(status && !status.tradable));
        entry.row.title = status && !status.tradable ? 'suspended: a market is not open' : '';
        entry.chart.push(now, [best]);
      }
    },
    connected() { this.refresh(); },
    poll() { this.refresh(); },
  });

  // ---- feeds: health rows (stale and not-subscribed markets named on hover) -----------------------------------
  register({
    name: 'feeds',
    async connected() {
      try {
        const health = await api('GET', '/api/feeds/health');
        // one row per feed instance (a scaled-out venue has several, each holding part of its markets)
        for (const venue of Object.values(health.venues || {})) {
          for (const instance of venue.instances || []) if (instance.live) this.onFeedHealth(instance);
        }
      } catch (e) { /* the stream carries on */ }
    },
    onFeedHealth(h) {
      const row = document.createElement('tr');
      const key = h.instanceId || h.venue;
      row.dataset.instance = key;
      row.dataset.seenAt = Date.now();
      cell(row, h.instanceId && h.instanceId !== h.venue ? h.venue + ' · ' + h.instanceId : h.venue);
      cell(row, h.connected ? 'yes' : 'NO').className = h.connected ? '' : 'warn';
      cell(row, h.lastFrameAgeMillis === undefined || h.lastFrameAgeMillis < 0 ? 'never' : h.lastFrameAgeMillis + ' ms ago');
      cell(row, h.frames); cell(row, h.malformed); cell(row, h.gaps); cell(row, h.reconnects);
      const stale = h.staleInstruments || [];
      const notSubscribed = h.notSubscribed || [];
      cell(row, (h.staleMarkets || 0) + (notSubscribed.length ? ' / ' + notSubscribed.length + ' not subscribed' : ''),
        [...stale.map((s) => 'stale: ' + s), ...notSubscribed.map((s) => 'not subscribed: ' + (s.instrument || s) + (s.reason ? ' (' + s.reason + ')' : ''))].join('\n'));
      const existing = document.querySelector('#feeds tr[data-instance="' + CSS.escape(key) + '"]');
      if (existing) existing.replaceWith(row); else $('#feeds tbody').appendChild(row);
    },
    // an instance that stopped reporting (killed, scaled in) leaves the table
    poll() {
      for (const row of document.querySelectorAll('#feeds tbody tr')) {
        if (Date.now() - Number(row.dataset.seenAt) > 10000) row.remove();
      }
    },
  });

  // ---- frames per second and frame-to-decision latency, from the gateway's Prometheus text -------------------------
  register({
    name: 'pipeline',
    previous: null,
    init() {
      this.frames = new Charts.TimeChart($('#chart-frames'), ['kalshi', 'polymarket'], { format: (v) => Number(v).toFixed(0) });
      this.latency = new Charts.TimeChart($('#chart-latency'), ['p50', 'p99'], { format: (v) => (Number(v) >= 100 ? Number(v).toFixed(0) : Number(v).toFixed(1)) });
    },
    async poll() {
      let metrics;
      try { metrics = parsePrometheus(await text('/metrics')); } catch (e) { return; }
      const now = nowSeconds();
      const previous = this.previous;
      this.previous = { at: now, metrics };
      if (!previous) return;
      const seconds = now - previous.at;
      const rate = (venue) => {
        const key = 'dt_feed_frames_total{venue="' + venue + '"}';
        const a = previous.metrics.get(key), b = metrics.get(key);
        return a === undefined || b === undefined ? null : Math.max(0, (b - a) / seconds);
      };
      this.frames.push(now, [rate('kalshi'), rate('polymarket')]);
      const buckets = histogramDelta(previous.metrics, metrics, 'dt_monitor_frame_to_decision_seconds_bucket');
      this.latency.push(now, [quantile(buckets, 0.5), quantile(buckets, 0.99)]);
    },
  });

  /** Prometheus text as a map from 'name{labels}' (labels as written, sorted) to the sample's value. */
  function parsePrometheus(body) {
    const samples = new Map();
    for (const line of body.split('\n')) {
      if (!line || line.startsWith('#')) continue;
      const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{[^}]*\})?\s+(\S+)/.exec(line);
      if (!match) continue;
      const labels = match[2] ? '{' + match[2].slice(1, -1).split(/,(?=[a-zA-Z_]+=)/).filter((l) => l).sort().join(',') + '}' : '';
      samples.set(match[1] + labels, Number(match[3]));
    }
    return samples;
  }

  /** The histogram's bucket counts gained between two scrapes, as [upper bound in seconds, count] ascending. */
  function histogramDelta(before, after, name) {
    const sums = new Map();
    for (const [key, value] of after) {
      if (!key.startsWith(name + '{')) continue;
      const le = /le="([^"]+)"/.exec(key);
      if (!le) continue;
      const bound = le[1] === '+Inf' ? Infinity : Number(le[1]);
      const gained = value - (before.get(key) || 0);
      sums.set(bound, (sums.get(bound) || 0) + gained); // summed over label sets (venues)
    }
    return [...sums.entries()].sort((a, b) => a[0] - b[0]);
  }

  /** The bucket bound (in µs) below which a fraction q of the new samples fell; null without samples. */
  function quantile(buckets, q) {
    if (!buckets.length) return null;
    const total = buckets[buckets.length - 1][1];
    if (total <= 0) return null;
    for (const [bound, count] of buckets) {
      if (count >= q * total) return bound === Infinity ? null : bound * 1e6;
    }
    return null;
  }
})();
