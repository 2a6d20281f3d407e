/**
 * Runs n8n's verification scanner's own analysis (`analyzePackage` of @n8n/scan-community-package)
 * on the two legs n8n scans: the source checkout with its SOURCE_FILE_PATTERNS, and the unpacked
 * `npm pack` tarball with `**\/*.js` + `package.json`. ESLint runs with `allowInlineConfig: false`,
 * so `eslint-disable` comments do not count. Needs Node 22+ (scan.ts runs it on Node 24).
 *
 * Usage: node analyze.mjs <scanner package dir> <source dir> <unpacked tarball dir>
 * Prints each leg's report and one summary line; exits 1 when a leg has an error.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [scannerDir, sourceDir, packageDir] = process.argv.slice(2);
const { analyzePackage, SOURCE_FILE_PATTERNS } = await import(pathToFileURL(join(scannerDir, 'scanner', 'scanner.mjs')).href);

const legs = [
  { name: 'source', dir: sourceDir, patterns: SOURCE_FILE_PATTERNS },
  { name: 'tarball', dir: packageDir, patterns: ['**/*.js', 'package.json'] },
];
let failed = false;
for (const leg of legs) {
  const result = await analyzePackage(leg.dir, leg.patterns);
  failed ||= !result.passed;
  process.stdout.write(`${leg.name} leg (${leg.patterns.join(', ')}): ${result.passed ? 'passed' : `FAILED: ${result.message}`}\n`);
  if (result.details) process.stdout.write(`${result.details}\n`);
}
process.exitCode = failed ? 1 : 0;
