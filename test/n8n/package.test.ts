import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join } from 'node:path';
import type { INodeProperties, INodeType } from 'n8n-workflow';
import { ALL_OPERATIONS } from '../../shared/catalog';
import { nectifiUpserts } from '../../shared/nectifi/operations';
import { testSecrets } from '../support/test-secrets';
import { loadPackageCredentials, loadPackageNodes } from './support/node-types';

const ROOT = join(__dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const nodes = loadPackageNodes();
const credentials = loadPackageCredentials();
const VENDOR_OF: Record<string, string> = { nectifi: 'nectifi', splashAir: 'splash', smartWifi: 'smartwifi', anykrowd: 'anykrowd' };

describe('the n8n community package', () => {
  test('package.json: n8n attribute, keyword, peer n8n-workflow only, no runtime dependencies', () => {
    expect(pkg.n8n).toMatchObject({ n8nNodesApiVersion: 1, strict: true });
    expect(pkg.keywords).toContain('n8n-community-node-package');
    expect(pkg.peerDependencies).toEqual({ 'n8n-workflow': '*' });
    expect(pkg.dependencies ?? {}).toEqual({});
    expect(pkg.n8n.nodes).toHaveLength(9);
    expect(pkg.n8n.credentials).toHaveLength(4);
  });

  test('npm pack ships dist/ only, with every file the n8n attribute names', () => {
    const [packed] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8' }));
    const files: string[] = packed.files.map((f: { path: string }) => f.path);
    expect(files.filter((f) => !f.startsWith('dist/') && !/^(package\.json|README\.md|LICENSE(\.md)?)$/.test(f))).toEqual([]);
    for (const path of [...pkg.n8n.nodes, ...pkg.n8n.credentials]) expect(files).toContain(path);
    expect(files.filter((f) => f.endsWith('.node.json'))).toHaveLength(9);
    expect(files.filter((f) => f.startsWith('dist/icons/') && f.endsWith('.svg'))).toHaveLength(8);
  });

  test('the built files require nothing but n8n-workflow, Node built-ins and each other', () => {
    const allowed = new Set(['n8n-workflow', ...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
    const files = [...pkg.n8n.nodes, ...pkg.n8n.credentials, 'dist/nodes/common/index.js'];
    for (const file of files) {
      const source = readFileSync(join(ROOT, file), 'utf8');
      const required = [...source.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]).filter((m) => !m.startsWith('.'));
      expect([file, required.filter((m) => !allowed.has(m))]).toEqual([file, []]);
      for (const secret of testSecrets()) expect(source).not.toContain(secret);
    }
  });

  test('nodes: action nodes usable as tools, triggers without inputs, light and dark icons, codex files', () => {
    const paths: string[] = pkg.n8n.nodes;
    for (const path of paths) {
      const name = path.split('/').pop()!.replace('.node.js', '');
      const node = Object.values(nodes).find((n) => n.constructor.name === name) as INodeType;
      const { description } = node;
      const isTrigger = description.group.includes('trigger');
      if (isTrigger) {
        expect([description.name, description.inputs]).toEqual([expect.stringMatching(/Trigger$/), []]);
        expect(description.usableAsTool).toBeUndefined();
      } else {
        expect([description.name, description.usableAsTool]).toEqual([description.name, true]);
      }
      const icon = description.icon as { light: string; dark: string };
      for (const file of [icon.light, icon.dark]) expect(existsSync(join(ROOT, dirname(path), file.replace('file:', '')))).toBe(true);
      expect(icon.light).not.toBe(icon.dark);
      const codex = JSON.parse(readFileSync(join(ROOT, path.replace('.js', '.json')), 'utf8'));
      expect(codex.node).toBe(`${pkg.name}.${description.name}`);
    }
    for (const credential of Object.values(credentials)) {
      const icon = credential.icon as { light: string; dark: string };
      expect(existsSync(join(ROOT, 'dist', 'credentials', icon.light.replace('file:', '')))).toBe(true);
      expect(credential.authenticate).toMatchObject({ type: 'generic' });
      expect(credential.test?.request).toBeDefined();
      expect(credential.properties.find((p) => p.name === 'allowHttp' || p.name === 'environment')).toBeDefined();
    }
  });

  test('the four action nodes expose all declared operations and the Create or Update composites', () => {
    const exposed: string[] = [];
    for (const node of Object.values(nodes)) {
      const vendor = VENDOR_OF[node.description.name];
      if (!vendor) continue;
      for (const selector of node.description.properties.filter((p: INodeProperties) => p.name === 'operation')) {
        for (const option of selector.options ?? []) exposed.push(`${vendor}.${(option as { value: string }).value}`);
      }
    }
    // An operation added in a later node version splits its resource's Operation list per version: count each once.
    const upserts = Object.values(nectifiUpserts).map((op) => op.id);
    expect([...new Set(exposed)].sort()).toEqual([...ALL_OPERATIONS.map((op) => op.id), ...upserts].sort());
    expect(new Set(exposed).size).toBe(55);
  });
});
