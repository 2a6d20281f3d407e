/**
 * Checks (or records) the parameter fingerprint of each version of the generated action nodes
 * (fingerprint.ts), as n8n loads them from dist/. Usage: npm run -s node-versions [-- --record]
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { INodeType, INodeTypeDescription } from 'n8n-workflow';
import { type VersionSnapshot, recordVersions, versioningProblems } from './fingerprint';

export const SNAPSHOT_PATH = join(__dirname, 'node-parameter-versions.json');

const ROOT = join(__dirname, '..', '..');
/** The nodes generated from the operation declarations. */
const ACTION_NODES = ['Nectifi/Nectifi', 'SplashAir/SplashAir', 'SmartWifi/SmartWifi', 'Anykrowd/Anykrowd'];

export function actionNodeDescriptions(): INodeTypeDescription[] {
  return ACTION_NODES.map((path) => {
    const file = join(ROOT, 'dist', 'nodes', `${path}.node.js`);
    if (!existsSync(file)) throw new Error(`${file} is missing: run npm run build first`);
    const className = path.split('/')[1];
    const NodeClass = (require(file) as Record<string, new () => INodeType>)[className];
    return new NodeClass().description;
  });
}

function main(): void {
  const snapshot = JSON.parse(readFileSync(SNAPSHOT_PATH, 'utf8')) as VersionSnapshot;
  const descriptions = actionNodeDescriptions();
  if (process.argv.includes('--record')) {
    const next = recordVersions(descriptions, snapshot);
    writeFileSync(SNAPSHOT_PATH, `${JSON.stringify(next, null, 2)}\n`);
  }
  const problems = versioningProblems(descriptions, JSON.parse(readFileSync(SNAPSHOT_PATH, 'utf8')) as VersionSnapshot);
  for (const problem of problems) process.stdout.write(`${problem}\n`);
  if (problems.length === 0) process.stdout.write('node versions: every version of the action nodes keeps its recorded parameters\n');
  process.exitCode = problems.length === 0 ? 0 : 1;
}

if (require.main === module) main();
