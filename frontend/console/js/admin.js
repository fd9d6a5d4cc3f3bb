/**
 * The administration view: every trader's assessments (with the force-fail action), the report service's operator
 * analytics and the audit log with its hash-chain check. ADMIN logins see it at once; anyone may open it with
 * `#admin`, because the page decides nothing about permissions — the services do, and a refusal (403) is shown as
 * such instead of an empty view.
 */
import { $ } from './dom.js';
import { show } from './ui.js';
import { AdminAssessments } from './admin-assessments.js';
import { AnalyticsPanel } from './admin-analytics.js';
import { AuditPanel } from './admin-audit.js';

export class AdminView {
  /** `tiers()` answers the tiers on sale (for names instead of ids). */
  constructor(api, tiers) {
    this.audit = new AuditPanel(api);
    this.analytics = new AnalyticsPanel(api, tiers);
    this.assessments = new AdminAssessments(api, tiers, {
      failed: () => Promise.all([this.audit.load(), this.analytics.load()]),
    });
    $('#admin-reload').addEventListener('click', () => this.open());
  }

  /** Shows the view and (re)loads its three panels; a 403 from any service turns the view into that refusal. */
  async open() {
    const view = $('#admin');
    view.hidden = false;
    show('#admin-error', null);
    const results = await Promise.allSettled([this.assessments.load(), this.analytics.load(), this.audit.load()]);
    const forbidden = results.find((r) => r.status === 'rejected' && r.reason.status === 403);
    view.dataset.access = forbidden ? 'forbidden' : 'granted';
    $('#admin-panels').hidden = Boolean(forbidden);
    if (forbidden) show('#admin-error', `Not an administrator: ${forbidden.reason.message}`);
  }

  close() {
    $('#admin').hidden = true;
  }
}
