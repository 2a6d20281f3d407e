import fc from 'fast-check';
import { ALL_OPERATIONS } from '../shared/catalog';
import { InputValidationError } from '../shared/core/errors';
import type { OperationDeclaration } from '../shared/core/operation';
import { RecordingTransport } from './support/recording-transport';
import { OFFLINE_CREDENTIALS, runnerFor } from './support/runners';
import { PLACEHOLDER_IDS, validInputs } from './support/valid-inputs';

const inputs = validInputs(PLACEHOLDER_IDS);
const RUNS_PER_OPERATION = 150;
export const fuzzFigures = { runs: 0, rejected: 0, sent: 0 };

const INJECTIONS = ['../../admin', '..', '%2e%2e/', '42?admin=1', '42#frag', '42/../1', 'a\r\nX-Injected: 1', "'; DROP TABLE guests; --", '<script>', '\u0000', 'x'.repeat(20_000)];
const hostile = fc.oneof(
  fc.constantFrom<unknown>(...INJECTIONS, NaN, Infinity, -1, 0, 1.5, 2 ** 60, '', ' ', null, true, [], {}, '10.005', '1e3', '-0.01'),
  fc.anything(),
);

/** The static part of the path before the first parameter: an input may never change it. */
const staticPrefix = (op: OperationDeclaration) => op.path.split('{')[0];

describe.each(ALL_OPERATIONS.map((op) => [op.id, op] as const))('fuzzing %s', (id, op) => {
  const fields = Object.keys(op.fields);
  it('rejects bad values before any request, naming the field; whatever passes cannot change the path', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...(fields.length ? fields : ['unexpected'])), hostile, async (field, value) => {
        const transport = new RecordingTransport();
        const runner = runnerFor(op.vendor, OFFLINE_CREDENTIALS, { transport, rateLimit: false, retry: { maxAttempts: 1 } });
        fuzzFigures.runs += 1;
        try {
          await runner.call(op, { ...inputs[id], [field]: value });
        } catch (error) {
          if (!(error instanceof InputValidationError)) throw error;
          fuzzFigures.rejected += 1;
          expect(error.field.split('.')[0]).toBe(field);
          expect(transport.sent).toHaveLength(0);
          return;
        }
        fuzzFigures.sent += 1;
        const url = new URL(transport.sent[0].url);
        const base = new URL(runner.connection.baseUrl).pathname;
        expect(url.pathname.startsWith(`${base}${staticPrefix(op)}`.replace(/\/$/, ''))).toBe(true);
        expect(url.pathname.split('/')).not.toContain('..');
        expect(url.hash).toBe('');
        expect(transport.sent[0].headers).not.toHaveProperty('x-injected');
      }),
      { numRuns: RUNS_PER_OPERATION },
    );
  });
});

afterAll(() => {
  console.log(`fuzz: ${fuzzFigures.runs} inputs, ${fuzzFigures.rejected} rejected before sending, ${fuzzFigures.sent} valid and sent, 0 path escapes`);
});
