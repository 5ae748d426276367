import { Injectable } from '@nestjs/common';
import { AuditService } from 'src/modules/audit';
import { Actor } from 'src/common/auth/actor';
import { AccessPolicy } from 'src/modules/auth';
import { FilesService } from 'src/modules/files';
import { InformationRequest } from 'src/modules/requests/request.entity';
import { RequestNotFound } from 'src/modules/requests/request.errors';
import { RequestsRepository } from 'src/modules/requests/requests.repository';

export interface Download {
  filename: string;
  mediaType: string;
  content: Buffer;
}

/** Letters, handed-over documents and identity documents, each only to those who may have it. */
@Injectable()
export class DocumentDownloads {
  constructor(
    private readonly requests: RequestsRepository,
    private readonly files: FilesService,
    private readonly access: AccessPolicy,
    private readonly audit: AuditService,
  ) {}

  /** A letter or handed-over document of a request the caller already may see. */
  async document(request: InformationRequest, documentId: string): Promise<Download> {
    const doc = await this.requests.findDocument(request.id, documentId);
    const file = doc ? await this.files.read(doc.fileId) : null;
    if (!file) throw new RequestNotFound('Dokumen tidak ditemukan.');
    return { filename: file.filename, mediaType: file.mediaType, content: file.plain };
  }

  /** The identity document: only officers of the request's unit (never supervisors, bureau or the public). */
  async identityDocument(actor: Actor, requestId: string): Promise<Download> {
    const request = await this.requests.findById(requestId);
    if (!request || !request.identityDocumentId || !(await this.access.isOfficerOfUnit(actor, request.unitId))) {
      throw new RequestNotFound('Dokumen tidak ditemukan.');
    }
    const file = await this.files.read(request.identityDocumentId);
    if (!file) throw new RequestNotFound('Dokumen tidak ditemukan.');
    await this.audit.record({
      actor,
      action: 'personal_data.identity_document_downloaded',
      target: { type: 'request', id: request.id },
      details: { unitId: request.unitId, mediaType: file.mediaType },
    });
    return { filename: file.filename, mediaType: file.mediaType, content: file.plain };
  }

  /** For the mail worker: the PDF of a letter by document id. */
  async byDocumentId(documentId: string): Promise<Download> {
    const doc = await this.requests.findDocumentById(documentId);
    const file = doc ? await this.files.read(doc.fileId) : null;
    if (!file) throw new RequestNotFound('Dokumen tidak ditemukan.');
    return { filename: file.filename, mediaType: file.mediaType, content: file.plain };
  }
}
