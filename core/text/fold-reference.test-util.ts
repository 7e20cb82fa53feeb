// fold() as it stood before issue 11's speed work: the Unicode passes that define it, kept as
// the reference the table-driven fold must agree with on any input.
export function foldReference(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase();
}
