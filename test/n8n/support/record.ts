import { recordError } from '../../support/errors';

/**
 * Records an n8n error the way n8n keeps it in an execution (message, description, context,
 * error response, cause chain), so the suite's secret scan reads all of it.
 */
export function recordNodeError(error: unknown): void {
  if (!(error instanceof Error)) return recordError(error);
  const e = error as Error & { description?: unknown; context?: unknown; errorResponse?: unknown; httpCode?: unknown; messages?: unknown };
  const causes: string[] = [];
  for (let cause = e.cause as { message?: string; stack?: string } | undefined, depth = 0; cause && depth < 4; depth++) {
    causes.push(`${cause.message ?? ''}\n${cause.stack ?? ''}`);
    cause = (cause as { cause?: typeof cause }).cause;
  }
  recordError({
    name: e.name,
    message: e.message,
    stack: e.stack,
    description: e.description,
    context: e.context,
    errorResponse: e.errorResponse,
    httpCode: e.httpCode,
    messages: e.messages,
    causes,
  });
}

export function recordOutput(value: unknown): void {
  recordError({ output: value });
}
