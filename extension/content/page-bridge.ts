// Messages between the page-world hook and the content script. window.postMessage is the
// one channel both browsers clone File objects through, from either world.
export const PAGE_SOURCE = 'congvu-guard:page';
export const CONTENT_SOURCE = 'congvu-guard:content';

export interface FileInfo {
  name: string;
  size: number;
}

export type PageToContent =
  | { source: typeof PAGE_SOURCE; kind: 'blocked'; files: FileInfo[] }
  | { source: typeof PAGE_SOURCE; kind: 'files'; files: File[] };

export type ContentToPage = { source: typeof CONTENT_SOURCE; kind: 'limits'; maxFileBytes: number; maxTotalBytes: number };

export function isFromPage(data: unknown): data is PageToContent {
  return typeof data === 'object' && data !== null && (data as { source?: unknown }).source === PAGE_SOURCE;
}
export function isFromContent(data: unknown): data is ContentToPage {
  return typeof data === 'object' && data !== null && (data as { source?: unknown }).source === CONTENT_SOURCE;
}
