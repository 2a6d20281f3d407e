import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { CredentialError, InputValidationError, VendorApiError } from '../../shared/core/errors';

/**
 * Turns what the shared layer throws into n8n's errors. Everything copied in is already redacted
 * by the shared layer; nothing else (no request options, no headers) goes into the error.
 */
export function toNodeError(node: INode, error: unknown, itemIndex?: number): NodeApiError | NodeOperationError {
  if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
  if (error instanceof VendorApiError) {
    return new NodeApiError(node, vendorDetails(error) as JsonObject, {
      itemIndex,
      message: error.message,
      description: describeVendorError(error),
      httpCode: error.status === null ? undefined : String(error.status),
    });
  }
  if (error instanceof InputValidationError) {
    return new NodeOperationError(node, error.message, {
      itemIndex,
      description: error.problems.map((p) => `${p.label}: ${p.problem}`).join('\n'),
    });
  }
  if (error instanceof CredentialError) {
    return new NodeOperationError(node, `Check the credential: ${error.message}`, { itemIndex });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new NodeOperationError(node, message, { itemIndex });
}

/** What an item carries when the node continues on fail. */
export function errorItemJson(error: unknown, nodeError: Error): JsonObject {
  const json: JsonObject = { error: nodeError.message };
  if (error instanceof VendorApiError) Object.assign(json, vendorDetails(error));
  if (error instanceof InputValidationError) json.field = error.field;
  return json;
}

function vendorDetails(error: VendorApiError): JsonObject {
  return {
    vendor: error.vendor,
    operation: error.operation,
    status: error.status,
    vendorMessage: error.vendorMessage,
    requestId: error.requestId,
    retryable: error.retryable,
    outcome: error.outcome,
    request: error.request,
    attempts: error.attempts,
  };
}

function describeVendorError(error: VendorApiError): string {
  const lines = [`Request: ${error.request}`];
  if (error.vendorMessage) lines.push(`Vendor message: ${error.vendorMessage}`);
  if (error.requestId) lines.push(`Request ID: ${error.requestId}`);
  if (error.outcome === 'unknown') lines.push('Outcome unknown: check in the vendor before running this item again.');
  else if (error.retryable) lines.push('Nothing was applied; it is safe to try again later.');
  return lines.join('\n');
}
