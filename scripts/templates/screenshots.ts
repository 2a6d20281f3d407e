import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, ensureChromium } from '../../test/demo/support';
import type { RunningDemo } from '../start/demo';
import { ROOT } from '../start/paths';
import type { DemoWorkflow } from '../start/setup';

/** docs/template-<file name>.png for a template. */
export const screenshotPath = (wf: DemoWorkflow) => join(ROOT, 'docs', `template-${wf.file.replace(/\.json$/, '')}.png`);

/** Each template as the editor shows it after an import (headless Debian chromium, as test/demo/browser.e2e.ts). */
export async function takeScreenshots(demo: RunningDemo, templates: DemoWorkflow[]): Promise<string[]> {
  ensureChromium();
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  const files: string[] = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    page.setDefaultTimeout(60_000);
    await page.goto(`${demo.url}/signin`);
    await page.fill('input[name=emailOrLdapLoginId]', demo.login.email);
    await page.fill('input[name=password]', demo.login.password);
    await page.click('[data-test-id=form-submit-button]');
    await page.waitForURL((url) => !url.pathname.startsWith('/signin'));
    for (const wf of templates) {
      await page.goto(`${demo.url}/workflow/${wf.id}`);
      const last = wf.nodes.filter((n) => n.type !== 'n8n-nodes-base.stickyNote').at(-1);
      await page.locator(`[data-test-id=canvas-node][data-node-name="${last?.name}"]`).waitFor({ state: 'visible' });
      await page.waitForTimeout(1500); // the canvas fits the view after the nodes appear
      const file = screenshotPath(wf);
      await page.screenshot({ path: file });
      files.push(file);
    }
  } finally {
    await browser.close();
  }
  return files;
}
