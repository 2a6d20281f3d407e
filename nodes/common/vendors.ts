import type { OperationDeclaration, Vendor } from '../../shared/core/operation';
import type { VendorProfile } from '../../shared/client/vendor-profile';
import { anykrowdOperations } from '../../shared/anykrowd/operations';
import { anykrowdProfile } from '../../shared/anykrowd/profile';
import { nectifiOperations, nectifiUpserts } from '../../shared/nectifi/operations';
import type { UpsertDeclaration } from '../../shared/core/upsert';
import { nectifiProfile } from '../../shared/nectifi/profile';
import { smartwifiOperations } from '../../shared/smartwifi/operations';
import { smartwifiProfile } from '../../shared/smartwifi/profile';
import { splashOperations } from '../../shared/splash/operations';
import { splashProfile } from '../../shared/splash/profile';
import { type OperationBinding, bindOperation } from './operation-binding';

/** Everything a node needs to know about one vendor. */
export interface VendorSpec {
  vendor: Vendor;
  displayName: string;
  /** `description.name` of the action node. */
  nodeName: string;
  credentialType: string;
  profile: VendorProfile<unknown>;
  operations: Record<string, OperationDeclaration>;
  /** Create or Update composites (shared/core/upsert.ts), offered next to the operations. */
  upserts?: Record<string, UpsertDeclaration>;
  /** Keyed by operation key, which is also the n8n `operation` value. */
  bindings: Map<string, OperationBinding>;
}

function vendorSpec(spec: Omit<VendorSpec, 'bindings'>): VendorSpec {
  const declared = [...Object.values(spec.operations), ...Object.values(spec.upserts ?? {})];
  const bindings = new Map(declared.map((op) => [op.key, bindOperation(op)]));
  return { ...spec, bindings };
}

export const NECTIFI = vendorSpec({
  vendor: 'nectifi',
  displayName: 'Nectifi',
  nodeName: 'nectifi',
  credentialType: 'nectifiApi',
  profile: nectifiProfile as VendorProfile<unknown>,
  operations: nectifiOperations,
  upserts: nectifiUpserts,
});

export const SPLASH_AIR = vendorSpec({
  vendor: 'splash',
  displayName: 'Splash Air',
  nodeName: 'splashAir',
  credentialType: 'splashAirApi',
  profile: splashProfile as VendorProfile<unknown>,
  operations: splashOperations,
});

export const SMARTWIFI = vendorSpec({
  vendor: 'smartwifi',
  displayName: 'SmartWiFi',
  nodeName: 'smartWifi',
  credentialType: 'smartWifiApi',
  profile: smartwifiProfile as VendorProfile<unknown>,
  operations: smartwifiOperations,
});

export const ANYKROWD = vendorSpec({
  vendor: 'anykrowd',
  displayName: 'anykrowd',
  nodeName: 'anykrowd',
  credentialType: 'anykrowdApi',
  profile: anykrowdProfile as VendorProfile<unknown>,
  operations: anykrowdOperations,
});

export const VENDOR_SPECS = [NECTIFI, SPLASH_AIR, SMARTWIFI, ANYKROWD];
