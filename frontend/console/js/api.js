/**
 * The platform's HTTP APIs as the console calls them: one object that knows the services' addresses, carries the
 * trader's access token, refreshes it before it expires (the core rotates the refresh token on every use, so only
 * this object refreshes) and turns application/problem+json answers into {@link ApiError}s the page can show.
 *
 * The services run beside the page: the same host name as the page, the devstack's ports (core 3000, market data
 * 3001, Monte Carlo 3002, WebSocket 3003, reports 3004). `?host=` in the page's URL points it elsewhere.
 */

/** A refused request: the HTTP status and the problem document (type, title, detail, errors[] …). */
export class ApiError extends Error {
  constructor(status, problem) {
    super(describe(status, problem));
    this.status = status;
    this.problem = problem || {};
  }
}

function describe(status, problem) {
  if (!problem) return `HTTP ${status}`;
  const fields = (problem.errors || []).map((e) => `${e.field}: ${e.message}`).join('; ');
  const check = problem.check ? ` [${problem.check}] ${problem.reason || ''}` : '';
  const head = status ? `${status} ${problem.title || ''}` : problem.title || 'failed';
  return `${head}: ${problem.detail || ''}${check}${fields ? ' — ' + fields : ''}`.trim();
}

export function serviceUrls(location) {
  const params = new URLSearchParams(location.search);
  const host = params.get('host') || location.hostname || '127.0.0.1';
  return {
    core: `http://${host}:3000`,
    market: `http://${host}:3001`,
    monteCarlo: `http://${host}:3002`,
    ws: `ws://${host}:3003`,
    reports: `http://${host}:3004`,
  };
}

/** A fresh idempotency key per order; crypto.randomUUID needs a secure context, 127.0.0.1 and localhost are. */
export function newKey() {
  if (globalThis.crypto && crypto.randomUUID) return crypto.randomUUID();
  return `k-${Date.now()}-${Math.random().toString(36).slice(2)}`;
}

/** The claims of a JWT (not verified: the services verify it; the page only reads roles and expiry). */
export function claims(jwt) {
  try {
    const part = jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    return JSON.parse(atob(part + '==='.slice((part.length + 3) % 4)));
  } catch {
    return {};
  }
}

export class Api {
  constructor(urls) {
    this.urls = urls;
    this.session = null; // the login answer: accessToken, refreshToken, expiresIn …
    this.refreshTimer = null;
    this.refreshing = null;
    this.onSession = () => {};
    this.onSessionLost = () => {};
  }

  get roles() {
    return this.session ? claims(this.session.accessToken).roles || [] : [];
  }

  async register(email, password, displayName) {
    const body = { email, password };
    if (displayName) body.displayName = displayName;
    return this.call('core', 'POST', '/auth/register', body, { anonymous: true });
  }

  /** Logs in; `totpCode` is sent only when given (admin second factor; the trader login ignores it). */
  async login(email, password, totpCode) {
    const body = { email, password };
    if (totpCode) body.totpCode = totpCode;
    this.adopt(await this.call('core', 'POST', '/auth/login', body, { anonymous: true }));
  }

  async logout() {
    const session = this.session;
    clearTimeout(this.refreshTimer);
    if (session) {
      try {
        await this.call('core', 'POST', '/auth/logout', { refreshToken: session.refreshToken });
      } catch { /* the tokens are forgotten either way */ }
    }
    this.session = null;
  }

  adopt(session) {
    this.session = session;
    clearTimeout(this.refreshTimer);
    // refresh a minute before the access token expires (never sooner than 5 s from now)
    const inMs = Math.max(5, (session.expiresIn || 600) - 60) * 1000;
    this.refreshTimer = setTimeout(() => this.refresh().catch(() => {}), inMs);
    this.onSession(session);
  }

  /**
   * One refresh at a time: two racing refreshes with the same token would revoke the whole login. A refused refresh
   * (the login was revoked, expired or logged out elsewhere: 401) ends the session here too, through
   * `onSessionLost`; an unreachable core does not — the next request tries again.
   */
  refresh() {
    if (!this.refreshing) {
      this.refreshing = this.call('core', 'POST', '/auth/refresh', { refreshToken: this.session.refreshToken },
        { anonymous: true })
        .then((s) => this.adopt(s))
        .catch((e) => {
          if (e.status >= 400 && e.status < 500 && this.session) {
            clearTimeout(this.refreshTimer);
            this.session = null;
            this.onSessionLost(e);
          }
          throw e;
        })
        .finally(() => { this.refreshing = null; });
    }
    return this.refreshing;
  }

  get(service, path, options) { return this.call(service, 'GET', path, undefined, options); }
  post(service, path, body, options) { return this.call(service, 'POST', path, body, options); }

  /** Fetches a binary or HTML document with the token (reports) and answers a Blob. */
  async blob(service, path) {
    const response = await fetch(this.urls[service] + path, { headers: this.authHeader() });
    if (!response.ok) throw new ApiError(response.status, await problemOf(response));
    return response.blob();
  }

  authHeader() {
    return this.session ? { Authorization: `Bearer ${this.session.accessToken}` } : {};
  }

  async call(service, method, path, body, { anonymous = false, headers = {}, retried = false } = {}) {
    const h = { Accept: 'application/json, application/problem+json', ...headers };
    if (body !== undefined) h['Content-Type'] = 'application/json';
    if (!anonymous) Object.assign(h, this.authHeader());
    const sentWith = this.session && this.session.accessToken;
    let response;
    try {
      response = await fetch(this.urls[service] + path, {
        method, headers: h, body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (e) {
      throw new ApiError(0, { title: 'unreachable', detail: `${this.urls[service]} (${e.message})` });
    }
    if (response.status === 401 && !anonymous && !retried && this.session) {
      // the access token expired between two refreshes (a sleeping laptop): refresh and try once more — unless a
      // request that failed alongside this one already got a new token, which is then simply used
      if (this.session.accessToken === sentWith) await this.refresh();
      return this.call(service, method, path, body, { anonymous, headers, retried: true });
    }
    if (!response.ok) throw new ApiError(response.status, await problemOf(response));
    if (response.status === 204) return null;
    const text = await response.text();
    return text ? JSON.parse(text) : null;
  }
}

async function problemOf(response) {
  try {
    return JSON.parse(await response.text());
  } catch {
    return { title: response.statusText };
  }
}
