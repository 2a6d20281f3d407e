/**
 * Runs after jest: scans everything the suite recorded (every error it provoked, and whatever
 * else lands in test-output/) for the test secrets, then prints the closing counts CI reads.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { testSecrets } from '../test/support/test-secrets';

const OUTPUT_DIR = join(__dirname, '..', 'test-output');
/** Fewer recorded errors than this means the recording broke, and a scan of nothing proves nothing. */
const MIN_RECORDS = 100;

function scanSecrets(): { records: number; files: number; hits: string[] } {
  const secrets = testSecrets();
  const files = readdirSync(OUTPUT_DIR).filter((name) => name !== 'jest-results.json');
  let records = 0;
  const hits: string[] = [];
  for (const file of files) {
    const text = readFileSync(join(OUTPUT_DIR, file), 'utf8');
    records += text.split('\n').filter(Boolean).length;
    secrets.forEach((secret, index) => {
      if (text.includes(secret)) hits.push(`${file}: test secret #${index}`);
    });
  }
  return { records, files: files.length, hits };
}

const results = JSON.parse(readFileSync(join(OUTPUT_DIR, 'jest-results.json'), 'utf8'));
const scan = scanSecrets();
console.log(`secret scan: ${scan.records} recorded errors and outputs in ${scan.files} files, ${testSecrets().length} secrets, ${scan.hits.length} hits`);
for (const hit of scan.hits) console.log(`  leaked: ${hit}`);
const scanFailed = scan.hits.length > 0 || scan.records < MIN_RECORDS;
if (scan.records < MIN_RECORDS) console.log(`  expected at least ${MIN_RECORDS} recorded errors: is recording broken?`);
const passed = results.numPassedTests + (scanFailed ? 0 : 1);
const failed = results.numFailedTests + (scanFailed ? 1 : 0);
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
