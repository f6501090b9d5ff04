import type { Db } from '../db/client';
import type { DemoMarker } from './marker';
import type { DemoStream } from './stream-meters';

/** Live HJ 212 data of the demo's monitoring stations, to the platform's own gateway (issue #12). TODO: being written. */
export async function startStationStream(_o: { db: Db; marker: DemoMarker; host: string; port: number; log: (line: string) => void }): Promise<DemoStream | null> {
  return null;
}
