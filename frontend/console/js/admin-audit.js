/**
 * The audit log of operator actions (`GET /admin/audit`: newest first, filtered by action and subject, paged with
 * `before=<nextBefore>`) and the core's walk of its hash chain (`GET /admin/audit/verify`): "chain intact" only when
 * every entry still hashes onto the one before it, else "broken" with the first entry changed or removed. Reasons and
 * before/after states are operator-written text: shown as text, never as markup.
 */
import { $, el, replace, time } from './dom.js';
import { show } from './ui.js';

const PAGE = 50;

export class AuditPanel {
  constructor(api) {
    this.api = api;
    this.before = null;
    $('#audit-load').addEventListener('click', () => this.load().catch(() => {}));
    $('#audit-more').addEventListener('click', () => this.more().catch(() => {}));
  }

  query(before) {
    const q = new URLSearchParams({ limit: String(PAGE) });
    const action = $('#audit-action').value.trim();
    const subject = $('#audit-subject').value.trim();
    if (action) q.set('action', action);
    if (subject) q.set('subject', subject);
    if (before !== null && before !== undefined) q.set('before', String(before));
    return `/admin/audit?${q}`;
  }

  async load() {
    show('#audit-error', null);
    try {
      const [page, verification] = await Promise.all([this.api.get('core', this.query(null)),
        this.api.get('core', '/admin/audit/verify')]);
      replace($('#admin-audit tbody'), page.items.map((x) => row(x)));
      if (!page.items.length) {
        replace($('#admin-audit tbody'), el('tr', {}, el('td', { colspan: 7, class: 'hint' }, 'no entries')));
      }
      this.paged(page.nextBefore);
      showVerification(verification);
    } catch (e) {
      show('#audit-error', e);
      throw e;
    }
  }

  async more() {
    show('#audit-error', null);
    try {
      const page = await this.api.get('core', this.query(this.before));
      $('#admin-audit tbody').append(...page.items.map((x) => row(x)));
      this.paged(page.nextBefore);
    } catch (e) {
      show('#audit-error', e);
      throw e;
    }
  }

  paged(next) {
    this.before = next === null || next === undefined ? null : next;
    $('#audit-more').hidden = this.before === null;
  }
}

function showVerification(v) {
  const node = $('#audit-verify');
  node.dataset.intact = String(Boolean(v.intact));
  node.className = `pill ${v.intact ? 'intact' : 'broken'}`;
  node.textContent = v.intact
    ? `chain intact (${v.entries} ${v.entries === 1 ? 'entry' : 'entries'})`
    : `chain broken at entry #${v.firstBrokenSeq}${v.problem ? `: ${v.problem}` : ''}`;
}

/** "status: ACTIVE → FAILED": the fields that differ between the before and after states, else both as JSON. */
function change(before, after) {
  if (before && after && typeof before === 'object' && typeof after === 'object') {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    const changed = keys.filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
    if (changed.length) {
      return changed.map((k) => `${k}: ${text(before[k])} → ${text(after[k])}`).join('; ');
    }
  }
  return [before, after].filter((x) => x !== null && x !== undefined).map(text).join(' → ');
}

function text(value) {
  if (value === null || value === undefined) return '–';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function row(x) {
  return el('tr', { dataset: { seq: x.seq, action: x.action, subject: x.subject || '' } },
    el('td', { class: 'num' }, String(x.seq)), el('td', {}, time(x.at)),
    el('td', { class: 'mono', title: x.actor || '' }, (x.actor || '').slice(0, 8)),
    el('td', {}, x.action), el('td', { class: 'mono' }, x.subject || ''),
    el('td', { class: 'change' }, change(x.before, x.after)), el('td', { class: 'reason' }, x.reason || ''));
}
