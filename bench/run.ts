// npm run bench [-- address|check-compare|legacy|documents|extension|outlook|sink|directory|allsites|inbox-churn|official|cli|large-mail|launch|background]: prints each benchmark's table.
import { DENSITIES, runAddressBench } from './address.bench';
import { runLegacyBench } from './legacy-text.bench';

const which = process.argv[2] ?? 'all';
if (which === 'all' || which === 'address') {
  for (const density of DENSITIES) {
    const r = runAddressBench(density);
    console.log(`\n${r.title}`);
    console.table(r.rows);
  }
  console.log("count: '@' signs for the indexOf pass; public-webmail addresses found by the two scanners (hidden forms included); findings for check().");
}
// issue 11: check() beside another build's (CVG_CHECK_COMPARE), findings compared every round
if (which === 'check-compare') {
  const { runCheckCompare } = await import('./check-compare.bench');
  await runCheckCompare();
}
if (which === 'all' || which === 'address' || which === 'legacy') {
  const r = runLegacyBench();
  console.log(`\n${r.title}`);
  console.table(r.rows);
  console.log('result: the rules that spoke, for check(); characters out, for decodeLegacy.');
}
if (which === 'all' || which === 'documents') {
  const { runDocumentBench } = await import('./documents.bench');
  await runDocumentBench();
}
if (which === 'all' || which === 'extension') {
  const { runExtensionBench } = await import('./extension.bench');
  await runExtensionBench();
}
// Official webmail (issue 12)
if (which === 'all' || which === 'official') {
  const { runOfficialWebmailBench } = await import('./official-webmail.bench');
  await runOfficialWebmailBench();
}
if (which === 'all' || which === 'outlook') {
  const { runOutlookSendBench } = await import('./outlook-send.bench');
  await runOutlookSendBench();
}
if (which === 'all' || which === 'sink') {
  const { runTextSinkBench } = await import('./text-sink.bench');
  console.log('\nTextSink: many tiny writes, against one join (floor) and re-joining every 4,096 writes (the former strategy); 5 rounds each');
  console.table(runTextSinkBench());
}
// issue 11 (official page weight): a tab's first official compose, CVG_EXT_COMPARE's build beside this one
if (which === 'official-first') {
  const { runOfficialFirstComposeBench } = await import('./official-webmail.bench');
  await runOfficialFirstComposeBench();
}
// official-directory (issue 14)
if (which === 'all' || which === 'directory') {
  const { runDirectoryBench } = await import('./directory.bench');
  const r = runDirectoryBench();
  console.log(`\n${r.title}`);
  console.table(r.rows);
}
// Account hygiene (issue 13): the all-sites script against the page without the extension.
if (which === 'all' || which === 'allsites') {
  const { runAllSitesBench } = await import('./allsites.bench');
  await runAllSitesBench();
}
// issue 11 (page weight): a large Gmail inbox whose own script adds and removes rows, no compose open
if (which === 'all' || which === 'inbox-churn') {
  const { runInboxChurnBench } = await import('./inbox-churn.bench');
  await runInboxChurnBench();
}
if (which === 'all' || which === 'cli') {
  const { runCliBench } = await import('./cli.bench');
  await runCliBench();
}
// issue 11: large e-mails through the CLI (beside CVG_CLI_COMPARE's build) and postal-mime in Chromium
if (which === 'all' || which === 'large-mail') {
  const { runLargeMailBench } = await import('./large-mail.bench');
  await runLargeMailBench();
}
if (which === 'launch') {
  // Only the launch file's load in fresh runtimes (the send figures need the 20 MB documents).
  const { runLaunchLoadBench } = await import('./outlook-send.bench');
  await runLaunchLoadBench();
}
// issue 11 (background): the service worker's start, against another build with CVG_BG_COMPARE.
if (which === 'all' || which === 'background') {
  const { runBackgroundBench } = await import('./background.bench');
  await runBackgroundBench();
}
