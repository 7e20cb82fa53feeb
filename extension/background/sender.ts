// Who may change the user's settings: the extension's own pages (options, popup), never a
// content script, whose sender URL is the web page it runs in.
export interface SenderLike {
  id?: string;
  url?: string;
}

export function isOwnPage(sender: SenderLike, ownId: string, ownBaseUrl: string): boolean {
  return sender.id === ownId && typeof sender.url === 'string' && sender.url.startsWith(ownBaseUrl);
}
