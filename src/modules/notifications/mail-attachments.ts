import { Injectable } from '@nestjs/common';

/** An attachment named by kind and reference; its content is produced only when the mail is sent. */
export interface AttachmentRef {
  kind: string;
  ref: string;
}

export interface MailAttachment {
  filename: string;
  content: Buffer;
  contentType: string;
}

export type AttachmentResolver = (ref: string) => Promise<MailAttachment>;

/**
 * Where other modules say how to produce the attachments they ask for, e.g. the requests module
 * registers 'request_receipt' (ref = registration number) that renders the receipt PDF.
 * Register in onModuleInit.
 */
@Injectable()
export class MailAttachments {
  private readonly resolvers = new Map<string, AttachmentResolver>();

  register(kind: string, resolver: AttachmentResolver): void {
    if (!/^[a-z][a-z0-9_]*$/.test(kind)) throw new Error(`attachment kind ${kind} is not snake_case`);
    if (this.resolvers.has(kind)) throw new Error(`attachment kind ${kind} is registered twice`);
    this.resolvers.set(kind, resolver);
  }

  has(kind: string): boolean {
    return this.resolvers.has(kind);
  }

  async resolve(attachment: AttachmentRef): Promise<MailAttachment> {
    const resolver = this.resolvers.get(attachment.kind);
    if (!resolver) throw new Error(`no resolver for attachment kind ${attachment.kind}`);
    return resolver(attachment.ref);
  }
}
