// The gathering's versions and agendas, and what changed between any two agendas.
import { api } from './api.js';
import { fill, h, options, stamp, when } from './dom.js';
import { open, report, state } from './main.js';

const el = (id) => document.getElementById(id);

function tableOf(id, headings, rows) {
  return h('div', { class: 'table-wrap' }, h('table', { id },
    h('thead', {}, h('tr', {}, headings.map((t) => h('th', { scope: 'col' }, t)))), h('tbody', {}, rows)));
}

async function restore(version) {
  try {
    const old = (await api('GET', `/api/gatherings/${state.gathering}/versions/${version}`)).data;
    const { data } = await api('PUT', `/api/gatherings/${state.gathering}`, old, { 'If-Match': `"${state.version}"` });
    await open(state.gathering);
    el('diff').textContent = `Version ${version} restored as version ${data.version}.`;
  } catch (error) {
    report(error);
  }
}

async function showVersions() {
  const list = (await api('GET', `/api/gatherings/${state.gathering}/versions`)).data;
  fill(el('versions'), tableOf('versions-table', ['Version', 'Saved', 'Event', 'Sessions', 'Rooms', 'Slots', 'People', 'Attendees', ''],
    list.map((v) => h('tr', {}, h('td', {}, String(v.version)), h('td', {}, stamp(v.created)), h('td', {}, v.name),
      h('td', {}, String(v.sessions)), h('td', {}, String(v.rooms)), h('td', {}, String(v.slots)), h('td', {}, String(v.people)),
      h('td', {}, String(v.attendees)),
      h('td', {}, v.version === state.version ? 'latest' : h('button', { type: 'button', 'aria-label': `Restore version ${v.version}`,
        onclick: () => restore(v.version) }, 'Restore'))))));
}

function showAgendas() {
  fill(el('agendas'), state.agendas.length ? tableOf('agendas-table', ['Agenda', 'Version', 'Status', 'Objective', 'Made', 'By'],
    state.agendas.map((a) => h('tr', {}, h('td', {}, h('a', { href: `#agenda/${a.id}` }, a.id)), h('td', {}, String(a.version)),
      h('td', {}, a.status), h('td', {}, String(a.objective ?? '')), h('td', {}, stamp(a.created)),
      h('td', {}, a.job ? `job ${a.job}${a.solver ? ` (${a.solver})` : ''}` : 'kept from the grid')))) : h('p', { class: 'hint' }, 'No agenda yet.'));
  const items = state.agendas.map((a) => [a.id, `${a.id} (${a.status}, ${a.objective})`]);
  options(el('diff-new'), items);
  options(el('diff-old'), items, el('diff-old').value || (items[1] && items[1][0]));
}

async function diff(event) {
  event.preventDefault();
  const a = el('diff-new').value;
  const b = el('diff-old').value;
  if (!a || !b) return;
  try {
    const [d, doc] = await Promise.all([
      api('GET', `/api/gatherings/${state.gathering}/agendas/${a}/diff?against=${encodeURIComponent(b)}`),
      api('GET', `/api/gatherings/${state.gathering}`)]);
    const sessions = new Map((doc.data.sessions || []).map((s) => [s.id, s.title || s.id]));
    const place = (s) => (s ? `${when(s.startTime)} ${s.rooms.join(', ')}` : '—');
    const changes = d.data.changes;
    fill(el('diff'), h('p', {}, changes.length ? `${changes.length} change${changes.length === 1 ? '' : 's'} from ${b} to ${a}; ${d.data.notices.length} people to tell.` : `No change from ${b} to ${a}.`),
      changes.length ? tableOf('diff-table', ['Session', 'Change', 'Before', 'After', 'People'], changes.map((c) => h('tr', {},
        h('td', {}, sessions.get(c.session) || c.session), h('td', {}, h('span', { class: 'kind' }, c.kind)), h('td', {}, place(c.before)),
        h('td', {}, place(c.after)), h('td', {}, String(c.people.length))))) : null);
  } catch (error) {
    report(error);
  }
}

export function init() { el('diff-form').addEventListener('submit', diff); }

export function shown(s) {
  if (!s.gathering) return;
  showAgendas();
  showVersions().catch(report);
}
