import path from 'node:path';
import { z } from 'zod';

/** The one place that reads the environment. Defaults make `npm start` work with no env. */
const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  /** Real PostgreSQL; unset → embedded PGlite in ECER_DATA_DIR. */
  DATABASE_URL: z.string().url().optional(),
  ECER_DATA_DIR: z.string().default('.ecer/data'),
  /** The demo city's own data folder (`npm run demo`), never the real one. */
  ECER_DEMO_DIR: z.string().default('.ecer/demo'),
  /** For developing one demo step: run only these steps (comma-separated keys, e.g. `reporting,dualcontrol`). */
  ECER_DEMO_ONLY: z.string().optional(),
  /** Session lifetime (hours of inactivity). */
  SESSION_IDLE_HOURS: z.coerce.number().positive().default(8),
  /** 'auto' marks cookies Secure when the request came over HTTPS (behind a TLS proxy with TRUST_PROXY). */
  COOKIE_SECURE: z.enum(['auto', 'true', 'false']).default('auto'),
  TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Largest accepted request body, bytes. */
  BODY_LIMIT: z.coerce.number().int().positive().default(1_048_576),
  /** e-mail for notices, e.g. smtp://user:pass@mail.example.gov.cn:587; unset → in-app only. */
  SMTP_URL: z.string().url().optional(),
  SMTP_FROM: z.string().default('ECER 节能减排平台 <noreply@localhost>'),
  /** MQTT broker for online energy metering, e.g. mqtt://127.0.0.1:1883; unset → the meter subscriber is off. */
  MQTT_URL: z.string().url().optional(),
  /** The meters' topic root: `<root>/<USCC>/<meterId>`. */
  /** The subscriber's MQTT client id (its persistent session on the broker); default `<topic root>-platform-meters`. */
  MQTT_CLIENT_ID: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, '只能含字母、数字、下划线和连字符').optional(),
  MQTT_TOPIC_PREFIX: z.string().regex(/^[A-Za-z0-9_-]{1,32}$/, '只能含字母、数字、下划线和连字符').default('ecer'),
  /** HJ 212 gateway port for pollution-source stations; 0 or 'off' → no gateway in this process. */
  HJ212_PORT: z
    .string()
    .default('9212')
    .transform((v) => (v === 'off' ? 0 : Number(v)))
    .pipe(z.number().int().min(0).max(65535)),
  HJ212_HOST: z.string().default('0.0.0.0'),
  /** Seconds of silence before a station's connection is closed. */
  HJ212_IDLE_SECONDS: z.coerce.number().positive().default(300),
  /** NATS with JetStream, e.g. nats://127.0.0.1:4222; set → gateways publish to the stream and writers store. */
  NATS_URL: z.string().url().optional(),
  /** The deployment's one secret (stations' SM4 keys at rest, signed public challenges); unset → a generated key file. */
  ECER_SECRET_KEY: z.string().min(16, '至少 16 个字符 (at least 16 characters)').optional(),
});

export type Config = Readonly<{
  port: number;
  host: string;
  databaseUrl: string | null;
  dataDir: string;
  demoDir: string;
  /** null: every demo step. */
  demoOnly: string[] | null;
  sessionIdleMs: number;
  cookieSecure: 'auto' | boolean;
  trustProxy: boolean;
  logLevel: z.infer<typeof Env>['LOG_LEVEL'];
  bodyLimit: number;
  smtpUrl: string | null;
  smtpFrom: string;
  mqttUrl: string | null;
  mqttTopicPrefix: string;
  mqttClientId: string | null;
  /** null: the HJ 212 gateway is off. */
  hj212Port: number | null;
  hj212Host: string;
  hj212IdleMs: number;
  natsUrl: string | null;
  /** null: use (or create) `<dataDir>/secret.key`. */
  secretKey: string | null;
  /** Folder with the shipped reference data (plans, org, map). */
  referenceDir: string;
  /** Folder with the built web app. */
  webDir: string;
}>;

const root = path.resolve(import.meta.dirname, '../..');

/** Parses the environment; on bad keys, throws one error listing each. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`环境变量有误 (bad environment):\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return Object.freeze({
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL ?? null,
    dataDir: path.resolve(e.ECER_DATA_DIR),
    demoDir: path.resolve(e.ECER_DEMO_DIR),
    demoOnly: e.ECER_DEMO_ONLY ? e.ECER_DEMO_ONLY.split(',').map((x) => x.trim()).filter(Boolean) : null,
    sessionIdleMs: e.SESSION_IDLE_HOURS * 3_600_000,
    cookieSecure: e.COOKIE_SECURE === 'auto' ? 'auto' : e.COOKIE_SECURE === 'true',
    trustProxy: e.TRUST_PROXY === 'true',
    logLevel: e.LOG_LEVEL,
    bodyLimit: e.BODY_LIMIT,
    smtpUrl: e.SMTP_URL ?? null,
    smtpFrom: e.SMTP_FROM,
    mqttUrl: e.MQTT_URL ?? null,
    mqttTopicPrefix: e.MQTT_TOPIC_PREFIX,
    mqttClientId: e.MQTT_CLIENT_ID ?? null,
    hj212Port: e.HJ212_PORT === 0 ? null : e.HJ212_PORT,
    hj212Host: e.HJ212_HOST,
    hj212IdleMs: e.HJ212_IDLE_SECONDS * 1000,
    natsUrl: e.NATS_URL ?? null,
    secretKey: e.ECER_SECRET_KEY ?? null,
    referenceDir: path.join(root, 'data'),
    webDir: path.join(root, 'dist/web'),
    ...overrides,
  });
}
