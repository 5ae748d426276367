import { RequestDocument } from 'src/modules/requests/request-document.entity';

/** A letter or document as the tracking page and the officers' page list it, with its ralat links. */
export interface DocumentRow {
  id: string;
  title: string;
  letterNumber: string | null;
  kind: string;
  /** A ralat: the number of the letter it corrects. */
  correctsLetterNumber: string | null;
  /** The numbers of the ralat letters that correct this one. */
  correctedBy: string[];
}

export function documentRows(documents: RequestDocument[]): DocumentRow[] {
  const byId = new Map(documents.map((d) => [d.id, d]));
  return documents.map((d) => ({
    id: d.id,
    title: d.title,
    letterNumber: d.letterNumber,
    kind: d.kind,
    correctsLetterNumber: d.correctsDocumentId ? (byId.get(d.correctsDocumentId)?.letterNumber ?? null) : null,
    correctedBy: documents.filter((o) => o.correctsDocumentId === d.id && o.letterNumber).map((o) => o.letterNumber as string),
  }));
}
