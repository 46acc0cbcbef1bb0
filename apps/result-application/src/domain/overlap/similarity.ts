/**
 * Text similarity that handles Chinese: Jaccard over the sets of character bigrams and trigrams.
 * Chinese has no spaces, so words are not at hand without a dictionary; character n-grams need
 * none and catch "农村道路养护" against "农村公路养护". Written here (a dozen lines) because the
 * maintained libraries we know of (natural, string-similarity) tokenise on whitespace or compare
 * only bigrams of Latin text.
 */
const normalise = (text: string) =>
  text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, '');

export const ngrams = (text: string): Set<string> => {
  const chars = Array.from(normalise(text));
  const grams = new Set<string>();
  for (const n of [2, 3]) for (let i = 0; i + n <= chars.length; i++) grams.add(chars.slice(i, i + n).join(''));
  // A one-character text still compares with itself.
  if (chars.length === 1) grams.add(chars[0]);
  return grams;
};

export const jaccard = (a: Set<string>, b: Set<string>): number => {
  if (a.size === 0 && b.size === 0) return 0;
  let shared = 0;
  for (const g of a) if (b.has(g)) shared++;
  return shared / (a.size + b.size - shared);
};

export const similarity = (a: string, b: string): number => jaccard(ngrams(a), ngrams(b));
