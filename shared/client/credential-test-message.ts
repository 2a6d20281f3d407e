import { CredentialError, VendorApiError } from '../core/errors';

/**
 * What a credential test tells the user about a refused key: what the vendor said (status, its own
 * words, request id), what that means by the vendor's docs, and the fix. Nectifi documents its
 * refusals case by case; the others get the vendor's words and the fix for the status.
 */
export function credentialTestMessage(error: unknown, vendorName: string): string {
  if (error instanceof CredentialError) return error.message;
  if (!(error instanceof VendorApiError)) return error instanceof Error ? error.message : String(error);
  const said = `${vendorName} answered ${error.status === null ? 'nothing' : `HTTP ${error.status}`}${
    error.vendorMessage ? ` "${error.vendorMessage}"` : ''
  }${error.requestId ? ` (request id ${error.requestId})` : ''}`;
  if (error.status === null) return `${said}: ${error.message}`;
  return `${said}. ${meaning(error)}`;
}

function meaning({ vendor, status, vendorMessage }: VendorApiError): string {
  const words = (vendorMessage ?? '').toLowerCase();
  if (vendor === 'nectifi') {
    if (status === 429 && words.includes('api_monthly_quota_exceeded')) {
      return 'The key itself is fine, but the workspace\'s monthly API quota is used up: every call fails until the quota resets or the plan is raised in Nectifi. The credential needs no change.';
    }
    if (status === 429) return 'The key works, but its rate limit was reached: try again in a minute, and set Requests Per Minute to the key\'s rate so that requests are paced under it.';
    if (status === 401 && words.includes('revoked')) return 'The key has been revoked: create a new key in the Nectifi workspace API settings and paste it into API Key.';
    if (status === 401) return 'The key is missing, mistyped or unknown to Nectifi: paste it whole (it starts with nk_), from this workspace\'s API settings.';
    if (status === 403 && /scope/.test(words)) {
      return 'The key works, but lacks that scope: operations and triggers of that module fail, others work with their own scopes. Add the scope to the key in the Nectifi workspace, or save the credential as it is.';
    }
    if (status === 403 && /\bip\b|allowlist|address/.test(words)) return 'The key\'s IP allowlist does not include this server\'s address: add n8n\'s outgoing IP to the key in the Nectifi workspace.';
    if (status === 403) return 'Nectifi knows the key but refused the request: by its docs, an IP allowlist without this server\'s address or a plan without API entitlement. Check the key\'s allowlist and the plan.';
    if (status === 404) return 'Check the Base URL (the default is https://nectifi.com/api/v1/external/v1).';
  }
  if (vendor === 'smartwifi' && status === 401) return 'The token was refused: check it, and the Environment (US-A or US-B): a token works on its own environment only.';
  if (vendor === 'splash' && status === 404) return 'Splash Air does not know this team: check the Team field (default is the root team) and the Host.';
  if (status === 401 || status === 403) return 'The key was refused: check it in the credential (it may be mistyped, revoked or for another account), or create a new one.';
  if (status === 404) return 'Check the URL in the credential.';
  if (status !== null && status >= 500) return 'The vendor had a server error; the key may be fine. Try the test again in a few minutes.';
  return 'Check the credential\'s fields.';
}
