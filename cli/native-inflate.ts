// Small zip entries are inflated by Node's zlib in the CLI: native, and it spares a one-file
// scan loading fflate, whose tables take ~20 ms to build (issue 11). zlib stops as soon as the
// output passes the limit; anything it refuses is streamed by fflate as before (core/extract/zip.ts).
import type { WholeInflater } from '../core/extract/zip';

export const zlibInflater: WholeInflater = (compressed, maxBytes) => {
  const out = process.getBuiltinModule('node:zlib').inflateRawSync(compressed, { maxOutputLength: maxBytes });
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
};
