// Web APIs the launch code and its libraries use that classic Outlook's JavaScript-only runtime
// does not promise (it is documented as a JavaScript engine with fetch, WebSockets and storage).
// Each is installed only where the runtime has none, before any other module of the launch file
// runs: some make a TextDecoder or TextEncoder when they load.
import { PartsBlob } from '../../core/extract/parts-blob';
import { EncodingTextDecoder, EncodingTextEncoder } from './encoding-apis';
import { PlainUrl } from './url-api';

const APIS: Record<string, unknown> = { Blob: PartsBlob, TextDecoder: EncodingTextDecoder, TextEncoder: EncodingTextEncoder, URL: PlainUrl };

/** Installs each API `scope` lacks; the names installed. */
export function installMissingApis(scope: object = globalThis): string[] {
  const installed: string[] = [];
  for (const [name, value] of Object.entries(APIS)) {
    if (name in scope) continue;
    Object.defineProperty(scope, name, { value, configurable: true, writable: true, enumerable: false });
    installed.push(name);
  }
  return installed;
}

installMissingApis();
