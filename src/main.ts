import { Logger } from '@nestjs/common';
import { createApp, createWorker } from './app';
import { AppConfig, ConfigError, loadConfig } from './config/app-config';

function configOrExit(): AppConfig {
  try {
    return loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`${e.message}\n`);
      process.exit(1);
    }
    throw e;
  }
}

async function main(): Promise<void> {
  const config = configOrExit();
  if (!config.servesHttp) {
    // PROCESS_ROLE=worker: jobs only (mail, reminders, schedules), beside web processes on the same database.
    const worker = await createWorker(config);
    await worker.init();
    new Logger('Portal').log('Portal KIP worker siap: menjalankan tugas latar (surat, pengingat, jadwal)');
    return;
  }
  const app = await createApp(config);
  // After the start-up work (migrations, reference data, bootstrap admin, jobs) and before the first request.
  await app.init();
  if (config.demoData) {
    // Loaded only when asked for: the request-serving code never imports src/demo.
    const { loadDemoDataOnStart } = await import('./demo/demo-on-start');
    await loadDemoDataOnStart(app, config);
  }
  await app.listen(config.port);
  new Logger('Portal').log(`Portal KIP siap di ${config.appUrl}`);
}

void main();
