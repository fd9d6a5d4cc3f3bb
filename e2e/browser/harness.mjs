// What every browser test of the console shares: Debian's Chromium launched by playwright-core with the machine's
// headless flags on a throw-away profile, named steps that each end in a screenshot (and leave one of the failing
// state, with the page's live log, when they fail), checks that print what they established, and the exit code.
import { chromium } from 'playwright-core';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

export const BASE = process.env.CONSOLE_URL || 'http://127.0.0.1:3005/';
export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
export const SHOTS = path.resolve(process.env.SCREENSHOT_DIR
  || path.join(here, '..', '..', 'target', 'e2e', 'screenshots'));
/** Where the trader test leaves what it created (its login and assessments) for the admin test to find. */
export const RUN_FILE = path.resolve(process.env.CONSOLE_RUN_FILE
  || path.join(here, '..', '..', 'target', 'e2e', 'console-run.json'));
/** The core's REST API as the page sees it (the devstack's port 3000 on the page's host). */
export const CORE = process.env.CORE_URL || `http://${new URL(BASE).hostname}:3000`;
export const REPORTS = process.env.REPORTS_URL || `http://${new URL(BASE).hostname}:3004`;

export function check(holds, what) {
  if (!holds) throw new Error(`check failed: ${what}`);
  console.log(`  ok: ${what}`);
}

/**
 * One browser session of a test: `page`, `step(name, fn)` and the uncaught page errors seen. Screenshots are named
 * `<prefix><nn>-<step>.png`, so the two test files' screenshots sort apart in one directory.
 */
export class BrowserRun {
  constructor(prefix) {
    this.prefix = prefix;
    this.shot = 0;
    this.pageErrors = [];
    this.started = Date.now();
  }

  async launch() {
    mkdirSync(SHOTS, { recursive: true });
    this.profile = mkdtempSync(path.join(tmpdir(), 'vatic-console-chromium-'));
    this.context = await chromium.launchPersistentContext(this.profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      viewport: { width: 1400, height: 1000 },
    });
    this.page = this.context.pages()[0] || await this.context.newPage();
    this.page.setDefaultTimeout(30_000);
    this.page.on('pageerror', (e) => this.pageErrors.push(e.message));
    this.page.on('console', (m) => { if (m.type() === 'error') console.log(`  [browser console] ${m.text()}`); });
    return this.page;
  }

  async close() {
    if (this.context) await this.context.close();
    if (this.profile) rmSync(this.profile, { recursive: true, force: true });
  }

  async screenshot(name) {
    this.shot += 1;
    const file = path.join(SHOTS, `${this.prefix}${String(this.shot).padStart(2, '0')}-${name}.png`);
    await this.page.screenshot({ path: file, fullPage: true });
    return file;
  }

  async step(name, run) {
    const begin = Date.now();
    console.log(`== ${name}`);
    try {
      await run();
    } catch (e) {
      const file = await this.screenshot(`${name}-FAILED`).catch(() => '(no screenshot)');
      const log = await this.page.locator('#log').innerText().catch(() => '');
      console.log(`  FAILED after ${Date.now() - begin} ms: ${e.message}\n  screenshot: ${file}\n  page log:\n${log}`);
      throw e;
    }
    const file = await this.screenshot(name);
    console.log(`  (${Date.now() - begin} ms, ${path.relative(process.cwd(), file)})`);
  }

  checkNoPageErrors() {
    check(this.pageErrors.length === 0,
      `no uncaught errors in the page${this.pageErrors.length ? ': ' + this.pageErrors.join('; ') : ''}`);
  }

  /** Launches, runs `body(page)`, closes, and exits non-zero unless every step passed. */
  async main(title, body) {
    try {
      await this.launch();
      await body(this.page);
      this.checkNoPageErrors();
      console.log(`\n${title} PASSED in ${Math.round((Date.now() - this.started) / 1000)} s; screenshots in ${SHOTS}`);
    } catch (e) {
      console.log(`\n${title} FAILED: ${e.message}`);
      process.exitCode = 1;
    } finally {
      await this.close().catch(() => {});
    }
  }
}
