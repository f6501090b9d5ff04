import type { Db } from '../db/client';
import type { DemoMarker } from './marker';
import { type DemoStream, startMeterStream } from './stream-meters';
import { startStationStream } from './stream-stations';

/**
 * While `npm run demo` serves, the demo's meters publish over MQTT (when a broker is reachable) and its stations send
 * HJ 212 to the platform's gateway, so the monitoring and metering pages move as they would in production.
 */
export async function startDemoStreams(o: { db: Db; marker: DemoMarker; mqttUrl: string; hj212: { host: string; port: number } | null; log: (line: string) => void }) {
  const streams: DemoStream[] = [];
  const meters = await startMeterStream({ db: o.db, marker: o.marker, mqttUrl: o.mqttUrl, log: o.log });
  if (meters) streams.push(meters);
  if (o.hj212) {
    const stations = await startStationStream({ db: o.db, marker: o.marker, host: o.hj212.host, port: o.hj212.port, log: o.log });
    if (stations) streams.push(stations);
  }
  return {
    describe: streams.map((s) => s.describe),
    stop: async () => {
      for (const s of streams) await s.stop();
    },
  };
}
