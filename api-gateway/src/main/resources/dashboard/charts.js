// Charts on uPlot (vendored from its webjar at build time: dashboard/vendor/uplot/). A TimeChart keeps a bounded
// window of points and redraws on push; a Sparkline is a TimeChart without axes, sized for a table cell.
'use strict';

const Charts = (() => {
  const MAX_POINTS = 600;
  const COLORS = ['#1565c0', '#c62828', '#2e7d32', '#6a1b9a', '#ef6c00', '#00838f'];

  function width(element) {
    return Math.max(200, element.clientWidth || element.parentElement.clientWidth || 300);
  }

  /**
   * A time series chart in `element` with one line (or bars) per label. push(seconds, [values...]) appends a
   * point; values may be null (a gap).
   */
  class TimeChart {
    constructor(element, labels, options = {}) {
      this.element = element;
      this.data = [[], ...labels.map(() => [])];
      const series = [{}, ...labels.map((label, i) => ({
        label,
        stroke: COLORS[i % COLORS.length],
        width: 2,
        fill: options.bars ? COLORS[i % COLORS.length] + '55' : undefined,
        paths: options.bars && uPlot.paths && uPlot.paths.bars ? uPlot.paths.bars({ size: [0.8, 40] }) : undefined,
        value: (u, v) => v === null || v === undefined ? '—' : (options.format ? options.format(v) : v),
      }))];
      this.fixedWidth = options.width;
      this.plot = new uPlot({
        width: options.width || width(element),
        height: options.height || 170,
        series,
        legend: { show: options.legend !== false },
        axes: options.axes === false ? [{ show: false }, { show: false }] : [{}, { size: 56, values: (u, ticks) => ticks.map((t) => options.format ? options.format(t) : t) }],
        cursor: { show: options.axes !== false },
        scales: { x: { time: true } },
      }, this.data, element);
      this.element.dataset.points = '0';
      if (!options.width) {
        window.addEventListener('resize', () => this.plot.setSize({ width: width(this.element), height: options.height || 170 }));
      }
    }

    push(seconds, values) {
      this.data[0].push(seconds);
      values.forEach((v, i) => this.data[i + 1].push(v));
      if (this.data[0].length > MAX_POINTS) this.data.forEach((column) => column.shift());
      this.plot.setData(this.data);
      this.element.dataset.points = String(this.data[0].length);
    }

    /** Replaces the last point when it has the same time (a bucket still filling), else appends. */
    set(seconds, values) {
      const times = this.data[0];
      if (times.length && times[times.length - 1] === seconds) {
        values.forEach((v, i) => { this.data[i + 1][times.length - 1] = v; });
        this.plot.setData(this.data);
      } else {
        this.push(seconds, values);
      }
    }
  }

  function sparkline(element) {
    return new TimeChart(element, ['edge'], { axes: false, legend: false, height: 28, width: 120, format: (v) => v.toFixed(3) });
  }

  return { TimeChart, sparkline };
})();
