import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from 'src/config/app-config';
import { MailRenderer } from './mail-renderer';

describe('MailRenderer', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'portal-kip-mail-'));
  const renderer = new MailRenderer(loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, APP_URL: 'https://kip.example.test/' }));
  const receipt = {
    registrationNumber: '35.78-2025-000123',
    bodyName: 'Pemerintah Kota Surabaya',
    unitName: 'PPID Utama Kota Surabaya',
    receivedAtText: 'Kamis, 27 Maret 2025 pukul 10.00 WIB',
    dueDateText: 'Selasa, 22 April 2025 pukul 23.59 WIB',
    dueExplanation: 'Hari ke-0 adalah Kamis, 27 Maret 2025.',
    dueProvisional: false,
    trackingCode: 'K7PM-Q2XD-9HBT',
    trackingUrl: 'https://kip.example.test/lacak?nomor=35.78-2025-000123',
    requesterName: 'Siti <b>Rahayu</b> & "Kawan"',
  };

  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('should know the request_receipt template and refuse names outside views/mail', () => {
    expect(renderer.has('request_receipt')).toBe(true);
    expect(renderer.has('../layouts/main')).toBe(false);
    expect(renderer.has('no_such_template')).toBe(false);
    expect(() => renderer.render('no_such_template', {})).toThrow('not found');
  });

  it('should render the receipt subject with the registration number on one line', () => {
    expect(renderer.render('request_receipt', receipt).subject).toBe('Tanda bukti penerimaan permohonan informasi 35.78-2025-000123');
  });

  it('should escape every value in the HTML part and keep the text part plain', () => {
    const mail = renderer.render('request_receipt', receipt);
    expect(mail.html).toContain('Siti &lt;b&gt;Rahayu&lt;/b&gt; &amp; &quot;Kawan&quot;');
    expect(mail.html).not.toContain('<b>Rahayu</b>');
    expect(mail.text).toContain('Yth. Siti <b>Rahayu</b> & "Kawan",');
    expect(mail.text).not.toContain('&lt;');
  });

  it('should tell the number, the due date and how it was computed, the tracking code and the /lacak link', () => {
    const { text, html } = renderer.render('request_receipt', receipt);
    for (const part of [text, html]) {
      expect(part).toContain('35.78-2025-000123');
      expect(part).toContain('Selasa, 22 April 2025 pukul 23.59 WIB');
      expect(part).toContain('Hari ke-0 adalah Kamis, 27 Maret 2025.');
      expect(part).toContain('K7PM-Q2XD-9HBT');
      expect(part).toContain('hanya ditampilkan di e-mail ini dan di halaman konfirmasi');
      expect(part).toContain('PDF terlampir');
    }
    expect(text).toContain('https://kip.example.test/lacak?nomor=35.78-2025-000123');
    expect(html).toContain('href="https://kip.example.test/lacak?nomor&#x3D;35.78-2025-000123"');
    expect(text).not.toContain('sementara');
  });

  it('should say the due date is provisional when it is, and link /lacak on APP_URL when no tracking URL is given', () => {
    const { text } = renderer.render('request_receipt', { ...receipt, dueProvisional: true, trackingUrl: undefined });
    expect(text).toContain('(sementara)');
    expect(text).toContain('batas waktu bersifat sementara');
    expect(text).toContain('https://kip.example.test/lacak\n');
  });
});
