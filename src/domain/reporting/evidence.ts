/**
 * Evidence files are recognised by their content, never by their name: the first bytes (magic numbers)
 * and, for Office files, the parts inside the ZIP container.
 */
export type EvidenceType = { mediaType: string; extension: string };

const startsWith = (b: Uint8Array, sig: number[], at = 0) => sig.every((x, i) => b[at + i] === x);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));
const contains = (b: Uint8Array, s: string) => {
  const needle = ascii(s);
  outer: for (let i = 0; i <= b.length - needle.length; i++) {
    for (let j = 0; j < needle.length; j++) if (b[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
};

/** The accepted evidence types: PDF, common images, Office documents (OOXML and legacy). Null for anything else. */
export function sniffEvidence(b: Uint8Array): EvidenceType | null {
  if (startsWith(b, ascii('%PDF-'))) return { mediaType: 'application/pdf', extension: 'pdf' };
  if (startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { mediaType: 'image/png', extension: 'png' };
  if (startsWith(b, [0xff, 0xd8, 0xff])) return { mediaType: 'image/jpeg', extension: 'jpg' };
  if (startsWith(b, ascii('GIF87a')) || startsWith(b, ascii('GIF89a'))) return { mediaType: 'image/gif', extension: 'gif' };
  if (startsWith(b, ascii('RIFF')) && startsWith(b, ascii('WEBP'), 8)) return { mediaType: 'image/webp', extension: 'webp' };
  if (startsWith(b, [0x50, 0x4b, 0x03, 0x04]) && contains(b, '[Content_Types].xml')) {
    // OOXML: a ZIP whose part names say which application wrote it.
    if (contains(b, 'word/')) return { mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extension: 'docx' };
    if (contains(b, 'xl/')) return { mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extension: 'xlsx' };
    if (contains(b, 'ppt/')) return { mediaType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', extension: 'pptx' };
    return null;
  }
  // Legacy Office (.doc/.xls/.ppt): the OLE2 compound-file header.
  if (startsWith(b, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return { mediaType: 'application/x-ole-storage', extension: 'doc' };
  return null;
}
