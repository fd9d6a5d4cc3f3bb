// The console's administration view in a real browser (playwright-core driving Debian's Chromium) against a running
// devstack, after console.test.mjs (whose trader and assessments it reads from target/e2e/console-run.json; run alone
// it creates a trader with an ACTIVE assessment through the core's API first):
// - a trader's login cannot open the view: the services answer 403 and the page says so;
// - the seeded admin typing a wrong TOTP code is refused with a visible message; with the code an authenticator
//   would show (RFC 6238, computed here from the seed secret) the view opens;
// - it lists every trader's assessments (the trader test's among them, with the statuses the API reports), the
//   report service's operator analytics (the figures the API answers) and the audit log with "chain intact";
// - force-fail from the view turns the trader's ACTIVE assessment FAILED (checked through the API), and the audit log
//   shows the entry with the reason exactly as typed (markup in it stays text);
// - the token refresh: the refresh the page schedules before expiry, and an access token the core no longer accepts
//   (401) being refreshed and the request retried — the view keeps working through both; a refused refresh ends the
//   session on the page (back to the login, saying so).
// One screenshot per step (admin-NN-<step>.png) in SCREENSHOT_DIR.
//
// usage: node admin.test.mjs   (env: CONSOLE_URL, CHROMIUM, SCREENSHOT_DIR, CONSOLE_RUN_FILE, CORE_URL, REPORTS_URL)
import { existsSync, readFileSync } from 'node:fs';
import { BrowserRun, BASE, CORE, REPORTS, RUN_FILE, check } from './harness.mjs';
import { STEP_SECONDS, codeFor, stepOf, wrongCode } from './totp.mjs';

// the devstack's seeded admin (README "Seed data"; public development credentials)
const ADMIN = { email: 'admin@vaticprop.dev', password: 'VaticDev-root-2026', totpSecret: 'VATICPROPDEVADMINTOTPSEEDSECRETA' };
const FALLBACK_TIER = 'Crypto Two-Step 100K';

const browser = new BrowserRun('admin-');
let page;

async function http(base, method, path, { token, body } = {}) {
  const headers = { Accept: 'application/json, application/problem+json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(base + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

async function ok(base, method, path, options) {
  const r = await http(base, method, path, options);
  if (r.status >= 300) throw new Error(`${method} ${path}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

/** A new ACTIVE assessment of the trader, bought (development payment path) and started through the core's API. */
async function buyAndStart(trader) {
  const { accessToken } = await ok(CORE, 'POST', '/auth/login', { body: { email: trader.email, password: trader.password } });
  const tiers = await ok(CORE, 'GET', '/tiers');
  const tier = tiers.find((t) => t.name === trader.tier);
  const purchase = await ok(CORE, 'POST', '/purchases', { token: accessToken, body: { tierId: tier.id } });
  await ok(CORE, 'POST', `/assessments/${purchase.assessmentId}/start`, { token: accessToken });
  console.log(`  bought and started ${purchase.assessmentId} for ${trader.email}`);
  return { id: purchase.assessmentId, status: 'ACTIVE' };
}

/**
 * The trader test's login and assessments; run alone, a new trader. Either way with one ACTIVE assessment to fail:
 * one is bought for the trader when none is left (the admin test run again after the trader test).
 */
async function traderFixture() {
  let trader;
  if (existsSync(RUN_FILE)) {
    trader = JSON.parse(readFileSync(RUN_FILE, 'utf8'));
    console.log(`  the trader test's run: ${trader.email}, ${trader.assessments.length} assessments (${RUN_FILE})`);
  } else {
    trader = { email: `admin-e2e-${Math.random().toString(36).slice(2, 10)}@example.com`,
      password: 'admin e2e passphrase 7d41', tier: FALLBACK_TIER, assessments: [] };
    await ok(CORE, 'POST', '/auth/register', { body: { email: trader.email, password: trader.password } });
    console.log(`  no ${RUN_FILE}: registered ${trader.email}`);
  }
  const { accessToken } = await ok(CORE, 'POST', '/auth/login', { body: { email: trader.email, password: trader.password } });
  const statuses = await Promise.all(trader.assessments.map((a) => ok(CORE, 'GET', `/assessments/${a.id}`,
    { token: accessToken }).then((x) => x.status)));
  if (!statuses.includes('ACTIVE')) trader.assessments.push(await buyAndStart(trader));
  return trader;
}

const session = () => page.evaluate(() => ({ ...window.vaticConsole.api.session }));
const token = async () => (await session()).accessToken;

async function logIn(email, password, totp) {
  await page.fill('#email', email);
  await page.fill('#password', password);
  await page.fill('#totp', totp || '');
  await page.click('#login');
}

/** Waits for the page to enter (the app shown) or to show a login error; answers the error text or null. */
async function entered() {
  await page.waitForFunction(() => !document.querySelector('#app').hidden
    || !document.querySelector('#login-error').hidden);
  return await page.locator('#login-error').isVisible() ? page.locator('#login-error').innerText() : null;
}

async function reloadAdminView() {
  await page.evaluate(() => { document.querySelector('#admin').dataset.access = 'loading'; });
  await page.click('#admin-reload');
  await page.waitForFunction(() => ['granted', 'forbidden'].includes(document.querySelector('#admin').dataset.access));
}

async function run(trader) {
  const tiers = await ok(CORE, 'GET', '/tiers');
  const tierId = tiers.find((t) => t.name === trader.tier).id;

  await browser.step('trader-refused', async () => {
    await page.goto(BASE);
    await logIn(trader.email, trader.password);
    check(await entered() === null, `the trader ${trader.email} is logged in`);
    check(await page.locator('#admin-link').isHidden(), 'no administration link for a trader');
    await page.evaluate(() => { window.location.hash = 'admin'; });
    await page.waitForSelector('#admin[data-access="forbidden"]');
    const shown = await page.locator('#admin-error').innerText();
    check(shown.includes('403'), `#admin with a trader's token shows the refusal: "${shown}"`);
    check(await page.locator('#admin-panels').isHidden(), 'and no admin panel');
    const traderToken = await token();
    const [list, analytics, audit] = await Promise.all([http(CORE, 'GET', '/admin/assessments', { token: traderToken }),
      http(REPORTS, 'GET', '/analytics/operator', { token: traderToken }),
      http(CORE, 'GET', '/admin/audit', { token: traderToken })]);
    check(list.status === 403 && analytics.status === 403 && audit.status === 403,
      `the trader's token gets 403 from /admin/assessments, /analytics/operator and /admin/audit (${list.status}, `
      + `${analytics.status}, ${audit.status})`);
  });

  await browser.step('wrong-totp', async () => {
    await page.click('#logout'); // the trader's session ends (refresh token revoked), and the page reloads
    await page.waitForSelector('#login-view:not([hidden])');
    await page.goto(BASE);
    await logIn(ADMIN.email, ADMIN.password, '');
    const missing = await entered();
    check(missing !== null && missing.includes('401') && missing.includes('totpCode'),
      `the admin's password alone is not enough: "${missing}"`);
    await page.evaluate(() => { document.querySelector('#login-error').hidden = true; });
    await logIn(ADMIN.email, ADMIN.password, wrongCode(ADMIN.totpSecret));
    const error = await entered();
    check(error !== null && error.includes('401') && /authenticator code/i.test(error),
      `a wrong TOTP code is refused on the page: "${error}"`);
    check(await page.evaluate(() => document.activeElement.id) === 'totp', 'the TOTP field has the focus');
    check(await page.locator('#app').isHidden(), 'and nothing behind the login is shown');
  });

  await browser.step('admin-login', async () => {
    // a code is accepted once per 30 s step, and the server also takes the next step's: if an earlier login used
    // this step's code, the next step's is the one to type; if that was used too, the one after, in the next step
    let error = 'not tried';
    for (const ahead of [0, 1, 'next step']) {
      if (ahead === 'next step') await page.waitForTimeout((stepOf() + 1) * STEP_SECONDS * 1000 - Date.now() + 300);
      await page.evaluate(() => { document.querySelector('#login-error').hidden = true; });
      await logIn(ADMIN.email, ADMIN.password, codeFor(ADMIN.totpSecret, stepOf() + (ahead === 0 ? 0 : 1)));
      error = await entered();
      if (error === null) break;
      console.log(`  code refused (${ahead}): ${error}`);
    }
    check(error === null, 'the admin logs in with password and the current TOTP code');
    const who = await page.locator('#who').innerText();
    check(who.includes(ADMIN.email) && who.includes('ADMIN'), `logged in as ${who}`);
    await page.waitForSelector('#admin[data-access="granted"]');
    check(await page.locator('#admin-link').isVisible(), 'the administration view opened, with its link in the header');
  });

  const adminToken = await token();
  let active = null;

  await browser.step('assessments', async () => {
    for (const a of trader.assessments) {
      await page.waitForSelector(`#admin-assessments tr[data-id="${a.id}"]`);
    }
    const listed = await page.locator('#admin-assessments tbody tr[data-id]').count();
    const api = await ok(CORE, 'GET', '/admin/assessments?limit=50', { token: adminToken });
    check(listed === api.items.length, `the first page lists what GET /admin/assessments answers (${listed})`);
    for (const a of trader.assessments) {
      const now = await ok(CORE, 'GET', `/assessments/${a.id}`, { token: adminToken });
      const shown = await page.locator(`#admin-assessments tr[data-id="${a.id}"]`).getAttribute('data-status');
      check(shown === now.status, `the trader test's assessment ${a.id.slice(0, 8)} is listed ${shown}`);
      if (!active && now.status === 'ACTIVE') active = now;
    }
    check(active !== null, `one of them is ACTIVE (${active && active.id.slice(0, 8)}), with a Fail button`);
    const row = page.locator(`#admin-assessments tr[data-id="${active.id}"]`);
    const userId = await row.getAttribute('data-user');
    await row.locator('button.user-filter').click();
    await page.waitForFunction((u) => {
      const rows = [...document.querySelectorAll('#admin-assessments tbody tr[data-id]')];
      return rows.length > 0 && rows.every((r) => r.dataset.user === u);
    }, userId);
    const mine = await ok(CORE, 'GET', `/admin/assessments?userId=${userId}&limit=50`, { token: adminToken });
    const ids = await page.locator('#admin-assessments tbody tr[data-id]').evaluateAll((rs) => rs.map((r) => r.dataset.id));
    check(ids.length === mine.items.length && trader.assessments.every((a) => ids.includes(a.id)),
      `the trader's user id filters the list to their ${ids.length} assessments`);
    await page.fill('#admin-user', '');
    await page.selectOption('#admin-status', 'ACTIVE');
    await page.click('#admin-assessments-load');
    await page.waitForFunction(() => [...document.querySelectorAll('#admin-assessments tbody tr[data-id]')]
      .every((r) => r.dataset.status === 'ACTIVE'));
    check(await page.locator(`#admin-assessments tr[data-id="${active.id}"]`).count() === 1,
      'filtered by status ACTIVE, only ACTIVE ones are listed, the trader\'s among them');
  });

  const adminFailures = (report) => (report.failureReasons.find((r) => r.reason === 'ADMIN') || { count: 0 }).count;
  let adminFailuresBefore = 0;
  await browser.step('analytics', async () => {
    const expected = trader.assessments.length; // each of the trader's assessments was a completed purchase
    let api = null;
    // the report service reads the platform's events from Kafka: its figures may trail the core briefly
    for (let attempt = 0; attempt < 30; attempt++) {
      api = await ok(REPORTS, 'GET', '/analytics/operator', { token: adminToken });
      const purchases = api.revenue.reduce((n, r) => n + r.purchases, 0);
      if (purchases >= expected) break;
      await page.waitForTimeout(1000);
    }
    await page.click('#analytics-load');
    await page.waitForSelector('#admin-analytics[data-loaded="true"] .figure[data-metric="purchases"]');
    const figure = async (m) => Number(await page.locator(`#admin-analytics .figure[data-metric="${m}"]`)
      .getAttribute('data-value'));
    adminFailuresBefore = adminFailures(api);
    const purchases = api.revenue.reduce((n, r) => n + r.purchases, 0);
    check(await figure('purchases') === purchases && purchases >= expected,
      `purchases: ${purchases}, as GET /analytics/operator answers (at least the trader test's ${expected})`);
    const activeNow = api.active.reduce((n, a) => n + a.active, 0);
    check(await figure('active') === activeNow && activeNow >= 1, `active now: ${activeNow}`);
    const revenue = api.revenue.find((r) => r.tierId === tierId);
    const cell = (m) => page.locator(`#analytics-revenue tr[data-tier="${tierId}"] td[data-metric="${m}"]`).innerText();
    check(revenue && Number(await cell('purchases')) === revenue.purchases,
      `${trader.tier}: ${revenue.purchases} purchases, net ${await cell('net')} ${revenue.currency}`);
  });

  let entriesBefore = 0;
  await browser.step('audit', async () => {
    await page.waitForSelector('#audit-verify[data-intact]');
    const verify = await ok(CORE, 'GET', '/admin/audit/verify', { token: adminToken });
    entriesBefore = verify.entries;
    check(await page.locator('#audit-verify').getAttribute('data-intact') === 'true' && verify.intact,
      `the audit log's hash chain: "${await page.locator('#audit-verify').innerText()}"`);
    const api = await ok(CORE, 'GET', '/admin/audit?limit=50', { token: adminToken });
    const rows = await page.locator('#admin-audit tbody tr[data-seq]').count();
    check(rows === api.items.length, `the audit list shows what GET /admin/audit answers (${rows} of ${verify.entries})`);
  });

  const reason = `browser test ${Date.now()}: <img src=x onerror="window.__injected=1"> & <b>not bold</b>`;
  await browser.step('force-fail', async () => {
    await page.locator(`#admin-assessments tr[data-id="${active.id}"] button.force-fail`).click();
    await page.waitForSelector('#force-fail-form:not([hidden])');
    check(await page.locator('#force-fail-id').innerText() === active.id, 'the force-fail form names the assessment');
    await page.fill('#force-fail-reason', '   ');
    await page.click('#force-fail-submit');
    await page.waitForSelector('#force-fail-error:not([hidden])');
    const refusal = await page.locator('#force-fail-error').innerText();
    check(refusal.startsWith('400') && refusal.includes('reason'), `the core refuses a blank reason: "${refusal}"`);
    const unchanged = await ok(CORE, 'GET', `/assessments/${active.id}`, { token: adminToken });
    check(unchanged.status === 'ACTIVE', 'and the assessment is still ACTIVE');
    await page.fill('#force-fail-reason', reason);
    await page.click('#force-fail-submit');
    await page.waitForSelector('#force-fail-result[data-status="FAILED"]');
    check(true, `the page reports: "${await page.locator('#force-fail-result').innerText()}"`);
    const now = await ok(CORE, 'GET', `/assessments/${active.id}`, { token: adminToken });
    check(now.status === 'FAILED' && now.resultReason === 'ADMIN',
      `GET /assessments/${active.id.slice(0, 8)}: ${now.status} (${now.resultReason})`);
    const row = page.locator(`#admin-audit tr[data-action="assessment.force-fail"][data-subject="${active.id}"]`);
    await row.waitFor();
    check(await row.locator('td.reason').innerText() === reason, 'the audit log shows the entry with the reason as typed');
    check(await page.locator('#admin-audit img, #admin-audit b').count() === 0
      && await page.evaluate(() => window.__injected === undefined), 'the markup in the reason stayed text');
    check((await row.locator('td.change').innerText()).includes('ACTIVE → FAILED'), 'and the change ACTIVE → FAILED');
    await page.waitForSelector(`#audit-verify[data-intact="true"]`);
    const verify = await ok(CORE, 'GET', '/admin/audit/verify', { token: adminToken });
    check(verify.intact && verify.entries === entriesBefore + 1,
      `the chain is still intact with one more entry: "${await page.locator('#audit-verify').innerText()}"`);
    // the assessments list was re-read (ACTIVE filter): the failed one left it
    await page.waitForFunction((id) => !document.querySelector(`#admin-assessments tr[data-id="${id}"]`), active.id);
    check(true, 'and it left the list of ACTIVE assessments');
  });

  await browser.step('analytics-after-fail', async () => {
    // the report service learns of the force-fail from Kafka: the page's Show re-reads until ADMIN counts one more
    const expected = adminFailuresBefore + 1;
    const cell = page.locator('#analytics-reasons tr[data-reason="ADMIN"] td[data-metric="count"]');
    let shown = null;
    for (let attempt = 0; attempt < 30 && shown !== expected; attempt++) {
      if (attempt) await page.waitForTimeout(1000);
      await page.evaluate(() => { document.querySelector('#admin-analytics').dataset.loaded = 'false'; });
      await page.click('#analytics-load');
      await page.waitForSelector('#admin-analytics[data-loaded="true"]');
      shown = await cell.count() ? Number(await cell.innerText()) : 0;
    }
    const api = await ok(REPORTS, 'GET', '/analytics/operator', { token: adminToken });
    check(shown === expected && adminFailures(api) === expected,
      `the failure reasons count ADMIN ${shown} times, one more than before, as the API answers`);
  });

  await browser.step('token-refresh', async () => {
    await page.waitForSelector('#ws-state[data-state="open"]');
    const calls = [];
    page.on('response', (r) => calls.push(`${r.request().method()} ${new URL(r.url()).pathname} ${r.status()}`));
    // what the page's timer does a minute before the access token expires
    const before = await session();
    await page.evaluate(() => window.vaticConsole.api.refresh());
    const after = await session();
    check(after.accessToken !== before.accessToken && after.refreshToken !== before.refreshToken,
      'the refresh the page schedules before expiry (POST /auth/refresh) replaced both tokens (the refresh token rotates)');
    await reloadAdminView();
    check(await page.locator('#admin').getAttribute('data-access') === 'granted'
      && await page.locator('#admin-error').isHidden(), 'the view reloads with the new access token');
    // an access token the core refuses (as an expired one is: 401): the page refreshes once and retries
    await page.evaluate(() => {
      const s = window.vaticConsole.api.session;
      s.accessToken = s.accessToken.slice(0, -8) + (s.accessToken.endsWith('AAAAAAAA') ? 'BBBBBBBB' : 'AAAAAAAA');
    });
    calls.length = 0;
    await reloadAdminView();
    const refused = calls.filter((c) => c.endsWith(' 401')).length;
    const refreshed = calls.filter((c) => c === 'POST /auth/refresh 200').length;
    check(refused >= 1 && refreshed === 1, `the refused token got ${refused} × 401, then one POST /auth/refresh`);
    check(await page.locator('#admin').getAttribute('data-access') === 'granted'
      && await page.locator('#admin-error').isHidden() && await page.locator('#audit-error').isHidden(),
      'and the retried requests succeeded: the view is still loaded');
    const last = await session();
    check(last.accessToken !== after.accessToken, 'with a newly issued access token');
    const me = await http(CORE, 'GET', '/me', { token: last.accessToken });
    check(me.status === 200 && me.body.email === ADMIN.email, 'which the core accepts');
    check(authFrames.includes(after.accessToken) && authFrames.includes(last.accessToken),
      'each new access token went to the open WebSocket in an auth frame');
    await page.waitForTimeout(1500); // a token the server refuses closes the socket at once (4001)
    check(await page.locator('#ws-state').getAttribute('data-state') === 'open',
      'and the WebSocket stayed open (the server took them)');
  });

  await browser.step('session-ended', async () => {
    // the login revoked under the page: its refresh token is refused too, and the page starts over at the login
    await page.evaluate(() => {
      const s = window.vaticConsole.api.session;
      s.accessToken = s.accessToken.slice(0, -8) + (s.accessToken.endsWith('AAAAAAAA') ? 'BBBBBBBB' : 'AAAAAAAA');
      s.refreshToken = 'revoked-elsewhere';
    });
    await page.click('#admin-reload');
    await page.waitForSelector('#login-view:not([hidden]) #login-error:not([hidden])');
    const shown = await page.locator('#login-error').innerText();
    check(shown.includes('session has ended') && shown.includes('401'),
      `a refused refresh ends the session on the page: "${shown}"`);
    check(await page.locator('#app').isHidden(), 'and nothing behind the login is shown');
  });
}

/** The access tokens the page sent in WebSocket `auth` frames (the re-authentication after each refresh). */
const authFrames = [];

browser.main('ADMIN BROWSER TESTS', async (p) => {
  page = p;
  page.on('websocket', (ws) => ws.on('framesent', (frame) => {
    try {
      const message = JSON.parse(frame.payload);
      if (message.op === 'auth') authFrames.push(message.token);
    } catch { /* not ours to judge */ }
  }));
  await run(await traderFixture());
});
