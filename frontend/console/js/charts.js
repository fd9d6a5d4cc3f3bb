/**
 * The console's three pictures, drawn by hand on canvas and SVG (no chart library, nothing from a CDN):
 * the equity line with the daily-loss and max-loss floors under it, one gauge per rule, and the Monte Carlo fan.
 * Figures arrive as decimal strings; they are turned into numbers here only to place pixels.
 */

const COLORS = {
  equity: '#1f6feb', daily: '#d29922', max: '#cf222e', grid: '#d0d7de', text: '#57606a',
  fanOuter: 'rgba(31,111,235,0.18)', fanInner: 'rgba(31,111,235,0.38)', median: '#0a3069', target: '#1a7f37',
};

function prepare(canvas) {
  const ratio = window.devicePixelRatio || 1;
  const width = canvas.clientWidth || 600;
  const height = canvas.clientHeight || 240;
  canvas.width = Math.round(width * ratio);
  canvas.height = Math.round(height * ratio);
  const g = canvas.getContext('2d');
  g.setTransform(ratio, 0, 0, ratio, 0, 0);
  g.clearRect(0, 0, width, height);
  g.font = '11px system-ui, sans-serif';
  return { g, width, height };
}

/** The y scale over every value drawn, padded so the lines never sit on the frame. */
function scale(values, top, bottom) {
  let lo = Math.min(...values);
  let hi = Math.max(...values);
  if (!(hi > lo)) { lo -= 1; hi += 1; }
  const pad = (hi - lo) * 0.08;
  lo -= pad; hi += pad;
  return { lo, hi, y: (v) => bottom - ((v - lo) / (hi - lo)) * (bottom - top) };
}

function axis(g, s, left, right, steps = 4) {
  g.strokeStyle = COLORS.grid;
  g.fillStyle = COLORS.text;
  g.lineWidth = 1;
  for (let i = 0; i <= steps; i++) {
    const v = s.lo + ((s.hi - s.lo) * i) / steps;
    const y = Math.round(s.y(v)) + 0.5;
    g.beginPath(); g.moveTo(left, y); g.lineTo(right, y); g.stroke();
    g.fillText(Math.round(v).toLocaleString('en-US'), 4, y - 2);
  }
}

function line(g, xs, ys, color, width = 2, dash = []) {
  if (!xs.length) return;
  g.strokeStyle = color; g.lineWidth = width; g.setLineDash(dash);
  g.beginPath();
  xs.forEach((x, i) => (i ? g.lineTo(x, ys[i]) : g.moveTo(x, ys[i])));
  if (xs.length === 1) g.lineTo(xs[0] + 4, ys[0]);
  g.stroke();
  g.setLineDash([]);
}

function legend(g, items, x, y) {
  for (const [label, color] of items) {
    g.fillStyle = color; g.fillRect(x, y - 8, 10, 3);
    g.fillStyle = COLORS.text; g.fillText(label, x + 14, y - 4);
    x += g.measureText(label).width + 30;
  }
}

/**
 * Equity over time with the floors it must stay above: points are {t (ms), equity, dailyFloor?, maxFloor?}, one per
 * account snapshot. A floor that trails (a trailing max loss) is drawn as the step line it is.
 */
export function drawEquityChart(canvas, points) {
  const { g, width, height } = prepare(canvas);
  canvas.dataset.points = String(points.length);
  if (!points.length) {
    g.fillStyle = COLORS.text; g.fillText('waiting for the first account snapshot…', 60, height / 2);
    return;
  }
  const left = 64; const right = width - 10; const top = 22; const bottom = height - 18;
  const values = points.flatMap((p) => [p.equity, p.dailyFloor, p.maxFloor].filter(Number.isFinite));
  const s = scale(values, top, bottom);
  const t0 = points[0].t; const t1 = Math.max(points[points.length - 1].t, t0 + 1000);
  const x = (t) => left + ((t - t0) / (t1 - t0)) * (right - left);
  axis(g, s, left, right);
  const xs = points.map((p) => x(p.t));
  const floor = (key, color) => {
    const sel = points.map((p, i) => [xs[i], p[key]]).filter(([, v]) => Number.isFinite(v));
    const sx = []; const sy = [];
    sel.forEach(([px, v], i) => {
      if (i) { sx.push(px); sy.push(sy[sy.length - 1]); }
      sx.push(px); sy.push(s.y(v));
    });
    if (sel.length) { sx.push(right); sy.push(sy[sy.length - 1]); }
    line(g, sx, sy, color, 1.5, [6, 4]);
  };
  floor('dailyFloor', COLORS.daily);
  floor('maxFloor', COLORS.max);
  line(g, xs, points.map((p) => s.y(p.equity)), COLORS.equity, 2);
  const last = points[points.length - 1];
  legend(g, [[`equity ${last.equity.toLocaleString('en-US')}`, COLORS.equity],
    [`daily-loss floor ${fmt(last.dailyFloor)}`, COLORS.daily], [`max-loss floor ${fmt(last.maxFloor)}`, COLORS.max]],
  left, 14);
}

function fmt(v) {
  return Number.isFinite(v) ? v.toLocaleString('en-US') : '–';
}

/**
 * The Monte Carlo fan: per simulated day the 5–95 % and 25–75 % bands of equity and the median, with the
 * starting balance, the max-loss floor and the profit target as reference lines.
 */
export function drawFanChart(canvas, days, refs = {}) {
  const { g, width, height } = prepare(canvas);
  canvas.dataset.days = String(days.length);
  if (!days.length) {
    g.fillStyle = COLORS.text; g.fillText('run a simulation to see the spread of outcomes', 60, height / 2);
    return;
  }
  const d = days.map((r) => ({ day: r.day, p5: +r.p5, p25: +r.p25, p50: +r.p50, p75: +r.p75, p95: +r.p95 }));
  const left = 64; const right = width - 10; const top = 22; const bottom = height - 18;
  const refValues = [refs.initial, refs.floor, refs.target].filter(Number.isFinite);
  const s = scale(d.flatMap((r) => [r.p5, r.p95]).concat(refValues), top, bottom);
  const maxDay = d[d.length - 1].day;
  const x = (day) => left + (day / maxDay) * (right - left);
  axis(g, s, left, right);
  const band = (lo, hi, color) => {
    g.fillStyle = color; g.beginPath();
    d.forEach((r, i) => (i ? g.lineTo(x(r.day), s.y(r[hi])) : g.moveTo(x(r.day), s.y(r[hi]))));
    for (let i = d.length - 1; i >= 0; i--) g.lineTo(x(d[i].day), s.y(d[i][lo]));
    g.closePath(); g.fill();
  };
  band('p5', 'p95', COLORS.fanOuter);
  band('p25', 'p75', COLORS.fanInner);
  line(g, d.map((r) => x(r.day)), d.map((r) => s.y(r.p50)), COLORS.median, 2);
  const ref = (v, color) => Number.isFinite(v) && line(g, [left, right], [s.y(v), s.y(v)], color, 1, [4, 4]);
  ref(refs.initial, COLORS.text);
  ref(refs.floor, COLORS.max);
  ref(refs.target, COLORS.target);
  g.fillStyle = COLORS.text;
  g.fillText(`day ${maxDay}`, right - 40, bottom + 14);
  legend(g, [['5–95 %', COLORS.fanOuter], ['25–75 %', COLORS.fanInner], ['median', COLORS.median],
    ['max-loss floor', COLORS.max], ['profit target', COLORS.target]], left, 14);
}

/** The equity floor a loss rule enforces (its `limit`), or NaN when the rule set has no such rule. */
export function floorOf(rules, name) {
  const r = (rules || []).find((x) => x.rule === name);
  return r ? Number(r.limit) : NaN;
}

const SVG = 'http://www.w3.org/2000/svg';

/**
 * One rule's gauge: a half dial filled with the share still left before the limit (loss rules: of the allowance;
 * profit target: of the target, shown as progress made; day rules: of the days). Green when far from the limit,
 * amber under a third, red under a tenth or once breached.
 */
export function ruleGauge(rule) {
  const left = Number.parseFloat(rule.distancePct);
  const isPass = rule.kind === 'PASS_CONDITION';
  const filled = Number.isFinite(left) ? Math.max(0, Math.min(100, isPass ? 100 - left : left)) : 0;
  const breached = rule.verdict === 'BREACH';
  const color = isPass ? COLORS.target
    : breached || filled < 10 ? COLORS.max : filled < 33 ? COLORS.daily : COLORS.target;
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '0 0 120 70');
  svg.setAttribute('class', 'dial');
  const arc = (fraction, stroke, w) => {
    const a = Math.PI * (1 - fraction);
    const p = document.createElementNS(SVG, 'path');
    const ex = 60 + 48 * Math.cos(a); const ey = 62 - 48 * Math.sin(a);
    p.setAttribute('d', `M 12 62 A 48 48 0 0 1 ${ex.toFixed(2)} ${ey.toFixed(2)}`);
    p.setAttribute('fill', 'none'); p.setAttribute('stroke', stroke); p.setAttribute('stroke-width', w);
    return p;
  };
  svg.appendChild(arc(1, COLORS.grid, 10));
  if (filled > 0) svg.appendChild(arc(filled / 100, color, 10));
  const text = document.createElementNS(SVG, 'text');
  text.setAttribute('x', '60'); text.setAttribute('y', '60'); text.setAttribute('text-anchor', 'middle');
  text.setAttribute('class', 'dial-value');
  text.textContent = Number.isFinite(left) ? `${filled.toFixed(1)}%` : '–';
  svg.appendChild(text);
  return svg;
}
