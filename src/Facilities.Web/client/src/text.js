// Ward names are matched without diacritics: "hai an" finds "Hải An", "dong hai" finds "Đông Hải". NFD splits the
// tone and vowel marks off the letters; đ is a letter of its own in Unicode and needs a rule of its own.
export function fold(text) {
  return String(text ?? '')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Items whose folded name contains the folded query; names starting with it first, then by name. */
export function searchByName(items, query, nameOf, codeOf) {
  const q = fold(query);
  if (!q) return [];
  const hits = [];
  for (const item of items) {
    const name = fold(nameOf(item));
    const code = codeOf ? String(codeOf(item) ?? '') : '';
    const at = name.indexOf(q);
    if (at >= 0 || code === q) hits.push({ item, rank: at < 0 ? 0 : at, name });
  }
  hits.sort((a, b) => a.rank - b.rank || a.name.localeCompare(b.name));
  return hits.map((h) => h.item);
}
