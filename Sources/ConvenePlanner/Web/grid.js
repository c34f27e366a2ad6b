// The agenda as a grid per day (slots down, rooms across). A session moves by drag (pointer or touch) or, from the
// keyboard, by choosing it and its new place in the form beside the grid. Each move is judged by the checker alone at
// once (what-if); "Repair the rest" solves again around the moved sessions with the fewest changes.
import { api } from './api.js';
import { announce, fill, h, options, signed, when } from './dom.js';
import { reloadAgendas, report, state } from './main.js';

let base = null;     // { id, agenda, doc, version } the stored agenda moved from, and the gathering as it is now
let shownAgenda = null; // the agenda drawn: the base, or the what-if's
let moves = [];      // pending moves, in order
let verdict = null;  // the last what-if answer
let repaired = false; // whether the agenda shown comes from "Repair the rest"
let drag = null;
let message = '';    // said once the next agenda is drawn
let loading = '';    // the agenda being loaded

const el = (id) => document.getElementById(id);

async function load(id) {
  if (!id) { base = null; fill(el('grid'), h('p', { class: 'hint' }, 'No agenda yet: solve first.')); return; }
  const agenda = await api('GET', `/api/gatherings/${state.gathering}/agendas/${id}`);
  const summary = state.agendas.find((a) => a.id === id);
  // The agenda is shown and judged against the gathering as it is now (a room closed since shows at once).
  const doc = state.document;
  base = { id, agenda: agenda.data, doc, version: state.version };
  moves = [];
  verdict = null;
  repaired = false;
  shownAgenda = base.agenda;
  fill(el('verdict'));
  fill(el('changes'));
  setButtons();
  el('agenda-summary').textContent = `${agenda.data.status}, objective ${agenda.data.objective} (version ${summary ? summary.version : '?'})`;
  const sessions = doc.sessions || [];
  options(el('move-session'), sessions.map((s) => [s.id, s.title || s.id]));
  options(el('move-slot'), sortedSlots(doc).map((s) => [s.id, `${when(s.start)}–${(s.end || '').slice(11, 16)} (${s.id})`]));
  options(el('move-room'), (doc.rooms || []).map((r) => [r.id, r.name || r.id]));
  syncForm();
  draw();
  await judge(false, { quiet: true });
}

function sortedSlots(doc) { return [...(doc.slots || [])].sort((a, b) => String(a.start).localeCompare(String(b.start))); }
function title(id) { const s = (base.doc.sessions || []).find((x) => x.id === id); return (s && (s.title || s.id)) || id; }
// How many times a session takes place (`runs`, 1 when absent).
function runsOf(id) { const s = (base.doc.sessions || []).find((x) => x.id === id); return (s && s.runs) || 1; }
// `Workshop (run 2 of 2)` for a run of a session that takes place more than once.
function runTitle(id, run) { const n = runsOf(id); return n > 1 ? `${title(id)} (run ${run || 1} of ${n})` : title(id); }
// One run of one session: the key of a placement, a move and a card.
function runKey(session, run) { return `${session}\u0000${run || 1}`; }
function chosenRun() { return Number(el('move-run').value) || 1; }
function chosenPlacement() {
  const id = el('move-session').value;
  const run = chosenRun();
  return shownAgenda && shownAgenda.placements.find((x) => x.session === id && (x.run || 1) === run);
}
function personName(id) {
  const p = (base.doc.people || []).find((x) => x.id === id);
  return (p && (p.name || p.id)) || id;
}

function draw() {
  const doc = base.doc;
  const rooms = doc.rooms || [];
  const cells = new Map(); // "slot|room" -> [{placement, start}]
  for (const p of shownAgenda.placements) {
    for (const slot of p.slots || [p.start]) for (const room of p.rooms) {
      const key = `${slot}|${room}`;
      if (!cells.has(key)) cells.set(key, []);
      cells.get(key).push({ p, start: slot === p.start });
    }
  }
  const moved = new Set(moves.map((m) => runKey(m.session, m.run)));
  const broken = new Set();
  for (const v of (verdict && verdict.violations) || []) for (const m of v.message.matchAll(/\(([^()]+)\)/g)) broken.add(m[1]);
  const pinned = new Set((doc.sessions || []).filter((s) => s.pin).map((s) => s.id));
  const days = new Map();
  for (const slot of sortedSlots(doc)) {
    const day = String(slot.start).slice(0, 10);
    if (!days.has(day)) days.set(day, []);
    days.get(day).push(slot);
  }
  const tables = [...days.entries()].map(([day, slots]) => h('div', { class: 'day' },
    h('h3', {}, when(`${day}T00:00`).slice(0, -6)),
    h('table', { class: 'grid' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Time'), rooms.map((r) => h('th', { scope: 'col' }, r.name || r.id)))),
      h('tbody', {}, slots.map((slot) => h('tr', {},
        h('th', { scope: 'row' }, `${String(slot.start).slice(11, 16)}–${String(slot.end).slice(11, 16)}`),
        rooms.map((room) => {
          const here = cells.get(`${slot.id}|${room.id}`) || [];
          return h('td', { dataset: { slot: slot.id, room: room.id }, class: here.length > 1 ? 'clash' : null },
            here.map(({ p, start }) => card(p, start, { moved: moved.has(runKey(p.session, p.run)), broken: broken.has(p.session), pinned: pinned.has(p.session) })));
        })))))));
  fill(el('grid'), tables.length ? tables : h('p', { class: 'hint' }, 'This gathering has no slots.'));
}

function card(p, start, flags) {
  const session = (base.doc.sessions || []).find((s) => s.id === p.session) || {};
  const who = (session.facilitators || []).map(personName).join(', ');
  const chosen = el('move-session').value === p.session && chosenRun() === (p.run || 1);
  const classes = ['card', start ? '' : 'cont', flags.moved ? 'moved' : '', flags.broken ? 'clash' : '', chosen && picked ? 'picked' : '']
    .filter(Boolean).join(' ');
  const name = runTitle(p.session, p.run);
  if (!start) return h('div', { class: classes, 'aria-hidden': 'true' }, `⋮ ${name}`);
  const label = `${name}, ${when(p.startTime)}, ${p.rooms.map(roomName).join(', ')}${flags.pinned ? ', pinned' : ''}${flags.moved ? ', moved' : ''}${flags.broken ? ', breaks a rule' : ''}. Choose to move it.`;
  const runs = runsOf(p.session);
  const button = h('button', { type: 'button', class: classes, dataset: { session: p.session, run: String(p.run || 1) }, 'aria-label': label },
    flags.pinned ? h('span', { class: 'pin', 'aria-hidden': 'true' }, 'Pinned') : null, h('span', { class: 't' }, title(p.session)),
    runs > 1 ? h('small', { class: 'run' }, `run ${p.run || 1} of ${runs}`) : null,
    who ? h('small', {}, who) : null);
  button.addEventListener('pointerdown', (e) => pointerDown(e, p));
  button.addEventListener('click', (e) => { if (e.detail === 0 || !drag) pick(p.session, true, p.run || 1); });
  return button;
}

function roomName(id) { const r = (base.doc.rooms || []).find((x) => x.id === id); return (r && (r.name || r.id)) || id; }

let picked = false;
function pick(session, focusForm, run = 1) {
  picked = true;
  el('move-session').value = session;
  runChoices();
  el('move-run').value = String(run);
  syncForm();
  for (const c of document.querySelectorAll('.card.picked')) c.classList.remove('picked');
  for (const c of document.querySelectorAll(`.card[data-session="${CSS.escape(session)}"][data-run="${run}"]`)) c.classList.add('picked');
  announce(`${runTitle(session, run)} chosen. Choose its start slot and room, then Check this move.`);
  if (focusForm) el('move-slot').focus();
}

// The run field: shown for a session that takes place more than once, one choice per run.
function runChoices() {
  const n = base ? runsOf(el('move-session').value) : 1;
  const keep = el('move-run').value;
  options(el('move-run'), Array.from({ length: n }, (_, k) => [String(k + 1), `run ${k + 1} of ${n}`]));
  if (Number(keep) >= 1 && Number(keep) <= n) el('move-run').value = keep;
  el('move-run-field').hidden = n < 2;
}

function syncForm() {
  runChoices();
  const p = chosenPlacement();
  if (p) { el('move-slot').value = p.start; el('move-room').value = p.rooms[0]; }
  const s = base && (base.doc.sessions || []).find((x) => x.id === el('move-session').value);
  el('unpin').disabled = !(s && s.pin);
  // A pin fixes where run 1 starts (and every run's room): it is set from run 1.
  el('pin').disabled = chosenRun() > 1;
  el('pin').title = chosenRun() > 1 ? 'A pin fixes where run 1 starts: choose run 1 to pin the session.' : '';
}

// Dragging with pointer events (mouse, pen and touch alike); a press without movement is a click.
function pointerDown(event, p) {
  if (event.button !== 0) return;
  const startX = event.clientX;
  const startY = event.clientY;
  const source = event.currentTarget;
  let ghost = null;
  let target = null;
  drag = null;
  const move = (e) => {
    if (!ghost && Math.hypot(e.clientX - startX, e.clientY - startY) < 6) return;
    if (!ghost) {
      drag = { session: p.session, run: p.run || 1 };
      ghost = source.cloneNode(true);
      ghost.classList.add('ghost');
      document.body.append(ghost);
    }
    ghost.style.left = `${e.clientX + 8}px`;
    ghost.style.top = `${e.clientY + 8}px`;
    const under = document.elementFromPoint(e.clientX, e.clientY);
    const cell = under && under.closest('td[data-slot]');
    if (target !== cell) { target?.classList.remove('target'); target = cell; target?.classList.add('target'); }
  };
  const up = () => {
    document.removeEventListener('pointermove', move);
    document.removeEventListener('pointerup', up);
    document.removeEventListener('pointercancel', up);
    ghost?.remove();
    target?.classList.remove('target');
    const dragged = drag;
    setTimeout(() => { drag = null; }, 0);
    if (dragged && target) tryMove({ session: p.session, run: p.run || 1, start: target.dataset.slot, rooms: roomsFor(p, target.dataset.room) });
  };
  document.addEventListener('pointermove', move);
  document.addEventListener('pointerup', up);
  document.addEventListener('pointercancel', up);
}

// A multi-room session dropped on a room keeps its other rooms where it can.
function roomsFor(p, room) {
  if (p.rooms.includes(room)) return p.rooms;
  return [room, ...p.rooms.slice(1).filter((r) => r !== room)].slice(0, p.rooms.length);
}

async function tryMove(move) {
  moves = moves.filter((m) => runKey(m.session, m.run) !== runKey(move.session, move.run)).concat([move]);
  await judge(false);
}

async function judge(reoptimise, { quiet = false } = {}) {
  const started = performance.now();
  const body = { moves };
  if (reoptimise) Object.assign(body, { reoptimise: true, timeLimit: Number(el('repair-time').value) || 5 });
  el('verdict').textContent = reoptimise ? 'Repairing…' : 'Checking…';
  try {
    verdict = (await api('POST', `/api/gatherings/${state.gathering}/agendas/${base.id}/what-if`, body)).data;
  } catch (error) {
    el('verdict').textContent = '';
    report(error);
    return;
  }
  const ms = Math.round(performance.now() - started);
  shownAgenda = verdict.agenda;
  repaired = reoptimise && verdict.valid;
  draw();
  showVerdict(ms, reoptimise, quiet);
  setButtons();
}

function showVerdict(ms, reoptimise, quiet) {
  const v = verdict;
  const people = new Set();
  for (const c of v.diff.changes) for (const p of c.people) people.add(p);
  const delta = v.delta === null ? '' : ` (${signed(v.delta)})`;
  fill(el('verdict'),
    h('p', { class: v.valid ? 'ok' : 'no', id: 'verdict-line' },
      v.valid ? '✔ Valid' : `✖ Breaks ${v.violations.length} rule${v.violations.length === 1 ? '' : 's'}`,
      ` — objective ${v.objective ?? '–'}${delta}`),
    v.violations.length ? h('ul', { id: 'violations' }, v.violations.map((x) => h('li', {}, `${x.rule ? `Rule ${x.rule}` : 'Agenda'}: ${x.message}`))) : null,
    h('p', { class: 'muted' }, reoptimise ? `Repaired in ${ms} ms (${v.status ?? 'no agenda'}).` : `Checked in ${ms} ms.`),
    ...(v.notes || []).map((n) => h('p', { class: 'muted' }, n)),
    people.size ? h('details', {}, h('summary', {}, `People concerned (${people.size})`),
      h('p', {}, [...people].map(personName).join(', '))) : null);
  changes(v.diff);
  if (quiet) {
    if (message) el('verdict').prepend(h('p', { class: 'ok' }, message));
    message = '';
    return;
  }
  // On a phone the verdict is below the grid: bring it into view.
  if (window.matchMedia('(max-width: 900px)').matches) el('verdict').scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  announce(`${v.valid ? 'Valid' : `Breaks ${v.violations.length} rules`}. Objective ${v.objective}${delta}.`);
}

function changes(diff) {
  const kinds = { added: 'added', moved: 'moved', roomChanged: 'room changed', unscheduled: 'unscheduled', cancelled: 'cancelled' };
  const place = (s) => (s ? `${when(s.startTime)} ${s.rooms.map(roomName).join(', ')}` : '—');
  fill(el('changes'), diff.changes.length ? [
    h('h4', {}, `${diff.changes.length} change${diff.changes.length === 1 ? '' : 's'} from ${base.id}`),
    h('div', { class: 'table-wrap' }, h('table', { id: 'changes-table' },
      h('thead', {}, h('tr', {}, ['Session', 'Change', 'Before', 'After', 'People'].map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, diff.changes.map((c) => h('tr', {}, h('td', {}, runTitle(c.session, c.run)), h('td', {}, h('span', { class: 'kind' }, kinds[c.kind] || c.kind)),
        h('td', {}, place(c.before)), h('td', {}, place(c.after)), h('td', {}, String(c.people.length)))))))] : h('p', { class: 'muted' }, 'No change.'));
}

function setButtons() {
  const changed = moves.length > 0 || repaired;
  el('repair').disabled = !base || !(moves.length > 0 || (verdict && !verdict.valid));
  el('undo').disabled = !base || !changed;
  el('keep').disabled = !verdict || !verdict.valid || !changed;
}

async function keep() {
  try {
    const { data } = await api('POST', `/api/gatherings/${state.gathering}/agendas`, verdict.agenda);
    announce(`Kept as agenda ${data.id}.`);
    message = `Kept as agenda ${data.id} (objective ${data.objective}).`;
    location.hash = `agenda/${data.id}`;
    await reloadAgendas();
  } catch (error) {
    report(error);
  }
}

// Pins the chosen session at the chosen place (or unpins it): a new version of the gathering.
async function pin(on) {
  const id = el('move-session').value;
  const latest = structuredClone(state.document);
  const session = (latest.sessions || []).find((s) => s.id === id);
  if (!session) return;
  if (on) session.pin = { slot: el('move-slot').value, room: el('move-room').value }; else delete session.pin;
  try {
    const { data } = await api('PUT', `/api/gatherings/${state.gathering}`, latest, { 'If-Match': `"${state.version}"` });
    state.document = latest;
    state.version = data.version;
    base.doc = latest;
    base.version = data.version;
    message = on ? `Pinned ${title(id)} (version ${data.version}).` : `Unpinned ${title(id)} (version ${data.version}).`;
    announce(message);
    syncForm();
    await judge(false, { quiet: true });
  } catch (error) {
    report(error);
  }
}

export function init() {
  el('agenda-select').addEventListener('change', (e) => { location.hash = `agenda/${e.target.value}`; });
  el('move-session').addEventListener('change', () => { picked = true; el('move-run').value = '1'; syncForm(); });
  el('move-run').addEventListener('change', () => { picked = true; syncForm(); });
  el('move-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const p = chosenPlacement();
    const room = el('move-room').value;
    tryMove({ session: el('move-session').value, run: chosenRun(), start: el('move-slot').value, rooms: p ? roomsFor(p, room) : [room] });
  });
  el('repair').addEventListener('click', () => judge(true));
  el('keep').addEventListener('click', keep);
  el('undo').addEventListener('click', () => {
    moves = [];
    shownAgenda = base.agenda;
    draw();
    judge(false, { quiet: true });
  });
  el('pin').addEventListener('click', () => pin(true));
  el('unpin').addEventListener('click', () => pin(false));
}

export function shown(s) {
  const agendas = s.agendas;
  options(el('agenda-select'), agendas.map((a) => [a.id, `${a.id}: ${a.status}, objective ${a.objective}`]));
  const wanted = location.hash.split('/')[1] || (base && base.id) || (agendas[0] && agendas[0].id) || '';
  if (agendas.some((a) => a.id === wanted)) el('agenda-select').value = wanted;
  const id = el('agenda-select').value;
  if (base && base.id === id && base.version !== s.version && s.document) {
    // A new version of the gathering (saved elsewhere): judge the same moves against it.
    base.doc = s.document;
    base.version = s.version;
    judge(false, { quiet: true });
  }
  if ((!base || base.id !== id) && loading !== id) {
    loading = id;
    load(id).catch(report).finally(() => { loading = ''; });
  }
}
