/**
 * The trader console: log in, buy a tier (development payment path), start the assessment, trade, and watch it live
 * over the WebSocket — prices, fills, positions, equity against its floors, every rule's distance, Monte Carlo
 * progress and fan chart, report links. The REST APIs are the source of truth; the WebSocket says when something
 * changed (and carries the figures that change every tick: prices and account snapshots), so after a fill the page
 * re-reads orders and positions instead of re-computing them.
 *
 * Hooks for the browser tests are plain ids and data-* attributes (data-status, data-points …): the page is driven
 * exactly as a trader drives it.
 */
import { Api, newKey, serviceUrls } from './api.js';
import { LiveStream } from './live.js';
import { drawEquityChart, floorOf, ruleGauge } from './charts.js';
import { $, el, money, replace, time } from './dom.js';
import { action, debounce, log, show } from './ui.js';
import { MonteCarloPanel } from './montecarlo.js';
import { showReports } from './reports.js';
import { AdminView } from './admin.js';

const CRYPTO = ['BTC-USD', 'ETH-USD', 'SOL-USD'];
const MAX_PREDICTION_MARKETS = 6;

const api = new Api(serviceUrls(window.location));
const page = {
  live: null,
  tiers: [],
  assessment: null,     // the assessment on screen, as GET /assessments/{id} answered last
  tierTerms: null,      // its pinned tier version (rule set, instruments)
  ruleKinds: {},        // rule → HARD_LIMIT | PASS_CONDITION (snapshots do not repeat it)
  instruments: [],
  quotes: {},
  equity: [],
  fills: new Map(),     // tradeId → fill, newest first on screen
  lastOrderId: null,
};
const monteCarlo = new MonteCarloPanel(api, () => page.assessment);
const admin = new AdminView(api, () => page.tiers);

/* ---------- log in ---------- */

function credentials() {
  return { email: $('#email').value.trim(), password: $('#password').value, totp: $('#totp').value.trim() };
}

action($('#login'), '#login-error', async () => {
  const c = credentials();
  try {
    await api.login(c.email, c.password, c.totp);
  } catch (e) {
    // an ADMIN login without (or with a wrong) second factor: the code goes in the TOTP field
    if (/\/(totp-required|invalid-second-factor)$/.test(String(e.problem && e.problem.type))) $('#totp').focus();
    throw e;
  }
  await enter();
});

action($('#register'), '#login-error', async () => {
  const c = credentials();
  await api.register(c.email, c.password, $('#display-name').value.trim());
  await api.login(c.email, c.password, c.totp);
  await enter();
});

action($('#logout'), '#login-error', async () => {
  if (page.live) page.live.close();
  await api.logout();
  window.location.reload();
});

api.onSession = (session) => {
  if (page.live) page.live.reauthenticate(session.accessToken);
};

// The login ended under the page (refresh refused): start over at the login, saying why.
const SESSION_ENDED = 'vatic-console-session-ended';
api.onSessionLost = (error) => {
  if (page.live) page.live.close();
  sessionStorage.setItem(SESSION_ENDED, `Your session has ended; log in again. (${error.message})`);
  window.location.reload();
};

async function enter() {
  const me = await api.get('core', '/me');
  $('#who').textContent = `${me.email} (${(me.roles || []).join(', ')})`;
  $('#login-view').hidden = true;
  $('#app').hidden = false;
  $('#logout').hidden = false;
  page.live = new LiveStream(api, { onEvent, onState });
  await page.live.open();
  await Promise.all([loadTiers(), loadAssessments()]);
  const isAdmin = (me.roles || []).includes('ADMIN');
  $('#admin-link').hidden = !isAdmin;
  if (isAdmin || window.location.hash === '#admin') await admin.open();
}

// `#admin` opens the administration view for whoever is logged in; the services answer 403 to a non-admin
window.addEventListener('hashchange', () => {
  if (window.location.hash === '#admin' && api.session) admin.open().catch((e) => log(e.message));
});

function onState(state, detail) {
  const node = $('#ws-state');
  if (['open', 'closed', 'reconnecting'].includes(state)) {
    node.textContent = `live: ${state}${detail ? ' ' + detail : ''}`;
    node.dataset.state = state;
  }
  log(`websocket ${state}${detail ? ': ' + detail : ''}`);
}

/* ---------- tiers and purchases ---------- */

async function loadTiers() {
  page.tiers = await api.get('core', '/tiers', { anonymous: true });
  replace($('#tiers tbody'), page.tiers.map((t) => {
    const rs = t.ruleSet || {};
    const buy = el('button', { class: 'buy-tier', dataset: { tier: t.name } }, 'Buy');
    action(buy, '#tiers-error', () => buyTier(t));
    return el('tr', { dataset: { tier: t.name } },
      el('td', {}, t.name),
      el('td', { class: 'num' }, `${money(t.price)} ${t.currency}`),
      el('td', { class: 'num' }, money(rs.initialBalance, 0)),
      el('td', {}, (rs.instruments || []).join(', ')),
      el('td', {}, (rs.phases || []).map((p) => `${p.name}: +${p.profitTargetPct}%`).join(' → ')),
      el('td', {}, lossLimit(rs.dailyLoss, t.currency)),
      el('td', {}, lossLimit(rs.maxLoss, t.currency)),
      el('td', {}, buy));
  }));
}

/** "5%", or "3,000 USD trailing eod balance": a loss limit is a share of the balance or an amount. */
function lossLimit(limit, currency) {
  if (!limit) return '–';
  const size = limit.pct !== undefined ? `${limit.pct}%` : `${money(limit.amount, 0)} ${currency}`;
  return limit.mode ? `${size} ${limit.mode.toLowerCase().replace(/_/g, ' ')}` : size;
}

async function buyTier(tier) {
  const purchase = await api.post('core', '/purchases', { tierId: tier.id });
  log(`purchase ${purchase.status} (${purchase.paymentMethod}) of ${tier.name}`);
  if (purchase.status === 'PENDING' && purchase.checkoutUrl) {
    window.location.assign(purchase.checkoutUrl); // Stripe mode: pay there, come back
    return;
  }
  await loadAssessments();
  await openAssessment(purchase.assessmentId);
}

/* ---------- assessments ---------- */

async function loadAssessments() {
  const { items } = await api.get('core', '/assessments?limit=50');
  const tierName = (id) => (page.tiers.find((t) => t.id === id) || {}).name || id;
  replace($('#assessments tbody'), items.map((a) => {
    const open = el('button', { class: 'open-assessment' }, 'Open');
    action(open, '#assessments-error', () => openAssessment(a.id));
    return el('tr', { dataset: { id: a.id, status: a.status } },
      el('td', { class: 'mono' }, a.id.slice(0, 8)), el('td', {}, tierName(a.tierId)),
      el('td', { class: `status ${a.status}` }, a.status), el('td', {}, time(a.createdAt)), el('td', {}, open));
  }));
}

async function openAssessment(id) {
  const a = await api.get('core', `/assessments/${id}`);
  page.assessment = a;
  page.equity = [];
  page.fills = new Map();
  replace($('#fills tbody'));
  $('#fills').dataset.count = '0';
  page.lastOrderId = null;
  page.tierTerms = await api.get('core', `/tiers/${a.tierId}/versions/${a.tierVersion}`, { anonymous: true });
  $('#assessment').hidden = false;
  $('#assessment-id').textContent = a.id;
  showReports(api, a.id);
  replace($('#violation'));
  $('#violation').hidden = true;
  monteCarlo.reset();
  show('#order-result', null);
  renderAssessment(a);
  await loadEquityHistory(a);
  pushEquity(a.account, a.rules, Date.now());
  await loadInstruments();
  page.live.retain((c) => c === `assessment:${id}` || page.instruments.includes(c.slice('market:'.length)));
  page.live.subscribe(`assessment:${id}`);
  for (const instrument of page.instruments) page.live.subscribe(`market:${instrument}`);
  await Promise.all([loadTrades(), refreshTrading()]);
  if (a.status === 'FAILED') loadViolations().catch((e) => log(e.message));
}

/** Re-reads the assessment (state changes, day closes, breaches) without losing the live chart. */
async function reloadAssessment() {
  if (!page.assessment) return;
  const a = await api.get('core', `/assessments/${page.assessment.id}`);
  page.assessment = a;
  renderAssessment(a);
  if (a.status === 'FAILED') loadViolations().catch((e) => log(e.message));
}

function renderAssessment(a) {
  const status = $('#status');
  status.textContent = a.status + (a.resultReason ? ` (${a.resultReason})` : '');
  status.dataset.status = a.status;
  status.className = `status ${a.status}`;
  $('#phase').textContent = a.phase ? `${a.phase.name} (${a.phase.index + 1} of ${a.phase.count})` : '–';
  $('#tier-name').textContent = page.tierTerms ? page.tierTerms.name : a.tierId;
  $('#start').hidden = a.status !== 'CREATED';
  $('#order-form').hidden = a.status !== 'ACTIVE';
  renderAccount(a.account || {});
  if (a.rules && a.rules.length) {
    for (const r of a.rules) page.ruleKinds[r.rule] = r.kind;
    renderRules(a.rules);
  } else {
    replace($('#rules'), el('p', { class: 'hint' }, 'The rules are measured from the start of the assessment.'));
  }
  const row = document.querySelector(`#assessments tr[data-id="${a.id}"]`);
  if (row && row.dataset.status !== a.status) loadAssessments().catch(() => {});
}

function renderAccount(account, dayPnl) {
  const equity = $('#equity');
  equity.textContent = money(account.equity);
  equity.dataset.value = account.equity || '';
  $('#balance').textContent = money(account.balance);
  $('#open-pnl').textContent = money(account.openPnl);
  $('#today-pnl').textContent = money(dayPnl !== undefined ? dayPnl : account.todayPnl);
  if (account.fees !== undefined) $('#fees').textContent = money(account.fees);
}

function renderRules(rules) {
  replace($('#rules'), rules.map((r) => {
    const kind = r.kind || page.ruleKinds[r.rule];
    return el('div', { class: `rule ${r.verdict || ''}`, dataset: { rule: r.rule, distance: r.distance || '' } },
      el('h4', {}, r.rule.replace(/_/g, ' ').toLowerCase(), el('span', { class: 'verdict' }, r.verdict || '')),
      ruleGauge({ ...r, kind }),
      el('dl', {},
        el('dt', {}, 'value'), el('dd', {}, money(r.value)),
        el('dt', {}, 'limit'), el('dd', {}, money(r.limit)),
        el('dt', {}, 'distance'), el('dd', { class: 'distance' }, `${money(r.distance)} ${r.unit === 'MONEY' || !r.unit ? '' : r.unit.toLowerCase()}`)),
      el('p', { class: 'explanation' }, typeof r.explanation === 'string' ? r.explanation
        : (r.explanation && r.explanation.text) || ''));
  }));
}

function pushEquity(account, rules, t) {
  if (!account || account.equity === undefined) return;
  page.equity.push({ t, equity: Number(account.equity), dailyFloor: floorOf(rules, 'DAILY_LOSS'),
    maxFloor: floorOf(rules, 'MAX_LOSS') });
  if (page.equity.length > 2000) page.equity.shift();
  drawEquityChart($('#equity-chart'), page.equity);
}

/**
 * The chart's past, for an assessment opened after it traded: the stored rule checks (written on every fill, day
 * roll and breach) carry the equity and each floor as they were then. Snapshots extend it live from here on.
 */
async function loadEquityHistory(a) {
  if (a.status === 'CREATED') return;
  const [maxLoss, dailyLoss] = await Promise.all(['MAX_LOSS', 'DAILY_LOSS'].map((rule) => api.get('core',
    `/assessments/${a.id}/rule-checks?rule=${rule}&limit=500`).catch(() => [])));
  const daily = dailyLoss.map((c) => ({ t: Date.parse(c.checkedAt), floor: Number(c.limitValue) }))
    .sort((x, y) => x.t - y.t);
  let d = 0;
  for (const c of maxLoss.slice().reverse()) { // newest first from the API
    const t = Date.parse(c.checkedAt);
    while (d + 1 < daily.length && daily[d + 1].t <= t) d += 1;
    const dailyFloor = daily.length && daily[d].t <= t ? daily[d].floor : NaN;
    page.equity.push({ t, equity: Number(c.value), maxFloor: Number(c.limitValue), dailyFloor });
  }
  page.equity.sort((x, y) => x.t - y.t);
}

action($('#start'), '#assessment-error', async () => {
  const a = await api.post('core', `/assessments/${page.assessment.id}/start`);
  page.assessment = a;
  renderAssessment(a);
  pushEquity(a.account, a.rules, Date.now());
  loadAssessments().catch((e) => log(e.message));
});

async function loadViolations() {
  const violations = await api.get('core', `/assessments/${page.assessment.id}/violations`);
  if (!violations.length) return;
  showViolation(violations[0].rule, violations[0].explanation);
}

function showViolation(rule, explanation) {
  const box = $('#violation');
  box.hidden = false;
  box.dataset.rule = rule;
  const text = explanation && (explanation.text || JSON.stringify(explanation));
  replace(box, el('strong', {}, `Rule breached: ${rule}. `), text || '');
}

/* ---------- instruments, prices ---------- */

/** The instruments this assessment may trade: its rule set's list, `POLY:*`-style patterns from the market feed. */
async function loadInstruments() {
  const allowed = (page.tierTerms.ruleSet || {}).instruments || CRYPTO;
  const exact = allowed.filter((i) => !i.endsWith('*'));
  const patterns = allowed.filter((i) => i.endsWith('*')).map((i) => i.slice(0, -1));
  let listed = [];
  if (patterns.length) {
    try {
      listed = (await api.get('market', '/instruments', { anonymous: true }))
        .filter((i) => (i.status || 'OPEN') === 'OPEN' && patterns.some((p) => i.id.startsWith(p)))
        .map((i) => i.id).slice(0, MAX_PREDICTION_MARKETS);
    } catch (e) {
      log(`market data: ${e.message}`);
    }
  }
  page.instruments = [...exact, ...listed];
  page.quotes = {};
  replace($('#order-instrument'), page.instruments.map((i) => el('option', { value: i }, i)));
  replace($('#prices tbody'), page.instruments.map((i) => el('tr', { dataset: { instrument: i } },
    el('td', {}, i), el('td', { class: 'num bid' }, '–'), el('td', { class: 'num ask' }, '–'),
    el('td', { class: 'at' }, ''))));
  for (const i of page.instruments) {
    api.get('market', `/prices/${encodeURIComponent(i)}`, { anonymous: true }).then(showQuote).catch(() => {});
  }
}

function showQuote(q) {
  if (!q || !q.instrument) return;
  page.quotes[q.instrument] = q;
  const row = document.querySelector(`#prices tr[data-instrument="${CSS.escape(q.instrument)}"]`);
  if (!row) return;
  row.querySelector('.bid').textContent = money(q.bid, 4);
  row.querySelector('.ask').textContent = money(q.ask, 4);
  row.querySelector('.at').textContent = time(q.receivedTs || q.venueTs).slice(11);
  row.dataset.bid = q.bid;
  row.dataset.ask = q.ask;
  markPositions();
}

/* ---------- orders, positions, fills ---------- */

for (const side of ['BUY', 'SELL']) {
  action($(`#${side.toLowerCase()}`), '#order-result', () => placeOrder(side));
}
$('#order-type').addEventListener('change', () => {
  $('#order-limit').hidden = $('#order-type').value !== 'LIMIT';
});

async function placeOrder(side) {
  const order = {
    instrument: $('#order-instrument').value, side, type: $('#order-type').value, qty: $('#order-qty').value.trim(),
  };
  if (order.type === 'LIMIT') order.limitPrice = $('#order-limit').value.trim();
  const result = $('#order-result');
  result.dataset.status = 'SENDING';
  page.lastOrderId = null; // a refresh racing this request must not show the previous order's status as this one's
  try {
    const placed = await api.post('core', `/assessments/${page.assessment.id}/orders`, order,
      { headers: { 'Idempotency-Key': newKey() } });
    page.lastOrderId = placed.id;
    showOrderResult(placed);
    log(`order ${placed.side} ${placed.qty} ${placed.instrument}: ${placed.status}`);
    refreshTradingSoon();
  } catch (e) {
    result.dataset.status = 'REFUSED';
    throw e;
  }
}

function showOrderResult(o) {
  const result = $('#order-result');
  result.hidden = false;
  result.dataset.status = o.status;
  result.dataset.orderId = o.id;
  result.textContent = `${o.side} ${o.qty} ${o.instrument} ${o.type}: ${o.status}`
    + (o.filledQty && o.filledQty !== '0' ? `, filled ${o.filledQty} at ${money(o.avgFillPrice, 4)}` : '');
}

async function refreshTrading() {
  if (!page.assessment) return;
  const id = page.assessment.id;
  const [orders, positions, assessment] = await Promise.all([
    api.get('core', `/assessments/${id}/orders?limit=15`),
    api.get('core', `/assessments/${id}/positions?status=OPEN&limit=50`),
    api.get('core', `/assessments/${id}`), // balance, fees and trading days move with fills, not with snapshots
  ]);
  if (!page.assessment || page.assessment.id !== id) return;
  page.assessment = assessment;
  renderAssessment(assessment);
  replace($('#orders tbody'), orders.map((o) => {
    const cancel = o.status === 'OPEN' || o.status === 'PARTIALLY_FILLED'
      ? el('button', { class: 'small', onclick: () => cancelOrder(o.id) }, 'Cancel') : null;
    return el('tr', { dataset: { id: o.id, status: o.status } },
      el('td', {}, time(o.createdAt).slice(11)), el('td', {}, o.instrument), el('td', {}, o.side),
      el('td', {}, o.type), el('td', { class: 'num' }, o.qty), el('td', { class: 'num' }, o.filledQty),
      el('td', { class: 'num' }, money(o.avgFillPrice, 4)), el('td', { class: `status ${o.status}` }, o.status),
      el('td', {}, cancel));
  }));
  const last = orders.find((o) => o.id === page.lastOrderId);
  if (last) showOrderResult(last);
  replace($('#positions tbody'), positions.map((p) => el('tr', {
    dataset: { instrument: p.instrument, side: p.side, qty: p.qty, entry: p.avgEntry },
  }, el('td', {}, p.instrument), el('td', {}, p.side), el('td', { class: 'num' }, p.qty),
  el('td', { class: 'num' }, money(p.avgEntry, 4)), el('td', { class: 'num mark' }, '–'),
  el('td', { class: 'num upnl' }, '–'), el('td', { class: 'num' }, money(p.fees)))));
  if (!positions.length) {
    replace($('#positions tbody'), el('tr', {}, el('td', { colspan: 7, class: 'hint' }, 'no open positions')));
  }
  markPositions();
}
const refreshTradingSoon = debounce(() => refreshTrading().catch((e) => log(e.message)), 250);

/** Indicative per-position P&L at the touch it would close at; the account's open P&L is the authoritative one. */
function markPositions() {
  for (const row of document.querySelectorAll('#positions tr[data-instrument]')) {
    const q = page.quotes[row.dataset.instrument];
    if (!q) continue;
    const long = row.dataset.side === 'LONG' || row.dataset.side === 'BUY';
    const mark = Number(long ? q.bid : q.ask);
    const pnl = (mark - Number(row.dataset.entry)) * Number(row.dataset.qty) * (long ? 1 : -1);
    row.querySelector('.mark').textContent = money(long ? q.bid : q.ask, 4);
    row.querySelector('.upnl').textContent = money(pnl.toFixed(2));
  }
}

async function cancelOrder(orderId) {
  try {
    await api.call('core', 'DELETE', `/assessments/${page.assessment.id}/orders/${orderId}`);
  } catch (e) {
    log(`cancel: ${e.message}`);
  }
  refreshTradingSoon();
}

async function loadTrades() {
  const trades = await api.get('core', `/assessments/${page.assessment.id}/trades?limit=50`);
  for (const t of trades.reverse()) {
    addFill({ tradeId: t.id, orderId: t.orderId, instrument: t.instrument, side: t.side, qty: t.qty, price: t.price,
      fee: t.fee, at: t.executedAt }, 'rest');
  }
}

function addFill(f, source) {
  if (!f.tradeId || page.fills.has(f.tradeId)) return;
  page.fills.set(f.tradeId, f);
  const row = el('tr', { dataset: { tradeId: f.tradeId, orderId: f.orderId || '', source } },
    el('td', {}, time(f.at || (f.quote && f.quote.receivedTs) || new Date().toISOString()).slice(11)),
    el('td', {}, f.instrument), el('td', {}, f.side), el('td', { class: 'num' }, f.qty),
    el('td', { class: 'num' }, money(f.price, 4)), el('td', { class: 'num' }, money(f.fee, 4)),
    el('td', {}, source === 'live' ? 'live' : ''));
  $('#fills tbody').prepend(row);
  while ($('#fills tbody').children.length > 100) $('#fills tbody').lastChild.remove();
  $('#fills').dataset.count = String(page.fills.size);
}

/* ---------- live events ---------- */

function onEvent(frame) {
  const { channel, type, data } = frame;
  if (channel.startsWith('market:')) {
    showQuote(data);
    return;
  }
  if (!page.assessment || channel !== `assessment:${page.assessment.id}`) return;
  switch (type) {
    case 'assessment.account-snapshot': {
      renderAccount({ ...data, todayPnl: data.dayPnl });
      if (data.rules && data.rules.length) renderRules(data.rules);
      pushEquity(data, data.rules, Date.parse(data.at) || Date.now());
      $('#equity').dataset.liveUpdates = String(Number($('#equity').dataset.liveUpdates || 0) + 1);
      break;
    }
    case 'trading.order-filled':
      addFill(data, 'live');
      log(`fill ${data.side} ${data.qty} ${data.instrument} at ${data.price}`);
      refreshTradingSoon();
      break;
    case 'rules.violation-detected':
      showViolation(data.rule, data.explanation);
      log(`violation ${data.rule}`);
      reloadAssessment().catch(() => {});
      break;
    case 'assessment.reinstated': {
      // an admin voided the breach as a bad tick: the pre-breach positions and orders are back
      const box = $('#violation');
      box.hidden = false;
      box.dataset.rule = '';
      replace(box, el('strong', {}, 'Breach voided. '),
        `An administrator found the breach was caused by a bad price tick and restored your assessment (${data.restoredState}). Reason: ${data.reason || ''}`);
      log('breach voided: assessment reinstated');
      reloadAssessment().catch(() => {});
      refreshTradingSoon();
      break;
    }
    case 'montecarlo.simulation-progress':
    case 'montecarlo.simulation-completed':
      monteCarlo.onEvent(type, data);
      break;
    default:
      if (type.startsWith('trading.')) refreshTradingSoon();
      if (type.startsWith('assessment.')) reloadAssessment().catch(() => {});
  }
}

/* ---------- start ---------- */

// The page's state, for the devtools console and the browser tests (which drop the WebSocket and exercise the token
// refresh through it).
page.api = api;
window.vaticConsole = page;

drawEquityChart($('#equity-chart'), []);
monteCarlo.reset();
window.addEventListener('resize', debounce(() => {
  drawEquityChart($('#equity-chart'), page.equity);
}, 200));
$('#services').textContent = `core ${api.urls.core} · live ${api.urls.ws}`;
if (sessionStorage.getItem(SESSION_ENDED)) {
  show('#login-error', sessionStorage.getItem(SESSION_ENDED));
  sessionStorage.removeItem(SESSION_ENDED);
}
