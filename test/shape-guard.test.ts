import type * as z from '../shared/core/zod';
import { ALL_OPERATIONS } from '../shared/catalog';
import { checkOutput } from '../shared/client/decode';
import { shapeGuardFor } from '../shared/client/shape-guard';
import type { OperationDeclaration } from '../shared/core/operation';

const REPLACEMENTS: unknown[] = [null, 'text', 7, 7.5, -1, Number.NaN, true, [], ['a', 'b'], [1, 'a'], {}, { nested: 1 }];

/** The sample, and the sample with each field in turn replaced by every JSON type, or removed. */
function variants(sample: Record<string, unknown>): unknown[] {
  const out: unknown[] = [sample, { ...sample, undocumented_field: 'x' }, [], 'not an object', null];
  for (const key of Object.keys(sample)) {
    const { [key]: _removed, ...without } = sample;
    out.push(without);
    for (const value of REPLACEMENTS) out.push({ ...sample, [key]: value });
  }
  return out;
}

const schemaOf = (op: OperationDeclaration) => op.output as z.ZodMiniType;

describe('output shape guards', () => {
  const guarded = ALL_OPERATIONS.filter((op) => shapeGuardFor(schemaOf(op)) !== undefined);

  it('gives no guard to schemas that transform or refine what they parse', () => {
    const unguarded = ALL_OPERATIONS.filter((op) => !guarded.includes(op)).map((op) => op.id);
    expect(unguarded).toEqual(expect.arrayContaining(['anykrowd.listWalletTransactions', 'nectifi.getPoints', 'nectifi.grantPromotion']));
    expect(guarded.length).toBeGreaterThan(40);
  });

  it.each(ALL_OPERATIONS.map((op) => [op.id, op] as const))('%s: guard and checkOutput agree with zod on every variant', (_id, op) => {
    const guard = shapeGuardFor(schemaOf(op));
    for (const value of variants(op.sample)) {
      const parsed = schemaOf(op).safeParse(value);
      if (guard) expect([value, guard(value)]).toEqual([value, parsed.success]);
      let drift = false;
      const returned = checkOutput(op, value, () => {
        drift = true;
      });
      expect(drift).toBe(!parsed.success);
      expect(returned).toEqual(parsed.success ? parsed.data : value);
    }
  });
});
