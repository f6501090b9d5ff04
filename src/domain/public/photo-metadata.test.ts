import { describe, expect, it } from 'vitest';
import { jpegWithGps, pngWithMetadata, SAMPLE_SCAN } from '../../../test/fixtures/citizen-photos';
import { stripPhotoMetadata } from './photo-metadata';

const has = (b: Uint8Array, s: string) => Buffer.from(b).includes(Buffer.from(s, 'latin1'));

describe('stripPhotoMetadata', () => {
  it('takes the EXIF block with its GPS position out of a JPEG and keeps the rest byte for byte', () => {
    const input = jpegWithGps();
    expect(has(input, 'Exif') && has(input, 'GPS')).toBe(true);
    const r = stripPhotoMetadata(input);
    if (!r.ok) throw new Error(r.error);
    expect(r.removed).toEqual(['APP1']);
    expect(has(r.bytes, 'Exif') || has(r.bytes, 'GPS')).toBe(false);
    expect(has(r.bytes, 'JFIF')).toBe(true);
    // The scan (image data) and the end marker come out unchanged at the end of the file.
    const tail = Buffer.concat([SAMPLE_SCAN, Buffer.from([0xff, 0xd9])]);
    expect(Buffer.from(r.bytes).subarray(-tail.length)).toEqual(tail);
    expect(input.length - r.bytes.length).toBe(input.indexOf(Buffer.from([0xff, 0xdb])) - input.indexOf(Buffer.from([0xff, 0xe1])));
  });

  it('leaves a JPEG without metadata as it is', () => {
    const once = stripPhotoMetadata(jpegWithGps());
    if (!once.ok) throw new Error(once.error);
    const twice = stripPhotoMetadata(once.bytes);
    expect(twice.ok && Buffer.from(twice.bytes).equals(Buffer.from(once.bytes))).toBe(true);
  });

  it('drops eXIf and text chunks of a PNG, keeps IHDR, IDAT and IEND', () => {
    const r = stripPhotoMetadata(pngWithMetadata());
    if (!r.ok) throw new Error(r.error);
    expect(r.removed).toEqual(['eXIf', 'tEXt']);
    expect(has(r.bytes, 'home address') || has(r.bytes, 'eXIf')).toBe(false);
    for (const chunk of ['IHDR', 'IDAT', 'IEND']) expect(has(r.bytes, chunk)).toBe(true);
  });

  it.each([
    ['a PDF', Buffer.from('%PDF-1.7\n'), 0],
    ['a JPEG cut short in a segment', jpegWithGps().subarray(0, 30), 22],
    ['a JPEG without a scan', Buffer.from([0xff, 0xd8, 0xff, 0xd9]).subarray(0, 2), 2],
    ['a PNG without IEND', pngWithMetadata().subarray(0, 40), 33],
  ])('refuses %s with where it went wrong', (_name, bytes, offset) => {
    const r = stripPhotoMetadata(bytes);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.offset).toBe(offset);
  });
});
