// punycode's ES module (the package has no types of its own); imported by path, since a bare
// 'punycode' names Node's deprecated built-in module in Node.
declare module 'punycode/punycode.es6.js' {
  /** A domain with its labels beyond ASCII written as Punycode ("xn--…"), the rest as given. */
  export function toASCII(domain: string): string;
  /** The code points a Punycode label (without its "xn--") spells; throws RangeError on one that is not. */
  export function decode(label: string): string;
}
