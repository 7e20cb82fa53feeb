// Official webmail (issue 12): the adapter for each product the detector names.
import type { OfficialProduct } from '../../sites/official-detect';
import type { OfficialAdapter } from '../../sites/official-types';
import { obmAdapter } from '../../sites/obm/adapter';
import { roundcubeAdapter } from '../../sites/roundcube/adapter';

const ADAPTERS: Partial<Record<OfficialProduct, OfficialAdapter>> = {
  roundcube: roundcubeAdapter,
  obm: obmAdapter,
};

export function adapterForProduct(product: OfficialProduct): OfficialAdapter | undefined {
  return ADAPTERS[product];
}

/** Whether the Outlook add-in runs in this Outlook on the web page (decided in sites/owa). */
export function addinSurfacePresent(_doc: Document): boolean {
  return false;
}
