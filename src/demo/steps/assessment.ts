import type { DemoCtx } from '../context';

/** Demo data for this module (issue #12). TODO: being written. */
export async function generateAssessment(_ctx: DemoCtx): Promise<void> {}
