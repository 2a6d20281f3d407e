import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

export const DEFAULT_REQUESTS_IN_FLIGHT = 32;
/** Nodes saved at version 1 keep running their items one at a time, as they always did. */
export const REQUESTS_IN_FLIGHT_SINCE_VERSION = 1.1;
export const MAX_REQUESTS_IN_FLIGHT = 100;

/** The action nodes' Options collection: how many items may wait on the vendor at once. */
export const requestOptionsProperty: INodeProperties = {
  displayName: 'Options',
  name: 'options',
  type: 'collection',
  placeholder: 'Add option',
  default: {},
  displayOptions: { show: { '@version': [{ _cnd: { gte: REQUESTS_IN_FLIGHT_SINCE_VERSION } }] } },
  options: [
    {
      displayName: 'Requests in Flight',
      name: 'requestsInFlight',
      type: 'number',
      typeOptions: { minValue: 1, maxValue: MAX_REQUESTS_IN_FLIGHT },
      default: DEFAULT_REQUESTS_IN_FLIGHT,
      description:
        "How many items may wait on the vendor at once (output keeps the input order). Reads and writes that are safe to repeat overlap; other writes (top-ups, new guests, emails, vouchers) overlap only with Continue On Fail on, and otherwise run one at a time so a failure stops at that item. The credential's rate limit paces every request either way.",
    },
  ],
};

export function requestsInFlight(ctx: IExecuteFunctions): number {
  if (ctx.getNode().typeVersion < REQUESTS_IN_FLIGHT_SINCE_VERSION) return 1;
  const value = Number(ctx.getNodeParameter('options.requestsInFlight', 0, DEFAULT_REQUESTS_IN_FLIGHT));
  return Number.isInteger(value) && value >= 1 ? Math.min(value, MAX_REQUESTS_IN_FLIGHT) : DEFAULT_REQUESTS_IN_FLIGHT;
}
