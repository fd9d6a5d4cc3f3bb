/**
 * Every trader's assessments (`GET /admin/assessments`: newest first, filtered by status and user, 50 a page with
 * `nextCursor`) and the operator's force-fail: `POST /admin/assessments/{id}/fail` with a written reason, which the
 * core records in the audit log. Only ACTIVE and PAUSED assessments can be failed, so only they get the button.
 */
import { $, el, replace, time } from './dom.js';
import { action, log, show } from './ui.js';

const PAGE = 50;
const FAILABLE = ['ACTIVE', 'PAUSED'];

export class AdminAssessments {
  /** `after.failed()` reloads what a force-fail changes elsewhere (the audit log, the analytics). */
  constructor(api, tiers, after) {
    this.api = api;
    this.tiers = tiers;
    this.after = after;
    this.cursor = null;
    this.failing = null; // the assessment the force-fail form is open for
    $('#admin-assessments-load').addEventListener('click', () => this.load().catch(() => {}));
    $('#admin-assessments-more').addEventListener('click', () => this.more().catch(() => {}));
    $('#force-fail-cancel').addEventListener('click', () => this.closeForm());
    action($('#force-fail-submit'), '#force-fail-error', () => this.forceFail());
  }

  query(cursor) {
    const q = new URLSearchParams({ limit: String(PAGE) });
    const status = $('#admin-status').value;
    const user = $('#admin-user').value.trim();
    if (status) q.set('status', status);
    if (user) q.set('userId', user);
    if (cursor) q.set('cursor', cursor);
    return `/admin/assessments?${q}`;
  }

  /** The first page for the filter on screen. */
  async load() {
    show('#admin-assessments-error', null);
    try {
      const page = await this.api.get('core', this.query(null));
      replace($('#admin-assessments tbody'), page.items.map((a) => this.row(a)));
      if (!page.items.length) {
        replace($('#admin-assessments tbody'), el('tr', {}, el('td', { colspan: 9, class: 'hint' },
          'no assessments match')));
      }
      this.paged(page.nextCursor);
    } catch (e) {
      show('#admin-assessments-error', e);
      throw e;
    }
  }

  async more() {
    show('#admin-assessments-error', null);
    try {
      const page = await this.api.get('core', this.query(this.cursor));
      $('#admin-assessments tbody').append(...page.items.map((a) => this.row(a)));
      this.paged(page.nextCursor);
    } catch (e) {
      show('#admin-assessments-error', e);
      throw e;
    }
  }

  paged(next) {
    this.cursor = next || null;
    $('#admin-assessments-more').hidden = !this.cursor;
  }

  row(a) {
    const tier = this.tiers().find((t) => t.id === a.tierId);
    const fail = FAILABLE.includes(a.status)
      ? el('button', { type: 'button', class: 'small sell force-fail', onclick: () => this.openForm(a) }, 'Fail…')
      : null;
    return el('tr', { dataset: { id: a.id, status: a.status, user: a.userId } },
      el('td', { class: 'mono', title: a.id }, a.id.slice(0, 8)),
      el('td', { class: 'mono', title: `${a.userId}: show only this trader's` },
        el('button', { type: 'button', class: 'link user-filter', onclick: () => this.onlyUser(a.userId) },
          (a.userId || '').slice(0, 8))),
      el('td', {}, tier ? tier.name : a.tierId),
      el('td', {}, a.phase ? `${a.phase.index + 1} of ${a.phase.count}` : '–'),
      el('td', { class: `status ${a.status}` }, a.status),
      el('td', {}, a.resultReason || a.abandonReason || ''),
      el('td', {}, time(a.createdAt)), el('td', {}, a.endedAt ? time(a.endedAt) : ''),
      el('td', {}, fail));
  }

  /** Filters the list to one trader's assessments (the user id cell's button). */
  onlyUser(userId) {
    $('#admin-user').value = userId;
    this.load().catch(() => {});
  }

  openForm(a) {
    this.failing = a.id;
    $('#force-fail-id').textContent = a.id;
    $('#force-fail-reason').value = '';
    show('#force-fail-error', null);
    $('#force-fail-form').hidden = false;
    $('#force-fail-reason').focus();
  }

  closeForm() {
    this.failing = null;
    $('#force-fail-form').hidden = true;
  }

  /**
   * Fails the assessment the form is open for. The core is the one to refuse a blank or too long reason (400) or an
   * assessment that has ended meanwhile (409); the form shows its answer.
   */
  async forceFail() {
    const id = this.failing;
    const a = await this.api.post('core', `/admin/assessments/${id}/fail`, { reason: $('#force-fail-reason').value });
    this.closeForm();
    const result = $('#force-fail-result');
    result.hidden = false;
    result.dataset.status = a.status;
    result.dataset.id = a.id;
    result.textContent = `Assessment ${a.id} is now ${a.status}${a.resultReason ? ` (${a.resultReason})` : ''}.`;
    log(`admin: failed assessment ${a.id}`);
    await Promise.all([this.load(), this.after.failed()]);
  }
}
