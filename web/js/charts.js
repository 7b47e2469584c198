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

// Counts get whole-number ticks: a maximum of 1 to 4 is divided into that many steps.
function ticks(max, count = 4) {
  const steps = Number.isInteger(max) && max > 0 && max < count ? max : count;
  return Array.from({ length: steps + 1 }, (_, i) => (max * i) / steps);
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

// Windows on a date axis, one row each: [{label, from, to, citation, kind}]. The axis
// spans the windows; a marker date (today) outside them is said in the caption.
export function timelineChart({ title, description, rows, width = 900, marker }) {
  const id = `chart${++chartCounter}`;
  const rowHeight = 28;
  const pad = { l: 130, r: 24, t: 8, b: 30 };
  const t = (d) => Date.parse(`${d}T00:00:00Z`);
  const dates = rows.flatMap((r) => [r.from, r.to]).filter(Boolean).map(t);
  const min = Math.min(...dates);
  const max = Math.max(...dates);
  const span = Math.max(86400000, max - min);
  const x = (d) => pad.l + ((t(d) - min) / span) * (width - pad.l - pad.r);
  const height = pad.t + pad.b + rows.length * rowHeight;
  // Ticks on the first of a month, every 1, 2, 3, 6 or 12 months to fit about 8.
  const months = span / (30.4 * 86400000);
  const every = [1, 2, 3, 6, 12].find((m) => months / m <= 8) || 24;
  const ticksAt = [];
  const start = new Date(min);
  for (let d = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1)); d.getTime() <= max; d.setUTCMonth(d.getUTCMonth() + 1)) {
    if (d.getUTCMonth() % every === 0) ticksAt.push(d.toISOString().slice(0, 10));
  }
  const markerInside = marker && t(marker) >= min && t(marker) <= max;
  const svg = s(
    'svg',
    { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-labelledby': `${id}-t ${id}-d`, class: 'chart' },
    s('title', { id: `${id}-t` }, title),
    s('desc', { id: `${id}-d` }, description || ''),
    ticksAt.map((d) => [
      s('line', { x1: x(d), x2: x(d), y1: pad.t, y2: height - pad.b, class: 'grid' }),
      s('text', { x: x(d), y: height - pad.b + 16, 'text-anchor': 'middle', class: 'tick' }, d.slice(0, 7)),
    ]),
    rows.map((r, i) => {
      const top = pad.t + i * rowHeight;
      return s(
        'g',
        {},
        s('text', { x: pad.l - 8, y: top + rowHeight / 2 + 4, 'text-anchor': 'end', class: 'label' }, r.label.length > 18 ? `${r.label.slice(0, 17)}…` : r.label, s('title', {}, r.label)),
        s(
          'rect',
          {
            x: x(r.from),
            y: top + 5,
            width: Math.max(2, x(r.to) - x(r.from)),
            height: rowHeight - 10,
            rx: 3,
            fill: r.kind === 'revoked' ? '#999999' : kPalette[i % kPalette.length],
          },
          s('title', {}, `${r.label}: ${r.from} to ${r.to}${r.citation ? ` (${r.citation})` : ''}`),
        ),
      );
    }),
    markerInside ? [s('line', { x1: x(marker), x2: x(marker), y1: pad.t, y2: height - pad.b, class: 'marker' }), s('text', { x: x(marker) + 4, y: pad.t + 10, class: 'tick' }, `today ${marker}`)] : null,
  );
  const caption = marker && !markerInside ? `${title} (today, ${marker}, is ${t(marker) > max ? 'after the last' : 'before the first'} window)` : title;
  return h('figure', { class: 'chart-figure' }, h('figcaption', {}, caption), svg);
}
