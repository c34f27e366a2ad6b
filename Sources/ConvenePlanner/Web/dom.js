// Small helpers for building the page: elements, announcements, times.

/** An element: h('button', {class: 'card', onclick: f}, 'text', child). */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else if (key === 'class') el.className = value;
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else if (value === true) el.setAttribute(key, '');
    else el.setAttribute(key, value);
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

/** Replaces an element's children. */
export function fill(el, ...children) {
  el.replaceChildren();
  for (const child of children.flat()) if (child !== null && child !== undefined && child !== false) el.append(child);
  return el;
}

/** Says something to screen readers (and nothing to the eye). */
export function announce(text) {
  const el = document.getElementById('announce');
  el.textContent = '';
  setTimeout(() => { el.textContent = text; }, 30);
}

/** Options of a select, keeping the chosen value when it is still there. */
export function options(select, items, chosen = select.value) {
  fill(select, items.map(([value, label]) => h('option', { value }, label)));
  if (items.some(([value]) => value === chosen)) select.value = chosen;
}

/** "Thu 19 Sep 09:00" from "2019-09-19T09:00". */
export function when(local) {
  if (!local) return '';
  const [date, time] = local.split('T');
  const d = new Date(date + 'T00:00:00Z');
  const day = d.toLocaleDateString('en-GB', { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' });
  return `${day} ${time.slice(0, 5)}`;
}

/** "Sun 6 Dec, 05:06" from an RFC 3339 time. */
export function stamp(text) {
  if (!text) return '';
  const d = new Date(text);
  return d.toLocaleString('en-GB', { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
}

/** "+6", "−3", "±0". */
export function signed(n) {
  if (n === null || n === undefined) return '';
  return n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '±0';
}
