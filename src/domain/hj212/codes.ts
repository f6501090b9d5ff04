/**
 * HJ 212 code tables as typed constants, not YAML reference data: they are the protocol's own vocabulary, which
 * the pure codec needs at decode time (2005 → 2017 factor mapping, text-type factors, the encrypt list), and they
 * change only with a new edition of the standard, never with policy or a validity period as `data/reference/*.yaml`
 * coefficients do. A typo here fails `tsc` or a unit test instead of a load. Emission limits per station, which do
 * change by permit, belong in reference data with the monitoring module.
 */

export type Edition = '2005' | '2017' | '2025';

/** 系统编码 ST (HJ 212-2017 Table 5; 44/45 from HJ 212-2025 per hj212-2025.md §1, one source). An open set. */
export const SYSTEM_CODES: Readonly<Record<string, string>> = {
  '21': '地表水质量监测',
  '22': '空气质量监测',
  '23': '声环境质量监测',
  '24': '地下水质量监测',
  '25': '土壤质量监测',
  '26': '海水质量监测',
  '27': '挥发性有机物监测',
  '31': '大气环境污染源',
  '32': '地表水体环境污染源',
  '33': '地下水体环境污染源',
  '34': '海洋环境污染源',
  '35': '土壤环境污染源',
  '36': '声环境污染源',
  '37': '振动环境污染源',
  '38': '放射性环境污染源',
  '39': '工地扬尘污染源',
  '41': '电磁环境污染源',
  '44': '用电监控（HJ 212-2025）',
  '45': '关键生产工况（HJ 212-2025）',
  '51': '烟气排放过程监控',
  '52': '污水排放过程监控',
  '91': '系统交互',
};

export type CommandCode = { name: string; since: Edition; removedIn?: Edition };

/** 命令编码 CN (HJ 212-2017 Table 9; 2025 additions per hj212-2025.md §4; 2005-only ones per hj212.md §8). An open set. */
export const COMMAND_CODES: Readonly<Record<string, CommandCode>> = {
  '1000': { name: '设置超时时间及重发次数', since: '2005' },
  '1001': { name: '上传数采仪硬件序列号（入网注册）', since: '2025' },
  '1002': { name: '设置数采仪入网编码 MN', since: '2025' },
  '1011': { name: '提取/上传现场机时间', since: '2005' },
  '1012': { name: '设置现场机时间', since: '2005' },
  '1013': { name: '现场机时间校准请求', since: '2017' },
  '1014': { name: '密钥请求/设置', since: '2025' },
  '1021': { name: '提取污染物报警门限值', since: '2005', removedIn: '2017' },
  '1022': { name: '设置污染物报警门限值', since: '2005', removedIn: '2017' },
  '1061': { name: '提取/上传实时数据间隔', since: '2017' },
  '1062': { name: '设置实时数据间隔', since: '2017' },
  '1063': { name: '提取/上传分钟数据间隔', since: '2017' },
  '1064': { name: '设置分钟数据间隔', since: '2017' },
  '1072': { name: '设置现场机访问密码', since: '2005' },
  '2011': { name: '实时数据', since: '2005' },
  '2012': { name: '停止察看实时数据', since: '2005' },
  '2013': { name: '原始监测数据（HJ 212-2025）', since: '2025' },
  '2021': { name: '设备运行状态', since: '2005' },
  '2022': { name: '停止察看设备运行状态', since: '2005' },
  '2031': { name: '日历史数据', since: '2005' },
  '2041': { name: '设备运行时间日历史数据', since: '2005' },
  '2051': { name: '分钟数据', since: '2005' },
  '2052': { name: '噪声单次测量数据', since: '2025' },
  '2061': { name: '小时数据', since: '2005' },
  '2062': { name: '自动标样核查数据', since: '2025' },
  '2071': { name: '报警事件', since: '2005', removedIn: '2017' },
  '2072': { name: '报警记录', since: '2005', removedIn: '2017' },
  '2081': { name: '数采仪开机时间', since: '2017' },
  '2111': { name: '5 分钟炉膛温度', since: '2025' },
  '3011': { name: '零点校准量程校准', since: '2017' },
  '3012': { name: '即时采样', since: '2017' },
  '3013': { name: '启动清洗/反吹', since: '2017' },
  '3014': { name: '比对采样', since: '2017' },
  '3015': { name: '超标留样', since: '2017' },
  '3016': { name: '设置采样时间周期', since: '2017' },
  '3017': { name: '提取采样时间周期', since: '2017' },
  '3018': { name: '提取出样时间', since: '2017' },
  '3019': { name: '提取设备唯一标识', since: '2017' },
  '3020': { name: '提取/上传现场机信息', since: '2017' },
  '3021': { name: '设置现场机参数', since: '2017' },
  '3022': { name: '即时留样任务', since: '2025' },
  '3024': { name: '启动标样核查', since: '2025' },
  '9011': { name: '请求应答', since: '2005' },
  '9012': { name: '执行结果', since: '2005' },
  '9013': { name: '通知应答', since: '2005' },
  '9014': { name: '数据应答', since: '2005' },
  '9015': { name: '心跳（HJ 212-2025）', since: '2025' },
};

/** Commands whose CP is SM4-encrypted under HJ 212-2025 §6.4.4: CN 2000–2999, 1014 and 3020. */
export function isEncryptedCommand(cn: string): boolean {
  return (cn.length === 4 && cn[0] === '2') || cn === '1014' || cn === '3020';
}

export type DataFlag = { meaning: string; editions: readonly Edition[] };

/**
 * 数据标记 -Flag (2017 Table 8; 2025 Table 10 adds Td; HJ/T 212-2005 pollution-source flags P…N). The letter F
 * meant "source stopped" in 2005 and "instrument stopped" in 2017. Unknown flags are kept verbatim.
 */
export const DATA_FLAGS: Readonly<Record<string, DataFlag>> = {
  N: { meaning: '正常', editions: ['2005', '2017', '2025'] },
  F: { meaning: '停运（2017：仪器停运；2005：排放源停运）', editions: ['2005', '2017'] },
  M: { meaning: '维护', editions: ['2005', '2017', '2025'] },
  S: { meaning: '手工输入/设定值', editions: ['2005', '2017'] },
  D: { meaning: '故障', editions: ['2005', '2017', '2025'] },
  C: { meaning: '校准', editions: ['2005', '2017', '2025'] },
  T: { meaning: '超测上限', editions: ['2005', '2017', '2025'] },
  B: { meaning: '通讯异常', editions: ['2017'] },
  Td: { meaning: '关键工况参数故障', editions: ['2025'] },
  P: { meaning: '电源故障', editions: ['2005'] },
};

export type Factor = {
  name: string;
  medium: 'water' | 'air' | 'site';
  /** Unit of -Rtd/-Min/-Avg/-Max, as Appendix B gives it; '' where dimensionless or not stated. */
  unit: string;
  /** Unit of -Cou, where the factor has one. */
  couUnit?: string;
  /** The HJ/T 212-2005 code this one replaced. */
  code2005?: string;
  /** Values are status codes, not numbers (HJ 212-2025 ST 45 key production conditions; hj212-2025.md §10.7). */
  isText?: boolean;
};

/** 监测因子编码 (HJ 212-2017 Appendix B Tables B.1 water and B.2 air, with 2005 codes; hj212.md §5). An open set. */
export const FACTORS: Readonly<Record<string, Factor>> = {
  w00000: { name: '污水', medium: 'water', unit: 'L/s', couUnit: 'm³', code2005: 'B01' },
  w01001: { name: 'pH 值', medium: 'water', unit: '', code2005: '001' },
  w01018: { name: '化学需氧量', medium: 'water', unit: 'mg/L', couUnit: 'kg', code2005: '011' },
  w21003: { name: '氨氮', medium: 'water', unit: 'mg/L', couUnit: 'kg', code2005: '060' },
  w21011: { name: '总磷', medium: 'water', unit: 'mg/L', couUnit: 'kg', code2005: '101' },
  w21001: { name: '总氮', medium: 'water', unit: 'mg/L', couUnit: 'kg', code2005: '065' },
  w01012: { name: '悬浮物', medium: 'water', unit: 'mg/L', couUnit: 'kg', code2005: '003' },
  w01017: { name: '五日生化需氧量', medium: 'water', unit: 'mg/L', couUnit: 'kg', code2005: '010' },
  w01020: { name: '总有机碳', medium: 'water', unit: 'mg/L', couUnit: 'kg', code2005: '015' },
  w22001: { name: '石油类', medium: 'water', unit: 'mg/L', couUnit: 'kg', code2005: '080' },
  w01010: { name: '水温', medium: 'water', unit: '℃' },
  w01009: { name: '溶解氧', medium: 'water', unit: 'mg/L' },
  w01014: { name: '电导率', medium: 'water', unit: 'μS/cm' },
  w01019: { name: '高锰酸盐指数', medium: 'water', unit: 'mg/L', couUnit: 'kg' },
  w20111: { name: '总汞', medium: 'water', unit: 'μg/L', couUnit: 'g', code2005: '020' },
  w20115: { name: '总镉', medium: 'water', unit: 'μg/L', couUnit: 'g', code2005: '022' },
  w20116: { name: '总铬', medium: 'water', unit: 'μg/L', couUnit: 'g', code2005: '023' },
  w20117: { name: '六价铬', medium: 'water', unit: 'μg/L', couUnit: 'g', code2005: '024' },
  w20119: { name: '总砷', medium: 'water', unit: 'μg/L', couUnit: 'g', code2005: '026' },
  w20120: { name: '总铅', medium: 'water', unit: 'μg/L', couUnit: 'g', code2005: '027' },
  // Flue-gas flow: Appendix B gives m³/s (standard state); many CEMS send m³/h, so the unit is the station's to confirm.
  a00000: { name: '废气', medium: 'air', unit: 'm³/s', couUnit: 'm³', code2005: 'B02' },
  a21026: { name: '二氧化硫', medium: 'air', unit: 'mg/m³', couUnit: 'kg', code2005: '02' },
  a21002: { name: '氮氧化物', medium: 'air', unit: 'mg/m³', couUnit: 'kg', code2005: '03' },
  a21003: { name: '一氧化氮', medium: 'air', unit: 'mg/m³', couUnit: 'kg' },
  a21004: { name: '二氧化氮', medium: 'air', unit: 'mg/m³', couUnit: 'kg' },
  a34013: { name: '烟尘', medium: 'air', unit: 'mg/m³', couUnit: 'kg', code2005: '01' },
  a19001: { name: '氧气含量', medium: 'air', unit: '%', code2005: 'S01' },
  a01011: { name: '烟气流速', medium: 'air', unit: 'm/s', code2005: 'S02' },
  a01012: { name: '烟气温度', medium: 'air', unit: '℃', code2005: 'S03' },
  a01013: { name: '烟气压力', medium: 'air', unit: 'kPa', code2005: 'S08' },
  a01014: { name: '烟气湿度', medium: 'air', unit: '%', code2005: 'S05' },
  a01017: { name: '烟道动压', medium: 'air', unit: 'Pa', code2005: 'S04' },
  a21005: { name: '一氧化碳', medium: 'air', unit: 'mg/m³', couUnit: 'kg', code2005: '04' },
  a21024: { name: '氯化氢', medium: 'air', unit: 'mg/m³', couUnit: 'kg', code2005: '08' },
  a21001: { name: '氨', medium: 'air', unit: 'mg/m³', couUnit: 'kg', code2005: '10' },
  a21018: { name: '氟化物', medium: 'air', unit: 'mg/m³', couUnit: 'kg', code2005: '06' },
  a05001: { name: '二氧化碳', medium: 'air', unit: 'mg/m³', couUnit: 'kg', code2005: '30' },
  a24088: { name: '非甲烷总烃', medium: 'air', unit: 'mg/m³', couUnit: 'kg' },
  a24087: { name: '碳氢化合物', medium: 'air', unit: 'mg/m³', couUnit: 'kg', code2005: '25' },
  a05002: { name: '甲烷', medium: 'air', unit: 'mg/m³', couUnit: 'kg' },
  a25002: { name: '苯', medium: 'air', unit: 'mg/m³', couUnit: 'kg' },
  a25003: { name: '甲苯', medium: 'air', unit: 'mg/m³', couUnit: 'kg', code2005: '17' },
  a25005: { name: '二甲苯', medium: 'air', unit: 'mg/m³', couUnit: 'kg', code2005: '18' },
  // Ambient air (ST 22): O3 is not in Table B.2 but is used in the field (hj212.md §5).
  a34002: { name: 'PM10', medium: 'air', unit: 'μg/m³' },
  a34004: { name: 'PM2.5', medium: 'air', unit: 'μg/m³' },
  a05024: { name: '臭氧', medium: 'air', unit: 'μg/m³' },
  a01001: { name: '温度', medium: 'air', unit: '℃' },
  a01002: { name: '湿度', medium: 'air', unit: '%' },
  a01006: { name: '气压', medium: 'air', unit: 'kPa' },
  a01007: { name: '风速', medium: 'air', unit: 'm/s' },
  a01008: { name: '风向', medium: 'air', unit: '°' },
};

/** HJ/T 212-2005 factor code → HJ 212-2017 code (the bracketed codes of hj212.md §5). */
export const FACTOR_2005_TO_2017: ReadonlyMap<string, string> = new Map(
  Object.entries(FACTORS).flatMap(([code, f]) => (f.code2005 ? [[f.code2005, code] as const] : [])),
);

/**
 * Whether a factor's values are text (status codes such as `St`, `Sr`, `N`): HJ 212-2025 key production conditions,
 * `p991xx` under ST 45 (hj212-2025.md §4, one source), and any table entry marked so. Everywhere else a non-numeric
 * value is rejected (hj212-2025.md §10.7).
 */
export function isTextFactor(code: string): boolean {
  return code.startsWith('p991') || FACTORS[code]?.isText === true;
}

/** QnRtn 请求应答 (2017 Table 7). */
export const QN_RTN: Readonly<Record<string, string>> = {
  '1': '准备执行请求', '2': '请求被拒绝', '3': 'PW 错误', '4': 'MN 错误', '5': 'ST 错误', '6': 'Flag 错误',
  '7': 'QN 错误', '8': 'CN 错误', '9': 'CRC 校验错误', '100': '未知错误',
};

/** ExeRtn 执行结果 (2017 Table 6). */
export const EXE_RTN: Readonly<Record<string, string>> = {
  '1': '执行成功', '2': '执行失败，但不知道原因', '3': '命令请求条件错误', '4': '通讯超时', '5': '系统繁忙',
  '6': '系统故障', '100': '没有数据',
};
