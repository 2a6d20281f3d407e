/**
 * Scans files (the suite's stdout/stderr, tee'd by CI) for every test secret in its raw, URL-encoded
 * and base64 forms. Exits non-zero on any hit, or when a file is missing or empty (a scan of nothing
 * proves nothing).
 *   npx tsx scripts/scan-secrets.ts .ci-logs/npm-test.log [more files...]
 */
import { readFileSync, statSync } from 'node:fs';
import { leakedSecrets } from '../test/support/secret-scan';
import { testSecrets } from '../test/support/test-secrets';

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: tsx scripts/scan-secrets.ts <file> [file...]');
  process.exit(2);
}
let problems = 0;
let bytes = 0;
for (const file of files) {
  let text: string;
  try {
    if (statSync(file).size === 0) throw new Error('empty');
    text = readFileSync(file, 'utf8');
  } catch (error) {
    console.log(`  ${file}: cannot be scanned (${(error as Error).message})`);
    problems += 1;
    continue;
  }
  bytes += Buffer.byteLength(text);
  for (const index of leakedSecrets(text)) {
    const line = text.split('\n').findIndex((l) => leakedSecrets(l, [testSecrets()[index]]).length > 0) + 1;
    console.log(`  leaked: test secret #${index} in ${file}${line > 0 ? `, line ${line}` : ''}`);
    problems += 1;
  }
}
console.log(`secret scan of the suite's output: ${files.length} files, ${(bytes / 1024).toFixed(0)} KiB, ${testSecrets().length} secrets, ${problems} problems`);
process.exit(problems > 0 ? 1 : 0);
