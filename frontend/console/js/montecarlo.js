/**
 * The Monte Carlo panel: runs `POST /simulations` for the assessment on screen, follows its progress (the WebSocket's
 * montecarlo.simulation-progress frames, and a slow poll in case one is lost) and draws the fan chart and the pass
 * probability when it completes.
 */
import { $, el, money, replace } from './dom.js';
import { drawFanChart, floorOf } from './charts.js';
import { action } from './ui.js';

const DONE = ['SUCCEEDED', 'FAILED', 'CANCELLED'];
const pct = (p) => `${(Number(p) * 100).toFixed(1)}%`;

export class MonteCarloPanel {
  /** `current()` answers the assessment on screen (as GET /assessments/{id} returned it): its id and rules. */
  constructor(api, current) {
    this.api = api;
    this.current = current;
    this.simulation = null;
    action($('#mc-run'), '#mc-error', () => this.run());
  }

  /** Forgets the previous assessment's simulation. */
  reset() {
    this.simulation = null;
    drawFanChart($('#fan-chart'), []);
    $('#mc-progress').value = 0;
    $('#mc-status').textContent = '';
    $('#mc-status').dataset.status = '';
    replace($('#mc-summary'));
  }

  /** A montecarlo.* event of the assessment's channel; other simulations of it are not this panel's. */
  onEvent(type, data) {
    if (!this.simulation || data.simulationId !== this.simulation) return;
    if (type === 'montecarlo.simulation-progress') this.showProgress('RUNNING', data.progressPct);
    if (type === 'montecarlo.simulation-completed') this.load(data.simulationId).catch(() => {});
  }

  async run() {
    const body = { assessmentId: this.current().id, paths: Number($('#mc-paths').value),
      horizonDays: Number($('#mc-horizon').value) };
    const sim = await this.api.post('monteCarlo', '/simulations', body);
    this.reset();
    this.simulation = sim.id;
    this.showProgress(sim.status, sim.progressPct || 0);
    this.poll(sim.id).catch(() => {});
  }

  showProgress(status, progress) {
    if (status === 'RUNNING' && progress < Number($('#mc-progress').value)) return; // a late frame after a poll
    $('#mc-progress').value = progress;
    $('#mc-status').textContent = `${status} ${progress}%`;
    $('#mc-status').dataset.status = status;
  }

  /** Progress arrives over the WebSocket; a slow poll covers a lost frame and reads the finished result. */
  async poll(id) {
    while (this.simulation === id) {
      const sim = await this.api.get('monteCarlo', `/simulations/${id}`);
      if (DONE.includes(sim.status)) {
        this.render(sim);
        return;
      }
      this.showProgress(sim.status, sim.progressPct || 0);
      await new Promise((r) => setTimeout(r, 1500));
    }
  }

  async load(id) {
    this.render(await this.api.get('monteCarlo', `/simulations/${id}`));
  }

  render(sim) {
    if (this.simulation !== sim.id) return;
    this.showProgress(sim.status, sim.status === 'SUCCEEDED' ? 100 : sim.progressPct || 0);
    if (sim.status !== 'SUCCEEDED' || !sim.result) {
      replace($('#mc-summary'), el('p', {}, sim.error || sim.status));
      return;
    }
    const r = sim.result;
    const rules = (this.current() && this.current().rules) || [];
    const target = rules.find((x) => x.rule === 'PROFIT_TARGET');
    drawFanChart($('#fan-chart'), (r.fanChart && r.fanChart.days) || [], {
      initial: Number(sim.parameters && sim.parameters.initialBalance),
      floor: floorOf(rules, 'MAX_LOSS'),
      target: target ? Number(target.limit) : NaN,
    });
    const p = r.passProbability || {};
    const split = Object.entries(r.failureSplit || {}).map(([k, v]) => `${k.toLowerCase()} ${pct(v)}`);
    const days = r.daysToPass;
    replace($('#mc-summary'),
      el('p', {}, el('strong', {}, `pass probability ${pct(p.estimate)}`),
        ` (95% CI ${pct(p.ciLow)}–${pct(p.ciHigh)}) over ${money(r.paths, 0)} paths, ${r.horizonDays} days`),
      el('p', {}, `fails by: ${split.join(', ')}`),
      days && days.median !== undefined && days.median !== null
        ? el('p', {}, `days to pass: median ${days.median}, 90th percentile ${days.p90}`)
        : el('p', {}, 'no simulated path passed within the horizon'));
  }
}
