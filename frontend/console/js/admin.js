/**
 * The administration panel, shown to ADMIN logins only (the services refuse everyone else anyway): every assessment
 * with counts by status, and the audit log.
 */
import { $, el, replace, time } from './dom.js';
import { show } from './ui.js';

export async function loadAdmin(api) {
  $('#admin').hidden = false;
  try {
    const { items } = await api.get('core', '/admin/assessments?limit=100');
    const byStatus = {};
    for (const a of items) byStatus[a.status] = (byStatus[a.status] || 0) + 1;
    replace($('#admin-analytics'), Object.entries(byStatus).map(([s, n]) => el('span', { class: `pill ${s}` }, `${s} ${n}`)));
    replace($('#admin-assessments tbody'), items.map((a) => el('tr', {},
      el('td', { class: 'mono' }, a.id.slice(0, 8)), el('td', { class: 'mono' }, (a.userId || '').slice(0, 8)),
      el('td', { class: `status ${a.status}` }, a.status), el('td', {}, a.resultReason || ''),
      el('td', {}, time(a.createdAt)))));
  } catch (e) {
    show('#admin-error', e);
  }
  try {
    const audit = await api.get('core', '/admin/audit?limit=50');
    const entries = Array.isArray(audit) ? audit : audit.items || [];
    replace($('#admin-audit tbody'), entries.map((x) => el('tr', {},
      el('td', {}, time(x.at || x.createdAt)), el('td', {}, x.actor || x.actorId || ''), el('td', {}, x.action || ''),
      el('td', {}, x.subject || ''), el('td', {}, x.reason || ''))));
  } catch (e) {
    replace($('#admin-audit tbody'), el('tr', {}, el('td', { colspan: 5, class: 'hint' },
      `audit log not available (${e.message})`)));
  }
}
