import type { DemoCtx } from '../context';

/** Demo data for this module (issue #12). TODO: being written. */
export async function generateMonitoring(_ctx: DemoCtx): Promise<void> {}
