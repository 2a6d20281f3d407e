import { rmSync } from 'node:fs';
import { ERROR_LOG_DIR } from './errors';

/** Each run starts with an empty record, so the secret scan reads this run only. */
export default function globalSetup(): void {
  rmSync(ERROR_LOG_DIR, { recursive: true, force: true });
}
