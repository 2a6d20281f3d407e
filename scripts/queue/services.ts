import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, openSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { type Log, exited, run, sleep } from '../start/proc';

const PG_ROOT = '/usr/lib/postgresql';

/** Postgres's server binaries: the newest major Debian installed under /usr/lib/postgresql. */
function postgresBin(): string | undefined {
  if (!existsSync(PG_ROOT)) return undefined;
  const major = readdirSync(PG_ROOT).filter((d) => existsSync(join(PG_ROOT, d, 'bin', 'postgres'))).sort((a, b) => Number(b) - Number(a))[0];
  return major ? join(PG_ROOT, major, 'bin') : undefined;
}

function have(command: string): boolean {
  return ['/usr/bin', '/usr/local/bin', '/usr/sbin'].some((dir) => existsSync(join(dir, command)));
}

/** Installs Debian's postgresql and redis-server when missing (apt-get update once first). Returns the time it took. */
export async function ensureSystemPackages(log: Log): Promise<number> {
  const missing = [...(postgresBin() ? [] : ['postgresql']), ...(have('redis-server') ? [] : ['redis-server'])];
  if (missing.length === 0) return 0;
  const started = Date.now();
  log(`Installing ${missing.join(' and ')} with apt-get (missing on this machine).`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update', '-qq'], ['install', '-y', '-qq', '--no-install-recommends', ...missing]]) {
    const result = await run('apt-get', args, { env });
    if (result.code !== 0) throw new Error(`apt-get ${args.join(' ')} failed (exit ${result.code}): ${result.stderr.slice(-800)}`);
  }
  if (!postgresBin() || !have('redis-server')) throw new Error(`apt-get installed ${missing.join(', ')} but postgres or redis-server is still missing`);
  return Date.now() - started;
}

export interface Service {
  name: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** SIGTERM to the PID, SIGKILL if it has not exited after `graceMs`. */
export async function stopPid(child: ChildProcess, graceMs = 15_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const done = exited(child);
  child.kill('SIGTERM');
  const late = await Promise.race([done.then(() => false), sleep(graceMs).then(() => true)]);
  if (late) {
    child.kill('SIGKILL');
    await done;
  }
}

/** The uid and gid of a system user (Postgres refuses to run as root). */
function userIds(name: string): { uid: number; gid: number } | undefined {
  try {
    const id = (flag: string) => Number(execFileSync('id', [flag, name], { encoding: 'utf8' }).trim());
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    return undefined;
  }
}

/**
 * A Postgres cluster of its own in `dir` (initdb, trust auth on loopback), on `port` of 127.0.0.1,
 * run directly (not through pg_ctl) so its PID is the one stopped. As root it runs as `postgres`.
 */
export async function startPostgres(dir: string, port: number, log: Log): Promise<Service> {
  const bin = postgresBin();
  if (!bin) throw new Error('postgres is not installed');
  const asUser = process.getuid?.() === 0 ? userIds('postgres') : undefined;
  mkdirSync(dir, { recursive: true });
  if (asUser) {
    chownSync(dir, asUser.uid, asUser.gid);
    // The postgres user must reach its folder through the (private) temporary folder above it.
    chmodSync(dirname(dir), 0o711);
  }
  const data = join(dir, 'data');
  const init = await new Promise<{ code: number; stderr: string }>((resolve) => {
    let stderr = '';
    const child = spawn(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync'], { ...asUser, cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => resolve({ code: code ?? 1, stderr }));
  });
  if (init.code !== 0) throw new Error(`initdb ${data} failed (exit ${init.code}): ${init.stderr.slice(-500)}`);
  const logFd = openSync(join(dir, 'postgres.log'), 'a');
  if (asUser) chownSync(join(dir, 'postgres.log'), asUser.uid, asUser.gid);
  const child = spawn(join(bin, 'postgres'), ['-D', data, '-p', String(port), '-h', '127.0.0.1', '-k', dir, '-c', 'fsync=off', '-c', 'max_connections=100'], {
    ...asUser,
    stdio: ['ignore', logFd, logFd],
  });
  for (let i = 0; i < 120; i++) {
    const ready = await run(join(bin, 'pg_isready'), ['-h', '127.0.0.1', '-p', String(port)], {});
    if (ready.code === 0) break;
    if (child.exitCode !== null) throw new Error(`postgres exited (${child.exitCode}); see ${join(dir, 'postgres.log')}`);
    await sleep(250);
  }
  log(`Postgres (pid ${child.pid}) on 127.0.0.1:${port}, cluster ${data}`);
  return { name: 'postgres', child, stop: () => stopPid(child) };
}

/** Runs SQL against the cluster (database postgres), tab-separated rows. */
export async function psql(port: number, sql: string): Promise<string[][]> {
  const bin = postgresBin();
  const result = await run(join(bin ?? '', 'psql'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-d', 'postgres', '-AtF', '\t', '-c', sql], {});
  if (result.code !== 0) throw new Error(`psql failed: ${result.stderr}`);
  return result.stdout
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => line.split('\t'));
}

/** Redis on `port` of 127.0.0.1, nothing persisted, stopped by its PID. */
export async function startRedis(dir: string, port: number, log: Log): Promise<Service> {
  mkdirSync(dir, { recursive: true });
  const logFd = openSync(join(dir, 'redis.log'), 'a');
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], { stdio: ['ignore', logFd, logFd] });
  for (let i = 0; i < 80; i++) {
    const ping = await run('redis-cli', ['-p', String(port), 'ping'], {});
    if (ping.stdout.trim() === 'PONG') break;
    if (child.exitCode !== null) throw new Error(`redis-server exited (${child.exitCode}); see ${join(dir, 'redis.log')}`);
    await sleep(250);
  }
  log(`Redis (pid ${child.pid}) on 127.0.0.1:${port}`);
  return { name: 'redis', child, stop: () => stopPid(child) };
}
