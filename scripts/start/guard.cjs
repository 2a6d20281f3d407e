'use strict';
/*
 * Runs one command and makes sure it never outlives the process that started it.
 * Usage: node guard.cjs <logFile|-> <command> [args...]
 * - SIGTERM/SIGINT/SIGHUP to the guard are passed on to the command (n8n then shuts down gracefully);
 *   if it has not exited after GUARD_KILL_AFTER_MS (default 25 s) it is killed.
 * - If the starting process disappears (its parent pid changes: it crashed or was killed with
 *   SIGKILL), the command is stopped the same way.
 * - logFile '-' passes the command's output through; otherwise it is appended to that file.
 * The guard exits with the command's exit code.
 */
const { spawn } = require('node:child_process');
const { openSync } = require('node:fs');
const { constants } = require('node:os');

const [logFile, command, ...args] = process.argv.slice(2);
const killAfterMs = Number(process.env.GUARD_KILL_AFTER_MS || 25000);
const owner = process.ppid;
const out = logFile === '-' ? 'inherit' : openSync(logFile, 'a');
const child = spawn(command, args, { stdio: ['ignore', out, out], env: process.env });

let stopping = false;
function stop(signal) {
  if (stopping) return;
  stopping = true;
  child.kill(signal);
  setTimeout(() => child.kill('SIGKILL'), killAfterMs);
}
for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP']) process.on(signal, () => stop(signal === 'SIGHUP' ? 'SIGTERM' : signal));

function ownerAlive() {
  if (process.ppid !== owner) return false;
  try {
    process.kill(owner, 0);
    return true;
  } catch {
    return false;
  }
}
const watch = setInterval(() => {
  if (!ownerAlive()) stop('SIGTERM');
}, 1000);

child.on('error', (error) => {
  process.stderr.write(`guard: cannot start ${command}: ${error.message}\n`);
  process.exit(127);
});
child.on('exit', (code, signal) => {
  clearInterval(watch);
  process.exit(code ?? 128 + (constants.signals[signal] || 0));
});
