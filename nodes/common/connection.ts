import type { ICredentialDataDecryptedObject, IExecuteFunctions, ILoadOptionsFunctions, IPollFunctions } from 'n8n-workflow';
import { OperationRunner } from '../../shared/client/runner';
import { N8nTransport } from '../../shared/http/n8n-transport';
import { n8nClock } from './n8n-clock';
import type { VendorSpec } from './vendors';

export type RunnerContext = IExecuteFunctions | ILoadOptionsFunctions | IPollFunctions;

/**
 * A runner for the node's credential: the shared layer validates the credential (URL, key shape,
 * plain-HTTP opt-in) and n8n adds the key to each request through the credential's `authenticate`.
 */
export async function createRunner(ctx: RunnerContext, vendor: VendorSpec): Promise<OperationRunner> {
  const credentials: ICredentialDataDecryptedObject = await ctx.getCredentials(vendor.credentialType);
  const connection = vendor.profile.connect(credentials);
  const webhookSecret = typeof credentials.webhookSecret === 'string' ? credentials.webhookSecret : undefined;
  return new OperationRunner(vendor.profile, connection, {
    transport: new N8nTransport(ctx, vendor.credentialType),
    transportAppliesAuth: true,
    clock: n8nClock,
    secrets: webhookSecret ? [webhookSecret] : [],
    // Stopping the execution (or a worker shutting down) ends a wait for a rate-limit slot, with the reason.
    signal: 'getExecutionCancelSignal' in ctx ? ctx.getExecutionCancelSignal() : undefined,
    onDrift: (drift) =>
      ctx.logger.warn(`${vendor.displayName} answered in an unexpected shape; the raw value was kept`, {
        operation: drift.operation,
        issues: drift.issues.map((issue) => `${issue.path || '(root)'}: ${issue.message}`).join('; '),
      }),
  });
}
