// Solving: a job on the server, followed live (objective, bound, gap), stopped on demand.
import { api, follow } from './api.js';
import { announce, h, options } from './dom.js';
import { open, reloadAgendas, report, state } from './main.js';

let running = null; // { job, controller }

function line(p) {
  const parts = [];
  parts.push(`objective ${p.objective ?? '–'}`);
  parts.push(`bound ${p.bound ?? '–'}`);
  if (p.gap !== null && p.gap !== undefined) parts.push(`gap ${(p.gap * 100).toFixed(1)} %`);
  if (p.seconds !== undefined) parts.push(`${Number(p.seconds).toFixed(1)} s`);
  if (p.solver) parts.push(`(${p.solver})`);
  return parts.join(' · ');
}

async function start(event) {
  event.preventDefault();
  if (running) return;
  const body = {
    solver: document.getElementById('solve-solver').value,
    timeLimit: Number(document.getElementById('solve-time').value) || 10,
    seed: Number(document.getElementById('solve-seed').value) || 0,
    version: state.version,
  };
  const previous = document.getElementById('solve-previous').value;
  if (previous) body.previous = previous;
  const frozen = document.getElementById('solve-frozen').value;
  if (frozen) body.frozenUntil = frozen.length === 16 ? frozen : frozen.slice(0, 16);
  const progress = document.getElementById('progress');
  const result = document.getElementById('solve-result');
  result.textContent = '';
  let job;
  try {
    job = (await api('POST', `/api/gatherings/${state.gathering}/solve`, body)).data.job;
  } catch (error) {
    if (error.status === 409) await open(state.gathering);
    report(error);
    return;
  }
  running = { job, controller: new AbortController() };
  document.getElementById('solve-start').disabled = true;
  document.getElementById('solve-stop').disabled = false;
  progress.textContent = 'Waiting for a solver…';
  let done = null;
  try {
    await follow(`/api/jobs/${job}/events`, (name, data) => {
      if (name === 'progress') progress.textContent = line(data);
      if (name === 'done') done = data;
    }, running.controller.signal);
  } catch (error) {
    if (error.name !== 'AbortError') report(error);
  }
  if (!done) done = (await api('GET', `/api/jobs/${job}`)).data;
  finish(done);
}

function finish(job) {
  running = null;
  document.getElementById('solve-start').disabled = false;
  document.getElementById('solve-stop').disabled = true;
  const result = document.getElementById('solve-result');
  const progress = document.getElementById('progress');
  if (job.objective !== null) progress.textContent = line({ objective: job.objective, bound: job.bound, gap: job.gap });
  const what = { done: 'Done', cancelled: 'Stopped', failed: 'Failed' }[job.state] || job.state;
  const text = job.agenda
    ? `${what}: ${job.status}, objective ${job.objective}${job.bound !== null ? `, bound ${job.bound}` : ''}.`
    : `${what}: no agenda${job.status ? ` (${job.status})` : ''}. ${job.error ?? ''}`;
  result.replaceChildren(text, ' ', ...(job.agenda ? [h('a', { href: `#agenda/${job.agenda}`, id: 'open-agenda' }, `Open agenda ${job.agenda}`)] : []),
    ...(job.notes || []).map((n) => h('div', { class: 'muted' }, n)));
  announce(text);
  reloadAgendas();
}

async function stop() {
  if (!running) return;
  document.getElementById('solve-stop').disabled = true;
  try {
    const { data } = await api('DELETE', `/api/jobs/${running.job}`);
    running.controller.abort();
    finish(data);
  } catch (error) {
    report(error);
  }
}

// Now, written in the event's time zone (the document's times are local to it).
function now() {
  const zone = (state.document && state.document.event && state.document.event.timeZone) || 'UTC';
  let parts;
  try {
    parts = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit',
      minute: '2-digit', hourCycle: 'h23' }).formatToParts(new Date());
  } catch {
    parts = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
      hourCycle: 'h23' }).formatToParts(new Date());
  }
  const p = Object.fromEntries(parts.map((x) => [x.type, x.value]));
  document.getElementById('solve-frozen').value = `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

export function init() {
  document.getElementById('solve-form').addEventListener('submit', start);
  document.getElementById('solve-stop').addEventListener('click', stop);
  document.getElementById('solve-now').addEventListener('click', now);
}

export function shown(s) {
  options(document.getElementById('solve-previous'),
    [['', '(none: solve from scratch)'], ...s.agendas.map((a) => [a.id, `${a.id}: ${a.status}, objective ${a.objective} (v${a.version})`])]);
}

