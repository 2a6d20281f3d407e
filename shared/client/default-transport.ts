import { UndiciTransport } from '../http/undici-transport';

let shared: UndiciTransport | undefined;

/** One keep-alive pool for every standalone client in the process. */
export function defaultTransport(): UndiciTransport {
  shared ??= new UndiciTransport();
  return shared;
}

export async function closeDefaultTransport(): Promise<void> {
  const transport = shared;
  shared = undefined;
  await transport?.close();
}
