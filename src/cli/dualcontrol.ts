import { z } from 'zod';
import { DualControlFile, evaluateRegions } from '../domain/energy/accounts-file';
import { evaluationRulesFrom } from '../domain/energy/rules';
import { shippedVersions } from '../modules/reference/service';

/**
 * `ecer dualcontrol evaluate < accounts.json`: evaluates every region-year with the shipped reference
 * rules and prints the results as JSON. Exit code 0; 1 when a region could not be evaluated (its error is
 * in "errors", the others are still printed); 2 when the input is not a valid file (nothing printed to stdout).
 */
export async function runDualControlEvaluate(input: string, referenceDir: string, out: NodeJS.WritableStream): Promise<number> {
  let json: unknown;
  try {
    json = JSON.parse(input);
  } catch (err) {
    throw new InputError(`输入不是合法的 JSON：${(err as Error).message}`);
  }
  z.config(z.locales.zhCN()); // analysts read the messages: in Chinese
  const parsed = DualControlFile.safeParse(json);
  if (!parsed.success) {
    const lines = parsed.error.issues.slice(0, 20).map((i) => `  ${i.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '')}: ${i.message}`);
    throw new InputError(`输入格式有误（共 ${parsed.error.issues.length} 处）：\n${lines.join('\n')}`);
  }
  const { rows, errors } = evaluateRegions(parsed.data.regions, evaluationRulesFrom(await shippedVersions(referenceDir)));
  out.write('{"rows":[');
  rows.forEach((r, i) => out.write(`${i ? ',' : ''}\n${JSON.stringify(r)}`));
  out.write(`\n],"errors":${JSON.stringify(errors)}}\n`);
  return errors.length ? 1 : 0;
}

export class InputError extends Error {}

/** Reads all of standard input as text. */
export async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
