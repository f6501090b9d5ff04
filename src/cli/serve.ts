import type { Config } from '../server/config';
import { buildApp } from '../server/app';
import { bootDatabase } from '../server/boot';
import { startMeterSubscriber } from '../gateway/mqtt';
import { startHj212Services } from '../gateway/hj212';
import { startMonitoringTimers } from '../modules/monitoring/alarms.service';
import { scheduleDailyDigest } from './digest';

/** Boots the database, serves web + API on one port, and prints how to get in. */
export async function serve(config: Config, o: { demo?: boolean } = {}) {
  const { database, loaded, firstAdmin } = await bootDatabase(config);
  const app = await buildApp(config, database);
  const digest = scheduleDailyDigest(database.db, config, app.log);
  const monitoring = startMonitoringTimers(database.db, app.log);
  let meters: ReturnType<typeof startMeterSubscriber> | null = null;
  let hj212: Awaited<ReturnType<typeof startHj212Services>> | null = null;
  const close = async () => {
    clearInterval(digest);
    monitoring.stop();
    // Stop taking meter messages first and store what is buffered, while the database is still open.
    await meters?.stop();
    await hj212?.stop();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', close);
  process.once('SIGTERM', close);
  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (err) {
    await database.close();
    if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new Error(`端口 ${config.port} 已被占用：请停止占用它的程序，或用 PORT=其他端口 npm start (port ${config.port} is in use)`);
    }
    throw err;
  }
  // Off when MQTT_URL is unset; an unreachable broker is logged and retried, never fatal.
  if (config.mqttUrl) meters = startMeterSubscriber({ url: config.mqttUrl, topicPrefix: config.mqttTopicPrefix, ...(config.mqttClientId ? { clientId: config.mqttClientId } : {}), db: database.db, log: app.log });
  if (config.hj212Port !== null) {
    try {
      hj212 = await startHj212Services({ db: database.db, log: app.log, host: config.hj212Host, port: config.hj212Port, idleMs: config.hj212IdleMs, natsUrl: config.natsUrl });
    } catch (err) {
      await app.close();
      await database.close();
      if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') {
        throw new Error(`HJ 212 端口 ${config.hj212Port} 已被占用：用 HJ212_PORT=其他端口 或 HJ212_PORT=off (port ${config.hj212Port} is in use)`);
      }
      throw err;
    }
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://localhost:${port}/`;
  const where = database.kind === 'pglite' ? `嵌入式数据库 ${config.dataDir}` : 'PostgreSQL (DATABASE_URL)';
  const lines = [
    '',
    `  ECER 节能减排综合管理平台 已启动: ${url}`,
    `  数据库: ${where}`,
    `  已载入方案: ${loaded.plans.map((p) => `${p.code} (${p.tasks} 项任务, ${p.indicators} 项指标${p.changed ? ', 本次更新' : ''})`).join('; ')}`,
    `  接口文档: ${url}api/docs`,
  ];
  if (hj212) lines.push(`  HJ 212 在线监测接入: ${config.hj212Host}:${hj212.gateway.port}${config.natsUrl ? ` (NATS JetStream ${config.natsUrl})` : ''}`);
  if (o.demo) {
    // The demo prints its own accounts.
  } else if (firstAdmin) {
    lines.push(
      '',
      '  首个管理员账号（密码只显示这一次，首次登录须修改）:',
      `    用户名: ${firstAdmin.username}`,
      `    密码:   ${firstAdmin.password}`,
    );
  } else {
    lines.push('', '  管理员账号已存在。忘记密码时运行: npx ecer admin reset-password admin');
  }
  console.log(`${lines.join('\n')}\n`);
  return { app, database, url, hj212 };
}
