// The insight trend chart: drawn by Chart.js from the canvas's data attributes (the
// Content-Security-Policy allows no inline script). The table beside it says the same
// for screen readers and without JavaScript.
(function () {
  'use strict';

  function numbers(text) {
    return (text || '').split(',').map(function (value) {
      return value === '' ? null : Number(value);
    });
  }

  function draw(canvas) {
    if (typeof window.Chart === 'undefined') {
      return;
    }
    var labels = (canvas.dataset.labels || '').split(',');
    // A week that is not over yet is labelled so, and the line into it is dashed.
    var partial = (canvas.dataset.partial || '').split(',').map(function (flag) {
      return flag === '1';
    });
    labels = labels.map(function (label, i) {
      return partial[i] ? label + ' (' + canvas.dataset.partialLabel + ')' : label;
    });
    var intoPartial = {
      borderDash: function (ctx) {
        return partial[ctx.p1DataIndex] ? [2, 3] : undefined;
      }
    };
    new window.Chart(canvas, {
      type: 'line',
      data: {
        labels: labels,
        datasets: [
          { label: canvas.dataset.readLabel, data: numbers(canvas.dataset.read), borderColor: '#0b5ed7',
            backgroundColor: '#0b5ed7', spanGaps: true, tension: 0.2, segment: intoPartial },
          { label: canvas.dataset.ackLabel, data: numbers(canvas.dataset.ack), borderColor: '#a85d00',
            backgroundColor: '#a85d00', borderDash: [6, 4], spanGaps: true, tension: 0.2,
            segment: { borderDash: function (ctx) { return partial[ctx.p1DataIndex] ? [2, 3] : [6, 4]; } } }
        ]
      },
      options: {
        animation: false,
        maintainAspectRatio: false,
        scales: { y: { min: 0, max: 100, ticks: { callback: function (v) { return v + ' %'; } } } }
      }
    });
    canvas.dataset.drawn = 'true';
  }

  function start() {
    document.querySelectorAll('canvas[data-trend-chart]').forEach(draw);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  }
  else {
    start();
  }
})();
