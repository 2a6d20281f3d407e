import type { OperationDeclaration } from '../shared/core/operation';

export interface Coverage {
  /** `<node name>/<operation>` in the n8n package, once it exposes the operation. */
  n8n: string | null;
  /** `<app>/<trigger|create|search key>` in the Zapier apps, once they expose it. */
  zapier: string | null;
}

/** The n8n nodes and Zapier apps register here as they are built (see issues 3 and 4). */
export function platformCoverage(_op: OperationDeclaration): Coverage {
  return { n8n: null, zapier: null };
}
