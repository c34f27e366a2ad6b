// Editing the input document as tables. Every change is sent to the validator (nothing stored) and each problem is
// shown at its field, from its JSON path; "Save a new version" stores the document with If-Match.
import { APIError, api } from './api.js';
import { announce, fill, h } from './dom.js';
import { open, refresh, report, state } from './main.js';

// Each list of the document, and the fields shown for each item. `path` is the field's place in an item.
const tables = [
  { list: 'rooms', title: 'Rooms', item: 'room', fields: [
    ['id', 'Id'], ['name', 'Name'], ['capacity', 'Capacity', 'number'], ['tags', 'Tags', 'list'], ['site', 'Site'],
    ['unavailable', 'Unavailable', 'windows']] },
  { list: 'slots', title: 'Slots', item: 'slot', fields: [
    ['id', 'Id'], ['start', 'Start'], ['end', 'End'], ['tags', 'Tags', 'list']] },
  { list: 'formats', title: 'Formats', item: 'format', fields: [
    ['id', 'Id'], ['name', 'Name'], ['duration', 'Minutes', 'number'], ['rooms', 'Rooms', 'number'], ['exclusive', 'Exclusive', 'bool'],
    ['roomTags', 'Room tags', 'list'], ['slotTags', 'Slot tags', 'list']] },
  { list: 'people', title: 'People', item: 'person', fields: [
    ['id', 'Id'], ['name', 'Name'], ['available', 'Available', 'windows'], ['unavailable', 'Unavailable', 'windows'],
    ['maxPerDay', 'Most a day', 'number']] },
  { list: 'sessions', title: 'Sessions', item: 'session', fields: [
    ['id', 'Id'], ['title', 'Title'], ['format', 'Format'], ['facilitators', 'Facilitators', 'list'], ['duration', 'Minutes', 'number'],
    ['rooms', 'Rooms', 'number'], ['track', 'Track'], ['optional', 'Optional', 'bool'], ['priority', 'Priority', 'number'],
    ['pin.slot', 'Pinned slot'], ['pin.room', 'Pinned room']] },
  { list: 'attendees', title: 'Attendees', item: 'attendee', fields: [['id', 'Id'], ['interests', 'Interests', 'list']] },
];
const eventFields = [['event.name', 'Event name'], ['event.timeZone', 'Time zone'], ['event.travelMinutes', 'Travel minutes', 'number']];
const weightFields = ['clash', 'preference', 'unscheduled', 'change', 'roomChange', 'trackOverlap', 'personPreference']
  .map((w) => [`weights.${w}`, w, 'number']);

let doc = null;          // the document being edited (a copy of the stored one)
let baseVersion = 0;     // the version it was loaded from
let fields = new Map();  // JSON path -> input
let timer = null;
let dirty = false;

function get(object, path) { return path.split('.').reduce((o, k) => (o == null ? undefined : o[k]), object); }
function set(object, path, value) {
  const keys = path.split('.');
  let o = object;
  for (const k of keys.slice(0, -1)) { if (o[k] == null || typeof o[k] !== 'object') o[k] = {}; o = o[k]; }
  const last = keys[keys.length - 1];
  if (value === undefined) delete o[last]; else o[last] = value;
  if (keys.length > 1 && Object.keys(o).length === 0) set(object, keys.slice(0, -1).join('.'), undefined);
}

function show(value, type) {
  if (value === undefined || value === null) return '';
  if (type === 'list') return Array.isArray(value) ? value.join(', ') : String(value);
  if (type === 'windows') return Array.isArray(value) ? value.map((w) => `${w.start ?? ''}/${w.end ?? ''}`).join(', ') : String(value);
  return String(value);
}

// Text as the document holds it; what cannot be read is kept as written, so that the validator says what is wrong.
function read(text, type) {
  const t = text.trim();
  if (t === '') return undefined;
  if (type === 'number') return Number.isFinite(Number(t)) ? Number(t) : t;
  if (type === 'list') return t.split(',').map((s) => s.trim()).filter(Boolean);
  if (type === 'windows') return t.split(',').map((s) => s.trim()).filter(Boolean).map((w) => {
    const [start, end] = w.split('/').map((x) => x.trim());
    return { start, end };
  });
  return t;
}

function input(path, label, type, value, onValue) {
  const id = 'f-' + path.replace(/[^a-zA-Z0-9]+/g, '-');
  const el = type === 'bool'
    ? h('input', { id, type: 'checkbox', 'aria-label': label })
    : h('input', { id, type: type === 'number' ? 'text' : 'text', inputmode: type === 'number' ? 'decimal' : null, 'aria-label': label,
      autocomplete: 'off', spellcheck: 'false' });
  if (type === 'bool') el.checked = value === true; else el.value = show(value, type);
  el.addEventListener(type === 'bool' ? 'change' : 'input', () => {
    onValue(type === 'bool' ? (el.checked ? true : undefined) : read(el.value, type));
    edited();
  });
  const message = h('div', { id: id + '-msg', class: 'msg' });
  el.setAttribute('aria-describedby', message.id);
  fields.set(path, { el, message });
  return h('div', {}, el, message);
}

function table(spec) {
  const items = Array.isArray(doc[spec.list]) ? doc[spec.list] : (doc[spec.list] = []);
  const rows = items.map((item, i) => h('tr', {},
    spec.fields.map(([key, label, type]) => h('td', {},
      input(`${spec.list}[${i}].${key}`, `${spec.title} row ${i + 1}: ${label}`, type, get(item, key), (v) => set(item, key, v)))),
    h('td', {}, h('button', { type: 'button', 'aria-label': `Remove ${spec.item} ${i + 1} (${item.id ?? ''})`,
      onclick: () => { items.splice(i, 1); render(); edited(); } }, 'Remove'))));
  const add = h('button', { type: 'button', onclick: () => {
    items.push({ id: '' });
    render();
    edited();
    fields.get(`${spec.list}[${items.length - 1}].id`)?.el.focus();
  } }, `Add a ${spec.item}`);
  return h('details', { class: 'section', open: spec.list === 'sessions' || items.length < 12 },
    h('summary', {}, `${spec.title} (${items.length})`),
    h('div', { class: 'table-wrap' }, h('table', { class: 'edit-table' },
      h('caption', { class: 'visually-hidden' }, spec.title),
      h('thead', {}, h('tr', {}, spec.fields.map(([, label]) => h('th', { scope: 'col' }, label)), h('th', {}, h('span', { class: 'visually-hidden' }, 'Actions')))),
      h('tbody', {}, rows))),
    add);
}

function plainFields(title, list) {
  return h('details', { class: 'section', open: true }, h('summary', {}, title),
    h('div', { class: 'fields' }, list.map(([path, label, type]) => h('div', {},
      h('label', { for: 'f-' + path.replace(/[^a-zA-Z0-9]+/g, '-') }, label),
      input(path, label, type, get(doc, path), (v) => set(doc, path, v))))));
}

function render() {
  fields = new Map();
  fill(document.getElementById('editor'), plainFields('Event', eventFields), tables.map(table), plainFields('Weights', weightFields));
  for (const { el } of fields.values()) if (el.getAttribute('aria-label') && el.labels && el.labels.length) el.removeAttribute('aria-label');
  validate();
}

function edited() {
  dirty = true;
  document.getElementById('save-status').textContent = 'Not saved yet.';
  clearTimeout(timer);
  timer = setTimeout(validate, 250);
}

// The field a problem belongs to: its path, or the nearest enclosing path that has a field.
function fieldFor(path) {
  let p = path;
  while (p) {
    if (fields.has(p)) return fields.get(p);
    const cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
    if (cut <= 0) break;
    p = p.slice(0, cut);
    if (/^\w+\[\d+\]$/.test(p) && fields.has(p + '.id')) return fields.get(p + '.id');
  }
  return null;
}

async function validate() {
  if (!doc) return;
  let result;
  try {
    result = (await api('POST', '/api/validate', doc)).data;
  } catch (error) {
    report(error);
    return;
  }
  for (const { el, message } of fields.values()) { el.removeAttribute('aria-invalid'); message.textContent = ''; message.className = 'msg'; }
  const elsewhere = [];
  for (const problem of result.problems) {
    const field = fieldFor(problem.path);
    if (!field) { elsewhere.push(problem); continue; }
    if (problem.severity !== 'warning') field.el.setAttribute('aria-invalid', 'true');
    field.message.className = `msg ${problem.severity || 'error'}`;
    field.message.textContent = (field.message.textContent ? field.message.textContent + ' ' : '') + problem.message;
  }
  const errors = result.problems.filter((p) => p.severity !== 'warning');
  const box = document.getElementById('problems');
  fill(box,
    h('p', { class: errors.length ? 'msg error' : 'msg' }, errors.length
      ? `${errors.length} problem${errors.length === 1 ? '' : 's'} to fix before saving.`
      : `Valid. ${result.summary ?? ''}`),
    result.problems.length ? h('ul', {}, result.problems.map((p) => {
      const field = fieldFor(p.path);
      return h('li', { class: p.severity || 'error' },
        field ? h('a', { href: '#', onclick: (e) => { e.preventDefault(); openAround(field.el); field.el.focus(); } }, p.path) : p.path,
        `: ${p.message}`);
    })) : null);
  document.getElementById('save').disabled = errors.length > 0;
  return result;
}

function openAround(el) { for (let d = el.closest('details'); d; d = d.parentElement?.closest('details')) d.open = true; }

async function save() {
  const status = document.getElementById('save-status');
  try {
    const { data } = await api('PUT', `/api/gatherings/${state.gathering}`, doc, { 'If-Match': `"${baseVersion}"` });
    dirty = false;
    status.textContent = `Saved as version ${data.version}.`;
    announce(`Saved as version ${data.version}.`);
    await refresh(state.gathering);
  } catch (error) {
    if (error instanceof APIError && error.status === 412) {
      status.textContent = 'Someone saved a newer version meanwhile; reload it and make the change again.';
      status.append(' ', h('button', { type: 'button', onclick: () => { dirty = false; open(state.gathering); } }, 'Reload'));
    } else if (error instanceof APIError && error.status === 422) {
      status.textContent = 'Not saved: the document has problems (shown at their fields).';
      validate();
    } else report(error);
  }
}

export function init() {
  document.getElementById('save').addEventListener('click', save);
  window.addEventListener('beforeunload', (e) => { if (dirty) e.preventDefault(); });
}

/** Loads the latest document into the tables, unless there are unsaved edits of the same gathering. */
export function shown(s) {
  if (!s.document) return;
  const label = document.getElementById('edit-version');
  const key = `${s.version}@${s.gathering}`;
  if (doc && (dirty ? s.gathering === shown.gathering : key === shown.key)) return;
  shown.gathering = s.gathering;
  shown.key = key;
  doc = structuredClone(s.document);
  baseVersion = s.version;
  label.textContent = `Version ${s.version}`;
  document.getElementById('save-status').textContent = '';
  render();
}
