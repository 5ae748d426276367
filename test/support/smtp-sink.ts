import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** One message as the sink received it: the raw source, and the headers a test asserts on. */
export interface ReceivedMail {
  raw: string;
  envelopeFrom: string | null;
  envelopeTo: string[];
  /** Header names in lower case; values unfolded, encoded words decoded. First occurrence wins. */
  headers: Record<string, string>;
  subject: string;
  messageId: string;
  /** Every filename= / name= of a MIME part, decoded. */
  attachmentNames: string[];
}

/**
 * A real SMTP server on 127.0.0.1 for tests (no TLS, no authentication required) that keeps what
 * it receives. stop() closes it; start() opens it again on the same port, so a test can play an
 * outage of the mail server.
 */
export class SmtpSink {
  readonly messages: ReceivedMail[] = [];
  private server?: SMTPServer;
  private port = 0;

  static async start(): Promise<SmtpSink> {
    const sink = new SmtpSink();
    await sink.start();
    return sink;
  }

  /** `smtp://127.0.0.1:<port>`, for SMTP_URL. */
  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  get running(): boolean {
    return this.server !== undefined;
  }

  async start(): Promise<void> {
    if (this.server) return;
    const server = new SMTPServer({
      secure: false,
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('error', (error: Error) => callback(error));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          const from = session.envelope.mailFrom;
          this.messages.push(parseMail(raw, from ? from.address : null, session.envelope.rcptTo.map((r) => r.address)));
          callback();
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
    this.port = (server.server.address() as AddressInfo).port;
    this.server = server;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Messages whose Message-ID header is `messageId` (angle brackets included). */
  withMessageId(messageId: string): ReceivedMail[] {
    return this.messages.filter((m) => m.messageId === messageId);
  }
}

/** Just enough MIME for tests: top-level headers and the file names of the parts. */
export function parseMail(raw: string, envelopeFrom: string | null, envelopeTo: string[]): ReceivedMail {
  const normalized = raw.replace(/\r\n/g, '\n');
  const headerEnd = normalized.indexOf('\n\n');
  const headers = parseHeaders(headerEnd === -1 ? normalized : normalized.slice(0, headerEnd));
  const attachmentNames: string[] = [];
  const unfolded = normalized.replace(/\n[ \t]+/g, ' ');
  for (const m of unfolded.matchAll(/^Content-(?:Disposition|Type):[^\n]*?\b(?:file)?name\*?="?([^";\n]+)"?/gim)) {
    const name = decodeWords(m[1].trim());
    if (!attachmentNames.includes(name)) attachmentNames.push(name);
  }
  return {
    raw,
    envelopeFrom,
    envelopeTo,
    headers,
    subject: headers['subject'] ?? '',
    messageId: headers['message-id'] ?? '',
    attachmentNames,
  };
}

function parseHeaders(block: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of block.replace(/\n[ \t]+/g, ' ').split('\n')) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    if (!(name in out)) out[name] = decodeWords(line.slice(colon + 1).trim());
  }
  return out;
}

/** RFC 2047 encoded words (=?UTF-8?B?…?= and =?UTF-8?Q?…?=); adjacent words join without the space between. */
function decodeWords(value: string): string {
  return value
    .replace(/(=\?[^?]+\?[BbQq]\?[^?]*\?=)\s+(?==\?)/g, '$1')
    .replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_, _charset: string, encoding: string, text: string) => {
      if (encoding.toUpperCase() === 'B') return Buffer.from(text, 'base64').toString('utf8');
      const bytes = text.replace(/_/g, ' ').replace(/=([0-9A-Fa-f]{2})/g, (_m: string, hex: string) => String.fromCharCode(parseInt(hex, 16)));
      return Buffer.from(bytes, 'latin1').toString('utf8');
    });
}

/** The bytes of the MIME part named `filename` (base64 as nodemailer sends attachments), or undefined. */
export function attachmentOf(raw: string, filename: string): Buffer | undefined {
  const normalized = raw.replace(/\r\n/g, '\n');
  for (const part of normalized.split(/\n--[^\n]+\n/)) {
    const end = part.indexOf('\n\n');
    if (end === -1) continue;
    const headers = part.slice(0, end).replace(/\n[ \t]+/g, ' ');
    if (!new RegExp(`name\\*?="?${filename.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"?`, 'i').test(headers)) continue;
    if (!/content-transfer-encoding:\s*base64/i.test(headers)) return Buffer.from(part.slice(end + 2), 'utf8');
    return Buffer.from(part.slice(end + 2).replace(/--[^\n]*--\s*$/, '').replace(/\s+/g, ''), 'base64');
  }
  return undefined;
}
