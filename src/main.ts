import { Logger } from '@nestjs/common';
import { createApp } from './app';
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
