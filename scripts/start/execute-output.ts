/** What `n8n execute --rawOutput` prints: the run, as n8n stores it. */
export interface RunData {
  finished?: boolean;
  status?: string;
  data: {
    resultData: {
      error?: { message?: string; description?: string; node?: { name?: string } };
      runData: Record<string, Array<{ data?: { main?: Array<Array<{ json: Record<string, unknown> }> | null> }; error?: { message?: string } }>>;
      lastNodeExecuted?: string;
    };
  };
}

/**
 * The run JSON in `n8n execute --rawOutput`'s output. n8n logs lines before it and, now and then, after
 * it (seen once in four runs), so the object is cut at its own closing brace.
 */
export function parseExecuteOutput(stdout: string): RunData | undefined {
  const start = stdout.search(/^\{/m);
  if (start < 0) return undefined;
  const end = closingBrace(stdout, start);
  if (end < 0) return undefined;
  try {
    return JSON.parse(stdout.slice(start, end + 1)) as RunData;
  } catch {
    return undefined;
  }
}

/** The index of the brace that closes the object opened at `start`, skipping strings; -1 if cut off. */
function closingBrace(text: string, start: number): number {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}
