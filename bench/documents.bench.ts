export async function runDocumentBench(): Promise<void> {
  console.log('document bench: pending');
}
