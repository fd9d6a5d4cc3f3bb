/**
 * The console's one WebSocket to websocket-service (protocol: backend/websocket-service/README.md). It opens with a
 * single-use ticket (access tokens never go in URLs), keeps the channels the page wants, and survives what the
 * protocol says can happen:
 * - a dropped connection (1001, 1012 restart, 4008 slow consumer, network): reconnect with a new ticket and
 *   re-subscribe each assessment channel with `since` = the last offset seen, so no fill is missed;
 * - the session expiring with the access token: answer the server's 4001 error with an `auth` frame carrying the
 *   refreshed token (also sent whenever the token is refreshed);
 * - a subscribe racing ahead of `assessment.created` (4003 right after a purchase): retried a few times.
 */
export class LiveStream {
  constructor(api, { onEvent, onState }) {
    this.api = api;
    this.onEvent = onEvent;
    this.onState = onState;
    this.channels = new Map(); // channel → { since: last offset seen (assessment channels), confirmed, retries }
    this.socket = null;
    this.closedByUs = false;
    this.backoffMs = 1000;
    this.hint = '';
  }

  async open(assessmentHint) {
    this.closedByUs = false;
    this.hint = assessmentHint || this.hint;
    const { ticket } = await this.api.post('core', '/auth/ws-ticket');
    const query = `ticket=${encodeURIComponent(ticket)}` + (this.hint ? `&assessment_id=${this.hint}` : '');
    const socket = new WebSocket(`${this.api.urls.ws}/ws?${query}`);
    this.socket = socket;
    socket.onopen = () => {
      this.backoffMs = 1000;
      this.onState('open');
      for (const channel of this.channels.keys()) this.sendSubscribe(channel);
    };
    socket.onmessage = (m) => this.receive(JSON.parse(m.data));
    socket.onclose = (e) => {
      if (this.socket !== socket) return;
      this.socket = null;
      for (const state of this.channels.values()) state.confirmed = false;
      this.onState('closed', `${e.code}${e.reason ? ' ' + e.reason : ''}`);
      if (!this.closedByUs && e.code !== 4029) this.reconnectLater();
    };
  }

  reconnectLater() {
    const wait = this.backoffMs;
    this.backoffMs = Math.min(this.backoffMs * 2, 10000);
    this.onState('reconnecting', `in ${wait / 1000} s`);
    setTimeout(() => {
      if (!this.closedByUs && !this.socket) this.open().catch(() => this.reconnectLater());
    }, wait);
  }

  subscribe(channel) {
    if (!this.channels.has(channel)) this.channels.set(channel, { since: null, confirmed: false, retries: 0 });
    this.sendSubscribe(channel);
  }

  unsubscribe(channel) {
    this.channels.delete(channel);
    this.send({ op: 'unsubscribe', channel });
  }

  /** Drops every channel that `keep` does not accept (the page switched assessment). */
  retain(keep) {
    for (const channel of [...this.channels.keys()]) if (!keep(channel)) this.unsubscribe(channel);
  }

  sendSubscribe(channel) {
    const state = this.channels.get(channel);
    const frame = { op: 'subscribe', channel };
    if (state && state.since !== null && channel.startsWith('assessment:')) frame.since = state.since;
    this.send(frame);
  }

  /** A fresh access token for the open session (the server's clock restarts with each auth frame). */
  reauthenticate(accessToken) {
    this.send({ op: 'auth', token: accessToken });
  }

  send(frame) {
    if (this.socket && this.socket.readyState === WebSocket.OPEN) this.socket.send(JSON.stringify(frame));
  }

  receive(frame) {
    if (frame.op === 'event') {
      const state = this.channels.get(frame.channel);
      if (state && frame.offset !== null && frame.offset !== undefined) state.since = frame.offset;
      this.onEvent(frame);
    } else if (frame.op === 'subscribed') {
      const state = this.channels.get(frame.channel);
      if (state) state.confirmed = true;
      // where a fresh subscription stands: a reconnect before the first event resumes from here, nothing missed
      if (state && state.since === null && frame.offset !== null && frame.offset !== undefined) state.since = frame.offset;
      this.onState('subscribed', `${frame.channel}${frame.recovered ? ' (resumed, nothing missed)' : ''}`);
    } else if (frame.op === 'error') {
      if (frame.code === 4001 && this.api.session) {
        this.api.refresh().then(() => this.reauthenticate(this.api.session.accessToken)).catch(() => {});
      } else if (frame.code === 4003) {
        this.retryUnconfirmed();
      }
      this.onState('error', `${frame.code} ${frame.message}`);
    }
  }

  retryUnconfirmed() {
    for (const [channel, state] of this.channels) {
      if (!state.confirmed && channel.startsWith('assessment:') && state.retries < 10) {
        state.retries += 1;
        setTimeout(() => { if (this.channels.has(channel)) this.sendSubscribe(channel); }, 1000);
      }
    }
  }

  close() {
    this.closedByUs = true;
    this.channels.clear();
    if (this.socket) this.socket.close(1000);
    this.socket = null;
  }
}
