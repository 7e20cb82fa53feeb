/* global window, DOMParser */
/*
 * A simulated Office host for Outlook add-in tests in a real browser (no real Outlook can run
 * here). Load it with a plain <script> before the add-in's own code. It defines window.Office
 * with the documented shape of the Outlook JavaScript API, backed by a small simulated Exchange
 * mailbox, and records what the add-in did in window.__officeSim.state.
 *
 * Configure by setting window.__officeSim = { ... } before this script loads:
 *   supportedSets   { Mailbox: '1.5' }      highest version of each requirement set
 *   mode            'read' | 'compose'
 *   hostName, hostVersion                   mailbox.diagnostics ('OutlookWebApp', '15.2.1544.4')
 *   ewsUrl          mailbox.ewsUrl
 *   ewsCapBytes     makeEwsRequestAsync cap (default 1 MB)
 *   latencyMs       delay before each callback (default 5)
 *   item            { itemId, subject, from, to, cc, bcc, body, mime, attachments: [{ id, name, contentType, content(base64), isInline }] }
 *   sso             Office SSO (add IdentityAPI: '1.3' to supportedSets): { token } resolves,
 *                   { error: { code, name, message } } rejects (13001, 13005, …), 'hang' never
 *                   settles; absent: no Office.auth. Calls are recorded in state.tokenRequests.
 *   runtime         'browser' (default) | 'javascript': classic Outlook's JavaScript-only runtime
 *                   for launch events and integrated spam reporting, where Office.onReady is
 *                   not there (the add-in's script is loaded elsewhere, with no window/location)
 *   javascriptRuntimeUrl  the URL of the manifest's Override type="javascript" file; exposed as
 *                   Office.context.urls.javascriptRuntimeUrl only from Mailbox 1.14
 *   naa             nested app authentication (add NestedAppAuth: '1.1' to supportedSets): the
 *                   host's bridge on window.nestedAppAuthBridge, simulated by naa-bridge-sim.js
 *                   (load it before this file) with this config; requests in state.naaRequests.
 *   faults          { '<method>': 'hang' | 'throw' | { name, message, code } }
 *                   method names: makeEwsRequestAsync, notificationMessages.replaceAsync,
 *                   loadCustomPropertiesAsync, customProperties.saveAsync, displayNewMessageForm,
 *                   body.getAsync, subject.getAsync, to.getAsync, getAttachmentsAsync, getAsFileAsync, ...
 *
 * Facts from Microsoft's documentation that it follows:
 * - Every …Async method calls back later, never synchronously, with an AsyncResult
 *   { status: 'succeeded' | 'failed', value, error: { name, message, code }, asyncContext }.
 *   (Office.AsyncResultStatus.Succeeded is "succeeded".)
 * - context.requirements.isSetSupported(name, minVersion): minVersion defaults to "1.1".
 *   On-premises Exchange 2016/2019/SE supports Mailbox 1.1–1.5 only.
 * - makeEwsRequestAsync (Mailbox 1.1): request and answer are SOAP strings; an answer over the
 *   cap (1 MB in older clients, 5 MB in newer) fails with an error instead of a value.
 *   EWS answers carry ResponseClass/ResponseCode per *ResponseMessage, or a SOAP Fault for a
 *   request that does not validate. Moving an item gives it a new ItemId.
 * - GetItem with IncludeMimeContent returns t:MimeContent (base64 MIME); item:Size in bytes.
 * - CreateItem MessageDisposition SendAndSaveCopy sends and keeps a copy in Sent Items.
 * - notificationMessages: key ≤ 32 characters, message ≤ 150 characters, at most 5 per item;
 *   an InformationalMessage needs icon and persistent; ProgressIndicator/ErrorMessage take
 *   neither.
 * - displayNewMessageForm (Mailbox 1.6) throws on bad parameters: subject ≤ 255 characters,
 *   htmlBody ≤ 32 KB, attachments of type "file" need url, of type "item" need itemId; name required.
 * - getAsFileAsync (Mailbox 1.14) gives the message as base64 EML.
 * - convertToEwsId turns a REST id (base64url) into an EWS id (base64).
 * - Office.actions.associate(name, fn) binds the manifest's FunctionName to a function.
 * - Office.context.urls.javascriptRuntimeUrl (Mailbox 1.14): the URL of the JavaScript file
 *   classic Outlook on Windows runs for event-based activation and integrated spam reporting.
 *   Before 1.14 there is no Office.context.urls.
 * - Office.auth.getAccessToken(options) (IdentityAPI 1.3) returns a Promise of the token, settled
 *   later; a failure rejects with { code: 13xxx, name, message }.
 */
(function () {
  'use strict';
  var config = window.__officeSim || {};
  window.__officeSim = config;
  var state = (config.state = {
    actions: {},
    ewsRequests: [],
    sent: [],
    drafts: [],
    moved: [],
    forms: [],
    notifications: {},
    notificationLog: [],
    customProperties: {},
    completed: [],
    calls: [],
    tokenRequests: [],
    naaRequests: [],
  });
  var latency = typeof config.latencyMs === 'number' ? config.latencyMs : 5;
  var faults = config.faults || {};
  var sets = config.supportedSets || { Mailbox: '1.5' };
  var cap = config.ewsCapBytes || 1024 * 1024;
  var M = 'http://schemas.microsoft.com/exchange/services/2006/messages';
  var T = 'http://schemas.microsoft.com/exchange/services/2006/types';
  var SOAP = 'http://schemas.xmlsoap.org/soap/envelope/';

  function versionAtLeast(have, want) {
    var a = String(have).split('.').map(Number);
    var b = String(want || '1.1').split('.').map(Number);
    for (var i = 0; i < Math.max(a.length, b.length); i++) {
      var x = a[i] || 0;
      var y = b[i] || 0;
      if (x !== y) return x > y;
    }
    return true;
  }
  function supports(name, version) {
    return Object.prototype.hasOwnProperty.call(sets, name) && versionAtLeast(sets[name], version);
  }

  function utf8Base64(text) {
    var bytes = new TextEncoder().encode(text);
    var bin = '';
    for (var i = 0; i < bytes.length; i++) bin += String.fromCharCode(bytes[i]);
    return btoa(bin);
  }
  function byteLength(text) {
    return new TextEncoder().encode(text).length;
  }
  function esc(text) {
    return String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  }

  var succeeded = function (value, ctx) {
    return { status: 'succeeded', value: value, error: null, asyncContext: ctx };
  };
  var failed = function (error, ctx) {
    return { status: 'failed', value: undefined, error: { name: error.name, message: error.message, code: error.code }, asyncContext: ctx };
  };

  /** Runs an async Office method: fault injection, then a later callback with an AsyncResult. */
  function asyncCall(name, args, callback, compute, asyncContext) {
    state.calls.push({ name: name, args: args });
    var fault = faults[name];
    if (fault === 'throw') throw new Error(name + ': simulated exception');
    if (fault === 'hang') return;
    var result;
    if (fault && typeof fault === 'object') result = failed(fault, asyncContext);
    else {
      try {
        result = compute();
      } catch (e) {
        result = failed(e && e.office ? e.office : { name: 'GenericResponseError', message: String(e && e.message), code: 9020 }, asyncContext);
      }
      if (!result || !result.status) result = succeeded(result, asyncContext);
    }
    if (typeof callback === 'function') {
      setTimeout(function () {
        callback(result);
      }, latency);
    }
  }
  /** Office's optional-arguments convention: (…, options?, callback?). */
  function splitArgs(args) {
    var list = Array.prototype.slice.call(args);
    var callback = typeof list[list.length - 1] === 'function' ? list.pop() : undefined;
    var options = list.length && list[list.length - 1] && typeof list[list.length - 1] === 'object' && !Array.isArray(list[list.length - 1]) ? list[list.length - 1] : {};
    return { values: list, callback: callback, options: options };
  }
  function officeError(name, message, code) {
    var e = new Error(message);
    e.office = { name: name, message: message, code: code };
    return e;
  }

  // ---- The simulated Exchange mailbox ---------------------------------------------------------
  var itemConfig = config.item || {};
  var nextId = 1;
  function newId() {
    return 'AAMkSIM' + nextId++ + 'AAA+/=';
  }
  var items = {};
  var openItemId = itemConfig.itemId || newId();
  items[openItemId] = {
    id: openItemId,
    folder: 'inbox',
    subject: itemConfig.subject || '',
    mime: itemConfig.mime || 'Subject: ' + (itemConfig.subject || '') + '\r\n\r\n' + (itemConfig.body || ''),
  };
  state.items = items;
  state.openItemId = openItemId;

  function envelope(body) {
    return (
      '<?xml version="1.0" encoding="utf-8"?><s:Envelope xmlns:s="' + SOAP + '">' +
      '<s:Header><h:ServerVersionInfo MajorVersion="15" MinorVersion="2" MajorBuildNumber="1544" MinorBuildNumber="4" xmlns:h="' + T + '"/></s:Header>' +
      '<s:Body xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema">' + body + '</s:Body></s:Envelope>'
    );
  }
  function fault(code, text) {
    return envelope(
      '<s:Fault><faultcode xmlns:a="' + T + '">a:' + code + '</faultcode><faultstring xml:lang="en-US">' + esc(text) + '</faultstring>' +
        '<detail><e:ResponseCode xmlns:e="http://schemas.microsoft.com/exchange/services/2006/errors">' + code + '</e:ResponseCode></detail></s:Fault>',
    );
  }
  function response(op, messages) {
    return envelope('<m:' + op + 'Response xmlns:m="' + M + '" xmlns:t="' + T + '"><m:ResponseMessages>' + messages.join('') + '</m:ResponseMessages></m:' + op + 'Response>');
  }
  function ok(op, inner) {
    return '<m:' + op + 'ResponseMessage ResponseClass="Success"><m:ResponseCode>NoError</m:ResponseCode>' + (inner || '') + '</m:' + op + 'ResponseMessage>';
  }
  function err(op, code, text) {
    return '<m:' + op + 'ResponseMessage ResponseClass="Error"><m:MessageText>' + esc(text) + '</m:MessageText><m:ResponseCode>' + code + '</m:ResponseCode><m:DescriptiveLinkKey>0</m:DescriptiveLinkKey></m:' + op + 'ResponseMessage>';
  }
  function child(el, ns, name) {
    if (!el) return null;
    for (var n = el.firstElementChild; n; n = n.nextElementSibling) if (n.namespaceURI === ns && n.localName === name) return n;
    return null;
  }
  // A walk rather than getElementsByTagNameNS, which some DOM implementations (happy-dom) get
  // wrong for prefixed names.
  function all(el, ns, name) {
    var out = [];
    (function walk(node) {
      for (var n = node.firstElementChild; n; n = n.nextElementSibling) {
        if (n.namespaceURI === ns && n.localName === name) out.push(n);
        walk(n);
      }
    })(el || { firstElementChild: null });
    return out;
  }
  function text(el) {
    return el ? el.textContent : '';
  }

  function getItem(req) {
    var shape = child(req, M, 'ItemShape');
    var withMime = text(child(shape, T, 'IncludeMimeContent')).trim() === 'true';
    var fields = all(shape, T, 'FieldURI').map(function (f) {
      return f.getAttribute('FieldURI');
    });
    var messages = all(child(req, M, 'ItemIds'), T, 'ItemId').map(function (idEl) {
      var item = items[idEl.getAttribute('Id')];
      if (!item) return err('GetItem', 'ErrorItemNotFound', 'The specified object was not found in the store.');
      var inner = '';
      if (withMime) inner += '<t:MimeContent CharacterSet="UTF-8">' + utf8Base64(item.mime) + '</t:MimeContent>';
      inner += '<t:ItemId Id="' + esc(item.id) + '" ChangeKey="CQAAABYAAAA"/>';
      if (fields.indexOf('item:Subject') >= 0) inner += '<t:Subject>' + esc(item.subject) + '</t:Subject>';
      if (fields.indexOf('item:Size') >= 0) inner += '<t:Size>' + byteLength(item.mime) + '</t:Size>';
      return ok('GetItem', '<m:Items><t:Message>' + inner + '</t:Message></m:Items>');
    });
    return response('GetItem', messages);
  }

  function createItem(req) {
    var disposition = req.getAttribute('MessageDisposition') || 'SaveOnly';
    var messages = all(child(req, M, 'Items'), T, 'Message').map(function (msg) {
      var to = all(child(msg, T, 'ToRecipients'), T, 'EmailAddress').map(text);
      if (disposition !== 'SaveOnly' && to.length === 0) return err('CreateItem', 'ErrorInvalidRecipients', 'At least one recipient is required.');
      var attachments = [];
      var bad = null;
      all(child(msg, T, 'Attachments'), T, 'FileAttachment').forEach(function (a) {
        var content = text(child(a, T, 'Content')).replace(/\s+/g, '');
        try {
          atob(content);
        } catch {
          bad = 'ErrorInvalidAttachmentContent'; // not base64
        }
        attachments.push({ kind: 'file', name: text(child(a, T, 'Name')), contentType: text(child(a, T, 'ContentType')), content: content });
      });
      if (bad) return err('CreateItem', 'ErrorSchemaValidation', 'The attachment content is not valid base64.');
      var bodyEl = child(msg, T, 'Body');
      var record = {
        subject: text(child(msg, T, 'Subject')),
        body: text(bodyEl),
        bodyType: bodyEl ? bodyEl.getAttribute('BodyType') : null,
        to: to,
        cc: all(child(msg, T, 'CcRecipients'), T, 'EmailAddress').map(text),
        attachments: attachments,
        disposition: disposition,
      };
      if (disposition === 'SaveOnly') state.drafts.push(record);
      else state.sent.push(record);
      return ok('CreateItem', '<m:Items/>');
    });
    return response('CreateItem', messages);
  }

  function moveItem(req) {
    var target = child(child(req, M, 'ToFolderId'), T, 'DistinguishedFolderId');
    var folder = target ? target.getAttribute('Id') : '';
    var messages = all(child(req, M, 'ItemIds'), T, 'ItemId').map(function (idEl) {
      var item = items[idEl.getAttribute('Id')];
      if (!item) return err('MoveItem', 'ErrorItemNotFound', 'The specified object was not found in the store.');
      delete items[item.id];
      var moved = { id: newId(), folder: folder, subject: item.subject, mime: item.mime };
      items[moved.id] = moved;
      state.moved.push({ from: item.id, to: moved.id, folder: folder });
      return ok('MoveItem', '<m:Items><t:Message><t:ItemId Id="' + esc(moved.id) + '" ChangeKey="CQAAABYAAAB"/></t:Message></m:Items>');
    });
    return response('MoveItem', messages);
  }

  function ews(xml) {
    var doc = new DOMParser().parseFromString(String(xml), 'application/xml');
    if (doc.getElementsByTagName('parsererror').length) return fault('ErrorSchemaValidation', 'The request failed schema validation: the XML is not well-formed.');
    var body = child(doc.documentElement, SOAP, 'Body');
    var op = body && body.firstElementChild;
    if (!op || op.namespaceURI !== M) return fault('ErrorInvalidRequest', 'The request is invalid.');
    switch (op.localName) {
      case 'GetItem':
        return getItem(op);
      case 'CreateItem':
        return createItem(op);
      case 'MoveItem':
        return moveItem(op);
      default:
        return fault('ErrorInvalidRequest', 'The simulated Exchange does not implement ' + op.localName + '.');
    }
  }

  // ---- Item ------------------------------------------------------------------------------------
  var customProps = (state.customProperties[openItemId] = Object.assign({}, itemConfig.customProperties || {}));
  function customProperties() {
    var pending = Object.assign({}, customProps);
    return {
      get: function (name) {
        return pending[name];
      },
      set: function (name, value) {
        pending[name] = value;
      },
      remove: function (name) {
        delete pending[name];
      },
      getAll: function () {
        return Object.assign({}, pending);
      },
      saveAsync: function () {
        var a = splitArgs(arguments);
        asyncCall('customProperties.saveAsync', [], a.callback, function () {
          Object.keys(customProps).forEach(function (k) {
            delete customProps[k];
          });
          Object.assign(customProps, pending);
        }, a.options.asyncContext);
      },
    };
  }

  var TYPES = { InformationalMessage: 'informationalMessage', ErrorMessage: 'errorMessage', ProgressIndicator: 'progressIndicator', InsightMessage: 'insightMessage' };
  var notificationMessages = {
    replaceAsync: function (key, details) {
      var a = splitArgs(Array.prototype.slice.call(arguments, 2));
      asyncCall('notificationMessages.replaceAsync', [key, details], a.callback, function () {
        if (typeof key !== 'string' || key.length === 0 || key.length > 32) throw officeError('InvalidParameter', 'The key must be 1 to 32 characters.', 9041);
        if (!details || typeof details.message !== 'string' || details.message.length > 150) throw officeError('DataExceedsMaximumSize', 'The message must be at most 150 characters.', 9041);
        if (details.type === TYPES.InformationalMessage && (!details.icon || typeof details.persistent !== 'boolean')) {
          throw officeError('InvalidParameter', 'An informational message needs icon and persistent.', 9041);
        }
        if (details.type !== TYPES.InformationalMessage && details.type !== TYPES.InsightMessage && (details.icon || 'persistent' in details)) {
          throw officeError('InvalidParameter', 'icon and persistent apply to informational messages only.', 9041);
        }
        if (!(key in state.notifications) && Object.keys(state.notifications).length >= 5) throw officeError('NumberOfNotificationMessagesExceeded', 'At most 5 notifications.', 9041);
        state.notifications[key] = Object.assign({ key: key }, details);
        state.notificationLog.push(Object.assign({ key: key }, details));
      }, a.options.asyncContext);
    },
    addAsync: function (key, details) {
      var rest = Array.prototype.slice.call(arguments, 2);
      if (key in state.notifications) {
        var a = splitArgs(rest);
        asyncCall('notificationMessages.addAsync', [key, details], a.callback, function () {
          throw officeError('DuplicateNotificationKey', 'A notification with this key exists.', 9041);
        }, a.options.asyncContext);
        return;
      }
      notificationMessages.replaceAsync.apply(null, [key, details].concat(rest));
    },
    removeAsync: function (key) {
      var a = splitArgs(Array.prototype.slice.call(arguments, 1));
      asyncCall('notificationMessages.removeAsync', [key], a.callback, function () {
        if (!(key in state.notifications)) throw officeError('KeyNotFound', 'No notification with this key.', 9041);
        delete state.notifications[key];
      }, a.options.asyncContext);
    },
    getAllAsync: function () {
      var a = splitArgs(arguments);
      asyncCall('notificationMessages.getAllAsync', [], a.callback, function () {
        return Object.keys(state.notifications).map(function (k) {
          return Object.assign({}, state.notifications[k]);
        });
      }, a.options.asyncContext);
    },
  };

  var compose = config.mode === 'compose';
  var recipientsOf = function (list) {
    return (list || []).map(function (r) {
      return typeof r === 'string' ? { displayName: r, emailAddress: r, recipientType: 'other' } : r;
    });
  };
  var fields = { to: recipientsOf(itemConfig.to), cc: recipientsOf(itemConfig.cc), bcc: recipientsOf(itemConfig.bcc) };
  var bodyText = itemConfig.body || '';
  var attachments = (itemConfig.attachments || []).map(function (att, i) {
    return Object.assign({ id: att.id || 'att' + i, attachmentType: 'file', isInline: false, size: att.content ? atob(att.content).length : 0 }, att);
  });
  function recipientField(name) {
    return {
      getAsync: function () {
        var a = splitArgs(arguments);
        asyncCall(name + '.getAsync', [], a.callback, function () {
          return fields[name].slice();
        }, a.options.asyncContext);
      },
      setAsync: function (list) {
        var a = splitArgs(Array.prototype.slice.call(arguments, 1));
        asyncCall(name + '.setAsync', [list], a.callback, function () {
          fields[name] = recipientsOf(list);
        }, a.options.asyncContext);
      },
      addAsync: function (list) {
        var a = splitArgs(Array.prototype.slice.call(arguments, 1));
        asyncCall(name + '.addAsync', [list], a.callback, function () {
          fields[name] = fields[name].concat(recipientsOf(list));
        }, a.options.asyncContext);
      },
    };
  }
  var subject = itemConfig.subject || '';
  var item = {
    itemId: compose ? undefined : openItemId,
    itemType: 'message',
    notificationMessages: notificationMessages,
    body: {
      getAsync: function (coercionType) {
        var a = splitArgs(Array.prototype.slice.call(arguments, 1));
        asyncCall('body.getAsync', [coercionType], a.callback, function () {
          return coercionType === 'html' ? '<div>' + esc(bodyText) + '</div>' : bodyText;
        }, a.options.asyncContext);
      },
      setAsync: function (data) {
        var a = splitArgs(Array.prototype.slice.call(arguments, 1));
        asyncCall('body.setAsync', [data], a.callback, function () {
          bodyText = String(data);
        }, a.options.asyncContext);
      },
    },
    loadCustomPropertiesAsync: function () {
      var a = splitArgs(arguments);
      asyncCall('loadCustomPropertiesAsync', [], a.callback, customProperties, a.options.asyncContext);
    },
    getAttachmentsAsync: function () {
      var a = splitArgs(arguments);
      asyncCall('getAttachmentsAsync', [], a.callback, function () {
        if (!supports('Mailbox', '1.8')) throw officeError('APINotSupported', 'getAttachmentsAsync needs Mailbox 1.8.', 5030);
        return attachments.map(function (x) {
          return { id: x.id, name: x.name, contentType: x.contentType, size: x.size, attachmentType: x.attachmentType, isInline: x.isInline };
        });
      }, a.options.asyncContext);
    },
    getAttachmentContentAsync: function (id) {
      var a = splitArgs(Array.prototype.slice.call(arguments, 1));
      asyncCall('getAttachmentContentAsync', [id], a.callback, function () {
        if (!supports('Mailbox', '1.8')) throw officeError('APINotSupported', 'getAttachmentContentAsync needs Mailbox 1.8.', 5030);
        var att = attachments.filter(function (x) {
          return x.id === id;
        })[0];
        if (!att) throw officeError('InvalidAttachmentId', 'The attachment ID does not exist.', 9017);
        return { format: 'base64', content: att.content || '' };
      }, a.options.asyncContext);
    },
    getAsFileAsync: function () {
      var a = splitArgs(arguments);
      asyncCall('getAsFileAsync', [], a.callback, function () {
        if (!supports('Mailbox', '1.14')) throw officeError('APINotSupported', 'getAsFileAsync needs Mailbox 1.14.', 5030);
        return utf8Base64(items[openItemId] ? items[openItemId].mime : '');
      }, a.options.asyncContext);
    },
  };
  if (compose) {
    item.subject = {
      getAsync: function () {
        var a = splitArgs(arguments);
        asyncCall('subject.getAsync', [], a.callback, function () {
          return subject;
        }, a.options.asyncContext);
      },
      setAsync: function (value) {
        var a = splitArgs(Array.prototype.slice.call(arguments, 1));
        asyncCall('subject.setAsync', [value], a.callback, function () {
          if (String(value).length > 255) throw officeError('DataExceedsMaximumSize', 'The subject is over 255 characters.', 9000);
          subject = String(value);
        }, a.options.asyncContext);
      },
    };
    item.to = recipientField('to');
    item.cc = recipientField('cc');
    item.bcc = recipientField('bcc');
  } else {
    item.subject = subject;
    item.from = itemConfig.from ? recipientsOf([itemConfig.from])[0] : undefined;
    item.to = fields.to;
    item.cc = fields.cc;
    item.attachments = attachments.map(function (x) {
      return { id: x.id, name: x.name, contentType: x.contentType, size: x.size, attachmentType: x.attachmentType, isInline: x.isInline };
    });
  }

  // ---- Mailbox ---------------------------------------------------------------------------------
  var mailbox = {
    item: item,
    ewsUrl: config.ewsUrl || 'https://mail.danang.gov.vn/EWS/Exchange.asmx',
    diagnostics: { hostName: config.hostName || 'OutlookWebApp', hostVersion: config.hostVersion || '15.2.1544.4', OWAView: 'ThreeColumns' },
    userProfile: { displayName: 'Cán bộ', emailAddress: 'canbo@danang.gov.vn', timeZone: 'SE Asia Standard Time' },
    convertToEwsId: function (id) {
      return String(id).replace(/-/g, '/').replace(/_/g, '+');
    },
    convertToRestId: function (id) {
      return String(id).replace(/\//g, '-').replace(/\+/g, '_');
    },
    makeEwsRequestAsync: function (data, callback, userContext) {
      state.ewsRequests.push(String(data));
      asyncCall('makeEwsRequestAsync', [String(data).slice(0, 200)], callback, function () {
        if (!supports('Mailbox', '1.1')) throw officeError('APINotSupported', 'makeEwsRequestAsync needs Mailbox 1.1.', 5030);
        if (byteLength(String(data)) > cap) throw officeError('GenericResponseError', 'The request exceeds the size limit.', 9020);
        var answer = ews(data);
        if (byteLength(answer) > cap) throw officeError('GenericResponseError', 'Response exceeds the size limit.', 9020);
        return answer;
      }, userContext);
    },
    displayNewMessageForm: function (params) {
      state.calls.push({ name: 'displayNewMessageForm', args: [params] });
      var fault = faults.displayNewMessageForm;
      if (fault) throw new Error('displayNewMessageForm: simulated failure');
      if (!supports('Mailbox', '1.6')) throw new Error('API not supported: displayNewMessageForm needs Mailbox 1.6.');
      var p = params || {};
      if (p.subject && String(p.subject).length > 255) throw new Error('Subject is over 255 characters.');
      if (p.htmlBody && String(p.htmlBody).length > 32 * 1024) throw new Error('htmlBody is over 32 KB.');
      (p.attachments || []).forEach(function (att) {
        if (!att.name) throw new Error('An attachment needs a name.');
        if (att.type === 'file' && !att.url) throw new Error('A file attachment needs url.');
        if (att.type === 'item' && !att.itemId) throw new Error('An item attachment needs itemId.');
        if (att.type !== 'file' && att.type !== 'item') throw new Error('Unknown attachment type.');
      });
      state.forms.push(JSON.parse(JSON.stringify(p)));
    },
  };

  // ---- Office ----------------------------------------------------------------------------------
  var readyInfo = { host: 'Outlook', platform: config.platform || 'OfficeOnline' };
  window.Office = {
    context: {
      requirements: {
        isSetSupported: function (name, version) {
          return supports(name, version);
        },
      },
      mailbox: mailbox,
      displayLanguage: config.displayLanguage || 'vi-VN',
      diagnostics: { host: 'Outlook', platform: readyInfo.platform, version: mailbox.diagnostics.hostVersion },
    },
    actions: {
      associate: function (name, fn) {
        state.actions[name] = fn;
      },
    },
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    CoercionType: { Text: 'text', Html: 'html' },
    EventType: { ItemChanged: 'olkItemSelectedChanged', SpamReporting: 'SpamReporting' },
    MailboxEnums: {
      ItemNotificationMessageType: TYPES,
      RestVersion: { v1_0: 'v1.0', v2_0: 'v2.0', Beta: 'beta' },
      MoveSpamItemTo: { CustomFolder: 'customFolder', DeletedItemsFolder: 'deletedItemsFolder', JunkFolder: 'junkFolder', NoMove: 'noMove' },
      ItemType: { Message: 'message', Appointment: 'appointment' },
      AttachmentType: { File: 'file', Item: 'item', Cloud: 'cloud' },
      AttachmentContentFormat: { Base64: 'base64', Url: 'url', Eml: 'eml', ICalendar: 'iCalendar' },
      RecipientType: { DistributionList: 'distributionList', User: 'user', ExternalUser: 'externalUser', Other: 'other' },
    },
  };

  if (config.runtime !== 'javascript') {
    window.Office.onReady = function (cb) {
      return new Promise(function (resolve) {
        setTimeout(function () {
          if (typeof cb === 'function') cb(readyInfo);
          resolve(readyInfo);
        }, latency);
      });
    };
  }
  if (config.javascriptRuntimeUrl && supports('Mailbox', '1.14')) {
    window.Office.context.urls = { javascriptRuntimeUrl: String(config.javascriptRuntimeUrl) };
  }

  if (config.sso) {
    window.Office.auth = {
      getAccessToken: function (options) {
        state.tokenRequests.push(JSON.parse(JSON.stringify(options || {})));
        var sso = config.sso;
        return new Promise(function (resolve, reject) {
          if (sso === 'hang') return;
          setTimeout(function () {
            if (sso.error) reject({ code: sso.error.code, name: sso.error.name || 'Error', message: sso.error.message || 'SSO error ' + sso.error.code });
            else resolve(sso.token);
          }, latency);
        });
      },
    };
  }

  if (config.naa) window.nestedAppAuthBridge = window.__createNaaBridgeSim(config.naa, state.naaRequests);

  /**
   * Runs a function the way Outlook runs an ExecuteFunction command: looks the name up among
   * the associated actions (then the page's globals, as older clients do), passes an event
   * whose completed() calls are recorded, and resolves once completed() has been called (or
   * after `waitMs`). `extra` adds event properties (e.g. { type: 'SpamReporting', freeText }).
   */
  config.invoke = function (name, extra, waitMs) {
    var fn = state.actions[name] || window[name];
    if (typeof fn !== 'function') return Promise.reject(new Error('No function named ' + name));
    var record = { name: name, calls: [] };
    state.completed.push(record);
    return new Promise(function (resolve) {
      var timer = setTimeout(function () {
        resolve(record);
      }, waitMs || 30000);
      var event = Object.assign({ source: { id: name } }, extra || {}, {
        completed: function (options) {
          record.calls.push(arguments.length ? [options] : []);
          clearTimeout(timer);
          resolve(record);
        },
      });
      try {
        fn(event);
      } catch (e) {
        record.threw = String(e && e.message);
      }
    });
  };
})();
