/**
 * Runs after jest: scans everything the suite recorded for the test secrets (every error it
 * provoked, kept in test-output/errors-*.jsonl, and the results of the scans made on the spot of
 * n8n execution outputs and Zapier log streams, in scans-*.jsonl), adds up the reliability figures
 * the tests counted (figures-*.jsonl), then prints the closing counts CI reads.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Figures } from '../test/support/figures';
import { leakedSecrets } from '../test/support/secret-scan';
import { testSecrets } from '../test/support/test-secrets';

const OUTPUT_DIR = join(__dirname, '..', 'test-output');
/** Fewer recorded errors than this means the recording broke, and a scan of nothing proves nothing. */
const MIN_RECORDS = 100;
/** The n8n harness scans every execution: fewer than this means the hook is gone. */
const MIN_SCANNED_OUTPUTS = 100;
/** One per n8n polling trigger strategy the property tests cover. */
const MIN_TRIGGERS = 8;

const lines = (file: string) => readFileSync(join(OUTPUT_DIR, file), 'utf8').split('\n').filter(Boolean);
const files = readdirSync(OUTPUT_DIR).filter((name) => name !== 'jest-results.json');
const problems: string[] = [];

// Recorded errors and outputs: scanned here, whole.
const recorded = files.filter((name) => !name.startsWith('scans-') && !name.startsWith('figures-'));
let records = 0;
for (const file of recorded) {
  records += lines(file).length;
  for (const index of leakedSecrets(readFileSync(join(OUTPUT_DIR, file), 'utf8'))) problems.push(`leaked: test secret #${index} in ${file}`);
}
if (records < MIN_RECORDS) problems.push(`expected at least ${MIN_RECORDS} recorded errors: is recording broken?`);

// Outputs scanned where they were produced (too large to keep).
const scans = files.filter((name) => name.startsWith('scans-')).flatMap(lines).map((line) => JSON.parse(line) as { kind: string; bytes: number; leaked: number[] });
for (const scan of scans) for (const index of scan.leaked) problems.push(`leaked: test secret #${index} in a ${scan.kind}`);
if (scans.length < MIN_SCANNED_OUTPUTS) problems.push(`expected at least ${MIN_SCANNED_OUTPUTS} scanned outputs: is the n8n harness hook gone?`);
const scannedBytes = scans.reduce((sum, scan) => sum + scan.bytes, 0);
const kinds = [...new Set(scans.map((scan) => scan.kind))].sort();
const leaks = problems.filter((p) => p.startsWith('leaked')).length;
console.log(
  `secret scan: ${records} recorded errors and outputs, ${scans.length} n8n execution outputs and Zapier logs scanned where produced ` +
    `(${(scannedBytes / 1_048_576).toFixed(1)} MiB: ${kinds.join(', ')}), ${testSecrets().length} secrets in raw, URL-encoded and base64 forms: ${leaks} leaked`,
);

// Reliability figures.
const figures = files.filter((name) => name.startsWith('figures-')).flatMap(lines).map((line) => JSON.parse(line) as Figures);
const sum = (rows: Figures[], key: string) => rows.reduce((total, row) => total + Number(row[key] ?? 0), 0);
const max = (rows: Figures[], key: string) => rows.reduce((most, row) => Math.max(most, Number(row[key] ?? 0)), 0);
const triggers = figures.filter((f) => f.kind === 'trigger');
const webhooks = figures.filter((f) => f.kind === 'webhook');
const lost = sum(triggers, 'lost');
const duplicated = sum(triggers, 'duplicated') + sum(webhooks, 'replaysEmitted');
const wrongly = sum(triggers, 'unwatched') + sum(triggers, 'preExisting') + (sum(webhooks, 'hostile') - sum(webhooks, 'refused'));
console.log(
  `trigger properties: ${new Set(triggers.map((t) => String(t.name).replace(/ \(.*\)$/, ''))).size} n8n polling triggers, ${sum(triggers, 'runs')} randomized runs, ` +
    `${sum(triggers, 'polls')} polls (${sum(triggers, 'failedPolls')} failed by one of ${sum(triggers, 'faults')} injected faults), ` +
    `${sum(triggers, 'itemsChecked')} rows checked (${sum(triggers, 'required')} due): ${sum(triggers, 'lost')} lost, ${sum(triggers, 'duplicated')} duplicated, ` +
    `max state ${max(triggers, 'maxStateEntries')} entries / ${max(triggers, 'maxStateBytes')} bytes`,
);
console.log(
  `webhooks (${webhooks.map((w) => w.name).join(', ')}): ${sum(webhooks, 'hostile')} hostile deliveries, ${sum(webhooks, 'refused')} refused; ` +
    `${sum(webhooks, 'valid')} valid, ${sum(webhooks, 'emitted')} emitted; ${sum(webhooks, 'replays')} replays, ${sum(webhooks, 'replaysEmitted')} emitted`,
);
if (new Set(triggers.map((t) => String(t.name).replace(/ \(.*\)$/, ''))).size < MIN_TRIGGERS) problems.push(`expected figures from ${MIN_TRIGGERS} polling triggers`);
if (webhooks.length < 2) problems.push('expected webhook figures from n8n and Zapier');
if (lost > 0 || duplicated > 0 || wrongly > 0) problems.push(`reliability: ${lost} lost, ${duplicated} duplicated, ${wrongly} emitted that should not have been`);
const faultsTried = sum(triggers, 'faults') + sum(webhooks, 'hostile') + sum(webhooks, 'replays');
console.log(
  `figures: ${sum(triggers, 'runs')} runs, ${faultsTried} faults tried, ${sum(triggers, 'itemsChecked') + sum(webhooks, 'hostile') + sum(webhooks, 'valid') + sum(webhooks, 'replays')} items checked, ` +
    `${lost} lost / ${duplicated} duplicated / ${leaks} leaked`,
);
for (const problem of problems.filter((p) => !p.startsWith('leaked')).concat(problems.filter((p) => p.startsWith('leaked')))) console.log(`  ${problem}`);

const results = JSON.parse(readFileSync(join(OUTPUT_DIR, 'jest-results.json'), 'utf8'));
const checksFailed = problems.length > 0;
const passed = results.numPassedTests + (checksFailed ? 0 : 1);
const failed = results.numFailedTests + (checksFailed ? 1 : 0);
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
