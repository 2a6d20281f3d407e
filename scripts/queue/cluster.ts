import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { n8nEnv } from '../start/demo';
import { waitForHttpOk } from '../start/n8n-rest';
import { installPackage } from '../start/package-install';
import { type Log, freePort, spawnGuarded, stopGuarded } from '../start/proc';
import type { N8nRuntime } from '../runtime/n8n';

export type Role = 'main' | 'worker' | 'webhook';

export interface QueueSettings {
  postgresPort: number;
  redisPort: number;
  encryptionKey: string;
  /** Seconds a stopping worker gives its running executions (n8n drains for 80% of it); 30 for the others. */
  workerShutdownSeconds: number;
}

export interface N8nProcess {
  name: string;
  role: Role;
  userFolder: string;
  /** The HTTP port: the editor/API (main), webhooks (webhook), the health server (worker). */
  port: number;
  logFile: string;
  child: ChildProcess;
  stop(): Promise<void>;
  log(): string;
}

/**
 * One n8n process of the queue-mode cluster: its own user folder with the packed package in it,
 * its own HTTP port and task-runner broker port, the shared Postgres, Redis and encryption key.
 */
export async function startN8nProcess(runtime: N8nRuntime, name: string, role: Role, root: string, settings: QueueSettings, log: Log): Promise<N8nProcess> {
  const userFolder = join(root, name);
  await installPackage(userFolder, runtime);
  const port = await freePort();
  const brokerPort = await freePort();
  const env = runtime.env({
    ...n8nEnv(userFolder, port, brokerPort),
    DB_TYPE: 'postgresdb',
    DB_POSTGRESDB_HOST: '127.0.0.1',
    DB_POSTGRESDB_PORT: String(settings.postgresPort),
    DB_POSTGRESDB_DATABASE: 'postgres',
    DB_POSTGRESDB_USER: 'postgres',
    DB_POSTGRESDB_PASSWORD: '',
    EXECUTIONS_MODE: 'queue',
    QUEUE_BULL_REDIS_HOST: '127.0.0.1',
    QUEUE_BULL_REDIS_PORT: String(settings.redisPort),
    N8N_ENCRYPTION_KEY: settings.encryptionKey,
    OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
    QUEUE_HEALTH_CHECK_ACTIVE: 'true',
    QUEUE_HEALTH_CHECK_PORT: String(port),
    N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
    N8N_RUNNERS_ENABLED: 'true',
    EXECUTIONS_DATA_PRUNE: 'false',
  });
  const shutdownSeconds = role === 'worker' ? settings.workerShutdownSeconds : 30;
  env.N8N_GRACEFUL_SHUTDOWN_TIMEOUT = String(shutdownSeconds);
  // The guard kills what has not exited after this; n8n must get its whole shutdown window first.
  env.GUARD_KILL_AFTER_MS = String((shutdownSeconds + 15) * 1000);
  const logFile = join(root, `${name}.log`);
  const args = role === 'main' ? ['start'] : role === 'worker' ? ['worker', '--concurrency=10'] : ['webhook'];
  const child = spawnGuarded(runtime.node, [runtime.bin, ...args], { env, logFile });
  log(`  ${name}: n8n ${args[0]} (pid ${child.pid}), port ${port}, broker ${brokerPort}, user folder ${userFolder}`);
  return {
    name,
    role,
    userFolder,
    port,
    logFile,
    child,
    stop: () => stopGuarded(child, (shutdownSeconds + 25) * 1000),
    log: () => {
      try {
        return readFileSync(logFile, 'utf8');
      } catch {
        return '';
      }
    },
  };
}

/** Waits until the process answers its readiness URL (main and webhook: /healthz/readiness; worker: /healthz). */
export async function waitReady(proc: N8nProcess, timeoutMs = 240_000): Promise<void> {
  const path = proc.role === 'worker' ? '/healthz' : '/healthz/readiness';
  const running = () => proc.child.exitCode === null && proc.child.signalCode === null;
  try {
    await waitForHttpOk(`http://127.0.0.1:${proc.port}${path}`, { timeoutMs, stillRunning: running });
    if (proc.role === 'main') await waitForHttpOk(`http://127.0.0.1:${proc.port}/rest/settings`, { timeoutMs, stillRunning: running });
  } catch (error) {
    throw new Error(`${proc.name}: ${(error as Error).message}\n--- last lines of ${proc.logFile} ---\n${proc.log().split('\n').slice(-30).join('\n')}`);
  }
}
