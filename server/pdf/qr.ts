import { type Color, type PDFPage, fill, popGraphicsState, pushGraphicsState, rectangle, setFillingColor } from 'pdf-lib';
import QRCode from 'qrcode';

/**
 * Draws a QR code of the text as vector squares (sharp at any print size, no image to embed), with
 * its bottom-left corner at (x, y) and `size` points wide including the quiet zone it needs around it.
 */
export function drawQrCode(page: PDFPage, text: string, box: { x: number; y: number; size: number; color: Color }) {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const quietZone = 2; // modules of white on each side; the page around it is white too
  const moduleSize = box.size / (modules.size + 2 * quietZone);
  const left = box.x + quietZone * moduleSize;
  const top = box.y + box.size - quietZone * moduleSize;
  const operators = [pushGraphicsState(), setFillingColor(box.color)];
  for (let row = 0; row < modules.size; row++) {
    // One rectangle per horizontal run of dark modules keeps the content stream short.
    for (let col = 0; col < modules.size; ) {
      if (!modules.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < modules.size && modules.get(row, col)) col++;
      operators.push(rectangle(left + start * moduleSize, top - (row + 1) * moduleSize, (col - start) * moduleSize, moduleSize));
    }
  }
  page.pushOperators(...operators, fill(), popGraphicsState());
}
