/** One JSON line per declared operation: how coverage across n8n and Zapier is read. */
import { ALL_OPERATIONS } from '../shared/catalog';
import { platformCoverage } from './platform-coverage';
import { triggerCatalog } from './trigger-catalog';

// `npm run -s catalog | head` closes the pipe early: stop quietly, as other line-printing tools do.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

// `--triggers`: one line per trigger event instead (vendor, key, label, n8n node and event, Zapier trigger key).
if (process.argv.includes('--triggers')) {
  for (const line of triggerCatalog()) process.stdout.write(`${JSON.stringify(line)}\n`);
  process.exit(0);
}

for (const op of ALL_OPERATIONS) {
  const coverage = platformCoverage(op);
  const line = {
    vendor: op.vendor,
    key: op.key,
    method: op.method,
    path: op.path,
    input: Object.entries(op.fields).map(([name, field]) => ({
      name,
      in: field.in,
      required: !field.schema.safeParse(undefined).success,
    })),
    n8n: coverage.n8n,
    zapier: coverage.zapier,
  };
  process.stdout.write(`${JSON.stringify(line)}\n`);
}
