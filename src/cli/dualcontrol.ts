import { DualControlFile, evaluateRegions } from '../domain/energy/accounts-file';
import { evaluationRulesFrom } from '../domain/energy/rules';
import { shippedVersions } from '../modules/reference/service';
import { parseJsonInput } from './input';

/**
 * `ecer dualcontrol evaluate < accounts.json`: evaluates every region-year with the shipped reference
 * rules and prints the results as JSON. Exit code 0; 1 when a region could not be evaluated (its error is
 * in "errors", the others are still printed); 2 when the input is not a valid file (nothing printed to stdout).
 */
export async function runDualControlEvaluate(input: string, referenceDir: string, out: NodeJS.WritableStream): Promise<number> {
  const file = parseJsonInput(input, DualControlFile);
  const { rows, errors } = evaluateRegions(file.regions, evaluationRulesFrom(await shippedVersions(referenceDir)));
  out.write('{"rows":[');
  rows.forEach((r, i) => out.write(`${i ? ',' : ''}\n${JSON.stringify(r)}`));
  out.write(`\n],"errors":${JSON.stringify(errors)}}\n`);
  return errors.length ? 1 : 0;
}
