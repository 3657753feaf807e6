// The services' HTTP APIs, reached under the page's own address. Tokens live in this tab's sessionStorage and are
// refreshed quietly a minute before they expire, or once after a 401.

const STORE = 'learnflow.session';
const listeners = new Set();

export class ApiProblem extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

export class SignedOut extends Error {}

/** A failure as a problem the page can show: the API's own problem+json, or one made of the failure's message. */
export function asProblem(failure) {
  return failure instanceof ApiProblem ? failure.problem : { detail: failure.message };
}

let session = readSession();
let refreshing = null;

function readSession() {
  try {
    return JSON.parse(sessionStorage.getItem(STORE) || 'null');
  } catch {
    return null;
  }
}

function claims(token) {
  const payload = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
  const json = decodeURIComponent(Array.from(atob(payload), c => '%' + c.charCodeAt(0).toString(16).padStart(2, '0')).join(''));
  return JSON.parse(json);
}

function keep(tokens) {
  const claim = claims(tokens.accessToken);
  session = {
    accessToken: tokens.accessToken,
    refreshToken: tokens.refreshToken,
    expiresAt: claim.exp * 1000,
    accountId: claim.sub,
    email: claim.upn,
    role: (claim.groups || []).includes('teacher') ? 'teacher' : 'student',
  };
  sessionStorage.setItem(STORE, JSON.stringify(session));
}

export function currentSession() {
  return session;
}

/** Called with a message whenever the session ends without the student asking (a refresh refused). */
export function onSignedOut(listener) {
  listeners.add(listener);
}

export function signOut(message) {
  session = null;
  sessionStorage.removeItem(STORE);
  if (message) listeners.forEach(listener => listener(message));
}

export async function signIn(email, password) {
  keep(await request('POST', '/api/v1/auth/token', { email, password }, { anonymous: true }));
  return session;
}

export async function signUp(account) {
  return request('POST', '/api/v1/students', account, { anonymous: true });
}

async function refresh() {
  if (!refreshing) {
    const refreshToken = session?.refreshToken;
    refreshing = (async () => {
      try {
        const response = await fetch('/api/v1/auth/refresh', {
          method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ refreshToken }),
        });
        if (!response.ok) throw new SignedOut();
        keep(await response.json());
      } catch (failure) {
        signOut('Your session has ended. Please sign in again.');
        throw failure instanceof SignedOut ? failure : new SignedOut();
      } finally {
        refreshing = null;
      }
    })();
  }
  return refreshing;
}

async function token() {
  if (!session) throw new SignedOut();
  if (Date.now() > session.expiresAt - 60_000) await refresh();
  return session.accessToken;
}

async function problemOf(response) {
  const type = response.headers.get('Content-Type') || '';
  if (type.includes('json')) {
    try {
      return await response.json();
    } catch {
      // fall through to a problem of our own
    }
  }
  const retry = response.headers.get('Retry-After');
  return {
    status: response.status,
    title: response.statusText || `HTTP ${response.status}`,
    detail: response.status === 413 ? 'That is too long to send.'
      : retry ? `LearnFlow is busy; try again in ${retry} s.` : `The request failed (HTTP ${response.status}).`,
  };
}

/** One API call: JSON in, JSON (or text) out; a problem+json answer becomes an ApiProblem. */
export async function request(method, path, body, { anonymous = false, accept = 'application/json' } = {}) {
  const send = async () => {
    const headers = { Accept: accept };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (!anonymous) headers.Authorization = `Bearer ${await token()}`;
    return fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  };
  let response = await send();
  if (response.status === 401 && !anonymous && session) {
    await refresh();
    response = await send();
    if (response.status === 401) {
      signOut('Your session has ended. Please sign in again.');
      throw new SignedOut();
    }
  }
  if (!response.ok) throw new ApiProblem(response.status, await problemOf(response));
  if (response.status === 204) return null;
  const type = response.headers.get('Content-Type') || '';
  return type.includes('json') ? response.json() : response.text();
}

export const get = (path, options) => request('GET', path, undefined, options);
export const post = (path, body, options) => request('POST', path, body ?? {}, options);

/**
 * Follows a Server-Sent Events stream (fetch, so that the token goes in a header), calling `onEvent` with each
 * event's JSON until `isFinal` says so. A lost connection is opened again after a short wait; the stream starts with
 * the current state, so nothing is missed. Returns a function that stops following.
 */
export function follow(path, { onEvent, isFinal, onReconnecting }) {
  const stop = new AbortController();
  (async () => {
    let wait = 500;
    while (!stop.signal.aborted) {
      try {
        const response = await fetch(path, {
          headers: { Accept: 'text/event-stream', Authorization: `Bearer ${await token()}` }, signal: stop.signal,
        });
        if (response.status === 401) {
          await refresh();
          continue;
        }
        if (!response.ok) throw new ApiProblem(response.status, await problemOf(response));
        wait = 500;
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value;
          let end;
          while ((end = buffer.search(/\r?\n\r?\n/)) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end).replace(/^\r?\n\r?\n/, '');
            const data = block.split(/\r?\n/).filter(line => line.startsWith('data:'))
              .map(line => line.slice(5).replace(/^ /, '')).join('\n');
            if (!data) continue;
            const event = JSON.parse(data);
            onEvent(event);
            if (isFinal(event)) {
              stop.abort();
              return;
            }
          }
        }
      } catch (failure) {
        if (stop.signal.aborted || failure instanceof SignedOut) return;
        if (failure instanceof ApiProblem && failure.status < 500 && failure.status !== 429) {
          onReconnecting?.(failure.message, true);
          return;
        }
      }
      if (stop.signal.aborted) return;
      onReconnecting?.('The connection was lost; reconnecting…', false);
      await new Promise(resume => setTimeout(resume, wait));
      wait = Math.min(wait * 2, 8000);
    }
  })();
  return () => stop.abort();
}
