/** A whole-number input of a lifecycle event (n8n parameter, Zapier input field). */
export interface NumberInput {
  label: string;
  help: string;
  min: number;
  max: number;
  default: number;
}

/** The user's value (a number or its text); missing means the default, anything else out of range fails naming the field. */
export function wholeNumber(name: string, input: NumberInput, value: unknown): number {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (number === undefined || number === null || number === '') return input.default;
  if (typeof number !== 'number' || !Number.isInteger(number) || number < input.min || number > input.max) {
    throw new Error(`'${name}' (${input.label}): expected a whole number from ${input.min} to ${input.max}, got ${JSON.stringify(value)}. ${input.help}`);
  }
  return number;
}
