/** What benchmark 3's walk loads (bench/memory/ours-child.ts), without walking: for bench/load-memory.ts. */
import { UndiciTransport } from '../../shared/http/undici-transport';
import { createNectifiClient } from '../../shared/nectifi';
import { createSmartWifiClient } from '../../shared/smartwifi';

export const loaded = [UndiciTransport, createNectifiClient, createSmartWifiClient];
