// The dashboard's charts, drawn with Chart.js from the figures in each canvas's data-chart
// attribute (src/web/dashboard-figures.ts, FigureChart). The data table beside each chart holds
// the same figures and is what a screen reader reads: the canvas is aria-hidden. Series differ by
// more than colour: solid and outlined bars, light to dark shades in order, dashed lines and
// different point shapes, and the legend names each.
import '/assets/chart.umd.min.js';

const Chart = globalThis.Chart;

/** The municipality's brand colour and its companions, each dark enough against white. */
const COLOURS = ['#00546b', '#8a4b00', '#3d6b1f', '#5b2a86'];
/** Stacked series (ordered, like age buckets): one hue from light to dark, each with a border. */
const SHADES = ['#b3d4dd', '#5fa3b6', '#00748f', '#002f3c'];
const POINTS = ['circle', 'rectRot', 'triangle', 'rect'];
const TARGET_COLOUR = '#d4351c';

function datasetOf(chart, series) {
  const colour = chart.stacked ? SHADES[series.style % SHADES.length] : COLOURS[series.style % COLOURS.length];
  if (chart.kind === 'line') {
    return {
      label: series.label,
      data: series.values,
      borderColor: colour,
      backgroundColor: colour,
      borderWidth: 3,
      borderDash: series.style % 2 === 1 ? [8, 4] : [],
      pointStyle: POINTS[series.style % POINTS.length],
      pointRadius: 5,
      spanGaps: true,
    };
  }
  const outlined = !chart.stacked && series.style % 2 === 1;
  return {
    label: series.label,
    data: series.values,
    backgroundColor: outlined ? '#ffffff' : colour,
    borderColor: chart.stacked ? '#0b0c0c' : colour,
    borderWidth: outlined ? 3 : 1,
    maxBarThickness: 96,
  };
}

/**
 * The target (the service index's 95 %) as a dashed line across the whole plot with its label
 * written beside it, so it shows however few bars there are.
 */
const targetLine = {
  id: 'targetLine',
  afterDatasetsDraw(instance, _args, options) {
    if (!options || typeof options.value !== 'number') return;
    const { ctx, chartArea } = instance;
    const y = instance.scales.y.getPixelForValue(options.value);
    ctx.save();
    ctx.strokeStyle = TARGET_COLOUR;
    ctx.lineWidth = 2;
    ctx.setLineDash([6, 4]);
    ctx.beginPath();
    ctx.moveTo(chartArea.left, y);
    ctx.lineTo(chartArea.right, y);
    ctx.stroke();
    ctx.fillStyle = '#0b0c0c';
    ctx.font = '14px system-ui, sans-serif';
    ctx.textAlign = 'right';
    ctx.textBaseline = 'bottom';
    ctx.fillText(options.label, chartArea.right - 4, y - 4);
    ctx.restore();
  },
};

function draw(canvas) {
  if (Chart.getChart(canvas)) return;
  const chart = JSON.parse(canvas.getAttribute('data-chart'));
  const numbers = chart.percent
    ? new Intl.NumberFormat(chart.locale, { style: 'percent', maximumFractionDigits: 1 })
    : new Intl.NumberFormat(chart.locale, { maximumFractionDigits: 1 });
  const format = (value) =>
    value === null || value === undefined ? '–' : numbers.format(chart.percent ? value / 100 : value);
  const datasets = chart.series.map((series) => datasetOf(chart, series));
  // Shown only now: without script there is no empty frame, and Chart.js measures a visible one.
  canvas.parentElement.hidden = false;
  new Chart(canvas, {
    type: chart.kind,
    data: { labels: chart.labels, datasets },
    plugins: [targetLine],
    options: {
      animation: false,
      aspectRatio: 2.6,
      scales: {
        x: { stacked: chart.stacked },
        y: {
          stacked: chart.stacked,
          beginAtZero: true,
          max: chart.percent ? 100 : undefined,
          ticks: { callback: (value) => format(value), precision: chart.percent ? undefined : 0 },
        },
      },
      plugins: {
        legend: { display: datasets.length > 1, labels: { usePointStyle: chart.kind === 'line' } },
        targetLine: chart.target ?? false,
        tooltip: { callbacks: { label: (item) => `${item.dataset.label}: ${format(item.raw)}` } },
      },
    },
  });
}

/** Draws every chart in `scope` (the document, or what htmx has just put in). */
export function drawCharts(scope) {
  for (const canvas of scope.querySelectorAll('canvas[data-chart]')) draw(canvas);
}
