// The planner's shell: which gathering is open, the tabs, the token; each tab is its own module.
import { api, setToken, whenUnauthorized } from './api.js';
import { announce, h, options } from './dom.js';
import * as editor from './editor.js';
import * as grid from './grid.js';
import * as solve from './solve.js';
import * as transfer from './transfer.js';
import * as versions from './versions.js';

/** What every tab shares: the open gathering, its latest document and version, its agendas. */
export const state = { gathering: '', version: 0, document: null, agendas: [], gatherings: [] };
const modules = { edit: editor, solve, agenda: grid, versions, transfer };
const listeners = [];

/** Calls f whenever the open gathering, its document or its agendas change. */
export function onChange(f) { listeners.push(f); }
function changed() { for (const f of listeners) f(state); }

/** Reloads the list of gatherings, then the open one. */
export async function refresh(select = state.gathering) {
  const { data } = await api('GET', '/api/gatherings');
  state.gatherings = data;
  const picker = document.getElementById('gathering-select');
  const names = data.map((g) => g.name);
  const label = (g) => (names.indexOf(g.name) === names.lastIndexOf(g.name) ? `${g.name} (v${g.version})` : `${g.name} (${g.id}, v${g.version})`);
  options(picker, data.map((g) => [g.id, label(g)]), select);
  if (!data.length) fill();
  await open(picker.value || (data[0] && data[0].id) || '');
}

function fill() { options(document.getElementById('gathering-select'), [['', '(none yet)']]); }

/** Opens a gathering: its latest document and its agendas. */
export async function open(id) {
  state.gathering = id;
  document.getElementById('empty').hidden = !!id;
  if (!id) {
    Object.assign(state, { version: 0, document: null, agendas: [] });
    changed();
    return;
  }
  const [doc, agendas] = await Promise.all([api('GET', `/api/gatherings/${id}`), api('GET', `/api/gatherings/${id}/agendas`)]);
  state.document = doc.data;
  state.version = Number((doc.headers.get('ETag') || '0').replaceAll('"', ''));
  state.agendas = agendas.data;
  document.getElementById('gathering-select').value = id;
  changed();
}

/** Reloads the open gathering's agendas (after a solve or a kept agenda). */
export async function reloadAgendas() {
  if (!state.gathering) return;
  state.agendas = (await api('GET', `/api/gatherings/${state.gathering}/agendas`)).data;
  changed();
}

/** Stores a new gathering from an input document and opens it. */
export async function create(documentText) {
  const { data } = await api('POST', '/api/gatherings', documentText);
  await refresh(data.id);
  announce(`Gathering ${data.id} created, version ${data.version}.`);
  return data;
}

function showTab() {
  const name = (location.hash.slice(1) || 'edit').split('/')[0];
  const tab = modules[name] ? name : 'edit';
  for (const link of document.querySelectorAll('.tabs a')) {
    if (link.dataset.tab === tab) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  for (const key of Object.keys(modules)) document.getElementById(`panel-${key}`).hidden = key !== tab || (!state.gathering && key !== 'transfer');
  modules[tab].shown?.(state);
}

function start() {
  whenUnauthorized(() => {
    const form = document.getElementById('token-form');
    form.hidden = false;
    document.getElementById('token').focus();
  });
  document.getElementById('token-form').addEventListener('submit', (event) => {
    event.preventDefault();
    setToken(document.getElementById('token').value);
    document.getElementById('token-form').hidden = true;
    refresh().catch(report);
  });
  document.getElementById('gathering-select').addEventListener('change', (event) => open(event.target.value).then(showTab).catch(report));
  document.getElementById('new-file').addEventListener('change', async (event) => {
    const file = event.target.files[0];
    if (!file) return;
    try {
      await create(await file.text());
      location.hash = 'edit';
    } catch (error) {
      report(error);
    } finally {
      event.target.value = '';
    }
  });
  window.addEventListener('hashchange', showTab);
  for (const module of Object.values(modules)) module.init?.(state);
  onChange(showTab);
  refresh().catch(report);
}

/** Shows an error where everyone sees it. */
export function report(error) {
  const problems = (error.body && error.body.problems) || [];
  const text = `${error.message}${problems.length ? ': ' + problems.slice(0, 3).map((p) => `${p.path}: ${p.message}`).join('; ') : ''}`;
  announce(text);
  const main = document.getElementById('main');
  let banner = document.getElementById('banner');
  if (!banner) {
    banner = h('p', { id: 'banner', class: 'msg error', role: 'alert' });
    main.prepend(banner);
  }
  banner.textContent = text;
  setTimeout(() => banner.remove(), 8000);
}

start();
