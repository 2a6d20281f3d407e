/**
 * Which n8n node and operation expose each declared operation, keyed by operation id
 * (`vendor.key`), valued `<node name>/<resource>:<operation>`. Filled by the n8n package.
 */
export const n8nCoverage: Record<string, string> = {};
