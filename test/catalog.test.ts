import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { ALL_OPERATIONS, VENDORS } from '../shared/catalog';
import { documentedEndpoints, normalisePath } from './support/doc-endpoints';

const key = (vendor: string, method: string, path: string) => `${vendor} ${method} ${path}`;

describe('the catalog of declared operations', () => {
  it('declares exactly the 54 endpoints the four vendor docs list, with their methods and paths', () => {
    const documented = documentedEndpoints().map((e) => key(e.vendor, e.method, e.path)).sort();
    const declared = ALL_OPERATIONS.map((op) => key(op.vendor, op.method, normalisePath(op.path))).sort();
    expect(documented).toHaveLength(54);
    expect(declared).toEqual(documented);
  });

  it('gives every operation a unique id and the counts per vendor the issue names', () => {
    expect(new Set(ALL_OPERATIONS.map((op) => op.id)).size).toBe(54);
    const counts = Object.fromEntries(VENDORS.map((v) => [v.vendor, Object.keys(v.operations).length]));
    expect(counts).toEqual({ nectifi: 28, splash: 6, smartwifi: 6, anykrowd: 14 });
  });

  it('prints one JSON line per operation from `npm run -s catalog`', () => {
    const out = execFileSync(process.execPath, [require.resolve('tsx/cli'), join(__dirname, '..', 'scripts', 'catalog.ts')], {
      encoding: 'utf8',
    });
    const lines = out.trim().split('\n').map((line) => JSON.parse(line));
    expect(lines).toHaveLength(54);
    for (const line of lines) {
      const op = ALL_OPERATIONS.find((candidate) => candidate.vendor === line.vendor && candidate.key === line.key);
      expect(op).toBeDefined();
      expect([line.method, line.path]).toEqual([op?.method, op?.path]);
      expect(line).toHaveProperty('n8n');
      expect(line).toHaveProperty('zapier');
      expect(line.input.map((field: { name: string }) => field.name)).toEqual(Object.keys(op?.fields ?? {}));
    }
  });
});

describe.each(ALL_OPERATIONS.map((op) => [op.id, op] as const))('declaration %s', (_id, op) => {
  it('reads well for a no-code user', () => {
    expect(op.label).toMatch(/^([A-Z][\w-]*|a|an|and|by|for|of|or|to|the|in|at|on|ID)( ([A-Z0-9][\w-]*|a|an|and|by|for|of|or|to|the|in|at|on))*$/);
    expect(op.description).toMatch(/^[A-Z].*\.$/);
    for (const [name, field] of Object.entries(op.fields)) {
      expect([name, field.label.length > 0, field.help.length > 10]).toEqual([name, true, true]);
    }
  });

  it('has a sample that matches its own output schema', () => {
    expect(op.output.safeParse(op.sample).success).toBe(true);
  });

  it('points its dropdowns at list operations of the same vendor', () => {
    const vendor = VENDORS.find((v) => v.vendor === op.vendor);
    for (const field of Object.values(op.fields)) {
      if (!field.dropdown) continue;
      expect(vendor?.operations[field.dropdown.operation]?.returns).toBe('list');
    }
  });

  it('declares paging only on lists and keys only on idempotent writes', () => {
    if (op.paging.style !== 'none') expect(op.returns).toBe('list');
    // Only a write that carries an idempotency key may be repeated after it may have arrived.
    expect(op.safety === 'idempotent').toBe(Boolean(op.idempotencyKeyField));
    if (op.safety === 'unsafe') expect(op.unknownOutcomeHint).toMatch(/\.$/);
    if (op.method === 'GET') expect(op.safety).toBe('read');
  });
});
