// Double Time dashboard, the shared part: the API token, requests, the live streams, formatting, and the panel
// registry. Plain JS, no build step. A panel is an object with any of: init(), connected(), onOpportunity(o, type),
// onTrade(t), onFeedHealth(h), onControl(c), onAlert(a), onSettlement(s), poll() (every POLL_MS while connected). Register one with
// Dashboard.register(panel) from its own script, loaded after this one (capital, settlement: add a section to
// index.html and a script; nothing here changes).
'use strict';

const Dashboard = (() => {
  const POLL_MS = 2000;
  const state = { token: sessionStorage.getItem('dt.token') || '', streams: [], connected: false, pairs: new Map() };
  const panels = [];
  const $ = (selector) => document.querySelector(selector);

  function headers(json) {
    const h = {};
    if (state.token) h['Authorization'] = 'Bearer ' + state.token;
    if (json) h['Content-Type'] = 'application/json';
    return h;
  }

  async function request(method, path, body, asText) {
    const response = await fetch(path, { method, headers: headers(body !== undefined), body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await response.text();
    if (!response.ok) {
      let message = response.statusText;
      try { message = JSON.parse(text).error || message; } catch (e) { /* not JSON */ }
      const error = new Error(message);
      error.status = response.status;
      throw error;
    }
    return asText ? text : (text ? JSON.parse(text) : null);
  }

  const api = (method, path, body) => request(method, path, body, false);
  const text = (path) => request('GET', path, undefined, true);

  // EventSource cannot send headers: the gateway accepts ?access_token= on /stream routes only
  const streamUrl = (path) => state.token ? path + '?access_token=' + encodeURIComponent(state.token) : path;

  function each(method, ...args) {
    for (const panel of panels) {
      if (typeof panel[method] === 'function') {
        try { panel[method](...args); } catch (e) { console.warn('panel', panel.name || '?', method, e); }
      }
    }
  }

  function register(panel) {
    panels.push(panel);
    if (typeof panel.init === 'function') panel.init();
    if (state.connected && typeof panel.connected === 'function') panel.connected();
  }

  // ---- formatting -------------------------------------------------------------------------------------------
  /** Dollars and cents, the exact amount on hover. */
  function money(value) {
    const span = document.createElement('span');
    if (value === null || value === undefined || value === '') { span.textContent = '—'; return span; }
    const amount = Number(value);
    span.textContent = (amount < 0 ? '−$' : '$') + Math.abs(amount).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    span.title = '$' + value + ' exactly';
    span.className = 'money' + (amount < 0 ? ' negative' : '');
    return span;
  }

  /** A long token id or hash as its ends, the whole on hover. */
  function shortId(id) {
    const span = document.createElement('span');
    span.textContent = id && id.length > 14 ? id.slice(0, 6) + '…' + id.slice(-4) : (id || '—');
    if (id) span.title = id;
    return span;
  }

  function cell(row, content, title) {
    const td = document.createElement('td');
    if (content instanceof Node) td.appendChild(content);
    else td.textContent = content === null || content === undefined ? '—' : String(content);
    if (title) td.title = title;
    row.appendChild(td);
    return td;
  }

  /** When a Polymarket token pays, in the pair's terms: same polarity YES pays with Kalshi YES; inverse with NO. */
  function polymarketPays(pairId, outcome) {
    const pair = state.pairs.get(pairId);
    if (!pair) return outcome;
    const sameAsKalshi = pair.polarity === 'same' ? outcome : (outcome === 'YES' ? 'NO' : 'YES');
    return outcome + ' (pays if Kalshi ' + sameAsKalshi + ')';
  }

  function legs(o) {
    return 'Kalshi ' + o.kalshi.outcome + ' + Polymarket ' + polymarketPays(o.pairId, o.polymarket.outcome);
  }

  // ---- connection -------------------------------------------------------------------------------------------
  function openStreams() {
    state.streams.forEach((s) => s.close());
    const opportunities = new EventSource(streamUrl('/api/opportunities/stream'));
    const onOpportunity = (event) => each('onOpportunity', JSON.parse(event.data), event.type);
    opportunities.addEventListener('opportunity', onOpportunity);
    opportunities.addEventListener('opportunity_closed', onOpportunity);
    opportunities.onopen = () => { $('#connection').textContent = 'live'; };
    opportunities.onerror = () => { $('#connection').textContent = 'reconnecting'; };
    const trades = new EventSource(streamUrl('/api/trades/stream'));
    trades.addEventListener('trade', (event) => each('onTrade', JSON.parse(event.data), false));
    trades.addEventListener('control', (event) => each('onControl', JSON.parse(event.data)));
    trades.addEventListener('alert', (event) => each('onAlert', JSON.parse(event.data)));
    trades.addEventListener('settlement', (event) => each('onSettlement', JSON.parse(event.data)));
    const health = new EventSource(streamUrl('/api/feeds/health/stream'));
    health.addEventListener('feed_health', (event) => each('onFeedHealth', JSON.parse(event.data)));
    state.streams = [opportunities, trades, health];
  }

  function setConnected(connected) {
    state.connected = connected;
    document.querySelectorAll('.needs-token').forEach((button) => { button.disabled = !connected; });
  }

  async function connect() {
    let control;
    try {
      control = await api('GET', '/api/control');
    } catch (e) {
      setConnected(false);
      $('#auth').hidden = false;
      $('#auth-error').textContent = e.status === 401 ? 'enter the API token' : e.status === 403 ? 'wrong token' : e.message;
      return;
    }
    $('#auth-error').textContent = '';
    $('#auth').hidden = true;
    try {
      for (const pair of (await api('GET', '/api/pairs')).pairs) state.pairs.set(pair.id, pair);
    } catch (e) { /* names fall back to the venues' own */ }
    setConnected(true);
    each('onControl', control);
    each('connected');
    openStreams();
  }

  function start() {
    $('#token-form').addEventListener('submit', (event) => {
      event.preventDefault();
      state.token = $('#token').value.trim();
      sessionStorage.setItem('dt.token', state.token);
      connect();
    });
    setInterval(() => { if (state.connected) each('poll'); }, POLL_MS);
    if (state.token) connect(); else { $('#auth').hidden = false; $('#auth-error').textContent = 'enter the API token'; }
  }

  return { register, start, api, text, money, shortId, cell, legs, polymarketPays, $, state, POLL_MS };
})();
