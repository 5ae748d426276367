import { INestApplicationContext } from '@nestjs/common';
import { FieldCipher } from 'src/common/crypto/field-cipher';
import { AppConfig } from 'src/config/app-config';
import { ConsultationSecrets, ConsultationsRepository } from 'src/modules/consultations';
import { FilesRepository, FilesService } from 'src/modules/files';
import { ObjectionSecrets, ObjectionsRepository } from 'src/modules/objections';
import { RequestSecrets, RequestsRepository, SecretsPassResult, TrackingCodes } from 'src/modules/requests';

export interface RotationReport {
  legacy: SecretsPassResult;
  requests: SecretsPassResult;
  files: SecretsPassResult;
  objections: SecretsPassResult;
  consultations: SecretsPassResult;
}

const FILE_BATCH = 20;

/**
 * Re-encrypts every encrypted value under ENCRYPTION_KEY (values under ENCRYPTION_KEY_PREVIOUS or
 * in the version-1 format are rewritten; the rest are skipped), after moving legacy rows over.
 * Batched and compare-and-set per row, so it is safe to run again and while the portal serves.
 * Each table's writes stay in its module: RequestSecrets, FilesService, ObjectionSecrets and
 * ConsultationSecrets, on the repositories of `app` (a context holding RequestRecordsModule,
 * FilesModule, ObjectionRecordsModule and ConsultationRecordsModule), with the keys of `config`.
 */
export async function rotateKeys(
  app: INestApplicationContext,
  config: AppConfig,
  onProgress: (what: string, done: SecretsPassResult) => void = () => undefined,
): Promise<RotationReport> {
  const cipher = new FieldCipher(config);
  const secrets = new RequestSecrets(app.get(RequestsRepository), cipher, new TrackingCodes(cipher));
  const files = new FilesService(app.get(FilesRepository), cipher);
  const legacy = await secrets.backfillLegacy();
  onProgress('legacy requests', legacy);
  const requests = await secrets.resealAll((done) => onProgress('requests', done));
  const filesDone = { rows: 0, failed: 0 };
  let after: string | null = null;
  do {
    const batch = await files.resealBatch(after, FILE_BATCH);
    filesDone.rows += batch.resealed;
    filesDone.failed += batch.failed;
    onProgress('files', filesDone);
    after = batch.last;
  } while (after !== null);
  const objections = await new ObjectionSecrets(app.get(ObjectionsRepository), cipher).resealAll((done) => onProgress('objections', done));
  const consultations = await new ConsultationSecrets(app.get(ConsultationsRepository), cipher).resealAll((done) => onProgress('consultations', done));
  return { legacy, requests, files: filesDone, objections, consultations };
}
