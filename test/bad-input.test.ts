import type * as z from '../shared/core/zod';
import { encodePathSegment } from '../shared/client/build-request';
import { type SchemaDrift, checkOutput } from '../shared/client/decode';
import { InputValidationError } from '../shared/core/errors';
import type { OperationDeclaration } from '../shared/core/operation';
import { ALL_OPERATIONS } from '../shared/catalog';
import { caught } from './support/errors';
import { RecordingTransport } from './support/recording-transport';
import { OFFLINE_CREDENTIALS, runnerFor } from './support/runners';
import { PLACEHOLDER_IDS, validInputs } from './support/valid-inputs';

const inputs = validInputs(PLACEHOLDER_IDS);
const WRONG_TYPES: unknown[] = ['not-a-number', 12345, 1.5, true, { nested: 'object' }, [], null];

function setup(op: OperationDeclaration) {
  const transport = new RecordingTransport();
  const runner = runnerFor(op.vendor, OFFLINE_CREDENTIALS, { transport, rateLimit: false });
  return { transport, runner };
}

async function expectRejected(op: OperationDeclaration, input: Record<string, unknown>, field: string) {
  const { transport, runner } = setup(op);
  const error = await caught<InputValidationError>(runner.call(op, input));
  expect(error).toBeInstanceOf(InputValidationError);
  expect(error.field.split('.')[0]).toBe(field);
  expect(error.message).toContain(`'${field}`);
  expect(transport.sent).toHaveLength(0);
  return error;
}

const required = (op: OperationDeclaration) =>
  Object.entries(op.fields).filter(([, field]) => !field.schema.safeParse(undefined).success).map(([name]) => name);

describe.each(ALL_OPERATIONS.map((op) => [op.id, op] as const))('%s input', (id, op) => {
  const valid = inputs[id];

  it('accepts a valid input and sends exactly one request', async () => {
    const { transport, runner } = setup(op);
    await runner.call(op, valid);
    expect(transport.sent).toHaveLength(1);
  });

  it('names each missing required field', async () => {
    for (const name of required(op)) {
      const { [name]: _dropped, ...rest } = valid;
      const error = await expectRejected(op, rest, name);
      expect(error.message).toMatch(/is required/);
    }
  });

  it('names each field given a value of the wrong type', async () => {
    for (const name of Object.keys(op.fields)) {
      const wrong = WRONG_TYPES.find((value) => value !== null && !op.fields[name].schema.safeParse(value).success);
      const error = await expectRejected(op, { ...valid, [name]: wrong }, name);
      expect(error.message).not.toMatch(/is required/);
    }
  });

  it('names a field the operation does not have', async () => {
    await expectRejected(op, { ...valid, api_key_typo: 'x' }, 'api_key_typo');
  });

  it('refuses huge strings and injection attempts in every text field', async () => {
    for (const [name, field] of Object.entries(op.fields)) {
      if (!field.schema.safeParse('x').success) continue;
      await expectRejected(op, { ...valid, [name]: 'x'.repeat(100_001) }, name);
    }
  });
});

describe('specific bad input', () => {
  const op = (id: string) => ALL_OPERATIONS.find((candidate) => candidate.id === id) as OperationDeclaration;

  it.each([
    ['anykrowd.topUpUser', 'amount', 10.3, /decimal string/],
    ['anykrowd.topUpWallet', 'amount', '10.333', /two decimal places/],
    ['anykrowd.topUpWallet', 'amount', '-5.00', /decimal/],
    ['nectifi.listGuests', 'limit', 201, /1 to 200/],
    ['nectifi.listGuests', 'limit', 0, /1 to 200/],
    ['smartwifi.listGuestPlans', 'state', 'pending', /active|expired|Invalid option/],
    ['smartwifi.listConnections', 'from', '2026-13-01', /yyyy-mm-dd/],
    ['smartwifi.listConnections', 'from', '20/06/2026', /yyyy-mm-dd/],
    ['nectifi.createGuest', 'email', 'not-an-email', /email/],
    ['nectifi.getGuest', 'guest_id', '42/../../admin', /whole number/],
    ['splash.deleteVoucher', 'voucher_id', -1, /greater than 0/],
  ])('%s rejects %s = %j', async (id, field, value, message) => {
    const error = await expectRejected(op(id), { ...inputs[id], [field]: value }, field);
    expect(error.message).toMatch(message);
  });

  // Where a schema has no wording of ours, the user reads zod's English message (zod mini has none of
  // its own: shared/core/zod.ts loads them), not a bare "Invalid input".
  it('words the problems our schemas leave to zod in English', async () => {
    const error = await expectRejected(op('nectifi.getGuest'), { ...inputs['nectifi.getGuest'], guest_id: 2 ** 60 }, 'guest_id');
    expect(error.message).toContain("'guest_id' (Guest ID): Too big: expected number to be <=9007199254740991");
    const drift: SchemaDrift[] = [];
    checkOutput(op('nectifi.getGuest'), { ...op('nectifi.getGuest').sample, email: 42 }, (report) => drift.push(report));
    expect(drift).toEqual([{ operation: 'nectifi.getGuest', issues: [{ path: 'email', message: 'Invalid input: expected string, received number' }] }]);
  });

  it('encodes path values so that no input can change the path', () => {
    expect(encodePathSegment('../admin')).toBe('..%2Fadmin');
    expect(encodePathSegment('..')).toBe('%2E%2E');
    expect(encodePathSegment('a b?c#d')).toBe('a%20b%3Fc%23d');
  });

  it('keeps input schemas strict and output schemas tolerant', () => {
    for (const declaration of ALL_OPERATIONS) {
      expect(declaration.input.safeParse({ ...inputs[declaration.id], unexpected: 1 }).success).toBe(false);
      const sample = declaration.sample;
      const parsed = (declaration.output as z.ZodMiniType).safeParse({ ...sample, added_by_vendor_later: 'x' });
      expect(parsed.success).toBe(true);
    }
  });
});
