import { COPY_DELIVERIES } from 'src/modules/requests/request-options';
import { RequestStatus } from 'src/modules/requests/request-status';
import { exemptionGroundText, rupiah } from 'src/modules/requests/workflow/letters';
import { DECISIONS, Decision, FORMATS, NoticeInput } from 'src/modules/requests/workflow/notice-input';

/** The written notice in words for the requester: the same labels the letter prints, plus what happens next. */
export interface DecisionSummary {
  decision: Decision;
  decisionText: string;
  facts: { label: string; value: string }[];
  nextSteps: string[];
}

export const OBJECTION_STEP =
  'Jika Anda tidak puas dengan keputusan ini, Anda berhak mengajukan keberatan secara tertulis kepada Atasan PPID ' +
  'paling lambat 30 hari kerja setelah menerima surat pemberitahuan ini (UU Nomor 14 Tahun 2008 Pasal 35 dan 36).';

/** Lines for a request with a written notice; `status` tells whether the information was already handed over and closed. */
export function decisionSummary(n: NoticeInput, status: RequestStatus): DecisionSummary {
  const facts: { label: string; value: string }[] = [{ label: 'Keputusan', value: DECISIONS[n.decision] }];
  const nextSteps: string[] = [];
  const granting = n.decision === 'granted' || n.decision === 'partially_granted';
  if (granting) {
    if (n.material) facts.push({ label: 'Bahan informasi yang diberikan', value: n.material });
    if (n.redactions) facts.push({ label: 'Bagian yang dihitamkan dan alasannya', value: n.redactions });
    if (n.format) facts.push({ label: 'Bentuk informasi', value: FORMATS[n.format] });
    if (n.delivery) facts.push({ label: 'Cara penyampaian', value: COPY_DELIVERIES[n.delivery] });
    facts.push({ label: 'Biaya', value: n.fee ? rupiah(n.fee) : 'Tanpa biaya' });
    if (n.fee && n.paymentMethod) facts.push({ label: 'Cara pembayaran', value: n.paymentMethod });
    if (n.timeNeeded) facts.push({ label: 'Waktu yang dibutuhkan', value: n.timeNeeded });
    if (n.fee) nextSteps.push(`Bayar biaya ${rupiah(n.fee)} lebih dahulu${n.paymentMethod ? `: ${n.paymentMethod}` : ''}.`);
    if (status === 'closed') {
      nextSteps.push('Informasi sudah diserahkan dan permohonan selesai.');
    } else {
      const how = n.delivery ? ` (cara penyampaian: ${COPY_DELIVERIES[n.delivery].toLowerCase()})` : '';
      const when = n.timeNeeded ? ` dalam waktu ${n.timeNeeded}` : '';
      nextSteps.push(`Petugas PPID akan menyampaikan informasi kepada Anda${how}${when}.`);
    }
    if (n.decision === 'partially_granted') nextSteps.push(OBJECTION_STEP);
  } else if (n.decision === 'refused') {
    facts.push({ label: 'Dasar pengecualian', value: exemptionGroundText(n) });
    if (n.reason) facts.push({ label: 'Alasan', value: n.reason });
    nextSteps.push(OBJECTION_STEP);
  } else if (n.decision === 'not_held') {
    facts.push({ label: 'Badan publik yang menguasai', value: n.holderBody ?? 'Tidak diketahui' });
    if (n.reason) facts.push({ label: 'Keterangan', value: n.reason });
    nextSteps.push(
      n.holderBody
        ? `Informasi ini tidak dikuasai badan publik ini. Anda dapat mengajukan permohonan kepada ${n.holderBody}.`
        : 'Informasi ini tidak dikuasai badan publik ini, dan badan publik yang menguasainya tidak diketahui.',
    );
  } else {
    if (n.reason) facts.push({ label: 'Keterangan', value: n.reason });
    nextSteps.push('Informasi ini belum didokumentasikan, sehingga belum dapat diberikan. Permohonan ini selesai.');
  }
  return { decision: n.decision, decisionText: DECISIONS[n.decision], facts, nextSteps };
}

/** What happens next while no notice has been given. */
export function openNextSteps(dueDateText: string): string[] {
  return [
    `Petugas PPID akan memberikan pemberitahuan tertulis paling lambat ${dueDateText}.`,
    'Pemberitahuan itu akan tampil di halaman ini dan dikirim ke e-mail Anda.',
  ];
}
