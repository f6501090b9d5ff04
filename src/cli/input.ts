import { z } from 'zod';

/** Input a CLI command cannot use: printed on stderr, exit code 2, nothing on stdout. */
export class InputError extends Error {}

/** Reads all of standard input as text. */
export async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Parses JSON text against a schema; every problem is named by its path, in Chinese (analysts read it). */
export function parseJsonInput<S extends z.ZodType>(text: string, schema: S): z.infer<S> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new InputError(`输入不是合法的 JSON：${(err as Error).message}`);
  }
  z.config(z.locales.zhCN());
  const parsed = schema.safeParse(json);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.slice(0, 20).map((i) => `  ${i.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '')}: ${i.message}`);
  throw new InputError(`输入格式有误（共 ${parsed.error.issues.length} 处）：\n${lines.join('\n')}`);
}
