// The browser's own promise-based extension API in page scripts (Firefox's `browser`, Chrome
// MV3's `chrome`): the all-sites script loads into every page, so it carries no polyfill.
interface PageApi {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  storage: { local: { get(key: string): Promise<Record<string, unknown>> } };
}

const scope = globalThis as unknown as { browser?: PageApi; chrome?: PageApi };

export const api: PageApi = scope.browser ?? scope.chrome!;
