/** "2025-03-05 14:07 UTC": the same text on the server, in every browser and on paper. */
export function formatUtc(iso: string) {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}
