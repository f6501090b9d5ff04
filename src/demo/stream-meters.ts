import type { Db } from '../db/client';
import type { DemoMarker } from './marker';

export type DemoStream = { describe: string; stop: () => Promise<void> };

/** Live meter readings of the demo's key energy units over MQTT (issue #12). TODO: being written. */
export async function startMeterStream(_o: { db: Db; marker: DemoMarker; mqttUrl: string; log: (line: string) => void }): Promise<DemoStream | null> {
  return null;
}
