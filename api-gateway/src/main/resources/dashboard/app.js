// Double Time dashboard: plain JS, no build step. The API token is asked once and kept in sessionStorage
// (gone when the tab closes). fetch() sends it as a bearer header; EventSource cannot set headers, so the
// SSE streams get it as ?access_token= (the gateway accepts that on /stream routes only).
'use strict';

const state = { token: sessionStorage.getItem('dt.token') || '', streams: [], opportunities: new Map() };
const $ = (selector) => document.querySelector(selector);

function headers(json) {
  const h = {};
  if (state.token) h['Authorization'] = 'Bearer ' + state.token;
  if (json) h['Content-Type'] = 'application/json';
  return h;
}

async function api(method, path, body) {
  const response = await fetch(path, { method, headers: headers(body !== undefined), body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  const json = text ? JSON.parse(text) : null;
  if (!response.ok) {
    const error = new Error((json && json.error) || response.statusText);
    error.status = response.status;
    throw error;
  }
  return json;
}

function streamUrl(path) {
  return state.token ? path + '?access_token=' + encodeURIComponent(state.token) : path;
}

function cell(row, text) {
  const td = document.createElement('td');
  td.textContent = text === null || text === undefined ? '—' : String(text);
  row.appendChild(td);
}

function showControl(control) {
  $('#mode').textContent = control.mode.toUpperCase();
  $('#trading-state').textContent = control.blockedBecause ? 'stopped: ' + control.blockedBecause : 'trading';
  $('#kill-state').dataset.on = String(control.killSwitch);
  $('#kill-state').textContent = control.killSwitch ? 'KILL SWITCH ON' : 'kill switch off';
}

function onOpportunity(event) {
  const o = JSON.parse(event.data);
  let row = state.opportunities.get(o.id);
  if (event.type === 'opportunity_closed') {
    if (row) { row.classList.add('closed'); row.lastChild.textContent = 'closed after ' + (o.lifetimeNanos / 1e6).toFixed(0) + ' ms'; }
    return;
  }
  const fresh = document.createElement('tr');
  fresh.dataset.id = o.id;
  fresh.className = 'opportunity';
  cell(fresh, o.pairId); cell(fresh, o.direction); cell(fresh, o.quantity);
  cell(fresh, o.kalshi.outcome + ' @ ' + o.kalshi.limitPrice);
  cell(fresh, o.polymarket.outcome + ' @ ' + o.polymarket.limitPrice);
  cell(fresh, o.edge); cell(fresh, o.edgePerContract); cell(fresh, 'open');
  const body = $('#opportunities tbody');
  if (row) body.replaceChild(fresh, row); else body.insertBefore(fresh, body.firstChild);
  state.opportunities.set(o.id, fresh);
  while (body.children.length > 50) { const last = body.lastChild; state.opportunities.delete(last.dataset.id); body.removeChild(last); }
}

function onTrade(event) {
  const t = JSON.parse(event.data);
  const row = document.createElement('tr');
  cell(row, new Date(t.executedAtNanos / 1e6).toLocaleTimeString()); cell(row, t.pairId); cell(row, t.status);
  cell(row, t.hedgedQuantity); cell(row, t.totalCost); cell(row, t.realisedEdge); cell(row, t.reason || '');
  const body = $('#trades tbody');
  body.insertBefore(row, body.firstChild);
  while (body.children.length > 50) body.removeChild(body.lastChild);
  refreshPositions();
}

// one row per feed instance (a scaled-out venue has several); an instance silent for FEED_GONE_MILLIS is dropped
const FEED_GONE_MILLIS = 10000;

function onFeedHealth(event) {
  const h = JSON.parse(event.data);
  const key = h.instanceId || h.venue;
  const row = document.querySelector('#feeds tr[data-instance="' + CSS.escape(key) + '"]');
  const fresh = document.createElement('tr');
  fresh.dataset.instance = key;
  fresh.dataset.seenAt = Date.now();
  cell(fresh, h.venue); cell(fresh, key); cell(fresh, (h.instruments || []).length); cell(fresh, h.connected ? 'yes' : 'NO');
  cell(fresh, h.lastFrameAgeMillis < 0 ? 'never' : h.lastFrameAgeMillis + ' ms ago');
  cell(fresh, h.frames); cell(fresh, h.malformed); cell(fresh, h.gaps); cell(fresh, h.reconnects); cell(fresh, h.staleMarkets);
  if (row) row.replaceWith(fresh); else $('#feeds tbody').appendChild(fresh);
}

function dropSilentFeeds() {
  for (const row of document.querySelectorAll('#feeds tbody tr')) {
    if (Date.now() - Number(row.dataset.seenAt) > FEED_GONE_MILLIS) row.remove();
  }
}

async function refreshMarkets() {
  try {
    const markets = (await api('GET', '/api/markets')).markets;
    const body = $('#markets tbody');
    body.textContent = '';
    for (const m of markets) {
      const row = document.createElement('tr');
      cell(row, m.pairId); cell(row, m.kalshi.yesAsk); cell(row, m.kalshi.noAsk); cell(row, m.polymarket.yesAsk); cell(row, m.polymarket.noAsk);
      cell(row, m.grossEdge.KALSHI_YES_POLYMARKET_NO); cell(row, m.grossEdge.KALSHI_NO_POLYMARKET_YES); cell(row, m.fresh ? 'yes' : 'no');
      body.appendChild(row);
    }
  } catch (e) { /* shown by the connection badge */ }
}

async function refreshPositions() {
  try {
    const p = await api('GET', '/api/positions');
    $('#pnl').textContent = 'outlaid $' + p.total.cost + ' · locked-in edge $' + p.total.lockedInEdge
      + ' · unhedged $' + p.total.unhedgedExposure + ' · realised today $' + p.total.realisedToday;
  } catch (e) { /* shown by the connection badge */ }
}

function openStreams() {
  state.streams.forEach((s) => s.close());
  const opportunities = new EventSource(streamUrl('/api/opportunities/stream'));
  opportunities.addEventListener('opportunity', onOpportunity);
  opportunities.addEventListener('opportunity_closed', onOpportunity);
  opportunities.onopen = () => { $('#connection').textContent = 'live'; };
  opportunities.onerror = () => { $('#connection').textContent = 'reconnecting'; };
  const trades = new EventSource(streamUrl('/api/trades/stream'));
  trades.addEventListener('trade', onTrade);
  trades.addEventListener('control', (event) => showControl(JSON.parse(event.data)));
  const health = new EventSource(streamUrl('/api/feeds/health/stream'));
  health.addEventListener('feed_health', onFeedHealth);
  state.streams = [opportunities, trades, health];
}

async function connect() {
  try {
    showControl(await api('GET', '/api/control'));
    $('#auth-error').textContent = '';
    $('#auth').hidden = true;
  } catch (e) {
    $('#auth').hidden = false;
    $('#auth-error').textContent = e.status === 401 ? 'enter the API token' : e.status === 403 ? 'wrong token' : e.message;
    return;
  }
  try {
    // what happened before the page opened; the streams carry on from here
    for (const o of await api('GET', '/api/opportunities?limit=20')) {
      onOpportunity({ type: o.type, data: JSON.stringify(o) });
    }
  } catch (e) { /* the stream still works */ }
  openStreams();
  refreshMarkets();
  refreshPositions();
}

async function control(path, body) {
  try {
    showControl(await api('POST', path, body));
    $('#control-error').textContent = '';
  } catch (e) {
    $('#control-error').textContent = e.message;
  }
}

$('#token-form').addEventListener('submit', (event) => {
  event.preventDefault();
  state.token = $('#token').value.trim();
  sessionStorage.setItem('dt.token', state.token);
  connect();
});
$('#pause').addEventListener('click', () => control('/api/control/pause', {}));
$('#resume').addEventListener('click', () => control('/api/control/resume', {}));
$('#kill-switch-on').addEventListener('click', () => control('/api/control/kill-switch', { on: true, reason: 'dashboard' }));
$('#kill-switch-off').addEventListener('click', () => control('/api/control/kill-switch', { on: false, reason: 'dashboard' }));
setInterval(refreshMarkets, 2000);
setInterval(dropSilentFeeds, 2000);
connect();
