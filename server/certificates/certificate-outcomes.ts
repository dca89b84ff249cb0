import type { Color, PDFFont, PDFPage } from 'pdf-lib';
import { limitLines, wrapText } from '../pdf/wrap';

/** The learning outcomes laid out: wrapped items, split into one or two columns. */
export interface OutcomeList {
  font: PDFFont;
  size: number;
  leading: number;
  itemGap: number;
  columnWidth: number;
  columns: string[][][]; // column → item → line
  height: number;
  /** Its place in the order of preference: lower reads better. */
  rank: number;
  /** Whole items at a size read without effort. */
  comfortable: boolean;
}
interface Layout {
  columns: 1 | 2;
  size: number;
  maxLines: number;
}

const bulletIndent = 12;
const gutter = 22;
// A single column keeps a little in from the text block either side: shorter lines read more easily.
const singleColumnWidthShare = 0.9;
const minSize = 7.5;
const comfortableSize = 8.5;

/**
 * The most readable layout that fits the room: one column at a comfortable size, then smaller
 * sizes, then two columns (from four items), then at the smallest size items cut to 3, 2 and 1
 * lines; as a last resort (far more items than a training model has), the ones that fit and "…".
 */
export function fitOutcomes(outcomes: string[], font: PDFFont, room: { width: number; height: number }): OutcomeList {
  const layouts = candidateLayouts(outcomes.length);
  for (const [rank, layout] of layouts.entries()) {
    const list = layOut(outcomes, font, layout, room.width, rank);
    if (list.height <= room.height) return list;
  }
  const smallest = layouts[layouts.length - 1]!;
  for (let kept = outcomes.length - 1; kept > 0; kept--) {
    const list = layOut([...outcomes.slice(0, kept), '…'], font, smallest, room.width, layouts.length + outcomes.length - kept);
    if (list.height <= room.height) return list;
  }
  return layOut([], font, smallest, room.width, layouts.length + outcomes.length);
}

function candidateLayouts(count: number): Layout[] {
  const columns: Layout['columns'] = count >= 4 ? 2 : 1;
  const whole = Number.POSITIVE_INFINITY;
  return [
    ...[10.5, 10, 9.5, 9].map((size) => ({ columns: 1 as const, size, maxLines: whole })),
    ...(columns === 2 ? [9, 8.5, 8, minSize] : [8.5, 8, minSize]).map((size) => ({ columns, size, maxLines: whole })),
    ...[3, 2, 1].map((maxLines) => ({ columns, size: minSize, maxLines })),
  ];
}

function layOut(outcomes: string[], font: PDFFont, layout: Layout, width: number, rank: number): OutcomeList {
  const { size } = layout;
  const columnWidth = layout.columns === 1 ? width * singleColumnWidthShare : (width - gutter) / 2;
  const textWidth = columnWidth - bulletIndent;
  const leading = size * 1.32;
  const itemGap = size * 0.45;
  const items = outcomes.map((o) => limitLines(wrapText(o, font, size, textWidth), layout.maxLines, font, size, textWidth));
  const heightOf = (column: string[][]) => column.reduce((sum, item) => sum + item.length * leading, 0) + Math.max(0, column.length - 1) * itemGap;
  const columns = layout.columns === 1 ? [items] : balancedHalves(items, heightOf);
  const comfortable = size >= comfortableSize && layout.maxLines === Number.POSITIVE_INFINITY;
  return { font, size, leading, itemGap, columnWidth, columns, height: Math.max(...columns.map(heightOf)), rank, comfortable };
}

/** Splits the items in reading order into two columns of as equal a height as possible. */
function balancedHalves(items: string[][], heightOf: (column: string[][]) => number): string[][][] {
  let best: string[][][] = [items, []];
  let bestHeight = heightOf(items);
  for (let split = 1; split < items.length; split++) {
    const halves = [items.slice(0, split), items.slice(split)];
    const height = Math.max(...halves.map(heightOf));
    if (height < bestHeight) [best, bestHeight] = [halves, height];
  }
  return best;
}

/** Draws the list with its top at `top`, the columns side by side within `width` and centred in it. */
export function drawOutcomeList(page: PDFPage, list: OutcomeList, area: { x: number; top: number; width: number }, colours: { text: Color; bullet: Color }) {
  const columnsWidth = list.columns.length * list.columnWidth + (list.columns.length - 1) * gutter;
  const left = area.x + (area.width - columnsWidth) / 2;
  list.columns.forEach((column, index) => {
    const x = left + index * (list.columnWidth + gutter);
    let baseline = area.top - list.size;
    for (const item of column) {
      page.drawCircle({ x: x + 3, y: baseline + list.size * 0.3, size: list.size * 0.17, color: colours.bullet });
      for (const line of item) {
        page.drawText(line, { x: x + bulletIndent, y: baseline, size: list.size, font: list.font, color: colours.text });
        baseline -= list.leading;
      }
      baseline -= list.itemGap;
    }
  });
}
