// The public half of the extension's signing key (DER, base64). In the manifest as `key`, it
// pins the Chrome/Edge extension id, so force-install policies can name it before the package
// exists. The private half is kept by whoever signs the .crx, never in this repository.
export const EXTENSION_PUBLIC_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAr7iXo2Zcblyw64MPNBdE/nHnvgjPdpwus8xGZFnBNV4pvlCWigOcTTeXdVsPprlt925RZQc/whuxcjffqNJ9tVsN2YmtBadjugfp+oYK3hlG7m/i9SlvxCHmnxnr8at5xrNqhrCKVsB0g+i/RzuynKK5/AvfCNhp9Odw5VqgLfgpl4k6g2kdLJhsPLqp5BFh3o7mICCbVMmr6PjDwl3k+vilSoqXCvkrxHD2J1zckv4G/DpTHM5MDcucVI+JLoznz8enoYobXg/9teQTmjkKlfClluRBlz4M+8eKU6KCcc0gt/eSc2XPej/V28iA4qVpbeLuWVoLT7iQ8NXwpBSWcQIDAQAB';
