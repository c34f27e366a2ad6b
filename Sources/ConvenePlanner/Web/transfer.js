// Importing pretalx, Sessionize, frab and survey files into a new gathering; publishing an agenda as a static site.
import { api, token } from './api.js';
import { announce, fill, h, options } from './dom.js';
import { create, report, state } from './main.js';

const el = (id) => document.getElementById(id);
let imported = null;

async function file(input) {
  const f = input.files[0];
  return f ? { name: f.name, content: await f.text() } : undefined;
}

async function files(input) { return Promise.all([...input.files].map(async (f) => ({ name: f.name, content: await f.text() }))); }

async function importFiles(event) {
  event.preventDefault();
  const body = {
    frame: await file(el('imp-frame')), pretalx: await files(el('imp-pretalx')), sessionize: await file(el('imp-sessionize')),
    frab: await file(el('imp-frab')), interests: await files(el('imp-interests')),
  };
  if (el('imp-choices').value) body.choicesColumn = el('imp-choices').value;
  if (el('imp-respondent').value) body.respondentColumn = el('imp-respondent').value;
  if (el('imp-rating').value) body.minRating = Number(el('imp-rating').value);
  const out = el('import-result');
  try {
    imported = (await api('POST', '/api/import', body)).data;
    fill(out, h('p', {}, imported.summary),
      imported.warnings.length ? h('ul', {}, imported.warnings.map((w) => h('li', { class: 'msg warning' }, `${w.path}: ${w.message}`))) : null,
      h('button', { type: 'button', class: 'primary', onclick: async () => {
        try { await create(imported.document); location.hash = 'edit'; } catch (error) { report(error); }
      } }, 'Create a gathering from it'));
    announce(imported.summary);
  } catch (error) {
    const problems = (error.body && error.body.problems) || [];
    fill(out, h('p', { class: 'msg error' }, error.message), h('ul', {}, problems.map((p) => h('li', { class: `msg ${p.severity || 'error'}` }, `${p.path}: ${p.message}`))));
  }
}

async function publish(event) {
  event.preventDefault();
  const a = el('publish-agenda').value;
  if (!a) return;
  const previous = el('publish-previous').value;
  try {
    const { data, headers } = await api('GET', `/api/gatherings/${state.gathering}/agendas/${a}/site.zip${previous ? `?previous=${previous}` : ''}`);
    const name = (/filename="([^"]+)"/.exec(headers.get('Content-Disposition') || '') || [])[1] || `${a}.zip`;
    const link = h('a', { href: URL.createObjectURL(data), download: name, id: 'zip-link' }, `Download ${name} (${Math.round(data.size / 1024)} KB)`);
    fill(el('publish-result'), link);
    link.click();
    announce(`Site ready: ${name}.`);
  } catch (error) {
    report(error);
  }
}

export function init() {
  el('import-form').addEventListener('submit', importFiles);
  el('publish-form').addEventListener('submit', publish);
  el('publish-agenda').addEventListener('change', browseLink);
}

function browseLink() {
  const a = el('publish-agenda').value;
  el('browse').href = a ? `/site/${state.gathering}/${a}/` : '#';
  el('browse').toggleAttribute('aria-disabled', !a);
  if (token()) document.cookie = `convene_token=${encodeURIComponent(token())}; path=/site; SameSite=Strict`;
}

export function shown(s) {
  const items = s.agendas.map((a) => [a.id, `${a.id} (${a.status}, objective ${a.objective})`]);
  options(el('publish-agenda'), items);
  options(el('publish-previous'), [['', '(none)'], ...items]);
  browseLink();
}
