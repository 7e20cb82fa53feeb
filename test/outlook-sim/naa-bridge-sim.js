/* global window */
/*
 * A simulated nested app authentication (NAA) bridge: what an Outlook host that supports the
 * NestedAppAuth requirement set puts on window.nestedAppAuthBridge for MSAL.js. Plain script:
 * office-sim.js uses it in the browser, the unit tests import it.
 *
 * The contract, as MSAL.js reads it (@azure/msal-browser src/naa/BridgeProxy.ts and the
 * envelope types beside it):
 * - bridge.addEventListener('message', listener); bridge.postMessage(string): the string is a
 *   JSON request envelope { messageType: 'NestedAppAuthRequest', method, requestId,
 *   tokenParams? } with method GetInitContext, GetToken (silent) or GetTokenPopup.
 * - The host answers later, never synchronously, by calling the listener with a JSON response
 *   envelope { messageType: 'NestedAppAuthResponse', requestId, success, initContext? |
 *   token? & account? | error? }.
 * - token: { access_token, expires_in, id_token (a JWT whose claims MSAL reads), scope };
 *   account: { homeAccountId, environment, tenantId, username, localAccountId, name }.
 * - error: { status: USER_INTERACTION_REQUIRED | USER_CANCEL | PERSISTENT_ERROR | …, code,
 *   subError, description }.
 * - tokenParams carry clientId and a space-separated scope; the identity platform refuses a
 *   client ID it has no registration for (AADSTS700016, a persistent error here).
 *
 * config: { clientId, token, silent: 'ok' | 'interaction_required' | 'hang',
 *           popup: 'ok' | 'cancel', username }
 * requests: an array each request is recorded into as { method, clientId, scope }.
 */
(function (g) {
  function b64url(text) {
    var bytes = new TextEncoder().encode(text);
    var bin = '';
    for (var i = 0; i < bytes.length; i++) bin += String.fromCharCode(bytes[i]);
    return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }

  g.__createNaaBridgeSim = function (config, requests) {
    var listeners = [];
    var tenantId = '72f988bf-0000-4000-8000-00000000da0a';
    var oid = '0b5c2a9e-0000-4000-8000-0000000000c1';
    var username = config.username || 'canbo@danang.gov.vn';

    function idToken() {
      var now = Math.floor(Date.now() / 1000);
      var claims = { aud: config.clientId, iss: 'https://login.microsoftonline.com/' + tenantId + '/v2.0', iat: now, nbf: now, exp: now + 3600, oid: oid, sub: oid, tid: tenantId, preferred_username: username, name: username, ver: '2.0' };
      return b64url(JSON.stringify({ typ: 'JWT', alg: 'RS256', kid: 'sim' })) + '.' + b64url(JSON.stringify(claims)) + '.c2lt';
    }

    function answer(envelope) {
      var text = JSON.stringify(Object.assign({ messageType: 'NestedAppAuthResponse' }, envelope));
      setTimeout(function () {
        listeners.slice().forEach(function (l) {
          l(text);
        });
      }, 5);
    }

    function tokenAnswer(req) {
      var p = req.tokenParams || {};
      return {
        requestId: req.requestId,
        success: true,
        token: { access_token: config.token, expires_in: 3599, id_token: idToken(), scope: p.scope },
        account: { homeAccountId: oid + '.' + tenantId, environment: 'login.microsoftonline.com', tenantId: tenantId, username: username, localAccountId: oid, name: username },
      };
    }

    function failure(req, status, code, subError, description) {
      return { requestId: req.requestId, success: false, error: { status: status, code: code, subError: subError, description: description } };
    }

    return {
      addEventListener: function (name, listener) {
        if (name === 'message') listeners.push(listener);
      },
      removeEventListener: function (name, listener) {
        listeners = listeners.filter(function (l) {
          return l !== listener;
        });
      },
      postMessage: function (message) {
        var req = JSON.parse(message);
        if (req.messageType !== 'NestedAppAuthRequest') return;
        var p = req.tokenParams || {};
        requests.push({ method: req.method, clientId: p.clientId, scope: p.scope });
        if (req.method === 'GetInitContext') {
          answer({ requestId: req.requestId, success: true, initContext: { sdkName: 'Outlook (simulated)', sdkVersion: '1.0.0', capabilities: { queryAccount: false } } });
          return;
        }
        if (p.clientId !== config.clientId) {
          answer(failure(req, 'PERSISTENT_ERROR', 'unauthorized_client', '', 'AADSTS700016: Application with identifier ' + p.clientId + ' was not found in the directory.'));
          return;
        }
        if (req.method === 'GetToken') {
          if (config.silent === 'hang') return;
          if (config.silent === 'interaction_required') answer(failure(req, 'USER_INTERACTION_REQUIRED', 'interaction_required', 'consent_required', 'AADSTS65001: The user or administrator has not consented to use the application.'));
          else answer(tokenAnswer(req));
          return;
        }
        if (req.method === 'GetTokenPopup') {
          if (config.popup === 'cancel') answer(failure(req, 'USER_CANCEL', 'user_cancelled', '', 'The user closed the window.'));
          else answer(tokenAnswer(req));
        }
      },
    };
  };
})(typeof window !== 'undefined' ? window : globalThis);
