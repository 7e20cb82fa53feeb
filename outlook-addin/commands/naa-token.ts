// Microsoft Graph tokens through nested app authentication (NAA): MSAL's nestable public client
// asks the Outlook host, over the bridge the host puts on `window.nestedAppAuthBridge`, for a
// token for the app registration IT created. This module carries MSAL, so it is built into its
// own file (naa.js) and loaded only when a spam report goes through Graph; launchevent.js never
// holds it (it must stay ES2016 and small).
//
// Facts from Microsoft's documentation this file follows ("Enable SSO in an Office Add-in using
// nested app authentication"; the Outlook event SSO sample):
// - createNestablePublicClientApplication returns a client that talks to the host when the host
//   offers NAA; otherwise MSAL hands back a standard browser client, which is never used here
//   (it would open its own sign-in pages instead of the host's account).
// - acquireTokenSilent first; on an InteractionRequiredAuthError, acquireTokenPopup where the
//   surface may show UI. Event code (integrated spam reporting) cannot interact: silent only.
// - Scopes are requested as needed (incremental consent); Mail.Send and Mail.ReadWrite are the
//   delegated permissions IT grants with admin consent.
import { createNestablePublicClientApplication, InteractionRequiredAuthError, type IPublicClientApplication } from '@azure/msal-browser';

export const GRAPH_SCOPES = ['Mail.Send', 'Mail.ReadWrite'];
/** Work or school accounts only: Exchange Online mailboxes of a government tenant. */
export const AUTHORITY = 'https://login.microsoftonline.com/organizations';

export interface NaaTokenRequest {
  clientId: string;
  /** True where the surface may show the host's sign-in or consent window. */
  allowPopup: boolean;
}

/** Why no token came: the host has no NAA, the user must act, the user closed the window, or another error. */
export interface NaaFailure {
  naaFailure: 'unavailable' | 'interaction' | 'cancelled' | 'failed';
  code: string;
}

function failure(naaFailure: NaaFailure['naaFailure'], code: string): NaaFailure {
  return { naaFailure, code };
}

interface BridgeWindow {
  nestedAppAuthBridge?: unknown;
  __initializeNestedAppAuth?: unknown;
}

function bridgeWindow(): BridgeWindow | undefined {
  return (globalThis as { window?: BridgeWindow }).window;
}

const clients = new Map<string, Promise<IPublicClientApplication>>();

async function nestedClient(clientId: string): Promise<IPublicClientApplication> {
  const w = bridgeWindow();
  if (!w || (w.nestedAppAuthBridge === undefined && typeof w.__initializeNestedAppAuth !== 'function')) throw failure('unavailable', 'NoBridge');
  let client = clients.get(clientId);
  if (!client) {
    // Tokens stay in memory: nothing about the user's sign-in is written to the add-in's storage.
    client = createNestablePublicClientApplication({ auth: { clientId, authority: AUTHORITY }, cache: { cacheLocation: 'memoryStorage' } });
    clients.set(clientId, client);
    client.catch(() => clients.delete(clientId));
  }
  const pca = await client;
  // MSAL falls back to a standard browser client when the bridge did not answer.
  if (bridgeWindow()?.nestedAppAuthBridge === undefined) {
    clients.delete(clientId);
    throw failure('unavailable', 'NoBridge');
  }
  return pca;
}

function codeOf(e: unknown): string {
  const err = e as { errorCode?: unknown; subError?: unknown; name?: unknown } | undefined;
  const code = typeof err?.errorCode === 'string' && err.errorCode ? err.errorCode : typeof err?.name === 'string' ? err.name : 'Error';
  return typeof err?.subError === 'string' && err.subError ? `${code}/${err.subError}` : code;
}

function isInteraction(e: unknown): boolean {
  return e instanceof InteractionRequiredAuthError || (e as { name?: unknown })?.name === 'InteractionRequiredAuthError';
}

/** A Graph access token for Mail.Send and Mail.ReadWrite, or a rejected NaaFailure. */
export async function acquireGraphToken(request: NaaTokenRequest): Promise<string> {
  let pca: IPublicClientApplication;
  try {
    pca = await nestedClient(request.clientId);
  } catch (e) {
    throw (e as NaaFailure)?.naaFailure ? e : failure('unavailable', codeOf(e));
  }
  const tokenRequest = { scopes: GRAPH_SCOPES };
  try {
    return (await pca.acquireTokenSilent(tokenRequest)).accessToken;
  } catch (e) {
    if (!isInteraction(e)) throw failure('failed', codeOf(e));
    if (!request.allowPopup) throw failure('interaction', codeOf(e));
  }
  try {
    return (await pca.acquireTokenPopup(tokenRequest)).accessToken;
  } catch (e) {
    const code = codeOf(e);
    if (/user_cancel/i.test(code)) throw failure('cancelled', code);
    throw failure(isInteraction(e) ? 'interaction' : 'failed', code);
  }
}
