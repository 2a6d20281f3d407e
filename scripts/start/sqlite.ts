import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { type N8nRuntime, n8nRuntime } from '../runtime/n8n';

/** Runs in the n8n runtime's own Node: its sqlite3 binding is built for that Node (24 for n8n 2.41). */
const QUERY = `
const [modules, file, sql, writable] = process.argv.slice(1);
const sqlite3 = require(require('node:path').join(modules, 'sqlite3'));
const db = new sqlite3.Database(file, writable === '1' ? sqlite3.OPEN_READWRITE : sqlite3.OPEN_READONLY, (err) => {
  if (err) { console.error(err.message); process.exit(1); }
  db.all(sql, (error, rows) => db.close(() => {
    if (error) { console.error(error.message); process.exit(1); }
    process.stdout.write(JSON.stringify(rows));
  }));
});`;

/** Runs one statement on an n8n SQLite database with the n8n runtime's own sqlite3 binding. */
export function sqliteAll<T = Record<string, unknown>>(dbFile: string, sql: string, writable = false, runtime: N8nRuntime = n8nRuntime()): Promise<T[]> {
  return new Promise((resolve, reject) => {
    execFile(runtime.node, ['-e', QUERY, runtime.modules, dbFile, sql, writable ? '1' : '0'], { maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) return reject(new Error(`sqlite ${sql}: ${stderr.trim() || error.message}`));
      resolve(JSON.parse(stdout || '[]') as T[]);
    });
  });
}

/**
 * After n8n has exited: folds SQLite's write-ahead log into database.sqlite, so the folder holds
 * one self-contained database file (n8n 2.x leaves the -wal file behind on shutdown; SQLite would
 * replay it on the next open, so nothing is lost either way).
 */
export async function checkpointDatabase(userFolder: string, runtime: N8nRuntime): Promise<void> {
  const db = join(userFolder, '.n8n', 'database.sqlite');
  if (!existsSync(`${db}-wal`)) return;
  await sqliteAll(db, 'PRAGMA wal_checkpoint(TRUNCATE)', true, runtime);
}
