import type { OperationDeclaration, Vendor } from './core/operation';
import type { VendorProfile } from './client/vendor-profile';
import { anykrowdOperations, anykrowdProfile } from './anykrowd';
import { nectifiOperations, nectifiProfile } from './nectifi';
import { smartwifiOperations, smartwifiProfile } from './smartwifi';
import { splashOperations, splashProfile } from './splash';

export interface VendorEntry {
  vendor: Vendor;
  profile: VendorProfile<never>;
  operations: Record<string, OperationDeclaration>;
}

export const VENDORS: VendorEntry[] = [
  { vendor: 'nectifi', profile: nectifiProfile, operations: nectifiOperations },
  { vendor: 'splash', profile: splashProfile, operations: splashOperations },
  { vendor: 'smartwifi', profile: smartwifiProfile, operations: smartwifiOperations },
  { vendor: 'anykrowd', profile: anykrowdProfile, operations: anykrowdOperations },
];

export const ALL_OPERATIONS: OperationDeclaration[] = VENDORS.flatMap((entry) => Object.values(entry.operations));

export function findOperation(id: string): OperationDeclaration | undefined {
  return ALL_OPERATIONS.find((op) => op.id === id);
}
