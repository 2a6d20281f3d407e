import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

export const ERROR_LOG_DIR = join(__dirname, '..', '..', 'test-output');
const ERROR_LOG = join(ERROR_LOG_DIR, `errors-${process.pid}.jsonl`);

/** Keeps every error the suite provokes, so the secret scan can read them all afterwards. */
export function recordError(error: unknown): void {
  mkdirSync(ERROR_LOG_DIR, { recursive: true });
  const plain = error instanceof Error ? { ...error, name: error.name, message: error.message, stack: error.stack } : { value: String(error) };
  appendFileSync(ERROR_LOG, `${JSON.stringify(plain)}\n`);
}

/** Runs `work`, expects it to fail, records the error and returns it. */
export async function caught<T = Error>(work: Promise<unknown> | (() => unknown)): Promise<T> {
  try {
    await (typeof work === 'function' ? work() : work);
  } catch (error) {
    recordError(error);
    return error as T;
  }
  throw new Error('expected the call to fail, but it succeeded');
}
