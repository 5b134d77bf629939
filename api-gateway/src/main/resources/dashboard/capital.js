// Capital and settlement panels (issue 12): both venues' cash, locked and free (Kalshi per shard), the positions at
// cost and today's settlements, the Polymarket winnings to redeem, and the RESOLUTION_DIVERGENCE banner. Registers
// with Dashboard (core.js) like every panel.
'use strict';

(() => {
  const { $, api, money, shortId, cell, register } = Dashboard;

  register({
    name: 'capital',
    async refresh() {
      let c;
      try { c = await api('GET', '/api/capital'); } catch (e) { return; }
      $('#capital-as-of').textContent = '(' + c.mode + ', as of ' + new Date(c.asOf).toLocaleTimeString() + ')';
      const body = $('#capital tbody');
      body.textContent = '';
      for (const [name, venue] of Object.entries(c.venues || {})) {
        const row = document.createElement('tr');
        cell(row, name.toLowerCase());
        if (venue.known === false) {
          cell(row, 'not read yet').colSpan = 4;
        } else {
          cell(row, money(venue.cash)); cell(row, money(venue.locked));
          const free = cell(row, money(venue.free));
          if (venue.freeCashFloor && Number(venue.free) < Number(venue.freeCashFloor)) free.className = 'warn';
          cell(row, venue.allowance === undefined ? '—' : money(venue.allowance));
        }
        cell(row, venue.freeCashFloor ? money(venue.freeCashFloor) : '—');
        const read = cell(row, venue.readFailure ? 'FAILED' : (venue.cashAsOf ? new Date(venue.cashAsOf).toLocaleTimeString() : '—'),
          venue.readFailure || '');
        if (venue.readFailure) read.className = 'warn';
        body.appendChild(row);
        for (const shard of venue.shards || []) {
          const shardRow = document.createElement('tr');
          cell(shardRow, '  shard ' + shard.exchangeIndex, 'Kalshi exchange_index ' + shard.exchangeIndex + ': an order draws only on its market\'s shard');
          cell(shardRow, money(shard.cash)); cell(shardRow, money(shard.locked)); cell(shardRow, money(shard.free));
          cell(shardRow, '—'); cell(shardRow, '—'); cell(shardRow, '');
          body.appendChild(shardRow);
        }
      }
      const put = (id, value) => { const dd = $(id); dd.textContent = ''; dd.appendChild(money(value)); };
      put('#capital-at-cost', c.positionsAtCost);
      put('#capital-settled', c.settledToday);
      $('#redemption-mode').textContent = c.redemption === 'automatic' ? 'redeemed automatically' : 'redeem by hand';
      const redeemable = $('#redeemable tbody');
      redeemable.textContent = '';
      for (const r of c.redeemable || []) {
        const row = document.createElement('tr');
        cell(row, r.pairId); cell(row, shortId(r.conditionId)); cell(row, r.yesShares + ' / ' + r.noShares);
        cell(row, money(r.payout));
        const stateCell = cell(row, r.state, r.detail || '');
        if (r.state === 'failed') stateCell.className = 'warn';
        cell(row, r.transactionHash ? shortId(r.transactionHash) : '—');
        redeemable.appendChild(row);
      }
      $('#redeemable-count').textContent = String((c.redeemable || []).filter((r) => r.state !== 'redeemed').length);
    },
    connected() { this.refresh(); },
    onTrade() { this.refresh(); },
    onSettlement() { this.refresh(); },
    onAlert() { this.refresh(); },
    poll() { this.refresh(); },
  });

  register({
    name: 'divergence',
    shown: new Map(),
    show(key, text) {
      if (this.shown.has(key)) return;
      const item = document.createElement('li');
      item.textContent = text;
      $('#divergences').appendChild(item);
      this.shown.set(key, item);
      $('#divergence-banner').hidden = false;
    },
    // an alert streamed now, or a position the executor already holds as diverged
    onAlert(a) {
      if (a.kind !== 'RESOLUTION_DIVERGENCE') return;
      this.show(a.eventId, a.pairId + ': ' + a.divergence + ', $' + a.moneyAtStake + ' at stake — ' + a.message);
    },
    async connected() {
      try {
        for (const p of (await api('GET', '/api/positions')).pairs || []) {
          if (p.state === 'diverged') this.show('position:' + p.pairId, p.pairId + ': settled DIVERGED, realised P&L $' + p.realizedPnl);
        }
      } catch (e) { /* the stream carries on */ }
    },
  });
})();
