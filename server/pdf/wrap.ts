import type { PDFFont } from 'pdf-lib';

const ellipsis = '…';

/**
 * Splits text into lines no wider than `width`, at spaces; a word wider than a line on its own is
 * broken between characters. Words are measured one by one (not every candidate line), so the
 * font's memoised shaping is reused across lines and pages.
 */
export function wrapText(text: string, font: PDFFont, size: number, width: number): string[] {
  const spaceWidth = font.widthOfTextAtSize(' ', size);
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    let lineWidth = 0;
    for (const word of paragraph.split(' ').filter(Boolean).flatMap((w) => breakLongWord(w, font, size, width))) {
      const wordWidth = font.widthOfTextAtSize(word, size);
      if (line && lineWidth + spaceWidth + wordWidth > width) {
        lines.push(line);
        line = '';
        lineWidth = 0;
      }
      lineWidth += (line ? spaceWidth : 0) + wordWidth;
      line = line ? `${line} ${word}` : word;
    }
    lines.push(line);
  }
  return lines;
}

function breakLongWord(word: string, font: PDFFont, size: number, width: number): string[] {
  if (font.widthOfTextAtSize(word, size) <= width) return [word];
  const pieces: string[] = [];
  let piece = '';
  for (const char of word) {
    if (piece && font.widthOfTextAtSize(piece + char, size) > width) {
      pieces.push(piece);
      piece = '';
    }
    piece += char;
  }
  return [...pieces, piece];
}

/** At most `maxLines` lines; when some are left out, the last one kept ends in an ellipsis. */
export function limitLines(lines: string[], maxLines: number, font: PDFFont, size: number, width: number): string[] {
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  let last = kept[maxLines - 1]!;
  // Whole words go first, so the line ends "… word…" rather than in a cut word.
  while (last && font.widthOfTextAtSize(`${last}${ellipsis}`, size) > width) last = last.includes(' ') ? last.slice(0, last.lastIndexOf(' ')) : last.slice(0, -1);
  kept[maxLines - 1] = `${last}${ellipsis}`;
  return kept;
}
