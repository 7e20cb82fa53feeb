// npm run bench [-- address|documents|extension|outlook|sink]: prints each benchmark's table.
import { runAddressBench } from './address.bench';

const which = process.argv[2] ?? 'all';
if (which === 'all' || which === 'address') {
  for (const [label, rate] of [['a contact-rich letter', 0.01], ['a contact directory', 0.03]] as const) {
    const r = runAddressBench(rate);
    console.log(`\nAddress scan, ${label}: ${r.chars.toLocaleString('en')} characters of Vietnamese text, ${r.planted} addresses planted`);
    console.table(r.rows);
  }
  console.log("count: '@' signs for the indexOf pass; public-webmail addresses found for the two scanners (hidden forms included).");
}
if (which === 'all' || which === 'documents') {
  const { runDocumentBench } = await import('./documents.bench');
  await runDocumentBench();
}
if (which === 'all' || which === 'extension') {
  const { runExtensionBench } = await import('./extension.bench');
  await runExtensionBench();
}
if (which === 'all' || which === 'outlook') {
  const { runOutlookSendBench } = await import('./outlook-send.bench');
  await runOutlookSendBench();
}
if (which === 'all' || which === 'sink') {
  const { runTextSinkBench } = await import('./text-sink.bench');
  console.log('\nTextSink: many tiny writes, against one join (floor) and re-joining every 4,096 writes (the former strategy)');
  console.table(runTextSinkBench());
}
