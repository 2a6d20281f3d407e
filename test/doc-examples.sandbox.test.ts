import { ALL_OPERATIONS } from '../shared/catalog';
import type { OperationDeclaration } from '../shared/core/operation';
import { VendorApiError } from '../shared/core/errors';
import type { Sandbox } from './sandbox';
import { type DocExample, OTHER_EXAMPLES, nectifiExamples } from './support/doc-examples';
import { recordError } from './support/errors';
import { runnerFor } from './support/runners';
import { sandboxCredentials, startTestSandbox } from './support/sandbox';

/** Turns a documented request into our input: path values and query strings take the field's type. */
function toInput(example: DocExample): { op: OperationDeclaration; input: Record<string, unknown> } {
  for (const op of ALL_OPERATIONS) {
    if (op.vendor !== example.vendor || op.method !== example.method) continue;
    const names: string[] = [];
    const pattern = new RegExp(`^${op.path.replace(/\{(\w+)\}/g, (_m, name) => (names.push(name), '([^/]+)'))}$`);
    const match = pattern.exec(example.path);
    if (!match) continue;
    const input: Record<string, unknown> = { ...example.body };
    names.forEach((name, index) => (input[name] = typed(op, name, match[index + 1])));
    for (const [name, value] of Object.entries(example.query)) input[name] = typed(op, name, value);
    return { op, input };
  }
  throw new Error(`no declaration for documented ${example.vendor} ${example.method} ${example.path}`);
}

function typed(op: OperationDeclaration, name: string, text: string): unknown {
  const schema = op.fields[name]?.schema;
  const candidates = [text, Number(text), text === 'true' ? true : text === 'false' ? false : undefined];
  return candidates.find((value) => value !== undefined && schema?.safeParse(value).success) ?? text;
}

const examples = [...nectifiExamples(), ...OTHER_EXAMPLES];
let sandbox: Sandbox;
beforeAll(async () => (sandbox = await startTestSandbox()));
afterAll(() => sandbox.close());

it('reads the documented examples from the docs', () => {
  expect(nectifiExamples().length).toBeGreaterThanOrEqual(28);
});

describe.each(examples.map((example) => [`${example.vendor} ${example.method} ${example.path}`, example] as const))(
  'documented example %s',
  (_name, example) => {
    it('is accepted by the declared input schema and by the sandbox', async () => {
      const { op, input } = toInput(example);
      expect(op.input.safeParse(input).error?.issues ?? []).toEqual([]);
      const runner = runnerFor(op.vendor, sandboxCredentials(sandbox), { retry: { maxAttempts: 1 } });
      try {
        await runner.call(op, input);
      } catch (error) {
        recordError(error);
        // The doc's sample ids may not exist in the sandbox; what must never happen is a refusal
        // of the request's shape (400/415/422), which would mean we speak the wire format wrong.
        expect(error).toBeInstanceOf(VendorApiError);
        expect([404, 409]).toContain((error as VendorApiError).status);
      }
    });
  },
);
