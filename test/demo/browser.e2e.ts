/**
 * The editor in headless Chromium (Debian's package, driven by playwright-core): log in as the
 * owner npm start created, open demo workflow 2, open its voucher node and find the sandbox's
 * venues in the Venue dropdown (loaded live through the node's listSearch method). Then run demo 1
 * from the editor. Screenshots go to test-output/demo/ (and to docs/ with UPDATE_SCREENSHOTS=1).
 */
import { copyFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { type BrowserContext, type Page, chromium } from 'playwright-core';
import { type Sandbox, startSandbox } from '../sandbox';
import { type RunningDemo, startDemo } from '../../scripts/start/demo';
import { ROOT } from '../../scripts/start/paths';
import { CHROMIUM, CHROMIUM_ARGS, ensureChromium, log, outputPath, redact, redacted, tempDir } from './support';

let sandbox: Sandbox;
let demo: RunningDemo;
let context: BrowserContext;
let page: Page;
const dataDir = tempDir('venue-connectors-browser-');
const profileDir = tempDir('venue-connectors-chromium-');

/** Into test-output/demo/; the README's (`forDocs`) also into docs/ with UPDATE_SCREENSHOTS=1. */
async function screenshot(name: string, forDocs = false): Promise<void> {
  const file = outputPath(`screenshot-${name}.png`);
  await page.screenshot({ path: file });
  if (forDocs && process.env.UPDATE_SCREENSHOTS === '1') copyFileSync(file, join(ROOT, 'docs', `screenshot-${name}.png`));
}

beforeAll(async () => {
  ensureChromium();
  sandbox = await startSandbox({ port: 0, quiet: true });
  demo = await startDemo({ dataDir, sandbox, port: 0, log: (line) => log(redact(line)) });
  context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1440, height: 900 },
  });
  page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(60_000);
});

afterAll(async () => {
  await context?.close();
  await demo?.stop();
  await sandbox?.close();
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(profileDir, { recursive: true, force: true });
});

test('log in, open demo 2, the voucher node lists the sandbox venues in the Venue dropdown', async () => {
  await redacted(async () => {
    await page.goto(`${demo.url}/signin`);
    await page.fill('input[name=emailOrLdapLoginId]', demo.login.email);
    await page.fill('input[name=password]', demo.login.password);
    await page.click('[data-test-id=form-submit-button]');
    await page.waitForURL((url) => !url.pathname.startsWith('/signin'));

    await page.goto(`${demo.url}/workflow/vcDemo2SplashVch`);
    const voucherNode = page.locator('[data-test-id=canvas-node][data-node-name="Create WiFi voucher"]');
    await voucherNode.waitFor({ state: 'visible' });
    await page.locator('[data-test-id=canvas-node]').last().waitFor({ state: 'visible' });
    await page.waitForTimeout(1000); // the canvas fits the view after the nodes appear
    await screenshot('demo-2-workflow');

    await voucherNode.dblclick();
    await page.locator('[data-test-id=ndv]').waitFor({ state: 'visible' });
    await page.locator('[data-test-id=resource-locator-venueId] [data-test-id=rlc-input]').click();
    const team = sandbox.state.splash.teams.find((t) => t.slug === sandbox.keys.splash.team);
    const venues = sandbox.state.splash.venues.filter((v) => v.team_id === team?.id).map((v) => v.name).sort();
    expect(venues.length).toBeGreaterThan(1);
    // The chosen venue shows at once (cached in the workflow); the others arrive from the API.
    const items = page.locator('[data-test-id=rlc-item]');
    let shown: string[] = [];
    for (const deadline = Date.now() + 60_000; Date.now() < deadline; await page.waitForTimeout(250)) {
      shown = (await items.allInnerTexts()).map((t) => t.trim()).sort();
      if (shown.length >= venues.length) break;
    }
    expect(shown).toEqual(venues);
    await screenshot('demo-2-venue-dropdown', true);
    await page.keyboard.press('Escape');
  });
});

test('run demo 1 from the editor: guests created, welcome emails sent, and the active demo 3 tops them up', async () => {
  await redacted(async () => {
    const emailsBefore = sandbox.state.nectifi.emails.size;
    const guestsBefore = sandbox.counters.get().applied['nectifi POST /crm/guests'] ?? 0;
    const transactionsBefore = sandbox.state.anykrowd.transactions.length;
    await page.goto(`${demo.url}/workflow/vcDemo1WifiGuest`);
    await page.locator('[data-test-id=canvas-node][data-node-name="Send welcome email"]').waitFor({ state: 'visible' });
    await page.waitForTimeout(1000);
    // The trigger's own Execute button (shown beside it on the canvas); a DOM click, as a node can overlap it.
    await page.locator('[data-test-id="execute-workflow-button-Run once now"]').dispatchEvent('click');
    // Done when the last node shows it ran (n8n marks executed nodes with a success indicator).
    const sent = page.locator('[data-test-id=canvas-node][data-node-name="Send welcome email"] [data-test-id=canvas-node-status-success]');
    await sent.waitFor({ state: 'visible', timeout: 120_000 });
    await page.waitForTimeout(500);
    await screenshot('demo-1-after-run', true);
    expect(sandbox.state.nectifi.emails.size).toBeGreaterThan(emailsBefore);
    // Every guest created made the sandbox send a signed guest.created to demo 3, active in n8n.
    const created = (sandbox.counters.get().applied['nectifi POST /crm/guests'] ?? 0) - guestsBefore;
    expect(created).toBeGreaterThan(0);
    const topUps = () => sandbox.state.anykrowd.transactions.slice(transactionsBefore).filter((t) => t.type === 'top_up').length;
    for (const deadline = Date.now() + 60_000; topUps() < created && Date.now() < deadline; ) await page.waitForTimeout(500);
    expect(topUps()).toBe(created);
  });
});
