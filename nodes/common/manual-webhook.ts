import type { IHookFunctions } from 'n8n-workflow';

/**
 * The webhook lifecycle of a vendor without a subscription API (Nectifi): the user registers the
 * URL in the vendor's workspace by hand, so no method here calls the vendor or claims to register
 * anything there. What the node knows truthfully is which of its URLs it has handed out:
 * - checkExists: whether this URL was handed out before (the vendor is not asked);
 * - create: records the URL and logs it with the instruction to register it in the workspace;
 * - delete: forgets it and logs that a registration in the workspace is the user's to remove.
 */
interface ManualWebhookState {
  /** URL → when it was handed out (ISO). At most the test URL and the production URL. */
  manualWebhookUrls?: Record<string, string>;
}

function stateOf(ctx: IHookFunctions): ManualWebhookState {
  return ctx.getWorkflowStaticData('node') as ManualWebhookState;
}

function currentUrl(ctx: IHookFunctions): string {
  return ctx.getNodeWebhookUrl('default') ?? '';
}

export function isManualWebhookHandedOut(ctx: IHookFunctions): boolean {
  return stateOf(ctx).manualWebhookUrls?.[currentUrl(ctx)] !== undefined;
}

export function handOutManualWebhook(ctx: IHookFunctions, vendorName: string): boolean {
  const state = stateOf(ctx);
  const url = currentUrl(ctx);
  state.manualWebhookUrls = { ...state.manualWebhookUrls, [url]: new Date().toISOString() };
  ctx.logger.info(
    `${vendorName} has no API to subscribe to webhooks: nothing was registered with ${vendorName}. Register ${url} as a webhook in your ${vendorName} workspace for this trigger to receive events.`,
    { workflowId: ctx.getWorkflow().id, node: ctx.getNode().name },
  );
  return true;
}

export function forgetManualWebhook(ctx: IHookFunctions, vendorName: string): boolean {
  const state = stateOf(ctx);
  const url = currentUrl(ctx);
  state.manualWebhookUrls = Object.fromEntries(Object.entries(state.manualWebhookUrls ?? {}).filter(([known]) => known !== url));
  ctx.logger.info(
    `${vendorName} has no API to remove a webhook: if ${url} is registered in your ${vendorName} workspace, remove it there, or ${vendorName} keeps sending to it.`,
    { workflowId: ctx.getWorkflow().id, node: ctx.getNode().name },
  );
  return true;
}
