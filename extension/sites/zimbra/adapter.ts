// Zimbra adapters, classic and Modern UI (official webmail, issue 12). Markup is in ./selectors.ts.
import { makeOfficialAdapter, type OfficialHooks } from '../official-adapter.js';
import { ZIMBRA_CLASSIC, ZIMBRA_MODERN } from './selectors.js';

/** Zimbra's content servlet sends a part as a download with disp=a. */
const zimbraDownload: OfficialHooks['downloadUrl'] = (link) => {
  const url = new URL(link.href);
  url.searchParams.set('disp', 'a');
  return url;
};

/** A classic toolbar's Send belongs to the compose view of the same number (zb__COMPOSE-2__SEND ↔ zv__COMPOSE-2). */
const classicSendBelongs: OfficialHooks['sendBelongs'] = (button, root) => button.id === `${root.id.replace(/^zv__/, 'zb__')}__SEND` || !root.id;

export const zimbraClassicAdapter = makeOfficialAdapter('zimbra-classic', ZIMBRA_CLASSIC, { downloadUrl: zimbraDownload, sendBelongs: classicSendBelongs });

/**
 * The Modern UI's message route is /modern/email/<folder>/message/<id> (zm-x-web src/routes); its
 * tiles carry no link, so the message is read whole from Zimbra's REST URL for that id
 * (/service/home/~/?auth=co&id=<id>, the same servlet the tiles' downloads use) and its
 * attachments are taken from it.
 */
const modernRawMessage: OfficialHooks['rawMessageUrl'] = (page) => {
  const id = /\/message\/(\d+)(?:\/|$)/.exec(page.pathname)?.[1];
  return id ? `${page.origin}/service/home/~/?auth=co&id=${id}` : undefined;
};

/** The Modern UI shows one composer at a time; its toolbar's Send is that composer's. */
export const zimbraModernAdapter = makeOfficialAdapter('zimbra-modern', ZIMBRA_MODERN, { downloadUrl: zimbraDownload, sendBelongs: () => true, rawMessageUrl: modernRawMessage });
