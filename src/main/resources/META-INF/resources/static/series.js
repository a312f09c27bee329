// Series page: replaces the server-rendered SVG with an interactive uPlot chart (lines, bands, one
// dot per poll with a tooltip; for a large series the server sends groups of polls, each with its
// count n, drawn larger and darker the more polls it holds). Without JavaScript the SVG stays.
// Drawn again when live.js has replaced the chart's part of the page with a newer one.
(function () {
  'use strict';
  function draw() {
  const figure = document.getElementById('trend-figure');
  const holder = document.getElementById('trend-chart');
  const source = document.getElementById('trend-data');
  if (!figure || !holder || !source || typeof uPlot === 'undefined') return;
  const data = JSON.parse(source.textContent);
  const palette = window.matchMedia('(prefers-color-scheme: dark)').matches
    ? ['#56b4e9', '#e69f00', '#2fd3a0', '#f0a8d0'] : ['#0072b2', '#d55e00', '#009e73', '#cc79a7'];
  const seconds = (day) => Date.parse(day + 'T00:00:00Z') / 1000;
  const days = Array.from(new Set(data.choices.flatMap((c) => c.dates))).sort();
  const x = days.map(seconds);
  const columns = [x];
  const series = [{}];
  const bands = [];
  data.choices.forEach((choice, i) => {
    const at = new Map(choice.dates.map((d, k) => [d, k]));
    const pick = (values) => days.map((d) => (at.has(d) ? values[at.get(d)] : null));
    const colour = palette[i % palette.length];
    const base = columns.length;
    columns.push(pick(choice.estimate), pick(choice.upper), pick(choice.lower));
    series.push({ label: choice.label, stroke: colour, width: 2 },
      { label: choice.label + ' upper', stroke: 'transparent', points: { show: false } },
      { label: choice.label + ' lower', stroke: 'transparent', points: { show: false } });
    bands.push({ series: [base + 1, base + 2], fill: colour + '40' });
  });
  const colourOf = new Map(data.choices.map((c, i) => [c.key, palette[i % palette.length]]));
  const dots = data.dots.map((d) => ({ t: seconds(d.date), v: d.value, c: colourOf.get(d.choice) || '#888', tip: d.tip, n: d.n || 1 }));
  const drawDots = {
    hooks: {
      draw: [(u) => {
        const ctx = u.ctx;
        ctx.save();
        // what was drawn, for tests and for the curious: dots inside the plot, bands given to uPlot
        let drawn = 0;
        for (const d of dots) {
          const left = u.valToPos(d.t, 'x', true);
          const top = u.valToPos(d.v, 'y', true);
          if (left >= u.bbox.left && left <= u.bbox.left + u.bbox.width
              && top >= u.bbox.top && top <= u.bbox.top + u.bbox.height) drawn++;
          // a group of polls: larger and darker the more it holds, as on the server chart
          const alpha = d.n > 1 ? Math.round(Math.min(200, 70 + 32 * Math.log2(d.n))) : 0x99;
          ctx.fillStyle = d.c + alpha.toString(16).padStart(2, '0');
          ctx.beginPath();
          const radius = d.n > 1 ? Math.min(4.5, 3 + 0.5 * Math.log2(d.n)) : 3;
          ctx.arc(left, top, radius * devicePixelRatio, 0, 2 * Math.PI);
          ctx.fill();
        }
        ctx.restore();
        holder.dataset.dotsDrawn = String(drawn);
        holder.dataset.bands = String(u.bands ? u.bands.length : 0);
      }],
    },
  };
  const width = Math.min(figure.clientWidth || 640, 960);
  holder.hidden = false;
  const chart = new uPlot({ width: width, height: 400, series: series, bands: bands, plugins: [drawDots],
    scales: { x: { time: true } }, axes: [{ stroke: getComputedStyle(document.body).color }, { stroke: getComputedStyle(document.body).color }] },
    columns, holder);
  document.getElementById('trend-svg').hidden = true;
  if (window.pollwatchTrend) window.pollwatchTrend.chart.destroy();
  window.pollwatchTrend = { chart: chart, dots: dots.length, bands: bands.length };
  }
  draw();
  document.addEventListener('pollwatch:refreshed', draw);
})();
