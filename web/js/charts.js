// Charts drawn as inline SVG (no library): a line chart of series over dates and a
// stacked bar chart of categories. Each chart has a title and description for
// screen readers, a <title> on every mark for pointer users, and the views put the
// same numbers in a table beside it.
import { h, s } from './dom.js';

// Colour-blind-safe palette (Okabe-Ito).
export const kPalette = ['#0072B2', '#E69F00', '#009E73', '#D55E00', '#CC79A7', '#56B4E9', '#F0E442', '#000000', '#999999', '#7B3F00'];

function niceMax(max) {
  if (max <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 2.5, 5, 10]) if (step * power >= max) return step * power;
  return 10 * power;
}

function ticks(max, count = 4) {
  return Array.from({ length: count + 1 }, (_, i) => (max * i) / count);
}

function legend(names) {
  return h(
    'ul',
    { class: 'legend' },
    names.map((name, i) => h('li', {}, h('span', { class: 'swatch', style: `background:${kPalette[i % kPalette.length]}` }), name)),
  );
}

let chartCounter = 0;

// series: [{name, points: [{x: 'YYYY-MM-DD', y: number}]}], all on the same x values.
export function lineChart({ title, description, series, width = 640, height = 260 }) {
  const id = `chart${++chartCounter}`;
  const pad = { l: 44, r: 12, t: 12, b: 34 };
  const xs = series[0]?.points.map((p) => p.x) || [];
  const maxY = niceMax(Math.max(0, ...series.flatMap((se) => se.points.map((p) => p.y))));
  const x = (i) => pad.l + (xs.length <= 1 ? 0 : (i * (width - pad.l - pad.r)) / (xs.length - 1));
  const y = (v) => height - pad.b - (v / maxY) * (height - pad.t - pad.b);
  const labelEvery = Math.max(1, Math.ceil(xs.length / 6));
  const svg = s(
    'svg',
    { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-labelledby': `${id}-t ${id}-d`, class: 'chart' },
    s('title', { id: `${id}-t` }, title),
    s('desc', { id: `${id}-d` }, description || ''),
    ticks(maxY).map((t) => [
      s('line', { x1: pad.l, x2: width - pad.r, y1: y(t), y2: y(t), class: 'grid' }),
      s('text', { x: pad.l - 6, y: y(t) + 4, 'text-anchor': 'end', class: 'tick' }, Number.isInteger(t) ? t : t.toFixed(1)),
    ]),
    xs.map((label, i) => (i % labelEvery === 0 || i === xs.length - 1 ? s('text', { x: x(i), y: height - pad.b + 18, 'text-anchor': 'middle', class: 'tick' }, label) : null)),
    s('line', { x1: pad.l, x2: width - pad.r, y1: y(0), y2: y(0), class: 'axis' }),
    series.map((se, k) => {
      const colour = kPalette[k % kPalette.length];
      return s(
        'g',
        {},
        s('polyline', { points: se.points.map((p, i) => `${x(i)},${y(p.y)}`).join(' '), fill: 'none', stroke: colour, 'stroke-width': 2 }),
        se.points.map((p, i) => s('circle', { cx: x(i), cy: y(p.y), r: 3, fill: colour }, s('title', {}, `${se.name}, ${p.x}: ${p.y}`))),
      );
    }),
  );
  return h('figure', { class: 'chart-figure' }, h('figcaption', {}, title), svg, legend(series.map((se) => se.name)));
}

// categories: ['mass_market', ...]; series: [{name: 'approved', values: [n per category]}],
// drawn as horizontal stacked bars so long category names stay readable.
export function stackedBarChart({ title, description, categories, series, width = 640 }) {
  const id = `chart${++chartCounter}`;
  const bar = 22;
  const gap = 10;
  const pad = { l: 210, r: 40, t: 8, b: 28 };
  const height = pad.t + pad.b + categories.length * (bar + gap);
  const totals = categories.map((_, i) => series.reduce((sum, se) => sum + (se.values[i] || 0), 0));
  const maxX = niceMax(Math.max(0, ...totals));
  const x = (v) => (v / maxX) * (width - pad.l - pad.r);
  const svg = s(
    'svg',
    { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-labelledby': `${id}-t ${id}-d`, class: 'chart' },
    s('title', { id: `${id}-t` }, title),
    s('desc', { id: `${id}-d` }, description || ''),
    ticks(maxX).map((t) => [
      s('line', { x1: pad.l + x(t), x2: pad.l + x(t), y1: pad.t, y2: height - pad.b, class: 'grid' }),
      s('text', { x: pad.l + x(t), y: height - pad.b + 16, 'text-anchor': 'middle', class: 'tick' }, Number.isInteger(t) ? t : t.toFixed(1)),
    ]),
    categories.map((cat, i) => {
      const top = pad.t + i * (bar + gap);
      let left = pad.l;
      return s(
        'g',
        {},
        s('text', { x: pad.l - 8, y: top + bar / 2 + 4, 'text-anchor': 'end', class: 'label' }, cat.length > 30 ? `${cat.slice(0, 29)}…` : cat, s('title', {}, cat)),
        series.map((se, k) => {
          const v = se.values[i] || 0;
          const rect = s('rect', { x: left, y: top, width: x(v), height: bar, fill: kPalette[k % kPalette.length] }, s('title', {}, `${cat}: ${se.name} ${v}`));
          left += x(v);
          return rect;
        }),
        s('text', { x: left + 6, y: top + bar / 2 + 4, class: 'tick' }, String(totals[i])),
      );
    }),
  );
  return h('figure', { class: 'chart-figure' }, h('figcaption', {}, title), svg, legend(series.map((se) => se.name)));
}

// Windows on a date axis, one row per line: [{label, windows: [{from, to, label, kind}]}].
export function timelineChart({ title, description, rows, width = 900, marker }) {
  const id = `chart${++chartCounter}`;
  const rowHeight = 30;
  const pad = { l: 200, r: 20, t: 10, b: 30 };
  const dates = rows.flatMap((r) => r.windows.flatMap((w) => [w.from, w.to])).filter(Boolean);
  if (marker) dates.push(marker);
  const t = (d) => Date.parse(d);
  const min = Math.min(...dates.map(t));
  const max = Math.max(...dates.map(t));
  const span = Math.max(1, max - min);
  const x = (d) => pad.l + ((t(d) - min) / span) * (width - pad.l - pad.r);
  const height = pad.t + pad.b + rows.length * rowHeight;
  const years = [];
  for (let yr = new Date(min).getUTCFullYear(); yr <= new Date(max).getUTCFullYear() + 1; yr++) {
    for (const m of ['01', '07']) {
      const d = `${yr}-${m}-01`;
      if (t(d) >= min && t(d) <= max) years.push(d);
    }
  }
  const svg = s(
    'svg',
    { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-labelledby': `${id}-t ${id}-d`, class: 'chart' },
    s('title', { id: `${id}-t` }, title),
    s('desc', { id: `${id}-d` }, description || ''),
    years.map((d) => [
      s('line', { x1: x(d), x2: x(d), y1: pad.t, y2: height - pad.b, class: 'grid' }),
      s('text', { x: x(d), y: height - pad.b + 16, 'text-anchor': 'middle', class: 'tick' }, d.slice(0, 7)),
    ]),
    rows.map((r, i) => {
      const top = pad.t + i * rowHeight;
      return s(
        'g',
        {},
        s('text', { x: pad.l - 8, y: top + rowHeight / 2 + 4, 'text-anchor': 'end', class: 'label' }, r.label.length > 30 ? `${r.label.slice(0, 29)}…` : r.label, s('title', {}, r.label)),
        r.windows.map((w, k) =>
          s(
            'rect',
            {
              x: x(w.from),
              y: top + 5 + (k % 2) * 3,
              width: Math.max(2, x(w.to) - x(w.from)),
              height: rowHeight - 14,
              fill: w.kind === 'revoked' ? '#999999' : kPalette[k % kPalette.length],
              opacity: 0.85,
            },
            s('title', {}, `${w.label}: ${w.from} to ${w.to}${w.citation ? ` (${w.citation})` : ''}`),
          ),
        ),
      );
    }),
    marker ? [s('line', { x1: x(marker), x2: x(marker), y1: pad.t, y2: height - pad.b, class: 'marker' }), s('text', { x: x(marker) + 4, y: pad.t + 10, class: 'tick' }, marker)] : null,
  );
  return h('figure', { class: 'chart-figure' }, h('figcaption', {}, title), svg);
}
