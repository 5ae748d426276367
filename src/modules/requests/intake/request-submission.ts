import { validateDto } from 'src/common/forms/validate-dto';
import { CreateRequestDto, OfflineSubmissionDto } from 'src/modules/requests/dto/create-request.dto';
import { CopyDelivery, ObtainMethod, RequesterType } from 'src/modules/requests/request-options';

/** A request as the pemohon files it, validated; field paths match the JSON API. */
export interface RequestSubmission {
  unitId: number;
  requester: {
    type: RequesterType;
    name: string;
    nik: string | null;
    registrationNo: string | null;
    address: string;
    phone: string;
    /** Empty only for requests recorded by an officer without an e-mail (phone, letter). */
    email: string;
    occupation: string;
  };
  information: string;
  purpose: string;
  obtainMethod: ObtainMethod;
  copyDelivery: CopyDelivery | null;
  /** The answer may be published without the requester's personal data (default no). */
  publicationConsent: boolean;
}

export type FieldErrors = Record<string, string>;

/**
 * Validates a submission from the form or the JSON API with CreateRequestDto (OfflineSubmissionDto
 * when an officer records it: the e-mail may be missing); returns the cleaned submission or the
 * errors per field (Bahasa Indonesia). The identity document is checked separately (bytes).
 */
export function parseRequestSubmission(
  raw: unknown,
  options: { emailOptional?: boolean } = {},
): { submission: RequestSubmission; errors: null } | { submission: null; errors: FieldErrors } {
  const result = validateDto<CreateRequestDto | OfflineSubmissionDto>(options.emailOptional ? OfflineSubmissionDto : CreateRequestDto, raw);
  if (result.errors) return { submission: null, errors: result.errors };
  const dto = result.value;
  const r = dto.requester;
  const organization = r.type === 'organization';
  return {
    submission: {
      unitId: dto.unitId,
      requester: {
        type: r.type,
        name: r.name,
        nik: organization ? null : (r.nik ?? null),
        registrationNo: organization ? (r.registrationNo ?? null) : null,
        address: r.address,
        phone: r.phone,
        email: r.email ?? '',
        occupation: r.occupation,
      },
      information: dto.information,
      purpose: dto.purpose,
      obtainMethod: dto.obtainMethod,
      copyDelivery: dto.copyDelivery ?? null,
      publicationConsent: dto.publicationConsent === true,
    },
    errors: null,
  };
}
