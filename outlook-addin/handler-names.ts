// The functions Outlook calls by name. The manifest's FunctionName attributes, the
// Office.actions.associate calls and the tests all read this one table.
export const HANDLERS = {
  /** LaunchEvent OnNewMessageCompose: check the new draft, show an info bar. */
  newMessageCompose: 'onNewMessageComposeHandler',
  /** LaunchEvent OnMessageRecipientsChanged. */
  recipientsChanged: 'onMessageRecipientsChangedHandler',
  /** LaunchEvent OnMessageAttachmentsChanged: the heavy reading happens here. */
  attachmentsChanged: 'onMessageAttachmentsChangedHandler',
  /** LaunchEvent OnMessageSend (Smart Alerts): decide only, from what was read before. */
  messageSend: 'onMessageSendHandler',
  /** Legacy on-send event (Mailbox 1.8, Outlook on the web on Exchange on-premises). */
  itemSend: 'onItemSendHandler',
  /** Read-mode ribbon button "Báo cáo thư rác": ExecuteFunction. */
  reportSpam: 'reportSpamCommand',
} as const;

/** The add-in's files as hosted by IT (dist/outlook-addin/). */
export const ADDIN_FILES = {
  commands: 'commands.html',
  launchEvent: 'launchevent.js',
  composePane: 'compose.html',
  readPane: 'read.html',
  policy: 'policy.json',
  /** MSAL and the NAA token request, loaded only by the spam report's Graph path. */
  naa: 'naa.js',
  /** Written by the deployment kit: { "clientId": "<app registration's client ID>" } for NAA. */
  naaConfig: 'naa.json',
  officeJs: 'office-js/office.js',
} as const;
