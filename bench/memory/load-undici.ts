/** What benchmark 3's raw walk loads (bench/memory/raw-child.ts), without walking: for bench/load-memory.ts. */
import { Agent, request } from 'undici';

export const loaded = [Agent, request];
