/** Offsets in a text to the line:column a person sees in an editor (both 1-based). */

export interface LineCol {
  line: number;
  col: number;
}

export type Locate = (offset: number) => LineCol;

export function lineLocator(text: string): Locate {
  const starts = [0];
  // low surrogates seen before each offset: a column counts an astral character once
  const lows = new Uint32Array(text.length + 1);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    lows[i + 1] = lows[i]! + (c >= 0xdc00 && c <= 0xdfff ? 1 : 0);
  }
  return (offset) => {
    const at = Math.max(0, Math.min(offset, text.length));
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= at) lo = mid;
      else hi = mid - 1;
    }
    const start = starts[lo]!;
    const col = at - start - (lows[at]! - lows[start]!) + 1;
    return { line: lo + 1, col };
  };
}
