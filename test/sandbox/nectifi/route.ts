import type { VendorContext } from '../context';
import { jsonReply, type Reply, type SandboxRequest } from '../http';
import type { ApiKeyRecord } from './keys';
import type { NectifiState } from './state';

export interface NectifiEnv {
  st: NectifiState;
  ctx: VendorContext;
  key: ApiKeyRecord;
  now: number;
}

export type NectifiHandler = (req: SandboxRequest, env: NectifiEnv) => Reply;

export interface NectifiRoute {
  method: string;
  /** Relative to /api/v1/external/v1, as in the doc. */
  path: string;
  /** The scope the doc lists for the endpoint. */
  scope: string;
  /** Extra (dotted) scopes that also open the endpoint. */
  alt?: string[];
  handler: NectifiHandler;
}

export const ok = (data: unknown, status = 200): Reply => jsonReply(status, data);
