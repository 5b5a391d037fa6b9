/**
 * Characters that no text of a session may hold: C0 control characters other
 * than tab and line breaks, the non-characters U+FFFE and U+FFFF, and halves
 * of a surrogate pair without their other half. XML 1.0 can't carry them, so
 * one of them in a name made the SVG export malformed and the PNG drawn from
 * it fail (issue 9); none of them is anything a person types or reads.
 */
const UNSAFE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function hasUnsafeCharacters(text: string): boolean {
  UNSAFE.lastIndex = 0;
  return UNSAFE.test(text);
}

/** The text without unsafe characters, and how many were removed. */
export function removeUnsafeCharacters(text: string): { text: string; removed: number } {
  let removed = 0;
  const cleaned = text.replace(UNSAFE, () => {
    removed++;
    return '';
  });
  return { text: removed === 0 ? text : cleaned, removed };
}
