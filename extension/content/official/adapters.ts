// Official webmail (issue 12): the adapter for each product the detector names.
import type { OfficialProduct } from '../../sites/official-detect';
import type { OfficialAdapter } from '../../sites/official-types';
import { obmAdapter } from '../../sites/obm/adapter';
import { addinActive, owaAdapter } from '../../sites/owa/adapter';
import { roundcubeAdapter } from '../../sites/roundcube/adapter';
import { zimbraClassicAdapter, zimbraModernAdapter } from '../../sites/zimbra/adapter';

const ADAPTERS: Record<OfficialProduct, OfficialAdapter> = {
  roundcube: roundcubeAdapter,
  obm: obmAdapter,
  'zimbra-classic': zimbraClassicAdapter,
  'zimbra-modern': zimbraModernAdapter,
  owa: owaAdapter,
};

export function adapterForProduct(product: OfficialProduct): OfficialAdapter {
  return ADAPTERS[product];
}

/** Whether the Outlook add-in runs in this Outlook on the web page. */
export const addinSurfacePresent = addinActive;
