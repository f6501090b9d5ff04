/**
 * The worked packets of hj212.md §2 and hj212-2025.md §7, verbatim (`\r\n` = the two tail bytes), for tests here
 * and in the gateway. Each CRC was recomputed by two independent implementations when the references were written.
 */
export const HJ212_2017_PACKETS = {
  /** Appendix A's own example (CRC-16/MODBUS of the same bytes would be 0759). */
  appendixA: '##0101QN=20160801085857223;ST=32;CN=1062;PW=100000;MN=010000A8900016F000169DC0;Flag=5;CP=&&RtdInterval=30&&1C80\r\n',
  /** Table C.14: the platform's 9014 data answer. */
  dataAnswer: '##0087QN=20160801085857223;ST=91;CN=9014;PW=123456;MN=010000A8900016F000169DC0;Flag=4;CP=&&&&3240\r\n',
  /** Hour data from a real air-quality station (IceCoffee.HJ212 README). */
  hourAir:
    '##0285QN=20190925181031464;ST=22;CN=2061;PW=BF470F88957588DE902D1A52;MN=Z13401000010301;Flag=5;CP=&&DataTime=20190924220000;a34006-Avg=2.69700,a34006-Flag=N;a34007-Avg=7.96600,a34007-Flag=N;a34048-Avg=3.30600,a34048-Flag=N;a34047-Avg=7.35700,a34047-Flag=N;a34049-Avg=10.66300,a34049-Flag=N&&C181\r\n',
  /** Minute data from a real station (flash520/hj212 test). */
  minuteAir:
    '##0411QN=20220513162608370;ST=22;CN=2051;PW=123456;MN=JLYP01_AIR01_0001;Flag=4;CP=&&DataTime=20220513162600;a21004-Avg=4,a21004-Flag=N;a05024-Avg=63,a05024-Flag=N;a21026-Avg=6,a21026-Flag=N;a21005-Avg=0.427,a21005-Flag=N;a34004-Avg=14,a34004-Flag=N;a34002-Avg=31,a34002-Flag=N;a01007-Avg=1,a01007-Flag=N;a01008-Avg=11,a01008-Flag=N;a01001-Avg=17,a01001-Flag=N;a01002-Avg=85,a01002-Flag=N;a01006-Avg=95,a01006-Flag=N&&D641\r\n',
  /** Table C.40 log: 144 characters but 152 UTF-8 bytes; the length and the CRC count bytes. */
  infoLog: '##0152QN=20160801085857223;ST=32;CN=3020;PW=123456;MN=010000A8900016F000169DC0;Flag=5;CP=&&DataTime=20100301145000;PolId=w01018;i11001-Info=//清洗管路//&&9741\r\n',
} as const;

export const HJ212_2025_PACKETS = {
  /** Real-time upload, answer required (Flag 9). */
  realtime: '##0140QN=20260315103000123;ST=31;CN=2011;PW=123456;MN=010000A8900016F000169DC0;Flag=9;CP=&&DataTime=20260315103000;a21026-Rtd=18.5,a21026-Flag=N&&D081\r\n',
  /** The same, SM4-encrypted with the A.2 test key; LLLL and CRC of the plaintext, as A.2 prints them. */
  realtimeEncrypted:
    '##0140QN=20260315103000123;ST=31;CN=2011;PW=123456;MN=010000A8900016F000169DC0;Flag=9;CP=&&{0x32,0x6B,0xC5,0xFA,0x25,0x7F,0xD1,0x04,0xA7,0x89,0x9E,0xD2,0xF1,0x3B,0xCD,0x29,0x1B,0x61,0x30,0xF4,0x3A,0x12,0x40,0xFE,0x3F,0x3A,0xE4,0x02,0xD7,0x90,0x2E,0xFD,0x63,0x54,0xA7,0x70,0xE6,0x5F,0x23,0x94,0xBB,0x0D,0x45,0xF1,0x5B,0x54,0x88,0x02}lag=N&&D081\r\n',
  /** Platform data answer (C.18 shape). */
  dataAnswer: '##0087QN=20260315103000123;ST=91;CN=9014;PW=123456;MN=010000A8900016F000169DC0;Flag=8;CP=&&&&3180\r\n',
  /** Heartbeat (ST of the station) and its 9013 answer. */
  heartbeat: '##0087QN=20260315103100456;ST=31;CN=9015;PW=123456;MN=010000A8900016F000169DC0;Flag=9;CP=&&&&4C80\r\n',
  heartbeatAnswer: '##0087QN=20260315103100456;ST=91;CN=9013;PW=123456;MN=010000A8900016F000169DC0;Flag=8;CP=&&&&8941\r\n',
  /** Resent hour record (RF=1 before CP). */
  resentHour:
    '##0177QN=20260315110000789;ST=31;CN=2061;PW=123456;MN=010000A8900016F000169DC0;Flag=9;RF=1;CP=&&DataTime=20260315090000;a21026-Min=15.2,a21026-Avg=18.3,a21026-Max=21.0,a21026-Flag=N&&4DC0\r\n',
} as const;

/** The official SM4 vector of HJ 212-2025 Appendix A.2 example 4 (p.33), key = 16 × 0x30. */
export const A2_EXAMPLE_4 = {
  key: '0000000000000000',
  plaintextSegment:
    'QN=20240520210700000;ST=31;CN=2051;PW=123456;MN=010000A8900016F000169DC0;Flag=9;CP=&&DataTime=20240520210600;a01011-Min=1.35,a01011-Avg=1.35,a01011-Max=1.35,a01011-Flag=N;a01014-Min=3.20,a01014-Avg=3.20,a01014-Max=3.20,a01014-Flag=N&&',
  crc: 'B541',
  cipherHex:
    'E43E159ACFAB242CB53155FB8B9281A1A242577ABFAED881BE88B72D69FC55ED1A80119FAAC8B3CD33D285CC76F57F2CA7F88B9573C6647E0F07E24609BD6B63EB20C5B9784F28E71D2F4994FF61D9E13B391A1D2A454B65388D5D9435DBF021528C7BF9755EF16518710C0CAC0ADEF9C5156CD0A5A17674AC0ED2ABC40023E9EF70128554B82438E91ADCE98A0D03A4',
  tail: 'g=N',
} as const;
