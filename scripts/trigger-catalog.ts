import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { INodeProperties, INodeType } from 'n8n-workflow';
import { VENDOR_SPECS } from '../nodes/common/vendors';
import type { Vendor } from '../shared/core/operation';
import { anykrowdPlan } from '../zapier/anykrowd/plan';
import type { AppPlan } from '../zapier/common/plan';
import { nectifiPlan } from '../zapier/nectifi/plan';
import { smartwifiPlan } from '../zapier/smartwifi/plan';
import { splashPlan } from '../zapier/splash/plan';

/** One trigger event: where it is on n8n and on Zapier, and why not where one is missing. */
export interface TriggerLine {
  vendor: Vendor;
  key: string;
  label: string;
  n8n: { node: string; event: string } | null;
  zapier: string | null;
  missing?: string;
}

const ROOT = join(__dirname, '..');
const ZAPIER_PLANS: Record<Vendor, AppPlan> = { nectifi: nectifiPlan, splash: splashPlan, smartwifi: smartwifiPlan, anykrowd: anykrowdPlan };

/** The trigger nodes the package ships (package.json `n8n.nodes`), loaded from their source. */
export function triggerNodes(): INodeType[] {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { n8n: { nodes: string[] } };
  return pkg.n8n.nodes
    .filter((path) => /Trigger\.node\.js$/.test(path))
    .map((path) => {
      const source = join(ROOT, path.replace(/^dist\//, '').replace(/\.js$/, '.ts'));
      const className = path.split('/').pop()!.replace('.node.js', '');
      const NodeClass = (require(source) as Record<string, new () => INodeType>)[className];
      return new NodeClass();
    });
}

/** A trigger node's events: the options of its `event` (polling) or `events` (webhook) parameter. */
function eventsOf(node: INodeType): Array<{ value: string; name: string }> {
  const selector = node.description.properties.find((p: INodeProperties) => p.name === 'event' || p.name === 'events');
  return ((selector?.options ?? []) as Array<{ value: string; name: string }>).map(({ value, name }) => ({ value: String(value), name }));
}

function vendorOf(node: INodeType): Vendor {
  const credential = node.description.credentials?.[0]?.name;
  const spec = VENDOR_SPECS.find((v) => v.credentialType === credential);
  if (!spec) throw new Error(`${node.description.name}: no vendor uses the credential ${credential}`);
  return spec.vendor;
}

function zapierKeyFor(plan: AppPlan, nodeName: string, event: string): string | null {
  const aliases = plan.n8nEvents ?? {};
  const alias = aliases[`${nodeName}/${event}`] ?? aliases[`${nodeName}/*`];
  if (alias) return alias;
  return event in plan.triggers && !Object.values(aliases).includes(event) ? event : null;
}

/** Every trigger event of both platforms, from the n8n nodes' own event lists and the Zapier plans' triggers. */
export function triggerCatalog(): TriggerLine[] {
  const lines: TriggerLine[] = [];
  const matched = new Set<string>();
  for (const node of triggerNodes()) {
    const vendor = vendorOf(node);
    const plan = ZAPIER_PLANS[vendor];
    for (const event of eventsOf(node)) {
      const zapier = zapierKeyFor(plan, node.description.name, event.value);
      if (zapier) matched.add(`${vendor}/${zapier}`);
      const line: TriggerLine = { vendor, key: event.value, label: event.name, n8n: { node: node.description.name, event: event.value }, zapier };
      if (!zapier) line.missing = `no Zapier trigger in the ${plan.app} app: ${plan.notOnZapier?.[event.value] ?? 'none written for this event'}`;
      lines.push(line);
    }
  }
  for (const [vendor, plan] of Object.entries(ZAPIER_PLANS) as Array<[Vendor, AppPlan]>) {
    for (const key of Object.keys(plan.triggers)) {
      if (matched.has(`${vendor}/${key}`)) continue;
      lines.push({ vendor, key, label: key, n8n: null, zapier: key, missing: 'no n8n trigger event: none written for this Zapier trigger' });
    }
  }
  return lines;
}
