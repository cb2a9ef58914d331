import { z } from 'zod';

const emptyAsUndefined = (value: unknown) => (value === '' ? undefined : value);

const urlWithProtocols = (protocols: string[]) =>
  z.url({ protocol: new RegExp(`^(${protocols.join('|')})$`) });

const configSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z.preprocess(
    emptyAsUndefined,
    urlWithProtocols(['postgres', 'postgresql']).optional(),
  ),
  PUBLIC_URL: z.preprocess(emptyAsUndefined, urlWithProtocols(['http', 'https']).optional()),
  SMTP_URL: z.preprocess(emptyAsUndefined, urlWithProtocols(['smtp', 'smtps']).optional()),
  MAIL_FROM: z.string().min(3).default('Koda <koda@localhost>'),
  SMTP_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(600).default(30),
  OUTBOX_SEND_LANES: z.coerce.number().int().min(1).max(32).default(4),
  RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  SEED_DEMO: z
    .enum(['true', 'false'])
    .default('true')
    .transform((value) => value === 'true'),
  /** Whether a proxy in front sets the client address: false, true (x-forwarded-for), cloudflare. */
  TRUST_PROXY: z.enum(['false', 'true', 'cloudflare']).default('false'),
  /** Where uploaded documents are kept: `DATA_DIR/files`, or an S3-compatible bucket. */
  FILES_DRIVER: z.enum(['local', 's3']).default('local'),
  S3_ENDPOINT: z.preprocess(emptyAsUndefined, urlWithProtocols(['http', 'https']).optional()),
  S3_BUCKET: z.preprocess(emptyAsUndefined, z.string().min(3).max(63).optional()),
  S3_REGION: z.preprocess(emptyAsUndefined, z.string().min(1).default('us-east-1')),
  S3_ACCESS_KEY_ID: z.preprocess(emptyAsUndefined, z.string().min(1).optional()),
  S3_SECRET_ACCESS_KEY: z.preprocess(emptyAsUndefined, z.string().min(1).optional()),
  MAX_UPLOAD_BYTES: z.coerce.number().int().min(1024).max(5_368_709_120).default(26_214_400),
  /** Who is responsible for participants' data (the organizing municipality), named on /privacy. */
  PRIVACY_CONTROLLER: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .trim()
      .min(2)
      .max(200)
      .regex(/^[^\r\n\t]+$/, 'one line of text')
      .optional(),
  ),
  /** Where people ask to see, correct or erase their data: an email address or an https page. */
  PRIVACY_CONTACT: z.preprocess(
    emptyAsUndefined,
    z
      .union([z.email(), urlWithProtocols(['http', 'https'])], {
        error: 'an email address or an http(s) URL',
      })
      .optional(),
  ),
});

/** Settings that depend on each other. */
const checkedConfigSchema = configSchema.superRefine((settings, context) => {
  if (settings.FILES_DRIVER === 's3' && !settings.S3_BUCKET) {
    context.addIssue({
      code: 'custom',
      path: ['S3_BUCKET'],
      message: 'required when FILES_DRIVER=s3',
    });
  }
  if (!settings.S3_ACCESS_KEY_ID !== !settings.S3_SECRET_ACCESS_KEY) {
    context.addIssue({
      code: 'custom',
      path: [settings.S3_ACCESS_KEY_ID ? 'S3_SECRET_ACCESS_KEY' : 'S3_ACCESS_KEY_ID'],
      message: 'S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together',
    });
  }
});

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  publicUrl: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  /** How long connecting, the greeting and a silent socket may take before a send fails. */
  smtpTimeoutMs: number;
  /** How many emails one process sends at once, so one stalled message does not hold the rest. */
  outboxSendLanes: number;
  retentionDays: number;
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  seedDemo: boolean;
  /** Where clientAddress() may read the client's address: the socket only, or a proxy header. */
  trustProxy: 'none' | 'forwarded' | 'cloudflare';
  /** Where uploaded documents are kept (src/platform/files); on Workers the R2 binding FILES. */
  files: {
    driver: 'local' | 's3';
    /** The local store's directory. */
    dir: string;
    s3: {
      bucket: string;
      endpoint: string | undefined;
      region: string;
      accessKeyId: string | undefined;
      secretAccessKey: string | undefined;
    } | null;
  };
  /** The largest upload taken (413 above it). */
  maxUploadBytes: number;
  /** Named on /privacy; unset (a demo) the page says so. */
  privacy: {
    controller: string | undefined;
    contact: { kind: 'email' | 'url'; value: string } | undefined;
  };
};

export class ConfigError extends Error {}

/** Parses settings from an environment; throws ConfigError with a one-line message naming the setting. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const parsed = checkedConfigSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = issue?.path.join('.') ?? 'setting';
    throw new ConfigError(`Invalid setting ${name}: ${issue?.message ?? 'invalid value'}`);
  }
  const settings = parsed.data;
  return {
    port: settings.PORT,
    host: settings.HOST,
    dataDir: settings.DATA_DIR,
    databaseUrl: settings.DATABASE_URL,
    publicUrl: (settings.PUBLIC_URL ?? `http://localhost:${settings.PORT}`).replace(/\/+$/, ''),
    smtpUrl: settings.SMTP_URL,
    mailFrom: settings.MAIL_FROM,
    smtpTimeoutMs: settings.SMTP_TIMEOUT_SECONDS * 1000,
    outboxSendLanes: settings.OUTBOX_SEND_LANES,
    retentionDays: settings.RETENTION_DAYS,
    logLevel: settings.LOG_LEVEL,
    seedDemo: settings.SEED_DEMO,
    trustProxy:
      settings.TRUST_PROXY === 'true'
        ? 'forwarded'
        : settings.TRUST_PROXY === 'cloudflare'
          ? 'cloudflare'
          : 'none',
    files: {
      driver: settings.FILES_DRIVER,
      dir: `${settings.DATA_DIR.replace(/\/+$/, '')}/files`,
      s3:
        settings.FILES_DRIVER === 's3' && settings.S3_BUCKET
          ? {
              bucket: settings.S3_BUCKET,
              endpoint: settings.S3_ENDPOINT,
              region: settings.S3_REGION,
              accessKeyId: settings.S3_ACCESS_KEY_ID,
              secretAccessKey: settings.S3_SECRET_ACCESS_KEY,
            }
          : null,
    },
    maxUploadBytes: settings.MAX_UPLOAD_BYTES,
    privacy: {
      controller: settings.PRIVACY_CONTROLLER,
      contact: settings.PRIVACY_CONTACT
        ? {
            kind: /^https?:/i.test(settings.PRIVACY_CONTACT) ? 'url' : 'email',
            value: settings.PRIVACY_CONTACT,
          }
        : undefined,
    },
  };
}

export function loadConfig(): Config {
  return parseConfig(process.env);
}
