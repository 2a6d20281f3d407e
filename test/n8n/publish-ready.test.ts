import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// What n8n's verification and npm's provenance check look at, on the package as it would be published.
const ROOT = join(__dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

describe('publish-ready for n8n verification', () => {
  test('npm publish --dry-run ships exactly dist/, package.json, README.md and LICENSE', () => {
    const out = execFileSync('npm', ['publish', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    const files: string[] = JSON.parse(out)[pkg.name].files.map((f: { path: string }) => f.path);
    const topLevel = [...new Set(files.map((f) => (f.startsWith('dist/') ? 'dist/' : f)))].sort();
    expect(topLevel).toEqual(['LICENSE', 'README.md', 'dist/', 'package.json']);
  });

  test('package.json names the GitHub repository (provenance), without a monorepo directory', () => {
    expect(pkg.repository).toEqual({ type: 'git', url: expect.stringMatching(/^git\+https:\/\/github\.com\/[\w.-]+\/[\w.-]+\.git$/) });
    const repo = pkg.repository.url.replace(/^git\+/, '').replace(/\.git$/, '');
    expect(pkg.bugs).toEqual({ url: `${repo}/issues` });
    expect(pkg.homepage).toBe(`${repo}#readme`);
    expect(readFileSync(join(ROOT, 'LICENSE'), 'utf8')).toMatch(/^MIT License/);
    expect(pkg.license).toBe('MIT');
  });

  test('the publish workflow publishes on a version tag, with provenance, on Node 22 or newer', () => {
    const workflow = readFileSync(join(ROOT, '.github', 'workflows', 'publish.yml'), 'utf8');
    expect(workflow).toMatch(/tags:\s*\n\s*- 'v\*'/);
    expect(workflow).toMatch(/id-token: write/);
    expect(workflow).toMatch(/node-version: (2[2-9]|[3-9]\d)/);
    expect(workflow).toContain('npm publish --provenance --access public');
    expect(workflow).toContain('npm run -s scan:n8n');
  });

  // n8n's scanner, on the checkout and on the packed tarball (scripts/n8n-scan): it needs Node 24
  // and its own install, both cached per machine (about 20 s the first time, 4 s after).
  test('n8n verification scan: 0 errors on the source leg and on the tarball leg', () => {
    const result = spawnSync('npx', ['tsx', join(ROOT, 'scripts', 'n8n-scan', 'scan.ts')], { cwd: ROOT, encoding: 'utf8' });
    const report = `${result.stdout}\n${result.stderr}`;
    expect(report).toContain('source leg (package.json, {nodes,credentials}/**/*.{js,ts,json}): passed');
    expect(report).toContain('tarball leg (**/*.js, package.json): passed');
    expect(result.status).toBe(0);
  }, 300_000);
});
