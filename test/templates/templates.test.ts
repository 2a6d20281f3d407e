/**
 * The workflow files in templates/ as a user imports them (no n8n needed; `npm run test:templates`
 * runs them in the real n8n): each starts at one of our triggers, explains its setup in a sticky
 * note, names our credentials as `npm start` creates them, carries no secret, no pinned data and no
 * local URL, turns consent on where its trigger's event offers it, has a spec, a screenshot and a
 * line in the README's gallery.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadDemoWorkflows } from '../../scripts/start/setup';
import { ROOT } from '../../scripts/start/paths';
import { PROBE_PREFIX, expressionParameters, testCopy } from '../../scripts/templates/test-copy';
import { AnykrowdTrigger } from '../../nodes/Anykrowd/AnykrowdTrigger.node';
import { NectifiPollingTrigger } from '../../nodes/Nectifi/NectifiPollingTrigger.node';
import { NectifiTrigger } from '../../nodes/Nectifi/NectifiTrigger.node';
import { SmartWifiTrigger } from '../../nodes/SmartWifi/SmartWifiTrigger.node';
import { SplashAirTrigger } from '../../nodes/SplashAir/SplashAirTrigger.node';
import { testSecrets } from '../support/test-secrets';
import { TEMPLATE_SPECS } from '.';

const templates = loadDemoWorkflows(join(ROOT, 'templates'));
const OUR_CREDENTIALS: Record<string, string> = {
  nectifiApi: 'Nectifi sandbox',
  splashAirApi: 'Splash Air sandbox',
  smartWifiApi: 'SmartWiFi sandbox',
  anykrowdApi: 'anykrowd sandbox',
};
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const TRIGGERS = Object.fromEntries(
  [new AnykrowdTrigger(), new NectifiPollingTrigger(), new NectifiTrigger(), new SmartWifiTrigger(), new SplashAirTrigger()].map((t) => [`n8n-nodes-venue-connectors.${t.description.name}`, t.description]),
);

/** Whether a trigger's event has the consent option (Only Guests Who Accepted Marketing). */
function offersConsent(type: string, event: unknown): boolean {
  return (TRIGGERS[type]?.properties ?? []).some(
    (p) => p.name === 'options' && ((p.displayOptions?.show?.event ?? []) as unknown[]).includes(event) && (p.options ?? []).some((o) => 'name' in o && o.name === 'onlyAcceptedMarketing'),
  );
}

test('at least five templates, each with its own id', () => {
  expect(templates.length).toBeGreaterThanOrEqual(5);
  expect(new Set(templates.map((t) => t.id)).size).toBe(templates.length);
  for (const t of templates) expect(t.id.length).toBeLessThanOrEqual(20); // n8n keeps ids of up to 21; the test copy adds one
});

test('the consent check sees which trigger events offer Only Guests Who Accepted Marketing', () => {
  expect(offersConsent('n8n-nodes-venue-connectors.smartWifiTrigger', 'guestBirthday')).toBe(true);
  expect(offersConsent('n8n-nodes-venue-connectors.smartWifiTrigger', 'newGuest')).toBe(true);
  expect(offersConsent('n8n-nodes-venue-connectors.nectifiPollingTrigger', 'newGuest')).toBe(true);
  expect(offersConsent('n8n-nodes-venue-connectors.nectifiPollingTrigger', 'lapsedGuest')).toBe(false);
});

describe.each(templates.map((t) => [t.file, t] as const))('%s', (_file, wf) => {
  const text = JSON.stringify(wf);

  test('starts at one of our triggers and explains its setup in a sticky note', () => {
    const targets = new Set(Object.values(wf.connections as Record<string, { main: Array<Array<{ node: string }>> }>).flatMap((o) => o.main.flat().map((c) => c.node)));
    const starts = wf.nodes.filter((n) => n.type !== 'n8n-nodes-base.stickyNote' && !targets.has(n.name));
    expect(starts.map((n) => n.type)).toEqual([expect.stringMatching(/^n8n-nodes-venue-connectors\.\w+Trigger$/)]);
    const notes = wf.nodes.filter((n) => n.type === 'n8n-nodes-base.stickyNote').map((n) => String(n.parameters.content));
    expect(notes.join('\n')).toMatch(/Set up[\s\S]*Credentials:/);
  });

  test('consent is on by default: where the trigger\'s event offers Only Guests Who Accepted Marketing, it is set', () => {
    const trigger = wf.nodes.find((n) => n.type in TRIGGERS);
    if (!trigger || !offersConsent(trigger.type, trigger.parameters.event)) return;
    expect(trigger.parameters.options).toEqual(expect.objectContaining({ onlyAcceptedMarketing: true }));
  });

  test('our credentials are named as npm start creates them; every credentialed node has one', () => {
    for (const node of wf.nodes) {
      for (const [type, ref] of Object.entries(node.credentials ?? {})) if (OUR_CREDENTIALS[type]) expect(ref.name).toBe(OUR_CREDENTIALS[type]);
      if (node.type.startsWith('n8n-nodes-venue-connectors.')) expect(Object.keys(node.credentials ?? {})).toHaveLength(1);
    }
  });

  test('no secret, no pinned data, no local URL', () => {
    for (const secret of testSecrets()) expect(text).not.toContain(secret);
    expect(wf.pinData ?? {}).toEqual({});
    expect(text).not.toMatch(/127\.0\.0\.1|localhost|http:\/\//);
  });

  test('has a spec, a screenshot and a line in the README gallery', () => {
    expect(TEMPLATE_SPECS.map((s) => s.file)).toContain(wf.file);
    const png = `docs/template-${wf.file.replace(/\.json$/, '')}.png`;
    expect(existsSync(join(ROOT, png))).toBe(true);
    expect(readme).toContain(`templates/${wf.file}`);
    expect(readme).toContain(png);
  });

  test('the test copy pins the spec’s nodes and probes each beside it, fed by the same parent', () => {
    const spec = TEMPLATE_SPECS.find((s) => s.file === wf.file);
    const pins = Object.fromEntries(Object.keys(spec?.pinned ?? {}).map((name) => [name, [{ ok: true }]]));
    const copy = testCopy(wf, pins);
    expect(Object.keys(copy.pinData ?? {}).sort()).toEqual(Object.keys(pins).sort());
    const connections = copy.connections as Record<string, { main: Array<Array<{ node: string }>> }>;
    for (const name of Object.keys(pins)) {
      const probe = copy.nodes.find((n) => n.name === `${PROBE_PREFIX}${name}`);
      const original = wf.nodes.find((n) => n.name === name);
      const assigned = (probe?.parameters.assignments as { assignments: Array<{ name: string; value: string }> }).assignments;
      expect(assigned.map((a) => [a.name, a.value])).toEqual(expressionParameters(original?.parameters));
      const parents = (into: string) => Object.entries(connections).filter(([, o]) => o.main.flat().some((c) => c.node === into)).map(([p]) => p);
      expect(parents(probe?.name ?? '')).toEqual(parents(name));
    }
    expect(copy.id).not.toBe(wf.id);
  });
});
