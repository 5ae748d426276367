import { Logger } from '@nestjs/common';
import { createApp } from './app';
import { AppConfig, ConfigError, loadConfig } from './config/app-config';
import { demoSettingsFrom } from './modules/demo/demo-settings';

function configOrExit(): AppConfig {
  try {
    demoSettingsFrom(process.env);
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
  await app.listen(config.port);
  new Logger('Portal').log(`Portal KIP siap di ${config.appUrl}`);
}

void main();
