import { readFileSync } from 'node:fs';
import type { INodeTypeDescription } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';
import * as z from '../../shared/core/zod';
import { defineOperation } from '../../shared/core/operation';
import { summaryOf } from '../../shared/core/output-summary';
import { type VersionSnapshot, parameterFingerprint, versioningProblems } from '../../scripts/node-versions/fingerprint';
import { SNAPSHOT_PATH, actionNodeDescriptions } from '../../scripts/node-versions/main';
import type { Sandbox } from '../sandbox';
import { byId, fromList, runChain, step } from './support/chain';
import type { CredentialStore } from './support/engine';
import { useEngineSandbox } from './support/sandbox';
import { NECTIFI, VENDOR_SPECS, type VendorSpec } from '../../nodes/common/vendors';
import { bindOperation } from '../../nodes/common/operation-binding';
import { operationProperties } from '../../nodes/common/properties';

const snapshot = JSON.parse(readFileSync(SNAPSHOT_PATH, 'utf8')) as VersionSnapshot;
const descriptions = actionNodeDescriptions();
const nectifiDescription = descriptions.find((d) => d.name === 'nectifi')!;

describe('node versioning of the generated action nodes', () => {
  test('every declared version keeps the parameters recorded for it', () => {
    expect(versioningProblems(descriptions, snapshot)).toEqual([]);
    expect(Object.fromEntries(descriptions.map((d) => [d.name, [d.version, d.defaultVersion]]))).toEqual({
      nectifi: [[1, 1.1], 1.1],
      smartWifi: [[1, 1.1], 1.1],
      anykrowd: [[1, 1.1], 1.1],
      // No Splash Air operation has more than 10 fields; its 1.1 adds Options > Requests in Flight only.
      splashAir: [[1, 1.1], 1.1],
    });
  });

  const changed = (edit: (d: INodeTypeDescription) => void) => {
    const copy = structuredClone(nectifiDescription);
    edit(copy);
    return versioningProblems([copy], snapshot);
  };

  test('a changed default at version 1 is refused: a workflow saved at 1 would change', () => {
    const problems = changed((d) => {
      d.properties.find((p) => p.name === 'limit')!.default = 100;
    });
    expect(problems.join('\n')).toMatch(/nectifi: the parameters of version 1 changed/);
  });

  test('a new parameter shown from a new version leaves version 1 alone but needs that version recorded', () => {
    const problems = changed((d) => {
      d.version = [1, 1.1, 1.2];
      d.defaultVersion = 1.2;
      d.properties.push({ displayName: 'New', name: 'newOption', type: 'boolean', default: false, displayOptions: { show: { '@version': [{ _cnd: { gte: 1.2 } }] } } });
    });
    expect(problems).toEqual(['nectifi: version 1.2 is not recorded yet: run npm run -s node-versions -- --record']);
  });

  test('a new parameter without a version, or a defaultVersion that is not the newest, is refused', () => {
    expect(changed((d) => void d.properties.push({ displayName: 'New', name: 'newOption', type: 'boolean', default: false })).join('\n')).toMatch(
      /version 1 changed[\s\S]*version 1\.1 changed/,
    );
    expect(changed((d) => void (d.defaultVersion = 1))).toEqual(['nectifi: defaultVersion is 1, not its newest version 1.1']);
  });

  test('labels and help texts are not parameters: rewording them keeps every version', () => {
    const copy = structuredClone(nectifiDescription);
    for (const p of copy.properties) p.description = `${p.description ?? ''} Reworded.`;
    expect(parameterFingerprint(copy, 1)).toBe(snapshot.nectifi['1']);
  });
});

describe('a declaration added later (n8nSince) changes only the new version', () => {
  // The Nectifi node as it would be with a new operation and a new optional field, both from 1.2.
  const getGuest = NECTIFI.operations.getGuest;
  const withField = { ...getGuest, fields: { ...getGuest.fields, expand: { in: 'query' as const, schema: z.optional(z.string()), label: 'Expand', help: 'Related records to include.', n8nSince: 1.2 } } };
  const archiveGuest = defineOperation({
    vendor: 'nectifi',
    key: 'archiveGuest',
    resource: 'guest',
    label: 'Archive Guest',
    description: 'Archives a guest.',
    method: 'POST',
    path: '/crm/guests/{guest_id}/archive',
    fields: { guest_id: { in: 'path', schema: z.number(), label: 'Guest ID', help: 'The guest to archive.' } },
    returns: 'object',
    output: z.looseObject({ id: z.number() }),
    sample: { id: 1 },
    paging: { style: 'none' },
    safety: 'idempotent',
    n8nSince: 1.2,
  });
  const operations = { ...NECTIFI.operations, getGuest: withField, archiveGuest } as VendorSpec['operations'];
  const declared = [...Object.values(operations), ...Object.values(NECTIFI.upserts ?? {})];
  const spec: VendorSpec = { ...NECTIFI, operations, bindings: new Map(declared.map((op) => [op.key, bindOperation(op)])) };
  const next: INodeTypeDescription = { ...nectifiDescription, version: [1, 1.1, 1.2], defaultVersion: 1.2, properties: operationProperties(spec) };

  test('versions 1 and 1.1 keep their recorded parameters; 1.2 is new', () => {
    expect(versioningProblems([next], snapshot)).toEqual(['nectifi: version 1.2 is not recorded yet: run npm run -s node-versions -- --record']);
  });

  test("n8n's own display rules agree: the new operation and field show at 1.2 only", () => {
    const visible = (version: number, values: Record<string, unknown>) =>
      next.properties.filter((p) => NodeHelpers.displayParameter(values as never, p, { typeVersion: version }, next));
    const operationsAt = (version: number) =>
      visible(version, { resource: 'guest' })
        .filter((p) => p.name === 'operation')
        .flatMap((p) => p.options!.map((o) => (o as { value: string }).value));
    expect(operationsAt(1)).not.toContain('archiveGuest');
    expect(operationsAt(1.1)).not.toContain('archiveGuest');
    expect(operationsAt(1.2)).toContain('archiveGuest');
    for (const version of [1, 1.1, 1.2]) expect(visible(version, { resource: 'guest' }).filter((p) => p.name === 'operation')).toHaveLength(1);
    const getGuestFields = (version: number) =>
      visible(version, { resource: 'guest', operation: 'getGuest' })
        // The operation's optional fields (not the node-wide Options collection).
        .filter((p) => p.type === 'collection' && p.name !== 'options')
        .flatMap((p) => (p.options as Array<{ name: string }>).map((o) => o.name));
    expect(getGuestFields(1)).toEqual([]);
    expect(getGuestFields(1.2)).toEqual(['expand']);
  });
});

describe('Output option (Simplified / Raw / Selected Fields) on operations whose items have more than 10 fields', () => {
  test('exactly those operations have it, each with a summary of at most 10 fields', () => {
    const withOption = descriptions.flatMap((d) =>
      d.properties.filter((p) => p.name === 'output').map((p) => `${d.name}.${(p.displayOptions!.show!.operation as string[]).join()}`),
    );
    expect(withOption.sort()).toEqual(
      [
        'nectifi.createGuest',
        'nectifi.createOrUpdateGuest',
        'nectifi.getGuest',
        'nectifi.listGuests',
        'nectifi.updateGuest',
        'smartWifi.getGuest',
        'smartWifi.listConnections',
        'smartWifi.listGuests',
        'anykrowd.listWalletTransactions',
        'anykrowd.topUpUser',
        'anykrowd.topUpWallet',
      ].sort(),
    );
    for (const vendor of VENDOR_SPECS) {
      for (const { op } of vendor.bindings.values()) {
        const summary = summaryOf(op.output);
        if (summary) expect(summary.length).toBeLessThanOrEqual(10);
      }
    }
  });
});

describe('a workflow saved at version 1 runs unchanged; version 1.1 simplifies', () => {
  let sandbox: Sandbox;
  let credentials: CredentialStore;
  useEngineSandbox((started, stored) => {
    sandbox = started;
    credentials = stored;
  });

  const getGuest = (name: string, typeVersion: number, parameters: object, guestId: number) =>
    step(name, 'nectifi', 'guest', 'getGuest', { guestId: byId(guestId), ...parameters }, { typeVersion });
  const requests = () => Object.values(sandbox.counters.get().requests).reduce((a, b) => a + b, 0);

  test('Nectifi Get Guest: v1 (as saved, no Output parameter) = v1.1 Raw; v1.1 Simplified and Selected Fields keep fewer fields', async () => {
    const guest = sandbox.insert.nectifiGuest({ location_id: 1 }) as { id: number };
    const result = await runChain(
      [
        getGuest('Saved at v1', 1, {}, guest.id),
        getGuest('Raw', 1.1, { output: 'raw' }, guest.id),
        getGuest('Simplified', 1.1, {}, guest.id),
        getGuest('Selected', 1.1, { output: 'selected', outputFields: ['email', 'is_vip'] }, guest.id),
      ],
      [{}],
      credentials,
    );
    const v1 = result.output('Saved at v1')[0].json;
    expect(Object.keys(v1).length).toBeGreaterThan(10);
    expect(v1).toMatchObject({ id: guest.id, portal_id: expect.anything(), updated_at: expect.any(String) });
    expect(result.output('Raw')[0].json).toEqual(v1);
    const simplified = result.output('Simplified')[0].json;
    expect(Object.keys(simplified)).toEqual(['id', 'name', 'email', 'phone', 'location_id', 'is_vip', 'marketing_consent', 'tags', 'created_at'].filter((k) => k in v1));
    expect(simplified.id).toBe(guest.id);
    expect(result.output('Selected')[0].json).toEqual({ email: v1.email, is_vip: v1.is_vip });
  });

  test('anykrowd Top Up at v1.1, Simplified: the nanoid a revoke needs is kept', async () => {
    const { walletId, currencyId } = sandbox.keys.anykrowd;
    const result = await runChain(
      [step('Top Up', 'anykrowd', 'wallet', 'topUpWallet', { walletId, amount: '1.00', currencyId: fromList(currencyId) }, { typeVersion: 1.1 })],
      [{}],
      credentials,
    );
    const item = result.output('Top Up')[0].json;
    expect(Object.keys(item).length).toBeLessThanOrEqual(10);
    expect(item).toMatchObject({ nanoid: expect.any(String), amount: '1.00', wallet_id: walletId });
  });

  test('Selected Fields with no field chosen fails before any request, naming the field and the fix', async () => {
    const before = requests();
    const result = await runChain([getGuest('Selected', 1.1, { output: 'selected', outputFields: [] }, 1)], [{}], credentials);
    expect(result.error('Selected')?.message).toBe("'Fields' (Output: Selected Fields) is empty: choose at least one field, or set Output to Simplified or Raw");
    expect(requests()).toBe(before);
  });
});
