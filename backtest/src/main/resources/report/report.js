// Draws the backtest report's charts with uPlot from the JSON block #backtest-data; each chart's element gets
// data-points = how many values it drew (the browser test reads it). Times are shown in UTC, money in dollars.
(function () {
  'use strict';
  const data = JSON.parse(document.getElementById('backtest-data').textContent);
  const colors = ['#2563eb', '#16a34a', '#d97706', '#dc2626', '#7c3aed', '#0891b2', '#db2777', '#65a30d'];
  const plots = [];

  function money(value) {
    if (value == null) return '';
    const text = Math.abs(value).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    return (value < 0 ? '\u2212$' : '$') + text;
  }

  function widthOf(element) {
    return Math.max(300, Math.floor(element.getBoundingClientRect().width) || 600);
  }

  function draw(element, options, columns, points) {
    options.width = widthOf(element);
    plots.push({ element: element, plot: new uPlot(options, columns, element) });
    element.dataset.points = String(points);
  }

  function pnlOverTime() {
    const element = document.getElementById('chart-pnl-time');
    const times = new Set([data.startSeconds, data.endSeconds]);
    data.runs.forEach((run) => run.curveSeconds.forEach((t) => times.add(t)));
    const x = Array.from(times).sort((a, b) => a - b);
    const lines = data.runs.map((run) => {
      let next = 0;
      let value = 0;
      return x.map((t) => {
        while (next < run.curveSeconds.length && run.curveSeconds[next] <= t) {
          value = run.curveDollars[next];
          next++;
        }
        return value;
      });
    });
    const series = [{ label: 'capture time (UTC)' }].concat(data.runs.map((run, i) => ({
      label: run.latencyMs + ' ms',
      stroke: colors[i % colors.length],
      width: 2,
      paths: uPlot.paths.stepped({ align: 1 }),
      points: { show: false },
      value: (u, v) => money(v),
    })));
    draw(element, {
      height: 300,
      tzDate: (ts) => uPlot.tzDate(new Date(ts * 1e3), 'Etc/UTC'),
      scales: { x: { time: true } },
      series: series,
      axes: [{}, { size: 80, values: (u, values) => values.map(money) }],
    }, [x].concat(lines), x.length);
  }

  function pnlAgainstLatency() {
    const element = document.getElementById('chart-pnl-latency');
    const runs = data.runs.slice().sort((a, b) => a.latencyMs - b.latencyMs);
    draw(element, {
      height: 300,
      scales: { x: { time: false } },
      series: [
        { label: 'latency', value: (u, v) => (v == null ? '' : v + ' ms') },
        { label: 'P&L', stroke: colors[0], width: 2, points: { show: true, size: 8 }, value: (u, v) => money(v) },
      ],
      axes: [
        { values: (u, values) => values.map((v) => v + ' ms') },
        { size: 80, values: (u, values) => values.map(money) },
      ],
    }, [runs.map((run) => run.latencyMs), runs.map((run) => run.pnl)], runs.length);
  }

  function histogram(id, buckets, label, color) {
    const element = document.getElementById(id);
    const x = buckets.labels.map((_, i) => i);
    const total = buckets.counts.reduce((a, b) => a + b, 0);
    draw(element, {
      height: 240,
      scales: { x: { time: false, range: [-0.5, x.length - 0.5] } },
      series: [
        { label: 'bucket', value: (u, v) => (v == null ? '' : buckets.labels[v]) },
        { label: label, stroke: color, fill: color + '55', paths: uPlot.paths.bars({ size: [0.7, 90] }),
          points: { show: false } },
      ],
      axes: [
        { splits: () => x, values: (u, splits) => splits.map((i) => buckets.labels[i] || '') },
        { size: 60 },
      ],
    }, [x, buckets.counts], total);
  }

  pnlOverTime();
  pnlAgainstLatency();
  histogram('chart-lifetimes', data.lifetimes, 'windows', '#7c3aed');
  histogram('chart-edges', data.edges, 'windows', '#16a34a');

  let resizing = null;
  window.addEventListener('resize', () => {
    clearTimeout(resizing);
    resizing = setTimeout(() => plots.forEach((p) => p.plot.setSize({ width: widthOf(p.element), height: p.plot.height })), 100);
  });
})();
