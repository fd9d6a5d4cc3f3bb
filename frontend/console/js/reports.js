/**
 * Links to an assessment's reports on report-service (:3004). The service wants the bearer token, which a plain link
 * cannot carry: a click fetches the document with it and opens the copy; the link's address stays the real URL.
 */
import { $, el, replace } from './dom.js';
import { show } from './ui.js';

export function showReports(api, id) {
  const links = ['pdf', 'html'].map((kind) => {
    const path = `/reports/${id}.${kind}`;
    const link = el('a', { href: api.urls.reports + path, class: `report-${kind}`, target: '_blank' },
      kind.toUpperCase());
    link.addEventListener('click', async (e) => {
      e.preventDefault();
      show('#report-error', null);
      try {
        const blob = await api.blob('reports', path);
        window.open(URL.createObjectURL(blob), '_blank');
      } catch (error) {
        show('#report-error', error.status === 0 ? 'the report service is not reachable' : error);
      }
    });
    return link;
  });
  replace($('#reports'), 'Report: ', links[0], ' · ', links[1]);
}
