/**
 * Replaces `shared/client/default-transport` in the Zapier bundles (see scripts/zapier-build.ts):
 * every Zapier call goes through `z.request`, so undici is left out of the apps.
 */
export function defaultTransport(): never {
  throw new Error('The Zapier apps send every request with z.request: pass a ZapierTransport to the runner.');
}

export async function closeDefaultTransport(): Promise<void> {}
