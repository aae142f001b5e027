// The engine lists where it simplifies Kafka as plain English sentences. Until it gives each a
// stable key, the UI finds a translation by a slug of the sentence's start; a sentence it does
// not know yet is shown in English.
export function simplificationKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, 40);
}
