// npm run bench [-- address|documents]: prints each benchmark's table.
import { runAddressBench } from './address.bench';

const which = process.argv[2] ?? 'all';
if (which === 'all' || which === 'address') {
  const r = runAddressBench();
  console.log(`\nAddress scan: ${r.chars.toLocaleString('en')} characters of Vietnamese text, ${r.planted} addresses planted`);
  console.table(r.rows);
}
if (which === 'all' || which === 'documents') {
  const { runDocumentBench } = await import('./documents.bench');
  await runDocumentBench();
}
