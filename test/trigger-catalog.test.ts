import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { INodeType } from 'n8n-workflow';
import { AnykrowdTrigger } from '../nodes/Anykrowd/AnykrowdTrigger.node';
import { NectifiPollingTrigger } from '../nodes/Nectifi/NectifiPollingTrigger.node';
import { NectifiTrigger } from '../nodes/Nectifi/NectifiTrigger.node';
import { SmartWifiTrigger } from '../nodes/SmartWifi/SmartWifiTrigger.node';
import { SplashAirTrigger } from '../nodes/SplashAir/SplashAirTrigger.node';
import anykrowdApp from '../zapier/anykrowd';
import nectifiApp from '../zapier/nectifi';
import smartwifiApp from '../zapier/smartwifi';
import splashApp from '../zapier/splash';

interface Line {
  vendor: string;
  key: string;
  label: string;
  n8n: { node: string; event: string } | null;
  zapier: string | null;
  missing?: string;
}

const lines: Line[] = execFileSync(process.execPath, [require.resolve('tsx/cli'), join(__dirname, '..', 'scripts', 'catalog.ts'), '--triggers'], { encoding: 'utf8' })
  .trim()
  .split('\n')
  .map((line) => JSON.parse(line));

const nodes: INodeType[] = [new NectifiTrigger(), new NectifiPollingTrigger(), new SplashAirTrigger(), new SmartWifiTrigger(), new AnykrowdTrigger()];
const apps = { nectifi: nectifiApp, splash: splashApp, smartwifi: smartwifiApp, anykrowd: anykrowdApp } as Record<string, { triggers: Record<string, { display: { hidden?: boolean } }> }>;

describe('npm run -s catalog -- --triggers', () => {
  it('lists every event of every n8n trigger node once', () => {
    for (const node of nodes) {
      const selector = node.description.properties.find((p) => p.name === 'event' || p.name === 'events');
      const values = (selector?.options ?? []).map((o) => String((o as { value: unknown }).value));
      expect(values.length).toBeGreaterThan(0);
      for (const value of values) {
        const found = lines.filter((l) => l.n8n?.node === node.description.name && l.n8n.event === value);
        expect([node.description.name, value, found.length]).toEqual([node.description.name, value, 1]);
      }
    }
  });

  it('lists every visible Zapier trigger of every app', () => {
    for (const [vendor, app] of Object.entries(apps)) {
      for (const [key, trigger] of Object.entries(app.triggers)) {
        if (trigger.display.hidden) continue;
        expect([vendor, key, lines.some((l) => l.vendor === vendor && l.zapier === key)]).toEqual([vendor, key, true]);
      }
    }
  });

  it('has the lifecycle events on both platforms under the same key, and says why wherever one platform lacks an event', () => {
    for (const line of lines) {
      expect(Object.keys(line).sort()).toEqual(expect.arrayContaining(['key', 'label', 'n8n', 'vendor', 'zapier']));
      if (!line.n8n || !line.zapier) expect(line.missing).toMatch(/^no /);
    }
    const lifecycle = lines.filter((l) => ['returningGuest', 'visitEnded', 'lapsedGuest', 'guestBirthday'].includes(l.key));
    expect(lifecycle.map((l) => `${l.vendor}/${l.key}`).sort()).toEqual(
      ['nectifi/lapsedGuest', 'nectifi/returningGuest', 'nectifi/visitEnded', 'smartwifi/guestBirthday', 'smartwifi/lapsedGuest', 'smartwifi/returningGuest', 'smartwifi/visitEnded', 'splash/lapsedGuest', 'splash/returningGuest'],
    );
    for (const line of lifecycle) expect(line.zapier).toBe(line.key);
    expect(lines.find((l) => l.key === 'loyaltyTierChanged')).toMatchObject({ vendor: 'nectifi', n8n: { node: 'nectifiPollingTrigger', event: 'loyaltyTierChanged' }, zapier: null, missing: expect.stringMatching(/Zapier keeps no state/) });
  });
});
