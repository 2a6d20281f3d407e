/** Money is kept as integer cents; amounts arrive as JSON numbers or decimal strings (vendor-decisions.md). */

export type MoneyResult = { ok: true; cents: number } | { ok: false; error: string };

const DECIMAL = /^\d+(\.\d{1,2})?$/;

export function parseMoney(field: string, v: unknown): MoneyResult {
  const label = field.replace(/_/g, ' ');
  if (v === undefined || v === null || v === '') return { ok: false, error: `The ${label} field is required.` };
  if (typeof v !== 'number' && typeof v !== 'string') return { ok: false, error: `The ${label} field must be a number.` };
  const s = typeof v === 'number' ? String(v) : v.trim();
  if (/^-/.test(s) && DECIMAL.test(s.slice(1))) return { ok: false, error: `The ${label} field must be greater than 0.` };
  if (!DECIMAL.test(s)) {
    return /^\d*\.\d{3,}$/.test(s)
      ? { ok: false, error: `The ${label} field must have 0-2 decimal places.` }
      : { ok: false, error: `The ${label} field must be a number.` };
  }
  const [int, frac = ''] = s.split('.');
  const cents = parseInt(int, 10) * 100 + parseInt(frac.padEnd(2, '0'), 10);
  if (cents <= 0) return { ok: false, error: `The ${label} field must be greater than 0.` };
  if (cents > 100_000_000) return { ok: false, error: `The ${label} field must not be greater than 1000000.` };
  return { ok: true, cents };
}

/** `1234` → `"12.34"` */
export function money(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const a = Math.abs(cents);
  return `${sign}${Math.floor(a / 100)}.${String(a % 100).padStart(2, '0')}`;
}

/** `1234` → `12.34` (the number form some responses use). */
export function moneyNumber(cents: number): number {
  return Number(money(cents));
}
