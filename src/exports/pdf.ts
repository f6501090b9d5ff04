import { createRequire } from 'node:module';
import path from 'node:path';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';

const require = createRequire(import.meta.url);
// Noto Sans Hans (GB 2312 subset, SIL OFL 1.1) from npm, so a PDF in Chinese needs no system font.
const FONT_DIR = path.join(path.dirname(require.resolve('@embedpdf/fonts-sc')), '..', 'fonts');
export const PDF_FONT = 'NotoSansHans';

/**
 * A watermark on every page of every PDF this process renders: set at start-up when the database holds the demo city
 * (issue #12), so a printed demo report cannot pass for a real one. A process serves one database, so one setting.
 */
let watermark: string | null = null;
export const setPdfWatermark = (text: string | null) => {
  watermark = text;
};

/** Renders a pdfmake document with the Chinese font; it may read nothing else, local or remote. */
export async function renderPdf(doc: TDocumentDefinitions): Promise<Buffer> {
  // A CommonJS singleton: under ESM its methods are on the default export.
  const pdfmake = (await import('pdfmake')).default;
  pdfmake.setFonts({ [PDF_FONT]: { normal: path.join(FONT_DIR, 'NotoSansHans-Regular.otf'), bold: path.join(FONT_DIR, 'NotoSansHans-Bold.otf') } });
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((p) => path.resolve(p).startsWith(FONT_DIR));
  const marked = watermark ? { watermark: { text: watermark, font: PDF_FONT, opacity: 0.15, bold: true, fontSize: 60 } } : {};
  return pdfmake.createPdf({ ...doc, ...marked, defaultStyle: { font: PDF_FONT, ...doc.defaultStyle } }).getBuffer();
}

/** 通报: a landscape A4 bulletin with its centred title and subtitle line above the body. */
export function renderBulletin(title: string, subtitle: string, body: Content[]): Promise<Buffer> {
  return renderPdf({
    pageSize: 'A4',
    pageOrientation: 'landscape',
    defaultStyle: { fontSize: 9 },
    info: { title, creator: 'ECER' },
    content: [{ text: title, fontSize: 15, bold: true, alignment: 'center', margin: [0, 0, 0, 6] }, { text: subtitle, alignment: 'center', margin: [0, 0, 0, 8] }, ...body],
  });
}

/** Black or white text, whichever reads on a fill colour (WCAG relative luminance). */
export function textOn(fill: string | null): string {
  if (!fill) return '#000000';
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(fill.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b! > 0.179 ? '#000000' : '#ffffff';
}
