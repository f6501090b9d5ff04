import { afterEach, describe, expect, it } from 'vitest';
import { renderPdf, setPdfWatermark } from './pdf';

// Uncompressed, so the page's graphics state (the watermark's opacity) can be read in the bytes.
const render = async () => (await renderPdf({ content: ['整改通知书'], compress: false })).toString('latin1');

describe('renderPdf watermark (demo city, issue #12)', () => {
  afterEach(() => setPdfWatermark(null));

  it('marks every page of a demo database with a translucent watermark, and none otherwise', async () => {
    expect(await render()).not.toMatch(/\/ca 0\.15/);
    setPdfWatermark('演示数据 DEMO');
    expect(await render()).toMatch(/\/ca 0\.15/);
  });
});
