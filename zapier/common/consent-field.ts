import type { Bundle } from 'zapier-platform-core';
import type { Vendor } from '../../shared/core/operation';
import { CONSENT_FIELDS, CONSENT_LABEL, consentFilter } from '../../shared/lifecycle/consent';
import type { InputField } from './input-fields';
import type { Item } from './operations';
import { flagOf } from './runner';

/** "Only Guests Who Accepted Marketing" on a guest trigger: off unless set, so existing Zaps keep their behaviour. */
export function consentField(vendor: Vendor): InputField {
  const consent = CONSENT_FIELDS[vendor];
  if (!consent) throw new Error(`${vendor} guests do not say whether they accepted marketing`);
  return {
    key: 'onlyAcceptedMarketing',
    label: CONSENT_LABEL,
    helpText: `Yes: only guests who accepted marketing (\`${consent.field}\`) trigger the Zap. Default No: every guest.`,
    type: 'boolean',
    required: false,
    default: 'false',
  };
}

export function keepConsenting(vendor: Vendor, bundle: Bundle, items: Item[]): Item[] {
  return items.filter(consentFilter(vendor, flagOf(bundle.inputData?.onlyAcceptedMarketing)));
}
