/** HJ 212 (2005, 2017 and 2025 editions): CRC, stream framing, packet decode/encode, SM4, split reassembly. */
export { hj212Crc, formatCrc } from './crc';
export { Hj212Framer, DEFAULT_FRAMER_OPTIONS, type Frame, type FramerOptions, type FramerOutput, type Leniency } from './framer';
export { parseCp, formatCp, type CpOptions, type CpParse } from './cp';
export { isSignedDecimal } from './values';
export {
  decodeFrame,
  decodePacket,
  encodePacket,
  formatSegment,
  makeFlag,
  editionOf,
  dataAnswer,
  notificationAnswer,
  requestAnswer,
  executionResult,
  answerFor,
  type Decoded,
  type DecodeResult,
  type DecodeOptions,
  type EncodeOptions,
} from './packet';
export { isSm4Available, encryptCpArea, decryptCpArea, parseCipherWire, parseSm4Key, sm4EcbEncrypt, sm4EcbDecrypt, SM4_BLOCK } from './sm4';
export { SplitReassembler, DEFAULT_SPLIT_OPTIONS, type SplitOptions, type SplitResult, type AbandonedGroup } from './split';
export * from './codes';
export * from './model';
