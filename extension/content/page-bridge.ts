// The one channel between the page-world hook and a content script. The content script
// opens a MessageChannel at document_start, before any page script runs, and posts one end
// to the window; the hook, also in place before any page script, takes the first such
// message in the capture phase and hides it from every later listener. Nothing else the
// page posts to the window is read: a page script can neither set limits nor report a
// stopped file. Ports clone File objects in both browsers.
export const CHANNEL_HELLO = 'congvu-guard:channel';

export interface FileInfo {
  name: string;
  size: number;
}

/** The hook saw the user pick files for a page input it holds back; the content script decides. */
export type HookToContent = { kind: 'picked'; id: number; files: File[] };
/** Which of the picked files (by index) the page may have; none means the page gets none. */
export type ContentToHook = { kind: 'verdict'; id: number; allow: number[] };

/** Opens the channel; call at document_start, before the page can post anything. */
export function openPageChannel(): MessagePort {
  const channel = new MessageChannel();
  window.postMessage(CHANNEL_HELLO, location.origin, [channel.port2]);
  return channel.port1;
}
