import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { RUNTIME_DIR } from './paths';

interface Sqlite3 {
  Database: new (file: string, mode: number, cb: (err: Error | null) => void) => {
    all<T>(sql: string, cb: (err: Error | null, rows: T[]) => void): void;
    close(cb?: (err: Error | null) => void): void;
  };
  OPEN_READONLY: number;
  OPEN_READWRITE: number;
}

/** Runs one statement on an n8n SQLite database with the n8n runtime's own sqlite3 binding. */
export function sqliteAll<T = Record<string, unknown>>(dbFile: string, sql: string, writable = false): Promise<T[]> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const sqlite3 = require(join(RUNTIME_DIR, 'node_modules', 'sqlite3')) as Sqlite3;
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(dbFile, writable ? sqlite3.OPEN_READWRITE : sqlite3.OPEN_READONLY, (err) => {
      if (err) return reject(err);
      db.all<T>(sql, (error, rows) => db.close(() => (error ? reject(error) : resolve(rows))));
    });
  });
}

/**
 * After n8n has exited: folds SQLite's write-ahead log into database.sqlite, so the folder holds
 * one self-contained database file (n8n 2.8.4 leaves the -wal file behind on shutdown; SQLite would
 * replay it on the next open, so nothing is lost either way).
 */
export async function checkpointDatabase(userFolder: string): Promise<void> {
  const db = join(userFolder, '.n8n', 'database.sqlite');
  if (!existsSync(`${db}-wal`)) return;
  await sqliteAll(db, 'PRAGMA wal_checkpoint(TRUNCATE)', true);
}
