// public-domains.js: the public-webmail list on its own, handed to the background through the
// global it reads (lazy-parts.split.ts), loaded when a tab first asks about a domain.
import { PUBLIC_WEBMAIL_DOMAINS } from '../../core/address/public-domains';

(globalThis as unknown as { congvuPublicDomains?: ReadonlySet<string> }).congvuPublicDomains = PUBLIC_WEBMAIL_DOMAINS;
