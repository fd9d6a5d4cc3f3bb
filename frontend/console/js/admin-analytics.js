/**
 * The operator analytics of report-service (`GET :3004/analytics/operator?from&to&period`, ADMIN only; defaults: the
 * last 90 days by month): outcomes per tier and period, failure reasons, median days to pass, revenue (completed
 * minus refunded payments) and the assessments active now. The report service computes them from its own read model
 * of the platform's events, so they trail the core by the Kafka hop. Figures are shown as the service wrote them
 * (decimal strings); the totals line only adds counts, never money of different currencies.
 */
import { $, el, money, replace } from './dom.js';
import { show } from './ui.js';

export class AnalyticsPanel {
  constructor(api, tiers) {
    this.api = api;
    this.tiers = tiers;
    $('#analytics-load').addEventListener('click', () => this.load().catch(() => {}));
  }

  query() {
    const q = new URLSearchParams({ period: $('#analytics-period').value });
    if ($('#analytics-from').value) q.set('from', $('#analytics-from').value);
    if ($('#analytics-to').value) q.set('to', $('#analytics-to').value);
    return `/analytics/operator?${q}`;
  }

  async load() {
    show('#analytics-error', null);
    try {
      this.render(await this.api.get('reports', this.query()));
    } catch (e) {
      show('#analytics-error', e);
      throw e;
    }
  }

  tierName(id) {
    const tier = this.tiers().find((t) => t.id === id);
    return tier ? tier.name : id;
  }

  render(r) {
    const sum = (items, key) => items.reduce((n, x) => n + Number(x[key] || 0), 0);
    const passed = sum(r.outcomes, 'passed');
    const failed = sum(r.outcomes, 'failed');
    const figure = (metric, label, value) => el('span', { class: 'pill figure', dataset: { metric, value } },
      `${label} `, el('b', {}, String(value)));
    const container = $('#admin-analytics');
    replace(container,
      el('p', { class: 'hint' }, `${r.from} to ${r.to}, by ${String(r.period).toLowerCase()}`),
      el('div', { class: 'figures' },
        figure('passed', 'passed', passed), figure('failed', 'failed', failed),
        figure('pass-rate', 'pass rate', passed + failed ? `${(100 * passed / (passed + failed)).toFixed(1)}%` : '–'),
        figure('purchases', 'purchases', sum(r.revenue, 'purchases')),
        figure('active', 'active now', sum(r.active, 'active')), figure('paused', 'paused', sum(r.active, 'paused'))),
      el('div', { class: 'analytics' },
        this.table('revenue', 'Revenue', ['tier', 'currency', 'purchases', 'refunds', 'gross', 'refunded', 'net'],
          r.revenue, (v) => [this.tierName(v.tierId), v.currency, v.purchases, v.refunds, money(v.gross),
            money(v.refunded), money(v.net)], (v) => ({ tier: v.tierId, currency: v.currency })),
        this.table('outcomes', 'Outcomes', ['tier', 'period', 'passed', 'failed', 'pass rate'], r.outcomes,
          (o) => [this.tierName(o.tierId), o.period, o.passed, o.failed, `${(Number(o.passRate) * 100).toFixed(1)}%`],
          (o) => ({ tier: o.tierId, period: o.period })),
        this.table('reasons', 'Failure reasons', ['reason', 'count'], r.failureReasons, (x) => [x.reason, x.count],
          (x) => ({ reason: x.reason })),
        this.table('days', 'Days to pass', ['tier', 'passed', 'median days'], r.daysToPass,
          (d) => [this.tierName(d.tierId), d.passed, d.medianDays], (d) => ({ tier: d.tierId })),
        this.table('active', 'Active now', ['tier', 'active', 'paused'], r.active,
          (a) => [this.tierName(a.tierId), a.active, a.paused], (a) => ({ tier: a.tierId }))));
    container.dataset.loaded = 'true';
  }

  /** One small table; each cell carries its column as data-metric, each row its keys (tier, reason …). */
  table(name, title, columns, items, cells, keys) {
    const metric = (c) => c.replace(/ /g, '-');
    const body = items.length
      ? items.map((item) => el('tr', { dataset: keys(item) },
        cells(item).map((value, i) => el('td', { dataset: { metric: metric(columns[i]) },
          class: i > 1 || typeof value === 'number' ? 'num' : '' }, String(value)))))
      : [el('tr', {}, el('td', { colspan: columns.length, class: 'hint' }, 'none in this range'))];
    return el('div', { class: `analytics-table ${columns.length > 5 ? 'wide' : ''}` }, el('h4', {}, title),
      el('table', { id: `analytics-${name}` }, el('thead', {}, el('tr', {}, columns.map((c) => el('th', {}, c)))),
        el('tbody', {}, body)));
  }
}
