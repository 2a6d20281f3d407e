import { errors } from 'zapier-platform-core';
import { VendorApiError } from '../../shared/core/errors';
import { toZapierError } from '../../zapier/common/errors';

const z = { errors } as never;

function forbidden(vendorMessage: string): Error {
  const error = new VendorApiError(`Nectifi Add Points failed: HTTP 403: ${vendorMessage} (request id r-1)`, {
    vendor: 'nectifi',
    operation: 'nectifi.addPoints',
    status: 403,
    vendorMessage,
    requestId: 'r-1',
    retryable: false,
    outcome: 'not-applied',
    request: 'POST https://nectifi.com/api/v1/external/v1/loyalty/guests/42/points',
    attempts: 1,
  });
  return toZapierError(z, error) as Error;
}

// Nectifi docs, "Errors": 403 is "Missing scope, IP blocked, or entitlement required".
describe('a 403 in Zapier gives the advice that fits the vendor\'s reason', () => {
  it('a blocked IP: remove the allowlist, not "add a scope"', () => {
    const message = forbidden('IP blocked').message;
    expect(message).toMatch(/IP blocked \(request id r-1\)\. The key only accepts requests from listed IP addresses, and Zapier does not call from fixed addresses/);
    expect(message).not.toMatch(/scope/);
  });

  it('a missing scope: add the scope', () => {
    expect(forbidden('Missing scope: loyalty:write').message).toMatch(/lacks the scope for this: add it to the key/);
  });

  it('an entitlement: the plan', () => {
    expect(forbidden('Entitlement required').message).toMatch(/Your plan does not include this feature/);
  });

  it('anything else: every possible cause, none claimed', () => {
    expect(forbidden('Forbidden').message).toMatch(/check its scopes, permissions and IP allowlist/);
  });
});
