/**
 * Citizen report photos are shown to the public without the metadata a phone writes into them: EXIF (with the GPS
 * position of the reporter), XMP and IPTC for JPEG; eXIf and text chunks for PNG. Pure byte surgery, no image library:
 * the image data itself is copied unchanged.
 */
export type StripResult = { ok: true; bytes: Uint8Array; removed: string[] } | { ok: false; error: string; offset: number };

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** JPEG APPn segments that carry metadata: APP1 (EXIF, XMP), APP13 (Photoshop/IPTC). APP0 JFIF, APP2 ICC, APP14 Adobe stay. */
const JPEG_METADATA_MARKERS = new Set([0xe1, 0xed]);
/** PNG ancillary chunks with metadata (PNG 1.2 §11.3.4, PNG 3rd ed. eXIf). */
const PNG_METADATA_CHUNKS = new Set(['eXIf', 'tEXt', 'iTXt', 'zTXt']);

/** The photo without its location and text metadata, for JPEG and PNG; an error with the byte offset otherwise. */
export function stripPhotoMetadata(bytes: Uint8Array): StripResult {
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return stripJpeg(bytes);
  if (PNG_SIGNATURE.every((b, i) => bytes[i] === b)) return stripPng(bytes);
  return { ok: false, error: '不是 JPEG 或 PNG 图片', offset: 0 };
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** JPEG (ITU-T T.81 Annex B): SOI, then marker segments with a 2-byte length until SOS; the entropy-coded rest is copied. */
function stripJpeg(b: Uint8Array): StripResult {
  const kept: Uint8Array[] = [b.subarray(0, 2)];
  const removed: string[] = [];
  let at = 2;
  while (at < b.length) {
    if (b[at] !== 0xff) return { ok: false, error: 'JPEG 段标记缺失', offset: at };
    const marker = b[at + 1];
    if (marker === undefined) return { ok: false, error: 'JPEG 文件不完整', offset: at };
    if (marker === 0xff) {
      at += 1; // fill byte
      continue;
    }
    // Markers without a length: TEM and RST0–7 (only inside scans, but tolerated), EOI.
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      kept.push(b.subarray(at, at + 2));
      at += 2;
      continue;
    }
    if (marker === 0xd9) {
      kept.push(b.subarray(at, at + 2));
      return { ok: true, bytes: concat(kept), removed };
    }
    if (at + 4 > b.length) return { ok: false, error: 'JPEG 文件不完整', offset: at };
    const length = (b[at + 2]! << 8) | b[at + 3]!;
    if (length < 2 || at + 2 + length > b.length) return { ok: false, error: 'JPEG 段长度错误', offset: at + 2 };
    const end = at + 2 + length;
    if (marker === 0xda) {
      kept.push(b.subarray(at)); // start of scan: the image data and everything after it stay as they are
      return { ok: true, bytes: concat(kept), removed };
    }
    if (JPEG_METADATA_MARKERS.has(marker)) removed.push(`APP${marker - 0xe0}`);
    else kept.push(b.subarray(at, end));
    at = end;
  }
  return { ok: false, error: 'JPEG 文件缺少图像数据', offset: at };
}

/** PNG (ISO/IEC 15948): signature, then chunks of length · type · data · CRC up to IEND. */
function stripPng(b: Uint8Array): StripResult {
  const kept: Uint8Array[] = [b.subarray(0, 8)];
  const removed: string[] = [];
  let at = 8;
  while (at + 12 <= b.length) {
    const length = ((b[at]! << 24) | (b[at + 1]! << 16) | (b[at + 2]! << 8) | b[at + 3]!) >>> 0;
    const type = String.fromCharCode(b[at + 4]!, b[at + 5]!, b[at + 6]!, b[at + 7]!);
    const end = at + 12 + length;
    if (end > b.length) return { ok: false, error: `PNG 块 ${type} 长度错误`, offset: at };
    if (PNG_METADATA_CHUNKS.has(type)) removed.push(type);
    else kept.push(b.subarray(at, end));
    at = end;
    if (type === 'IEND') return { ok: true, bytes: concat(kept), removed };
  }
  return { ok: false, error: 'PNG 文件不完整（缺少 IEND）', offset: at };
}
