// The planner's API: JSON requests with the token when there is one, and server-sent events read through fetch (so
// that the token goes along, which EventSource cannot send).

const tokenKey = 'convene-token';

export function token() { return localStorage.getItem(tokenKey) || ''; }

export function setToken(value) {
  localStorage.setItem(tokenKey, value);
  // Pages of a published site are opened as plain links: they carry the token as a cookie.
  document.cookie = `convene_token=${encodeURIComponent(value)}; path=/site; SameSite=Strict`;
}

/** An API error: its status and the contract's body ({error, problems}). */
export class APIError extends Error {
  constructor(status, body) {
    super(body && body.error ? body.error : `the server answered ${status}`);
    this.status = status;
    this.body = body || { error: this.message, problems: [] };
  }
}

let onUnauthorized = () => {};
export function whenUnauthorized(f) { onUnauthorized = f; }

function headers(extra = {}) {
  const all = { Accept: 'application/json, */*;q=0.5', ...extra };
  if (token()) all.Authorization = `Bearer ${token()}`;
  return all;
}

/** Sends a request; resolves to {data, headers, status}, rejects with an APIError. */
export async function api(method, path, body, extra = {}) {
  const init = { method, headers: headers(extra) };
  if (body !== undefined) {
    init.body = typeof body === 'string' ? body : JSON.stringify(body);
    init.headers['Content-Type'] = 'application/json';
  }
  const response = await fetch(path, init);
  const type = response.headers.get('Content-Type') || '';
  const data = type.includes('json') ? await response.json().catch(() => null) : await response.blob();
  if (response.status === 401) onUnauthorized();
  if (!response.ok) throw new APIError(response.status, data);
  return { data, headers: response.headers, status: response.status };
}

/**
 * Follows a job's events: calls onEvent(name, data) for each, resolves when the stream ends. Aborting `signal`
 * closes the stream (and, when nobody else follows the job, the server cancels it).
 */
export async function follow(path, onEvent, signal) {
  const response = await fetch(path, { headers: headers({ Accept: 'text/event-stream' }), signal });
  if (!response.ok) throw new APIError(response.status, await response.json().catch(() => null));
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    let end;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      let name = 'message';
      const data = [];
      for (const line of block.split('\n')) {
        if (line.startsWith('event:')) name = line.slice(6).trim();
        else if (line.startsWith('data:')) data.push(line.slice(5).trim());
      }
      if (data.length) onEvent(name, JSON.parse(data.join('\n')));
    }
  }
}
