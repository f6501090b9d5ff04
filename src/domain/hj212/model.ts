import type { Edition } from './codes';

/** Why a frame or packet was refused; every one names the field in Chinese and says where, in bytes. */
export type RejectCode =
  | 'garbage' // bytes between packets that are not a packet (reported once per run)
  | 'length' // the 4 length characters are not digits, or disagree with the data segment
  | 'oversize' // data segment over the limit (default 1024 bytes, §6.3 Table 2), or an encrypted frame over its cap
  | 'tail' // no CR LF where the length says the packet ends
  | 'crc-format' // the 4 CRC characters are not hex
  | 'crc' // the CRC does not match (Appendix A)
  | 'truncated' // the stream ended inside a packet
  | 'header-field' // QN, ST, CN, PW, MN, Flag, PNUM/PNO, RF missing, duplicated or malformed (Table 3)
  | 'cp-syntax' // the CP area breaks the grammar of §6.3.3 Table 4
  | 'datatime' // DataTime (or another time field) is not a valid YYYYMMDDhhmmss
  | 'value' // a value that must be a signed decimal (or an integer, or a flag) is not
  | 'encoding' // the bytes are neither UTF-8 nor GB18030
  | 'decrypt' // an SM4 CP area that cannot be decrypted with any key, or is refused by the station's profile
  | 'split'; // a PNUM/PNO part that cannot be reassembled

export type Rejection = {
  code: RejectCode;
  /** In Chinese, naming the field. */
  reason: string;
  /** Byte offset in the stream (framer) or in the frame (decoder; the frame's own stream offset is on the frame). */
  offset: number;
  /** How many bytes the rejection covers, where known (garbage runs, rejected frames). */
  length?: number;
};

/** Something accepted but worth logging: a leniency used, a 2005 code mapped, a 17-digit DataTime truncated. */
export type Warning = { code: string; message: string };

/** One monitoring factor's values in a CP area (§6.3.3; suffixes of hj212.md §4), values as decimal strings. */
export type FactorValues = {
  code: string;
  /** The HJ/T 212-2005 code this factor arrived under, when it was mapped. */
  code2005?: string;
  rtd?: string;
  min?: string;
  avg?: string;
  max?: string;
  cou?: string;
  zsRtd?: string;
  zsMin?: string;
  zsAvg?: string;
  zsMax?: string;
  flag?: string;
  eflag?: string;
  sampleTime?: string;
  /** Kept verbatim, `//…//` included where the station wrapped it. */
  info?: string;
  /** Any other suffix (SN, RS, RT, RawAvg, SampleRd, …), verbatim. */
  other: Record<string, string>;
};

/** A parsed CP area: DataTime, the plain names (SystemTime, QnRtn, PolId, …) and the factors in order. */
export type Cp = { dataTime: string | null; params: Record<string, string>; factors: FactorValues[] };

/** Flag = V5…V0 A/D bits (Table 3): version = flag >> 2, bit 1 split (PNUM/PNO), bit 0 answer required. */
export type PacketFlag = { raw: number | null; version: number; split: boolean; answer: boolean };

/** A decoded data segment (Table 3). `qn` is null only for 2005-style packets without one. */
export type Packet = {
  qn: string | null;
  st: string;
  cn: string;
  pw: string;
  mn: string;
  flag: PacketFlag;
  pnum: number | null;
  pno: number | null;
  /** HJ 212-2025 resend marker: '1' or absent. */
  rf: string | null;
  cp: Cp;
};

/**
 * One station's switches (hj212-2025.md §6.1 and §10), isolating what the references mark unverified:
 * - edition: the edition answers mirror; 'auto' reads it from each packet's Flag (a hint only, §2).
 * - encryption: 'off' refuses SM4 CP areas, 'accept' takes either, 'require' takes plaintext with a warning.
 * - keys: SM4 keys, 16 bytes each (current first, then previous during a rotation's grace window).
 * - lengthMode: what LLLL of an encrypted packet counts: the plaintext (A.2's examples), the transmitted text, or either.
 * - lenient.bareLf: accept a bare LF as the tail (hj212.md §7), reported as a warning.
 */
export type StationProfile = {
  edition: Edition | 'auto';
  encryption: 'off' | 'accept' | 'require';
  keys: Uint8Array[];
  lengthMode: 'plaintext' | 'transmitted' | 'either';
  lenient: { bareLf: boolean };
};

/** The profile of a station nobody has configured: auto edition, SM4 accepted (no keys yet), strict tail. */
export const DEFAULT_PROFILE: Readonly<StationProfile> = {
  edition: 'auto',
  encryption: 'accept',
  keys: [],
  // hj212-2025.md §10.1: the plaintext length is the default, as the standard's own A.2 examples print it.
  lengthMode: 'plaintext',
  lenient: { bareLf: false },
};
