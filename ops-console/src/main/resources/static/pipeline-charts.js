// Draws the pipeline's last hour from /api/v1/pipeline/history with uPlot (served with the console, no CDN),
// and redraws every 10 seconds. Series names come from the data and are set as text by uPlot.
(function () {
  'use strict';

  var COLOURS = ['#2563eb', '#dc2626', '#16a34a', '#9333ea', '#ea580c', '#0891b2', '#4d7c0f', '#be185d',
    '#1e3a8a', '#a16207', '#475569', '#7c2d12', '#065f46', '#6d28d9'];
  var charts = {};

  function draw(id, times, columns) {
    var figure = document.getElementById(id);
    var names = Object.keys(columns);
    var data = [times].concat(names.map(function (name) { return columns[name]; }));
    var key = names.join('|');
    var chart = charts[id];
    if (chart && chart.key === key) {
      chart.plot.setData(data);
      return;
    }
    if (chart) { chart.plot.destroy(); }
    var series = [{}].concat(names.map(function (name, i) {
      return {label: name, stroke: COLOURS[i % COLOURS.length], width: 1.5, spanGaps: true};
    }));
    var width = Math.max(320, Math.min(960, figure.clientWidth || 960));
    // at least the last ten minutes across, so a console just started does not stretch a few points over years
    var scales = {x: {time: true, range: function (u, min, max) { return [Math.min(min, max - 600), max + 10]; }}};
    var plot = new uPlot({width: width, height: 220, series: series, scales: scales, axes: [{}, {size: 60}]},
      data, figure);
    charts[id] = {plot: plot, key: key};
    figure.dataset.series = String(names.length);
  }

  function show(history) {
    draw('chart-written', history.times, history.written);
    draw('chart-lag', history.times, history.lag);
    draw('chart-funnel', history.times, history.funnel);
    document.getElementById('charts').dataset.points = String(history.times.length);
  }

  function refresh() {
    fetch('/api/v1/pipeline/history', {headers: {'Accept': 'application/json'}, credentials: 'same-origin'})
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (history) { if (history && window.uPlot) { show(history); } })
      .catch(function () { /* the tables above say when the console cannot be reached */ })
      .finally(function () { window.setTimeout(refresh, 10000); });
  }

  refresh();
})();
