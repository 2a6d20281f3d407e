import { n8nCoverage } from '../nodes/catalog-coverage';
import type { OperationDeclaration } from '../shared/core/operation';
import { zapierCoverage } from '../zapier/catalog-coverage';

export interface Coverage {
  n8n: string | null;
  zapier: string | null;
}

export function platformCoverage(op: OperationDeclaration): Coverage {
  return { n8n: n8nCoverage[op.id] ?? null, zapier: zapierCoverage[op.id] ?? null };
}
